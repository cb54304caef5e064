"""The bank loader and validator: good bank, one bad bank per error class, round-trip."""

from __future__ import annotations

import dataclasses
import shutil
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.bank import (
    AnswerType,
    Bank,
    Category,
    DateBasis,
    DateHow,
    Evidence,
    Item,
    ItemForm,
    ItemKind,
    Link,
    Priority,
    Source,
    Story,
    Text,
    dumps_bank,
    load_bank,
    loads_bank,
)
from quizgen.bank.content import META_TAGS
from quizgen.bank.dating import _LEADING_DATE_RE
from quizgen.cli import cli
from quizgen.errors import BankError
from quizgen.text import find_invisible

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
    "entity_not_answer": [
        "bank/items.yaml:7:13: item t1-dialogue-partner.entity: the answer 「国連の儀仗隊」 is not a name of entity 'shoigu' "
        "(ショイグ): link the entity whose name the answer is, or remove `entity`"
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
        "bank/items.yaml:5:18: item t1-dialogue-partner.prompt.ja: year 2024 is neither in the cited article(s) "
        "nor the item's dated when; a year from outside the articles goes in a `context` note"
    ],
    "cloze_without_blank": ["bank/items.yaml:27:17: item t1-un-80.cloze.ja: mark each blank with [[...]]"],
    "truefalse_form": [
        "bank/items.yaml:5:11: item t1-dialogue-partner.false_statement: required with form: truefalse "
        "(its false twin, the stated fact changed)",
        "bank/items.yaml:5:11: item t1-dialogue-partner.statement: required with form: truefalse (the true statement)",
        "bank/items.yaml:22:27: item t1-un-80.false_statement.ja: the same as statement.ja: "
        "a false statement changes the stated fact",
        "bank/items.yaml:26:11: items[2].form: must be one of truefalse, not 'turefalse' (did you mean 'truefalse'?)",
    ],
    # --- the rules for what learners see (bank/content.py)
    "article_number": [
        "bank/items.yaml:4:43: story dialogue.summary.en: names an article number ('article 004'): "
        "name the event instead; outputs cite the source from evidence",
        "bank/items.yaml:10:18: item t1-dialogue-partner.prompt.ja: names an article number ('記事t1'): "
        "name the event instead; outputs cite the source from evidence",
        "bank/items.yaml:18:24: item t1-dialogue-partner.distractors[0].ja: names an article number ('記事001'): "
        "name the event instead; outputs cite the source from evidence",
    ],
    "answer_in_prompt": [
        "bank/items.yaml:5:18: item t1-dialogue-partner.prompt.ja: answer 'ショイグ' is printed in its own prompt",
        "bank/items.yaml:15:43: item t1-dialogue-city.prompt.en: accepted answer 'Beijing' is printed in its own prompt",
    ],
    "mirror_pair": [
        "bank/items.yaml:13:18: item t1-dialogue-partner.prompt.ja: mirror pair with item 't1-dialogue-city': "
        "each answer is in the other's prompt; keep one"
    ],
    "date_answer": [
        "bank/items.yaml:6:18: item t1-dialogue-day.answer.ja: relative date answer '金曜日': "
        "resolve it (e.g. 2024年) or do not ask the date",
        "bank/items.yaml:14:18: item t1-dialogue-date.answer.ja: date answer '17日' has no year: "
        "resolve it (e.g. 2023年3月17日) or do not ask the date",
        "bank/items.yaml:23:18: item t1-un-year.answer.ja: a date answer needs `when` (the resolved date) "
        "and its `date_basis`",
        "bank/items.yaml:32:18: item t1-un-month.answer.ja: date answer '2025年3月' does not match when '2025'",
    ],
    "meta_tag": [
        "bank/items.yaml:9:22: item t1-dialogue-partner.tags[1]: tag 'headline' is page metadata, "
        "not a fact to learn: keep it in sources.yaml"
    ],
    "unknown_story": [
        "bank/items.yaml:6:12: item t1-dialogue-partner.story: unknown story 'beijing-dialog' "
        "(did you mean 'beijing-dialogue'?)"
    ],
    # --- dated facts (bank/dating.py)
    "date_basis_pairing": [
        "bank/items.yaml:11:11: item t1-un-80.when: `when` needs a `date_basis`: how the date follows from an "
        "article (stated, article-date or counted)",
        "bank/items.yaml:22:17: item t1-un-80-basis.date_basis: `date_basis` without `when`: add the date it gives",
    ],
    "basis_stated": [
        "bank/items.yaml:17:54: item t2-saudi-iran.date_basis.quotes: stated: the quotes do not show the year 2023; "
        "a year found from the page's date is article-date, one counted from another year is counted",
        "bank/items.yaml:17:54: item t2-saudi-iran.date_basis.quotes: the quotes do not show the day 10日 of when "
        "'2023-03-10'",
        "bank/items.yaml:17:54: item t2-saudi-iran.date_basis.quotes: the quotes do not show the month 3月 of when "
        "'2023-03-10'",
        "bank/items.yaml:17:98: item t2-saudi-iran.date_basis.from_year: from_year is for how: counted, not stated",
        "bank/items.yaml:28:55: item t2-quote-typo.date_basis.quotes[0]: quote not found verbatim in article t2 (t2.txt)",
    ],
    "basis_article_date": [
        "bank/items.yaml:27:11: item t2-next-visit.when: article-date: 来年 on a page published 2023-03-29 is 2024, "
        "not 2023",
        "bank/items.yaml:39:60: item t2-moscow-visit.date_basis.quotes: article-date: the quotes have no "
        "今年/昨年/来年…; an event the page reports as just happened needs when = the page's month ('2023-03') "
        "and a note saying how",
        "bank/items.yaml:39:60: item t2-moscow-visit.date_basis.quotes: the quotes do not show the month 2月 of when "
        "'2023-02'",
        "bank/items.yaml:51:46: item t1-un-80.date_basis.article: article-date: source 't1' has no published date "
        "to count from",
    ],
    "basis_counted": [
        "bank/items.yaml:17:126: item t2-lavrov-xi.date_basis.years: counted: 2018 + 6 = 2024, not 2025 "
        "(the year of when)",
        "bank/items.yaml:28:91: item t2-lavrov-xi-again.date_basis.from_year: counted: 2017 is not written in "
        "article t2",
        "bank/items.yaml:39:17: item t2-lavrov-xi-third.date_basis: counted: needs from_year (a year the article "
        "writes) and years",
    ],
    "story_date_asked": [
        "bank/items.yaml:11:18: item t1-un-year.answer.ja: date answer '2025年' is the date of its own story "
        "'un-anniversary' (its when), which its deck name and its siblings' prompts print: ask a date the story "
        "does not print, or ask this fact another way"
    ],
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
        "bank/items.yaml:4:11: items[0].kind: must be one of date, anniversary, duration, number, person, "
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
        "  dates         1",
        "  actors        1",
        "by priority:",
        "  core          0",
        "  detail        2",
        "by article:",
        "  t1      2  (no date)",
    ]


