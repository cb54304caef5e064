"""Step 5: the article's drafts, best first, and the default selection of about twenty.

The selection takes the facts best first while each answer is asked once (習近平 once, however many
sentences name him) and each sentence gives its key fact and at most one or two more that fill other
slots (who, when, where…), and puts the chosen drafts in the article's order, so a teacher reviews them
as the story unfolds. The facts left out follow (with `--all`), best first.

Pure: no I/O, deterministic (ties keep the article's order).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quizgen.extract.facts import Fact, Slot

DEFAULT_DRAFTS = 20  # about what a strict teacher keeps from a 600-800 character article
MIN_SCORE = 55  # weaker facts (a background event, a generic phrase) only with --all
SECOND_FACT = 64  # a second fact of a sentence must be at least this good
SECOND_SLOTS = frozenset({Slot.WHO, Slot.WHEN, Slot.WHERE, Slot.HOW_MANY, Slot.WHAT})


@dataclass(frozen=True)
class Selection:
    chosen: tuple[Fact, ...]  # the default drafts, in the article's order
    rest: tuple[Fact, ...]  # everything else worth a draft, best first (kept with --all)


def select(found: Sequence[Fact], limit: int | None = DEFAULT_DRAFTS,
           compatible: Callable[[Fact, Fact], bool] = lambda _a, _b: True) -> Selection:
    """The best facts, at most `limit` (None: no cap), best first: each answer once; per sentence at most one
    fact per slot, and beyond the first only good facts of the who/when/where/how-many/what slots (three in
    the lead sentence, two elsewhere), each compatible with the facts already chosen from it (they must not
    answer each other). Facts below MIN_SCORE are never in the default selection. The rest, best first."""
    ranked = sorted(found, key=lambda f: (-f.score, f.order, f.candidate.start))
    chosen: list[Fact] = []
    asked: set[str] = set()
    left: list[Fact] = []
    for f in ranked:
        siblings = [g for g in chosen if g.sentence_start == f.sentence_start]
        if (f.key in asked or f.score < MIN_SCORE or (limit is not None and len(chosen) >= limit)
                or not _fits(f, siblings) or not all(compatible(g, f) for g in siblings)):
            left.append(f)
            continue
        asked.add(f.key)
        chosen.append(f)
    return Selection(tuple(sorted(chosen, key=lambda f: (f.order, f.candidate.start))), tuple(left))


def _fits(f: Fact, siblings: Sequence[Fact]) -> bool:
    if not siblings:
        return True
    cap = 3 if f.order == 0 else 2
    return (len(siblings) < cap and f.score >= SECOND_FACT and f.slot in SECOND_SLOTS
            and f.slot not in {g.slot for g in siblings})
