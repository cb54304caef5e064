"""Hostile pass 12: `extract -o FILE` onto a drafts file the teacher had edited by hand (a translation typed in, no
decision made yet) replaced it with fresh `TODO: translate` drafts, rc 0, without a word. extract now records a
fingerprint of each record it writes in the file's header, and refuses to replace a drafts file holding a record
that is not as it wrote it, or one with no fingerprints (edits in it cannot be told); a file nobody edited is made
again, whatever `--max`/`--all` choose."""

from __future__ import annotations

from pathlib import Path

import yaml
from harness import drafts_workspace, run

FIX = "review it with `quizgen review`, write to another file, or delete it to start over"


def _extract(root: Path, drafts: Path, *more: str) -> tuple[int, str]:
    res = run("extract", str(root / "cls" / "articles" / "putin-beijing-2024-05.txt"), "--bank", str(root / "cls"),
              "-o", str(drafts), *more)
    assert "Traceback" not in res.err
    return res.code, res.err


def test_a_translation_typed_in_by_hand_is_never_replaced(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    first = yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"][0]["id"]
    text = drafts.read_text(encoding="utf-8").replace("en: 'TODO: translate'", "en: HAND-WRITTEN translation", 1)
    drafts.write_text(text, encoding="utf-8")
    code, err = _extract(tmp_path, drafts)
    assert (code, err) == (1, f"Error: will not write {drafts}: it holds edits made since extract wrote it that would "
                              f"be lost (draft {first}); {FIX}\n")
    assert drafts.read_text(encoding="utf-8") == text


def test_many_edits_are_counted(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    ids = [i["id"] for i in yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"]]
    drafts.write_text(drafts.read_text(encoding="utf-8").replace("en: 'TODO: translate'", "en: typed"), encoding="utf-8")
    code, err = _extract(tmp_path, drafts)
    assert code == 1 and err.startswith(f"Error: will not write {drafts}: it holds edits made since extract wrote it "
                                        f"that would be lost (draft {ids[0]}, draft {ids[1]}, ") and " more); " in err


def test_a_drafts_file_without_fingerprints_is_kept(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    text = "".join(line for line in drafts.read_text(encoding="utf-8").splitlines(keepends=True)
                   if not line.startswith("# extract が書いた形"))
    drafts.write_text(text, encoding="utf-8")
    code, err = _extract(tmp_path, drafts)
    assert (code, err) == (1, f"Error: will not write {drafts}: it is a drafts file with no record of what extract "
                              "wrote in it (written by hand, or by an older quizgen), so edits in it cannot be told "
                              f"apart and would be lost; {FIX}\n")
    assert drafts.read_text(encoding="utf-8") == text


def test_an_untouched_drafts_file_is_made_again_with_other_options(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    assert _extract(tmp_path, drafts, "--all")[0] == 0  # other drafts (texts depend on the choice): no edit
    assert _extract(tmp_path, drafts, "--max", "5")[0] == 0
    assert len(yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"]) == 5


def test_reviewed_but_not_edited_is_made_again(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    assert run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="a\na\nq\n").code == 0  # two accepted
    assert _extract(tmp_path, drafts)[0] == 0