def test_check_counts_priorities_and_stories(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(DATA / "bank_good", bank)
    (bank / "stories.yaml").write_text(
        "stories:\n  - {id: un-80, title: {ja: 国連創設80年, en: The UN at 80}, when: \"2025\"}\n"
        "  - {id: empty, title: {ja: 空, en: Empty}}\n", encoding="utf-8")
    items = (bank / "items.yaml").read_text(encoding="utf-8")
    (bank / "items.yaml").write_text(items.replace("  - id: t1-un-80\n", "  - id: t1-un-80\n    story: un-80\n"
                                                   "    priority: core\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--bank", str(bank)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "ok: 2 items, 3 entities, 1 source, 2 stories, 0 disagreements"
    assert result.stdout.splitlines()[4:12] == [
        "by priority:",
        "  core          1",
        "  detail        1",
        "by story:",
        "  un-80         1  (1 core)",
        "  empty         0  (0 core)",
        "  (no story)    1  (0 core)",
        "by article:",
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
# bank text as it is read: NFC, and no bidi control or zero-width space (check refuses those; hostile pass 6, U2/U9)
_plain = _plain.filter(lambda s: unicodedata.is_normalized("NFC", s) and find_invisible(s) is None)
_texts = st.builds(Text, ja=_plain, en=_plain)
_ids = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
# an event never opens with its date (`check` refuses 'AUGUST …', 「2024年、…」: quizgen.bank.dating._check_event)
_events = _texts.filter(lambda t: not (_LEADING_DATE_RE.match(t.ja) or _LEADING_DATE_RE.match(t.en)))


@st.composite
def _banks(draw: st.DrawFn) -> Bank:
    """Banks that pass every rule: answers begin with 答 or @, which no prompt holds; no date answers."""
    link = Link(draw(_texts), "https://example.com/" + draw(st.from_regex(r"[a-z0-9/]{0,10}", fullmatch=True)))
    source = Source(id="s1", file="s1.txt", headline=draw(_texts), outlet=draw(_texts),
                    published=draw(st.none() | st.just("2023-03-21")), cites=tuple(draw(st.lists(_plain, max_size=2))),
                    links=tuple(draw(st.lists(st.just(link), max_size=1))))
    story = Story(id="story-1", title=draw(_texts), when=draw(st.none() | st.just("2023-03")),
                  summary=draw(st.none() | _texts))
    ids = draw(st.lists(_ids, min_size=1, max_size=4, unique=True))
    items = []
    for n, iid in enumerate(ids):
        dated = draw(st.booleans())
        note = draw(st.none() | _texts | _plain)
        truefalse = draw(st.booleans())
        statement = draw(_texts) if truefalse else draw(st.none() | _texts)
        false_statement = Text(f"偽{statement.ja}", f"not {statement.en}") if truefalse and statement else None
        basis = DateBasis(DateHow.STATED, "s1", (f"2023年3月10日{draw(_plain)}",), note=note) if dated else None
        items.append(Item(
            id=iid,
            category=draw(st.sampled_from([c for c in Category if c is not Category.DATES])),
            kind=draw(st.sampled_from([k for k in ItemKind if k is not ItemKind.DATE])),
            prompt=Text(f"問{n}:{draw(_plain)}".replace("答", ""), draw(_plain.filter(lambda s: "@" not in s))),
            answer=Text(f"答{draw(_plain)}", f"@{draw(_plain)}"),
            explanation=draw(_texts),
            evidence=(Evidence("s1", draw(_plain)),),
            answer_type=draw(st.sampled_from([t for t in AnswerType if t is not AnswerType.DATE])),
            accept=tuple(f"答{a}" for a in draw(st.lists(_plain, max_size=3))),
            tags=tuple(t for t in draw(st.lists(_ids, max_size=3)) if t not in META_TAGS),
            statement=statement,
            false_statement=false_statement,
            form=ItemForm.TRUEFALSE if truefalse else None,
            draft=draw(st.booleans()),
            story=draw(st.none() | st.just(story.id)),
            priority=draw(st.sampled_from(Priority)),
            when="2023-03-10" if dated else None,
            event=draw(_events) if dated else None,
            date_basis=basis,
        ))
    return Bank(sources=(source,), stories=(story,), items=tuple(items))


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
    lines = result.stdout.splitlines()
    per_category = dict(line.split() for line in lines[lines.index("by category:") + 1:lines.index("by priority:")])
    assert set(per_category) == {"actors", "dates", "forums", "positions"}
    assert all(int(n) >= 1 for n in per_category.values())
    core, detail = (int(lines[lines.index("by priority:") + k].split()[1]) for k in (1, 2))
    assert core >= 1 and core + detail == sum(int(n) for n in per_category.values())
    assert "by story:" in lines  # every fact of the bundled bank belongs to a story


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


# --------------------------------------------------------------------------- the content rules, beyond one bad bank each

_ONE_ITEM = """\
sources:
  - {{id: "t1", file: t1.txt, headline: {{ja: 見出し, en: Headline}}, outlet: {{ja: テスト通信, en: Test Wire}}}}
items:
  - id: x
    category: {category}
    kind: {kind}
    prompt: {{ja: "{prompt_ja}", en: "{prompt_en}"}}
    answer: {{ja: "{answer_ja}", en: "{answer_en}"}}
    explanation: {{ja: 説明, en: Explanation}}
    evidence: [{{article: "t1", quote: 北京でショイグ氏と戦略対話を行いました}}]
"""


def _problems(**fields: str) -> list[str]:
    values = {"category": "forums", "kind": "place", "prompt_ja": "どこか。", "prompt_en": "Where?",
              "answer_ja": "北京", "answer_en": "Beijing", **fields}
    try:
        loads_bank(_ONE_ITEM.format(**values), "b.yaml")
    except BankError as exc:
        return [p.message for p in exc.problems]
    return []


@pytest.mark.parametrize(("fields", "found"), [
    ({"answer_ja": "モスクワ", "prompt_ja": "首脳が会談した都市(もすくわ)はどこか。"}, True),  # kana folded
    ({"answer_ja": "ＢＲＩＣＳ", "prompt_ja": "BRICSの議長国はどこか。"}, True),  # width folded
    ({"answer_en": "Iran", "prompt_en": "Which Iranian official spoke?"}, False),  # whole words only
    ({"answer_en": "Iran", "prompt_en": "Which country, Iran or another, agreed?"}, True),
    ({"answer_ja": "北京", "prompt_ja": "中国の首都はどこか。"}, False),
])
def test_an_answer_is_found_in_its_prompt_through_kana_width_and_case(fields: dict[str, str], found: bool) -> None:
    printed = [m for m in _problems(**fields) if "printed in its own prompt" in m]
    assert bool(printed) is found, printed


@pytest.mark.parametrize("answer", ["来年", "今年の初め", "24日", "金曜日", "3月"])
def test_a_date_answer_must_be_resolved(answer: str) -> None:
    problems = _problems(category="dates", kind="date", answer_ja=answer, answer_en="x")
    assert len(problems) == 1 and problems[0].startswith(("relative date answer", "date answer")), problems


@pytest.mark.parametrize("text", ["記事001によると", "記事 ００３ では", "According to article 004,", "記事t1の"])
def test_article_numbers_in_any_width_or_as_a_source_id(text: str) -> None:
    assert any(m.startswith("names an article number") for m in _problems(prompt_ja=f"{text}首都はどこか。")), text


def test_mirror_pairs_without_the_articles_need_one_quote_inside_the_other() -> None:
    from quizgen.bank.content import evidence_overlaps

    bank = load_bank(DATA / "bank_good")
    a = bank.item_by_id["t1-dialogue-partner"]
    inside = dataclasses.replace(a, id="b", evidence=(Evidence("t1", "ショイグ氏と戦略対話"),))
    beside = dataclasses.replace(a, id="c", evidence=(Evidence("t1", "中国の王毅氏は、金曜日に北京で"),))
    text = (ARTICLES / "t1.txt").read_text(encoding="utf-8")
    assert evidence_overlaps(a, inside, None)
    assert not evidence_overlaps(a, beside, None)  # overlapping spans are only seen with the article text
    assert evidence_overlaps(a, beside, {"t1": text})


@pytest.mark.parametrize(("url", "ok"), [("https://www.bbc.com/japanese/65022270", True), ("cgtn.com", True),
                                         ("www.cgtn.com/news/1", True), ("cgtn", False), ("ftp://x.org", False)])
def test_source_links_are_web_addresses(url: str, ok: bool) -> None:
    text = (f'sources:\n  - {{id: "t1", file: t1.txt, headline: {{ja: 見出し, en: H}}, outlet: {{ja: 通信, en: Wire}},\n'
            f'     links: [{{outlet: {{ja: 通信, en: Wire}}, url: "{url}"}}]}}\n')
    if ok:
        loads_bank(text, "s.yaml")
        return
    with pytest.raises(BankError) as exc:
        loads_bank(text, "s.yaml")
    assert [str(p) for p in exc.value.problems] == [
        f"s.yaml:3:48: source t1.links[0].url: must be a web address (https://… or a domain such as cgtn.com), "
        f"not {url!r}"]


def test_a_date_basis_note_is_bilingual_text_or_plain_text_and_names_no_article(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bank = tmp_path / "bank"
    shutil.copytree(DATA / "bank_good", bank)
    items = (bank / "items.yaml").read_text(encoding="utf-8")
    basis = "    date_basis: {how: stated, article: \"t1\", quotes: [2025年は、国連創設から80年という節目の年です]"
    assert basis in items
    for note, problems in [("{ja: 記事に年がある。, en: The article gives the year.}", []),
                           ("本文に年がある。", []),
                           ("記事t1に年がある。", ["bank/items.yaml:29:89: item t1-un-80.date_basis.note: names an article "
                                                "number ('記事t1'): name the event instead; outputs cite the source from "
                                                "evidence"])]:
        (bank / "items.yaml").write_text(items.replace(basis, f"{basis}, note: {note}"), encoding="utf-8")
        try:
            loaded = load_bank(bank, ARTICLES)
        except BankError as exc:
            assert [str(p) for p in exc.problems] == problems
            continue
        assert problems == [] and loaded.item_by_id["t1-un-80"].date_basis is not None


def _cloze_parts_by_matches(text: str) -> list[tuple[str, bool]]:
    """`cloze_parts` as it was written before it used one `re.split`: match by match."""
    from quizgen.bank.model import CLOZE_RE

    out: list[tuple[str, bool]] = []
    pos = 0
    for m in CLOZE_RE.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


@given(st.lists(st.sampled_from(["[[", "]]", "[", "]", "a", "会談", " ", "\n", "[[x]]", ""]), max_size=12).map("".join))
def test_cloze_parts_are_the_blanks_found_match_by_match(text: str) -> None:
    from quizgen.bank.model import cloze_parts

    assert cloze_parts(text) == _cloze_parts_by_matches(text)
