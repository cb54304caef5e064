"""Second adversarial pass, cause 3: `extract -o FILE` over a drafts file under review.

Re-running the command `add-article` prints replaced the drafts file silently: discards and their
reasons were gone and a discarded draft was offered (and could be accepted) again. Now extract refuses
to replace a drafts file holding discards and says what to do; a drafts file nobody has decided on yet
is still made again (without the drafts accepted from it: the bank holds them, and extract says so).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from harness import drafts_workspace, run


def _extract(root: Path, drafts: Path) -> tuple[int, str]:
    res = run("extract", str(root / "cls" / "articles" / "putin-beijing-2024-05.txt"), "--bank", str(root / "cls"),
              "-o", str(drafts))
    return res.code, res.err


def test_a_discard_is_never_lost(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    assert run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="a\nd\n重複なので破棄\nq\n").code == 0
    before = drafts.read_bytes()
    discarded = [i["id"] for i in yaml.safe_load(before)["items"] if i.get("discarded")]
    assert len(discarded) == 1
    code, err = _extract(tmp_path, drafts)
    assert code == 1 and "Traceback" not in err
    assert err == (f"Error: will not write {drafts}: it holds decisions made in review that would be lost (1 "
                   f"discarded draft: {discarded[0]}); finish it with `quizgen review`, write to another file, "
                   "or delete it to start over\n")  # the one guard of every output (hostile pass 5, cause E)
    assert drafts.read_bytes() == before


def test_undecided_or_accepted_drafts_are_made_again(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    first = drafts.read_bytes()
    assert _extract(tmp_path, drafts)[0] == 0
    assert drafts.read_bytes() == first  # the same article makes the same drafts
    accepted = yaml.safe_load(first)["items"][0]["id"]
    assert run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="a\nq\n").code == 0  # accepted: in the bank
    code, err = _extract(tmp_path, drafts)
    assert code == 0 and f"left out 1 draft the bank already holds (accepted in review): {accepted}" in err, err
    again = [i["id"] for i in yaml.safe_load(drafts.read_bytes())["items"]]  # newuser4 #4: not offered again
    assert accepted not in again and again == [i["id"] for i in yaml.safe_load(first)["items"][1:]]
