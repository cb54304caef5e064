"""Draft numbers: each draft of a drafts file has a number (`quizgen review`'s `g N`, its list `l`) that stays the
same in every session, however many drafts are accepted (and so leave the file) or discarded. The numbers are
the drafts' places in the file as `extract` wrote it, kept in the file's header comment (pure)."""

from __future__ import annotations

import re

NUMBERS_LINE = "# 番号 (review の g N):"
_NUMBER = re.compile(r"(\d+)=(\S+)")


def numbers_of(header: str) -> dict[str, int]:
    """The draft numbers a drafts file's header holds, by id."""
    return {m.group(2): int(m.group(1)) for line in header.splitlines() if line.startswith(NUMBERS_LINE)
            for m in _NUMBER.finditer(line, len(NUMBERS_LINE))}


def numbered(header: str, ids: tuple[str, ...]) -> str:
    """`header` with a number for every draft of `ids` (in the file's order) that has none yet: the next free ones."""
    known = numbers_of(header)
    new = [i for i in ids if i not in known]
    if not new:
        return header
    start = max(known.values(), default=0) + 1
    every = {**known, **{i: start + k for k, i in enumerate(new)}}
    pairs = [f"{n}={i}" for i, n in sorted(every.items(), key=lambda kv: kv[1])]
    kept = "".join(line + "\n" for line in header.splitlines() if not line.startswith(NUMBERS_LINE))
    lines = [" ".join(pairs[k:k + 5]) for k in range(0, len(pairs), 5)]
    return kept + "".join(f"{NUMBERS_LINE} {line}\n" for line in lines)


__all__ = ["NUMBERS_LINE", "numbered", "numbers_of"]
