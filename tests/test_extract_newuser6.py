"""newuser6: `extract --all` after the default's drafts were accepted offered the same facts again under other ids,
so one fact could be accepted twice."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from test_review import drafts, review, work  # noqa: F401  (the fixture)

from quizgen.bank import load_bank
from quizgen.cli import cli


def test_a_draft_asking_what_an_accepted_item_asks_is_left_out_and_said(work: Path) -> None:  # noqa: F811
    first = drafts(work)[0]
    code, _ = review(work, "a\nq\n")
    assert code == 0
    # the teacher's accepted item under an id of its own (as an edited or hand-written item has)
    bank_file = next(p for p in (work / "bank" / "items").glob("*.yaml") if str(first["id"]) in p.read_text("utf-8"))
    bank_file.write_text(bank_file.read_text("utf-8").replace(str(first["id"]), "teachers-own-id"), "utf-8")
    assert "teachers-own-id" in {i.id for i in load_bank(work / "bank").items}
    art = work / "putin-beijing-2024-05.txt"
    res = CliRunner().invoke(cli, ["extract", str(art), "--bank", str(work / "bank"), "--all",
                                   "-o", str(work / "more.yaml")])
    assert res.exit_code == 0, res.output
    assert (f"left out 1 draft asking what the bank already asks (accepted in review): {first['id']} "
            "(teachers-own-id)") in res.stderr, res.stderr
    more = (work / "more.yaml").read_text("utf-8")
    assert f"id: {first['id']}" not in more and str(first["id"]) not in more
