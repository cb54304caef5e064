"""What a drafts file holds that `quizgen review` decided and a new extraction over it would lose.

`review` keeps its decisions in the drafts file (see `review.py`): a discarded draft stays there with its
reason. Accepted drafts leave the file for the bank, so making them again loses nothing (review drops them
when it opens the file). `extract -o FILE` asks `lost_decisions` before it replaces FILE.

Edits are not told apart: a draft's text depends on which other drafts were chosen (`--max`, `--all`), so
a draft that differs from the one made now need not have been edited.
"""

from __future__ import annotations

from pathlib import Path

from quizgen.bank.files import read_utf8
from quizgen.bank.located import LocMap, load_located


def lost_decisions(path: Path) -> list[str]:
    """The ids of the discarded drafts in the drafts file `path`; empty when it does not exist, cannot be read
    or is no drafts file."""
    if not path.exists():
        return []
    text = read_utf8(path)
    if not isinstance(text, str):
        return []
    data, problems = load_located(text, str(path))
    if problems or not isinstance(data, LocMap) or not isinstance(data.get("items"), list):
        return []
    return [i["id"] for i in data["items"] if isinstance(i, dict) and i.get("discarded") and isinstance(i.get("id"), str)]
