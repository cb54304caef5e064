"""Hostile pass 18 (`/work/stage/hostile18/table.md` on the machine that ran it), six of its causes:

- LOST: `extract -o` over a drafts file from which the teacher had cut a draft by hand wrote the draft back, silently.
- UNCLEAR: `extract -o` over a drafts file that is not UTF-8, or where a hand edit left a key twice, kept the file
  but gave the wrong reason (「not every item in it is `draft: true`」, 「no record of what extract wrote」), no line.
- CLOBBERED: review `y` with an editor that saved 21.5 MB rewrote the drafts file, said 「下書きは変わりません」, and
  the drafts file could not be reviewed again.
- LOST: review `y`, a YAML mistake, then end of input (or Ctrl-C) at 「書いた内容のまま、もう一度エディタで直しますか」:
  the edit went with the editor's temporary file, nothing said.
- UNCLEAR: the bank folder moved away during review: accepting blamed the draft (「unknown article '001'」…
  「[d]で破棄してください」).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from harness import DEV_ARTICLE, ONE_DRAFT, drafts_workspace, run, script_editor


def _extract_over(tmp_path: Path, drafts: Path) -> str:
    return run("extract", str(tmp_path / "cls" / "articles" / DEV_ARTICLE.name), "--bank", str(tmp_path / "cls"),
               "-o", str(drafts)).fails_cleanly()


def test_a_draft_cut_by_hand_is_not_written_back(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    text = drafts.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    cut = data["items"][1]["id"]
    lines = text.splitlines(keepends=True)
    start = next(k for k, x in enumerate(lines) if x.startswith("- id:") and cut in x)
    end = next((k for k in range(start + 1, len(lines)) if lines[k].startswith(("- ", "entities:", "sources:"))),
               len(lines))
    kept = "".join(lines[:start] + lines[end:])
    assert cut not in yaml.safe_load(kept)["items"].__repr__()
    drafts.write_text(kept, encoding="utf-8")
    err = _extract_over(tmp_path, drafts)
    assert err == (f"Error: will not write {drafts}: 1 draft extract wrote there was cut from it by hand ({cut}) and "
                   "would come back; review the file with `quizgen review` ([d] discards a draft with a reason), write "
                   "to another file, or delete it to start over\n")
    assert drafts.read_text(encoding="utf-8") == kept


@pytest.mark.parametrize("encoding", ["shift_jis", "utf-16"])
def test_a_drafts_file_saved_in_another_encoding_is_named_as_such(tmp_path: Path, encoding: str) -> None:
    drafts = drafts_workspace(tmp_path)
    raw = drafts.read_text(encoding="utf-8").encode(encoding)
    drafts.write_bytes(raw)
    err = _extract_over(tmp_path, drafts)
    assert err.startswith(f"Error: will not write {drafts}: it is not UTF-8 text (line "), err
    assert "save it as UTF-8 and run extract again" in err and "draft: true" not in err
    assert drafts.read_bytes() == raw


def test_a_key_pasted_twice_is_named_at_its_line(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    lines = drafts.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(k for k, x in enumerate(lines) if x.startswith("  category:"))
    lines.insert(at + 1, lines[at])
    drafts.write_text("".join(lines), encoding="utf-8")
    err = _extract_over(tmp_path, drafts)
    assert err.startswith(f"Error: will not write {drafts}: it does not read as YAML (line {at + 2}, column 3: "
                          "items[0].category: key appears twice"), err


def test_an_editor_save_too_big_for_a_draft_changes_nothing(bank: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    script_editor(tmp_path, monkeypatch, "python3 -c \"import sys; open(sys.argv[1], 'a').write('# ' + 'x' * 1100000 + "
                                   "'\\n')\" \"$1\"")
    ran = run("review", "d.yaml", "--bank", "bank", input="y\nq\n")
    assert ran.code == 0, ran
    assert "! エディタが保存したファイルは 1,100," in ran.out and "1つの下書きとしては大きすぎます" in ran.out
    assert (tmp_path / "d.yaml").read_text(encoding="utf-8") == ONE_DRAFT
    assert run("review", "d.yaml", "--bank", "bank", input="q\n").code == 0


def test_an_edit_with_a_mistake_is_kept_when_input_ends_at_the_reopen_question(
        bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    script_editor(tmp_path, monkeypatch, 'printf "# MARKER_EDIT\\n\\tbroken: [\\n" >> "$1"')
    ran = run("review", "d.yaml", "--bank", "bank", input="y\n")
    kept = next(tmp_path.glob("d.*.edit.txt"))
    assert "MARKER_EDIT" in kept.read_text(encoding="utf-8")
    assert f"編集は下書きに保存されていません。書いた内容は {kept.name} に残しました" in ran.out.replace(str(tmp_path) + "/", "")
    assert (tmp_path / "d.yaml").read_text(encoding="utf-8") == ONE_DRAFT


def test_a_bank_folder_moved_away_is_named_not_the_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = drafts_workspace(tmp_path)
    script_editor(tmp_path, monkeypatch, f'mv "{tmp_path}/cls" "{tmp_path}/moved"')  # the folder goes while the editor runs
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="y\na\nq\n")
    assert (f"! バンクのフォルダ {tmp_path / 'cls'} が見つかりません (レビューの途中で移動されたか削除されました)。"
            "採用できません。元に戻してから、もう一度 [a] で採用してください。") in ran.out, ran.out  # as README says
    assert "[d]で破棄してください" not in ran.out and "Traceback" not in ran.out + ran.err
