"""The bank loader and validator: good bank, one bad bank per error class, round-trip."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.bank import AnswerType, Bank, Category, Evidence, Item, ItemKind, Source, Text, dumps_bank, load_bank, loads_bank
from quizgen.cli import cli
from quizgen.errors import BankError

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"


@pytest.fixture
def bad_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Copy the good bank to tmp_path/bank with items.yaml replaced by a bad case; cwd = tmp_path."""
    monkeypatch.chdir(tmp_path)

    def make(case: str) -> Path:
        bank = tmp_path / "bank"
        shutil.copytree(DATA / "bank_good", bank)
        shutil.copy(DATA / "bank_bad" / f"{case}.yaml", bank / "items.yaml")
        return bank

    return make


def test_good_bank_loads_with_counts() -> None:
    bank = load_bank(DATA / "bank_good", ARTICLES)
    assert [i.id for i in bank.items] == ["t1-dialogue-partner", "t1-un-80"]
    item = bank.item_by_id["t1-un-80"]
    assert item.answer_type is AnswerType.NUMBER
    assert item.category is Category.DATES
    # the entity's aliases are accepted for an item whose answer is that entity
    assert "しょいぐ" in bank.accepted(bank.item_by_id["t1-dialogue-partner"])


BAD_CASES = {
    "unknown_key": [
        "bank/items.yaml:2:5: items[0].evidence: required field is missing",
        "bank/items.yaml:11:5: items[0].evidense: unknown key (did you mean 'evidence'?)",
    ],
    "wrong_type": ["bank/items.yaml:10:11: items[0].tags: must be a list, not str 'dialogue'"],
    "missing_field": ["bank/items.yaml:2:5: items[0].answer: required field is missing"],
    "duplicate_id": [
        "bank/items.yaml:14:9: items[1].id: duplicate id 't1-dialogue-partner' (first defined at bank/items.yaml:2)"
    ],
    "unknown_entity": [
        "bank/items.yaml:7:13: item t1-dialogue-partner.entity: unknown entity 'shoigoo' (did you mean 'shoigu'?)"
    ],
    "unknown_article": ["bank/items.yaml:12:19: item t1-dialogue-partner.evidence[0].article: unknown article 't2'"],
    "quote_not_found": [
        "bank/items.yaml:12:32: item t1-dialogue-partner.evidence[0].quote: quote not found verbatim in article t1 (t1.txt)"
    ],
    "clutter_quote": [
        "bank/items.yaml:12:32: item t1-dialogue-partner.evidence[0].quote: "
        "quote comes from page clutter in article t1, not from its content"
    ],
    "same_prompt": [
        "bank/items.yaml:17:18: item t1-dialogue-partner-2.prompt.ja: same prompt as item 't1-dialogue-partner' "
        "but a different answer ('ラブロフ' vs 'ショイグ')"
    ],
    "distractor_is_answer": [
        "bank/items.yaml:13:24: item t1-dialogue-partner.distractors[0].ja: distractor 'しょいぐ' is an accepted answer"
    ],
    "python_tag": [
        "bank/items.yaml:10:11: items[0].tags: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' "
        "is not allowed; the bank is plain data (safe YAML only)"
    ],
    "year_not_in_article": [
        "bank/items.yaml:5:18: item t1-dialogue-partner.prompt.ja: year 2024 is not in the cited article(s); "
        "state it only in a `context` note from outside the article"
    ],
    "cloze_without_blank": ["bank/items.yaml:27:17: item t1-un-80.cloze.ja: mark each blank with [[...]]"],
    "comma_split": [
        "bank/items.yaml:8:14: item t1-dialogue-partner.accept[0]: "
        "'Sergei' and 'Shoigu' look like one answer split at its comma; "
        'quote it: "Sergei, Shoigu"'
    ],
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_each_bad_bank_gives_its_located_message(case: str, bad_bank) -> None:  # type: ignore[no-untyped-def]
    bank = bad_bank(case)
    with pytest.raises(BankError) as exc:
        load_bank(bank, ARTICLES)
    assert [str(p) for p in exc.value.problems] == BAD_CASES[case]


def test_yaml_syntax_error_is_located(bad_bank) -> None:  # type: ignore[no-untyped-def]
    bank = bad_bank("yaml_syntax")
    with pytest.raises(BankError) as exc:
        load_bank(bank, ARTICLES)
    (problem,) = exc.value.problems
    # libyaml and pure-Python PyYAML word it differently; both name the place and what was expected
    assert str(problem).startswith("bank/items.yaml:11:13: (document): YAML syntax error: ")
    assert "expected ',' or ']'" in problem.message


def test_all_problems_are_reported_in_one_run(bad_bank) -> None:  # type: ignore[no-untyped-def]
    bank = bad_bank("many_problems")
    result = CliRunner().invoke(cli, ["check", "--bank", str(bank), "--articles", str(ARTICLES)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "bank/items.yaml:2:5: items[0].evidence: required field is missing",
        "bank/items.yaml:4:11: items[0].kind: must be one of date, anniversary, duration, relative-date, number, person, "
        "role, country, organisation, meeting, stance, forum, event, place, document, not 'persn' (did you mean 'person'?)",
        "bank/items.yaml:11:5: items[0].evidense: unknown key (did you mean 'evidence'?)",
        "3 problems in the question bank",
    ]
    assert "Traceback" not in result.output


def test_check_prints_ok_and_counts() -> None:
    result = CliRunner().invoke(cli, ["check", "--bank", str(DATA / "bank_good"), "--articles", str(ARTICLES)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "ok: 2 items, 3 entities, 1 source, 0 disagreements",
        "by category:",
        "  actors        1",
        "  dates         1",
        "by article:",
        "  t1      2  (no date)",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--bank", "no/such/folder"], "Error: bank folder not found: no/such/folder"),
        (["check", "--articles", "no/such/articles"], "Error: articles folder not found: no/such/articles"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args: list[str], message: str) -> None:
    full = args if "--bank" in args else [*args, "--bank", str(DATA / "bank_good")]
    result = CliRunner().invoke(cli, full)
    assert result.exit_code == 2
    assert result.stderr.strip() == message


def test_non_utf8_file_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bank = tmp_path / "bank"
    shutil.copytree(DATA / "bank_good", bank)
    (bank / "extra.yaml").write_bytes("items: []\n# 中".encode("shift_jis"))
    with pytest.raises(BankError) as exc:
        load_bank(bank)
    assert [str(p) for p in exc.value.problems] == [
        "bank/extra.yaml:2:3: (file): not UTF-8 text (invalid start byte); save the file as UTF-8"
    ]


def test_unquoted_article_id_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bank = tmp_path / "bank"
    shutil.copytree(DATA / "bank_good", bank)
    text = (bank / "sources.yaml").read_text(encoding="utf-8").replace('id: "t1"', "id: 004")
    (bank / "sources.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(BankError) as exc:
        load_bank(bank)
    assert 'bank/sources.yaml:2:9: sources[0].id: must be text; write it in quotes ("004" or "4")' in [
        str(p) for p in exc.value.problems
    ]


# --------------------------------------------------------------------------- round-trip

_plain = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn")), min_size=1, max_size=20
).filter(lambda s: s.strip() == s and s.strip() != "")
_texts = st.builds(Text, ja=_plain, en=_plain)
_ids = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)


@st.composite
def _banks(draw: st.DrawFn) -> Bank:
    source = Source(id="s1", file="s1.txt", headline=draw(_texts), outlet=draw(_texts),
                    published=draw(st.none() | st.just("2023-03-21")), cites=tuple(draw(st.lists(_plain, max_size=2))))
    ids = draw(st.lists(_ids, min_size=1, max_size=4, unique=True))
    items = []
    for n, iid in enumerate(ids):
        items.append(Item(
            id=iid,
            category=draw(st.sampled_from(Category)),
            kind=draw(st.sampled_from(ItemKind)),
            prompt=Text(f"問{n}:{draw(_plain)}", draw(_plain)),
            answer=draw(_texts),
            explanation=draw(_texts),
            evidence=(Evidence("s1", draw(_plain)),),
            answer_type=draw(st.sampled_from(AnswerType)),
            accept=tuple(draw(st.lists(_plain, max_size=3))),
            tags=tuple(draw(st.lists(_ids, max_size=3))),
            statement=draw(st.none() | _texts),
            draft=draw(st.booleans()),
        ))
    return Bank(sources=(source,), items=tuple(items))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(_banks())
def test_bank_round_trips_through_yaml(bank: Bank) -> None:
    assert loads_bank(dumps_bank(bank)) == bank


def test_real_bank_round_trips() -> None:
    from quizgen.resources import bank_dir

    bank = load_bank(bank_dir())
    assert loads_bank(dumps_bank(bank)) == bank


def test_real_bank_passes_check_against_the_articles() -> None:
    """`quizgen check --articles ../shared/seeds` on the shipped bank: every quote verbatim, no stray years."""
    from quizgen.resources import default_articles_dir

    articles = default_articles_dir()
    if articles is None or not articles.is_dir():
        pytest.skip("seed articles not found (set QUIZGEN_ARTICLES)")
    result = CliRunner().invoke(cli, ["check", "--articles", str(articles)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: ")
    per_category = dict(line.split() for line in result.stdout.splitlines()[2:6])
    assert set(per_category) == {"actors", "dates", "forums", "positions"}
    assert all(int(n) >= 20 for n in per_category.values())


def test_a_wrong_title_on_a_person_answer_is_wrong() -> None:
    """The titles the articles give are accepted after a name, so a different title is judged wrong."""
    import dataclasses

    from quizgen.bank.model import Role
    from quizgen.quiz.judge import is_correct

    bank = load_bank(DATA / "bank_good")
    item = bank.item_by_id["t1-dialogue-partner"]  # answer: ショイグ (entity shoigu, no roles yet)
    assert is_correct("ショイグ首相", "ショイグ", bank.typed_forms(item))  # nothing says which title is right
    shoigu = dataclasses.replace(bank.entity_by_id["shoigu"], roles=(Role("t1", "書記", "Secretary", "ショイグ氏"),))
    titled = dataclasses.replace(bank, entities=tuple(shoigu if e.id == "shoigu" else e for e in bank.entities))
    accepted = titled.typed_forms(item)
    assert "ショイグ書記" in accepted and "ショイグ書記" not in titled.accepted(item)
    assert is_correct("ショイグ書記", "ショイグ", accepted)
    assert is_correct("ショイグ氏", "ショイグ", accepted)
    assert not is_correct("ショイグ首相", "ショイグ", accepted)
