"""What a drafts file holds that `quizgen review` decided and a new extraction over it would lose.

`review` keeps its decisions in the drafts file (see `review.py`): a discarded draft stays there with its
reason. Accepted drafts leave the file for the bank, so making them again loses nothing (review drops them
when it opens the file). No command that writes outputs replaces a file holding discards (`decisions_kept`,
which the CLI gives `quizgen.atomic.reading`): not `extract -o FILE`, nor `export -o FILE` or `timeline -o FILE`.

A new extraction for an article keeps the decisions made on its drafts elsewhere (newuser4 #4: `extract --all -o
other.yaml` showed the discards of the first file as undecided): `earlier_discards` finds the discarded drafts in
the drafts files beside the new one and in the bank, and the CLI writes the same drafts (same id) discarded, with
their reasons; drafts the bank holds (accepted) are left out, and so are drafts asking what an accepted item asks
under another id (`asked_already`: newuser6 ran `--all` after accepting the default's drafts and was offered the
same facts again).

Nor is a drafts file holding edits replaced (`edits_kept`: issue 18, hostile12 — a translation typed in was
replaced by `TODO: translate`, rc 0): edits are told by the fingerprints extract records in the file
(`quizgen.extract.fingerprint`), not by a new extraction, since a draft's text depends on which other drafts were
chosen (`--max`, `--all`) and a draft that differs from the one made now need not have been edited.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from quizgen.bank.files import is_yaml, read_utf8
from quizgen.bank.located import LocMap, load_located
from quizgen.bank.model import Bank, Item
from quizgen.japanese.normalise import normalise


def asked_already(drafts: Iterable[Item], bank: Bank, held: Collection[str] = ()) -> dict[str, str]:
    """Each draft (not `held`) that asks a fact an accepted item of the bank asks, with that item's id: the same
    answer, quoted from the same sentence of the same article (an item edited in review keeps its evidence)."""
    accepted: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for i in bank.items:
        if not i.draft and i.discarded is None:
            for ev in i.evidence:
                accepted.setdefault((ev.article, normalise(i.answer.ja)), []).append((ev.quote, i.id))
    out: dict[str, str] = {}
    for d in drafts:
        if d.id in held:
            continue
        for ev in d.evidence:
            same = [bid for quote, bid in accepted.get((ev.article, normalise(d.answer.ja)), ())
                    if bid != d.id and (quote in ev.quote or ev.quote in quote)]
            if same:
                out[d.id] = same[0]
                break
    return out


def lost_decisions(path: Path) -> list[str]:
    """The ids of the discarded drafts in the drafts file `path`; empty when it does not exist, cannot be read
    or is no drafts file."""
    return list(_discards(path))


def _discards(path: Path) -> dict[str, str]:
    """The discarded drafts in the drafts file `path`, id -> reason; empty when it does not exist, cannot be read or
    is no drafts file."""
    if not path.is_file():
        return {}
    text = read_utf8(path)
    if not isinstance(text, str):
        return {}
    data, problems = load_located(text, str(path))
    if problems or not isinstance(data, LocMap) or not isinstance(data.get("items"), list):
        return {}
    return {i["id"]: str(i["discarded"]) for i in data["items"]
            if isinstance(i, dict) and i.get("discarded") and isinstance(i.get("id"), str)}


@dataclass(frozen=True)
class Discard:
    reason: str
    file: Path  # the drafts file it was made in


def earlier_discards(files: Iterable[Path], ids: Iterable[str]) -> dict[str, Discard]:
    """The drafts among `ids` that a review discarded in one of the drafts `files` (YAML files naming `discarded:`;
    others are not read), id -> its reason and file (the first file's)."""
    wanted = set(ids)
    found: dict[str, Discard] = {}
    for path in files:
        if not is_yaml(path) or not _names_discards(path):
            continue
        for item_id, reason in _discards(path).items():
            if item_id in wanted and item_id not in found:
                found[item_id] = Discard(reason, path)
    return found


def _names_discards(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
            return b"\0" not in head and _MARK in head + fh.read()
    except OSError:
        return False


_MARK = b"discarded:"  # in every drafts file holding a discard, as review writes it


def holds_drafts(path: Path) -> bool:
    """Whether the bank file `path` is a drafts file: it has items, and every one is `draft: true`."""
    text = read_utf8(path)
    data = load_located(text, str(path))[0] if isinstance(text, str) else None
    items = data.get("items") if isinstance(data, dict) else None
    return isinstance(items, list) and bool(items) and all(isinstance(i, dict) and i.get("draft") is True for i in items)


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


def edits_kept(path: Path) -> tuple[str, str] | None:
    """What replacing the drafts file `path` would lose, when it holds edits made after extract wrote it (by hand,
    or a draft edited in review and kept), or when it has no record of what extract wrote (then what in it was typed
    cannot be told): `(what, what to do)` as `quizgen.atomic.Keeper` says it; else None."""
    from quizgen.extract.fingerprint import edited

    text = read_utf8(path)
    if not isinstance(text, str):
        return None
    changed = edited(text)
    fix = "review it with `quizgen review`, write to another file, or delete it to start over"
    if changed is None:
        return ("is a drafts file with no record of what extract wrote in it (written by hand, or by an older "
                "quizgen), so edits in it cannot be told apart and would be lost", fix)
    if not changed:
        return None
    shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
    return f"holds edits made since extract wrote it that would be lost ({shown})", fix


def removed_by_hand(path: Path, ids: Iterable[str]) -> tuple[str, ...]:
    """The drafts of `ids` (what extract is about to write into `path`) that the drafts file `path` numbers — extract
    wrote them there — and no longer holds: cut by hand, so writing them again would undo the teacher's decision
    (hostile18; a draft accepted in review is in the bank, and extract leaves it out before this)."""
    from quizgen.extract.numbering import numbers_of

    text = read_utf8(path) if path.is_file() else None
    if not isinstance(text, str):
        return ()
    numbered = numbers_of(text)
    data = load_located(text, str(path))[0]
    items = data.get("items") if isinstance(data, dict) else None
    if not numbered or not isinstance(items, list):
        return ()
    held = {i.get("id") for i in items if isinstance(i, dict)}
    return tuple(i for i in ids if i in numbered and i not in held)

