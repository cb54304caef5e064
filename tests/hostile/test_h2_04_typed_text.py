"""Second adversarial pass, cause 4: text typed into `review` and `add-article` is checked as it is typed.

A discard reason or an edited field that was not UTF-8 (a Shift_JIS terminal), held a control character
(an arrow key pressed while typing) or was too long was only checked as the file it would become: the
message named a line of a file that was never written, and in the discard prompt it ended the session,
losing that decision. Now the prompt refuses it, says why, and asks again.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml
from harness import DEV_ARTICLE, Ran, command, drafts_workspace, run

SJIS = "\u3042\u3042".encode("shift_jis")  # 'ああ' as a Shift_JIS terminal sends it
#: The quizgen under test where PYTHONPATH names it (a checkout run without installing it), else the installed one.
_CHECKOUT = {k: v for k, v in os.environ.items() if k == "PYTHONPATH"}


def _typed(args: list[str], keys: bytes) -> Ran:
    res = subprocess.run(command(*args), input=keys, capture_output=True, timeout=120, check=False,
                         env={"EDITOR": "true", "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", **_CHECKOUT})
    out, err = res.stdout.decode("utf-8", "replace"), res.stderr.decode("utf-8", "replace")
    return Ran(res.returncode, out, err)


def _discarded(drafts: Path) -> list[str]:
    return [i["discarded"] for i in yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"] if i.get("discarded")]


def test_a_bad_discard_reason_is_asked_again_and_the_decision_kept(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    keys = b"d\n" + SJIS + b"\n" + "重複\x1b[D です\n".encode() + ("理" * 2001).encode() + "\n重複です\nq\n".encode()
    res = _typed(["review", str(drafts), "--bank", str(tmp_path / "cls")], keys)
    assert res.code == 0 and "Traceback" not in res.err, res.err
    assert res.err.splitlines() == [
        "  That is not UTF-8 text (is the terminal set to Shift_JIS or EUC-JP?); type it again.",
        "  That holds a control character (U+001B at character 3: an arrow or function key?); type it again.",
        "  That is 2,001 characters, more than the 2,000 it may have; type a shorter one.",
    ]
    assert _discarded(drafts) == ["重複です"]


def test_a_bad_field_in_the_edit_form_is_asked_again(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    before = drafts.read_text(encoding="utf-8")
    keys = b"e\n" + SJIS + b"\n" + b"\n" * 30 + b"q\n"
    res = _typed(["review", str(drafts), "--bank", str(tmp_path / "cls")], keys)
    assert "Traceback" not in res.err and "YAML syntax error" not in res.out + res.err
    # in Japanese, as the form is (hostile20)
    assert "  UTF-8 の文字ではありません (端末が Shift_JIS か EUC-JP になっていませんか)。入力し直してください。" in res.err
    assert drafts.read_text(encoding="utf-8") == before


def test_add_article_asks_again_for_a_headline_that_is_not_utf8(tmp_path: Path) -> None:
    drafts_workspace(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text(DEV_ARTICLE.read_text(encoding="utf-8").replace("会談した", "会談しました"), encoding="utf-8")
    keys = SJIS + "\n中露首脳\n共同\n2024-05-16\n\n".encode()
    res = _typed(["add-article", str(other), "--bank", str(tmp_path / "cls")], keys)
    assert res.code == 0, res.err
    assert "  That is not UTF-8 text (is the terminal set to Shift_JIS or EUC-JP?); type it again.\n" in res.err
    assert "中露首脳" in (tmp_path / "cls" / "items" / "002.yaml").read_text(encoding="utf-8")


def test_add_article_source_id_follows_the_id_rule(tmp_path: Path) -> None:
    drafts_workspace(tmp_path)
    items = sorted((tmp_path / "cls" / "items").iterdir())
    res = run("add-article", str(tmp_path / "nowhere.txt"), "--bank", str(tmp_path / "cls"), "--headline", "h", "--outlet", "o",
              "--date", "2024-05-16", "--url", "", "--source-id", "../../x")
    assert res.fails_cleanly(code=2) == ("Error: --source-id '../../x' is not an id: use lower-case letters, digits "
                                         "and hyphens (e.g. a000-peace-plan), at most 64 characters\n")
    assert sorted((tmp_path / "cls" / "items").iterdir()) == items


def test_a_control_character_in_a_headline_flag_is_a_usage_error(tmp_path: Path) -> None:
    drafts_workspace(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text(DEV_ARTICLE.read_text(encoding="utf-8").replace("会談した", "会談しました"), encoding="utf-8")
    res = run("add-article", str(other), "--bank", str(tmp_path / "cls"), "--headline", "見出し\x1b]0;x\x07",
              "--outlet", "o", "--date", "2024-05-16", "--url", "")
    assert res.fails_cleanly(code=2) == "Error: --headline holds a control character (U+001B at character 4)\n"
