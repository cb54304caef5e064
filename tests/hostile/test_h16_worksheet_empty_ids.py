"""Hostile pass 16, cause 12 (W16, W23): `worksheet --ids ''` (or `',,,'`), as a script gives it from an empty
variable, was taken as no `--ids`: a 20-question sheet of the whole bank was written, exit 0, without a word, while
`--title ''` and `--exam ''` are refused. An `--ids` or `--exclude` value that names no id is now refused in one line,
exit 2, before anything is read or written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import run


@pytest.mark.parametrize("option", ["--ids", "--exclude"])
@pytest.mark.parametrize("value", ["", ",,,", " , ", "\n"])
def test_a_value_naming_no_id_is_refused(bank: Path, option: str, value: str) -> None:
    ran = run("worksheet", "--bank", "bank", "--format", "html", "-o", "o", "--seed", "1", option, value)
    assert ran.fails_cleanly(2) == (f"Error: {option} {value!r} names no item id; give ids separated by commas "
                                    "(`quizgen topics --items` lists them)\n")
    assert not Path("o").exists()


def test_one_empty_value_among_others_is_refused(bank: Path) -> None:
    ran = run("worksheet", "--bank", "bank", "--format", "html", "-o", "o", "--ids", "t1-un-80", "--ids", "")
    assert ran.fails_cleanly(2).startswith("Error: --ids '' names no item id")
