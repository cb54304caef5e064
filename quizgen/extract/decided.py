"""What a drafts file holds that `quizgen review` decided and a new extraction over it would lose.

`review` keeps its decisions in the drafts file (see `review.py`): a discarded draft stays there with its
reason. Accepted drafts leave the file for the bank, so making them again loses nothing (review drops them
when it opens the file). No command that writes outputs replaces a file holding discards (`decisions_kept`,
which the CLI gives `quizgen.atomic.reading`): not `extract -o FILE`, nor `export -o FILE` or `timeline -o FILE`.

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


_MARK = b"discarded:"  # in every drafts file holding a discard, as review writes it


def decisions_kept(path: Path) -> tuple[str, str] | None:
    """What replacing the file `path` would lose, when it is a drafts file holding discards made in review (as
    `quizgen.atomic.Keeper` says it), else None. A file whose start is not text (a PDF, an .apkg) or that never
    names `discarded:` is not read as YAML."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
            if b"\0" in head or _MARK not in head + fh.read():
                return None
    except OSError:
        return None
    lost = lost_decisions(path)
    if not lost:
        return None
    return (f"holds decisions made in review that would be lost ({len(lost)} discarded "
            f"draft{'' if len(lost) == 1 else 's'}: {', '.join(lost)})",
            "finish it with `quizgen review`, write to another file, or delete it to start over")
