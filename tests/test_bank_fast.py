"""The bank's two readers agree: what the fast path (`bank/nodes.py`) accepts, the located reader accepts and
builds into equal records; whatever the located reader has a problem with, the fast path leaves to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen import resources
from quizgen.bank import load_bank, nodes
from quizgen.bank.load import _read_located, read_fast
from quizgen.bank.records import Reader
from quizgen.errors import BankError, Problem

DATA = Path(__file__).parent / "data"
GOOD = [resources.bank_dir(), DATA / "bank_good", DATA / "quiz" / "bank", DATA / "anki" / "bank",
        DATA / "exports" / "bank", DATA / "extract" / "bank", DATA / "worksheet"]


def located(text: str) -> tuple[dict[str, list[object]], list[Problem]]:
    reader = Reader()
    part = _read_located(reader, text, "f.yaml")
    return part, reader.problems


def fast(text: str) -> dict[str, list[object]]:
    return read_fast(text)


@pytest.mark.parametrize("path", [p for bank in GOOD for p in sorted(bank.rglob("*.yaml"))], ids=str)
def test_every_good_file_is_read_alike_by_both(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    part, problems = located(text)
    assert problems == []
    assert fast(text) == part


@pytest.mark.parametrize("path", sorted((DATA / "bank_bad").glob("*.yaml")), ids=lambda p: p.stem)
def test_a_file_with_a_problem_in_its_records_is_left_to_the_located_reader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    part, problems = located(text)
    if problems:
        with pytest.raises(nodes.Slow):
            fast(text)
    else:  # its problems are across records (validate.py), found whichever reader read it
        assert fast(text) == part


ITEM = {
    "id": "t-one", "category": "actors", "kind": "person", "prompt": "{ja: 誰が来たか。, en: Who came?}",
    "answer": "{ja: 王毅, en: Wang Yi}", "explanation": "{ja: 王毅が来た。, en: Wang Yi came.}",
    "evidence": '[{article: "900", quote: 王毅が来た}]', "reading": "おうき", "accept": "[王外相]",
    "tags": "[visit]", "priority": "core", "draft": "false", "when": '"2023-03"',
    "date_basis": '{how: stated, article: "900", quotes: [2023年3月], years: 1}', "context": "{ja: 背景, en: background}",
}
VALUES = [
    "plain text", "''", "' '", "yes", "no", "null", "~", "", "12", "0x1A", "1_000", "-7", "1.5", ".inf", "2024-01-02",
    "2024-13-45", "2024-01-02T10:00:00Z", "9" * 5000, "!!str 12", "!!binary aGk=", "!!python/name:os.system ''",
    "!!bool maybe", "!!timestamp foo", "!!int abc", "!custom x", "[a, b]", "[]", "{}", "{ja: a, en: b}",
    "{ja: a, en: b, fr: c}", "{ja: a}", '"\\x01bad"', '"tab\\there"', '"line\\nbreak"', "[[a]]", "[null]",
    '[{article: "900", quote: q}]', "[{article: 900, quote: q}]", "*anchor", "&other text", "!!set {a, b}",
    "!!omap []", "core", "detail", "stated", "person", "true", "TRUE", "on", "'900'", "900",
]


def item_yaml(field: str, value: str) -> str:
    lines = [f"    {k}: {value if k == field else v}" for k, v in ITEM.items()]
    if field not in ITEM:
        lines.append(f"    {field}: {value}")
    lines[0] = "  - " + lines[0].lstrip()
    return "anchors: &anchor [x]\nitems:\n" + "\n".join(lines) + "\n" if value == "*anchor" else \
        "items:\n" + "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(st.sampled_from([*ITEM, "statement", "distractors", "missing", "actors", "unknown"]), st.sampled_from(VALUES))
def test_any_value_in_any_field_is_read_alike_or_left_to_the_located_reader(field: str, value: str) -> None:
    text = item_yaml(field, value)
    part, problems = located(text)
    try:
        got = fast(text)
    except nodes.Slow:
        return
    assert problems == []
    assert got == part


def test_a_problem_found_across_records_is_located_in_a_file_read_without_locations(tmp_path: Path) -> None:
    """Three files read fast, one item naming an unknown entity: its line is found by reading its file again."""
    bank = tmp_path / "bank"
    bank.mkdir()
    for p in (DATA / "bank_good").glob("*.yaml"):
        (bank / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    items = (bank / "items.yaml").read_text(encoding="utf-8")
    assert "entity: " in items
    (bank / "items.yaml").write_text(items.replace("entity: ", "entity: no-such-", 1), encoding="utf-8")
    with pytest.raises(BankError) as err:
        load_bank(bank)
    (problem,) = err.value.problems
    line = next(n for n, text in enumerate((bank / "items.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if "entity: no-such-" in text)
    assert (problem.line, problem.field) == (line, problem.field)
    assert problem.message.startswith("unknown entity 'no-such-")
