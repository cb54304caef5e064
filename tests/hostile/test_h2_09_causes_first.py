"""Second adversarial pass, cause 9: a record that fails hides its cause behind the references to it.

A source (or story) whose headline held a control character was dropped, and every reference to it was
reported first as `unknown article 't1'`, the one real problem last. Now references to a record that
failed to build are not reported (the record exists; its own problem is the cause), and the references
that are reported come after every other problem.
"""

from __future__ import annotations

from pathlib import Path

from harness import run


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_broken_source_is_reported_alone(bank: Path) -> None:
    _edit(bank / "sources.yaml", "headline: {ja: 中国とロシアが北京で戦略対話",
          'headline: {ja: "中国と\\eロシアが北京で戦略対話"')
    err = run("check", "--bank", "bank").fails_cleanly()
    assert err == ("bank/sources.yaml:4:20: sources[0].headline.ja: control character U+001B at character 4; remove it "
                   "(only tab and newline are allowed)\n1 problem in the question bank\n")


def test_references_come_after_the_problem_they_follow_from(bank: Path) -> None:
    _edit(bank / "sources.yaml", 'id: "t1"', 'id: "../t1"')
    lines = run("check", "--bank", "bank").fails_cleanly().splitlines()
    assert lines[0].startswith("bank/sources.yaml:2:9: source.id: '../t1' is not an id")
    assert len(lines) > 2 and all("unknown article 't1'" in line for line in lines[1:-1])
