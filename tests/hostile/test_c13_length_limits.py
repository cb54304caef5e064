"""Cause 13: no bound on text length (a worksheet PDF with one 80k-character prompt took 21.5 s, 5M over 300 s).

`check` bounds every text, so no command ever hands WeasyPrint such a paragraph; what the bound
costs a PDF is measured by bench/bench_long_text.py, not timed here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import process, run

JA = "北京で王毅氏と戦略対話を行った"  # 15 characters


@pytest.mark.parametrize(("where", "limit", "place"), [
    ("prompt", 600, "bank/items.yaml:5:18: item t1-dialogue-partner.prompt.ja"),
    ("answer", 200, "bank/items.yaml:6:18: item t1-dialogue-partner.answer.ja"),
    ("quote", 400, "bank/items.yaml:12:32: item t1-dialogue-partner.evidence[0].quote"),
    ("text", 2000, "bank/items.yaml:9:23: item t1-dialogue-partner.explanation.ja"),
])
def test_check_bounds_the_length_of_each_text(bank: Path, where: str, limit: int, place: str) -> None:
    _replace_value(bank / "items.yaml", where, (JA * (limit // 15 + 2))[: limit + 1])
    err = run("check", "--bank", "bank").fails_cleanly()
    a = "an" if where == "answer" else "a"
    assert (f"{place}: {limit + 1} characters, more than the {limit} {a} {where} may have; shorten it\n") in err


def _replace_value(items: Path, where: str, text: str) -> None:
    old = items.read_text(encoding="utf-8")
    first = {
        "prompt": "北京で王毅氏と戦略対話を行ったのは誰か。",
        "answer": "ショイグ, en: Shoigu}\n    entity",
        "quote": "北京でショイグ氏と戦略対話を行いました}",
        "text": "王毅氏は北京でショイグ氏と戦略対話を行った。",
    }[where]
    tail = {"answer": ", en: Shoigu}\n    entity", "quote": "}"}.get(where, "")
    assert first in old
    items.write_text(old.replace(first, f'"{text}"{tail}', 1), encoding="utf-8")


def test_a_text_at_its_limit_is_fine(bank: Path) -> None:
    _replace_value(bank / "items.yaml", "prompt", (JA * 41)[:600])
    res = run("check", "--bank", "bank")
    assert res.code == 0, res.err


def test_an_80k_character_prompt_is_refused_at_once_by_the_worksheet(bank: Path) -> None:
    _replace_value(bank / "items.yaml", "prompt", JA * 5400)  # 81,000 characters
    res = process("worksheet", "--bank", "bank", "-n", "2", "--types", "short", "--format", "pdf", "-o", "ws",
                  timeout=60)
    assert res.cpu < 10
    err = res.fails_cleanly()
    assert "item t1-dialogue-partner.prompt.ja: 81000 characters, more than the 600 a prompt may have" in err
    assert not Path("ws").exists()


def test_a_5m_character_prompt_is_refused_in_seconds(bank: Path) -> None:
    _replace_value(bank / "items.yaml", "prompt", "あ" * 5_000_000)
    res = process("check", "--bank", "bank", timeout=60)
    assert res.cpu < 10
    err = res.fails_cleanly()
    assert "5000000 characters, more than the 600 a prompt may have" in err


def test_a_worksheet_title_is_bounded_too(bank: Path) -> None:
    # Found in the adversarial pass: a 20,000-character --title kept the PDF renderer busy for over ten minutes.
    res = process("worksheet", "--bank", "bank", "-n", "2", "--format", "pdf", "-o", "ws", "--title", "あ" * 20_000,
                  timeout=60)
    assert res.cpu < 10
    assert res.fails_cleanly(code=2) == "Error: --title has 20000 characters; at most 200 fit on a sheet\n"
    assert not Path("ws").exists()


def test_a_worksheet_title_and_name_hold_no_control_characters(bank: Path) -> None:
    err = run("worksheet", "--bank", "bank", "-n", "2", "-o", "ws", "--title", "x\x1b[2J").fails_cleanly(code=2)
    assert err == "Error: --title holds a control character (U+001B); remove it\n"
    for name, said in (("a/b", "must be a file name, not a path: 'a/b'"),  # each with its reason (hostile16 W08b)
                       ("x\x1b[2J", "holds a control character (U+001B at character 2); a file name should hold none"),
                       (".hidden", "'.hidden' begins with a dot, which hides the files (ls and file managers do not "
                                   "show them); give it without the dot")):
        err = run("worksheet", "--bank", "bank", "-n", "2", "-o", "ws", "--name", name).fails_cleanly(code=2)
        assert err == f"Error: --name {said}\n", err
    assert not Path("ws").exists()
