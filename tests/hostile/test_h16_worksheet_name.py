"""Hostile pass 16, cause 13 (W08b, W07b): `worksheet --name` let a line break, a tab and U+202E RIGHT-TO-LEFT
OVERRIDE through (`check_stem` looked for control characters with `find_control`, which leaves tab and newline alone,
and for no invisible formatting character): files `a⏎b-A.html` were written and 「wrote w5/a」 / 「b-A.html」 printed
on two lines. `--name .hidden` was refused as 「must be a file name, not a path」, which is not the reason. Each is now
refused with its own reason, naming the character and where it is, exit 2, before anything is written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import run


def _name(bank: Path, name: str) -> str:
    ran = run("worksheet", "--bank", "bank", "--format", "html", "-o", "o", "--seed", "1", "--name", name)
    err = ran.fails_cleanly(2)
    assert not Path("o").exists()
    assert err.count("\n") == 1, err
    return err


@pytest.mark.parametrize(("name", "said"), [
    ("a\nb", "Error: --name holds a line break (U+000A at character 2); give the name on one line\n"),
    ("a\u2028b", "Error: --name holds a line break (U+2028 at character 2); give the name on one line\n"),
    ("a\r", "Error: --name holds a line break (U+000D at character 2); give the name on one line\n"),
    ("a\tb", "Error: --name holds a control character (U+0009 at character 2); a file name should hold none\n"),
    ("a\x1bb", "Error: --name holds a control character (U+001B at character 2); a file name should hold none\n"),
    ("a\u202eb", "Error: --name holds an invisible formatting character U+202E RIGHT-TO-LEFT OVERRIDE at character 2; "
                 "remove it (it can show the text in another order than it is stored)\n"),
    ("a\u200bb", "Error: --name holds an invisible formatting character U+200B ZERO WIDTH SPACE at character 2; "
                 "remove it (it does not show, so the text is not what it looks like)\n"),
    (".hidden", "Error: --name '.hidden' begins with a dot, which hides the files (ls and file managers do not show "
                "them); give it without the dot\n"),
    ("../escape", "Error: --name must be a file name, not a path: '../escape'\n"),
    ("..", "Error: --name must be a file name, not a path: '..'\n"),
    ("", "Error: --name was given an empty name; give the files' name, e.g. --name week3\n"),
    (" ", "Error: --name was given an empty name; give the files' name, e.g. --name week3\n"),
])
def test_the_reason_is_named(bank: Path, name: str, said: str) -> None:
    assert _name(bank, name) == said


def test_a_plain_name_is_used(bank: Path) -> None:
    ran = run("worksheet", "--bank", "bank", "--format", "html", "-o", "o", "--seed", "1", "--count", "2",
              "--name", "週3-test")
    assert ran.code == 0, ran
    assert (Path("o") / "週3-test-A.html").exists()
