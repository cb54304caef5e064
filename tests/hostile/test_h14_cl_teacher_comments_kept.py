"""Hostile pass 14 (CLOBBERED, minor): a teacher's YAML comment in a drafts file was lost without a word —
`extract -o` over the file rewrote it (its fingerprints covered records, not comments), and `review` kept only the
comments that start a line, dropping one indented under a draft or written after a value. extract now fingerprints
the comment lines it writes and refuses to replace a file holding another; `review` keeps every comment (one that
stood inside a record is kept in the header, with its line and the record's id), in the drafts file and in the bank
file an accepted draft is appended to."""

from __future__ import annotations

from pathlib import Path

import yaml
from harness import drafts_workspace, run
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.bank.comments import comments


def _extract(root: Path, drafts: Path) -> tuple[int, str]:
    res = run("extract", str(root / "cls" / "articles" / "putin-beijing-2024-05.txt"), "--bank", str(root / "cls"),
              "-o", str(drafts))
    assert "Traceback" not in res.err
    return res.code, res.err


def _with_comments(drafts: Path) -> tuple[str, str]:
    """The drafts file with a comment on a line of its own, one indented in the second draft and one after the
    first draft's answer; returns (the text written, the second draft's id)."""
    lines = drafts.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [k for k, line in enumerate(lines) if line.startswith("- id: ")]
    second = lines[starts[2]].split(":", 1)[1].strip()  # starts[0] is the source's record
    answer = next(k for k in range(starts[1], starts[2]) if lines[k].startswith("    ja: "))
    lines[answer] = lines[answer].rstrip("\n") + "  # 答えは要確認\n"
    lines.insert(starts[2] + 2, "  # 学年末の試験に回す\n")
    lines.append("# 田中先生に確認する\n")
    text = "".join(lines)
    drafts.write_text(text, encoding="utf-8")
    return text, second


def test_extract_o_will_not_replace_a_drafts_file_holding_a_teacher_s_comment(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    text = drafts.read_text(encoding="utf-8") + "# 田中先生に確認する\n"
    drafts.write_text(text, encoding="utf-8")
    code, err = _extract(tmp_path, drafts)
    line = text.count("\n")
    assert code == 1
    assert f"holds edits made since extract wrote it that would be lost (the comment on line {line} " \
           "(# 田中先生に確認する))" in err
    assert drafts.read_text(encoding="utf-8") == text


def test_an_inline_comment_counts_too_and_an_untouched_file_is_still_made_again(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    assert _extract(tmp_path, drafts)[0] == 0  # extract's own comments are no edit
    text, _ = _with_comments(drafts)
    code, err = _extract(tmp_path, drafts)
    assert code == 1 and "(# 答えは要確認)" in err and "(# 学年末の試験に回す)" in err
    assert drafts.read_text(encoding="utf-8") == text


def test_review_keeps_every_comment_of_the_drafts_file(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    _, second = _with_comments(drafts)
    assert run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="a\nq\n").code == 0  # the first draft leaves
    after = drafts.read_text(encoding="utf-8")
    assert "# 田中先生に確認する\n" in after
    assert "答えは要確認" in after
    assert f"、{second} の中にあった注) 学年末の試験に回す\n" in after
    yaml.safe_load(after)  # still a YAML file
    code, err = _extract(tmp_path, drafts)  # and still the teacher's: not replaced
    assert code == 1 and "the comment on line" in err


def test_an_accepted_draft_keeps_the_comments_of_the_bank_file_it_joins(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    bank = tmp_path / "cls"
    before = {}
    for path in (bank / "items").glob("*.yaml"):  # a note indented in each item file, after its first item's id
        text = path.read_text(encoding="utf-8")
        at = text.index("\n", text.index("- id:")) + 1
        before[path] = text[:at] + "    # この問題は来年も使う\n" + text[at:]
        path.write_text(before[path], encoding="utf-8")
    assert run("review", str(drafts), "--bank", str(bank), input="a\nq\n").code == 0
    after = {p: p.read_text(encoding="utf-8") for p in (bank / "items").glob("*.yaml")}
    assert any(after[p] != before[p] for p in before), "the accepted draft joined an existing item file"
    assert all("この問題は来年も使う" in text for text in after.values())


_VALUE = st.text(alphabet=st.sampled_from("#ab 中:'\"-\\|>"), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), _VALUE), max_size=5),
       st.lists(st.text(alphabet=st.sampled_from("ab中 #"), max_size=8), max_size=3))
def test_a_hash_in_a_value_is_no_comment_and_every_comment_added_is_found(pairs: list[tuple[str, str]],
                                                                          notes: list[str]) -> None:
    text = yaml.safe_dump({"items": [{k: v} for k, v in pairs]}, allow_unicode=True)
    assert comments(text) == ()
    with_notes = text + "".join(f"# {n}\n" for n in notes)
    found = comments(with_notes)
    assert found is not None and [c.text for c in found] == [f"# {n}".rstrip() for n in notes]
