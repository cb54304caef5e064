"""Step 5: the article's drafts, best first, and the default selection of about twenty.

The selection is made in three passes over the facts, best first, each answer asked once (習近平 once,
however many sentences name him):

1. **Key facts.** Each sentence gives its key fact and at most one or two more that fill other slots
   (who, when, where…), each compatible with those already chosen from it (`compatible`: at least one of
   the two can be masked in the other's prompt).
2. **Fill.** While the selection is below its size, the next-best facts that are separate facts of their
   sentence: a good score (FILL_SCORE), no overlap with a chosen answer (no nested variants of one blank),
   not a word that only qualifies a chosen answer (中国外務省 of 中国外務省の毛寧報道官), at most
   FILL_PER_SENTENCE drafts from one sentence, and no mirror pair with a fact chosen from its sentence: each
   of the two prompts hides the other's answer (a masked name or date), else the sentence keeps one draft.
3. **Rank fill.** While the selection is still below its size, the next facts by score (phrases down to
   RANK_FLOOR, names, dates and counts down to FILL_SCORE), the
   sentences with fewer drafts first (a sentence with no draft yet gives its key fact before a busy sentence
   gives a third), under the fill's rules.

The chosen drafts come in the article's order, so a teacher reviews them as the story unfolds. The facts
left out follow (with `--all`), best first.

Pure: no I/O, deterministic (ties keep the article's order).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from quizgen.extract.facts import Fact, Slot

DEFAULT_DRAFTS = 20  # a selection's size when the caller gives none (`default_size` sizes an article's)
DRAFTS_PER_SENTENCE = 1.5  # the default holds this many drafts per sentence with a usable fact (13 such sentences,
LEAST_DRAFTS = 5  # as a 700-character report has, give 20), at least LEAST_DRAFTS
MOST_DRAFTS = 30  # and at most MOST_DRAFTS
MIN_SCORE = 55  # weaker facts (a background event, a generic phrase) only in the rank fill (down to RANK_FLOOR)
SECOND_FACT = 64  # a second fact of a sentence must be at least this good
SECOND_SLOTS = frozenset({Slot.WHO, Slot.WHEN, Slot.WHERE, Slot.HOW_MANY, Slot.WHAT})
FILL_SCORE = 60  # a fact that fills the selection up to its size must be at least this good
RANK_FLOOR = 44  # the rank fill: phrases at least this good fill the default up to its size (a bare phrase with no
# cue that it is a key term scores 36-42 and stays out: `quizgen.extract.facts`)
FILL_PER_SENTENCE = 3  # drafts of one sentence at most, fills included (the lead sentence: one more)

Pair = Callable[[Fact, Fact], bool]
_QUALIFIER = re.compile(r"(?:[（(][^（）()]{1,20}[）)])?の")  # 中国外務省（報道局）の, インドの


def default_size(sentences: int) -> int:
    """How many drafts the default selection holds for an article with `sentences` fact-bearing sentences (a
    usable fact in each): DRAFTS_PER_SENTENCE each (a sentence may hold two separate facts), between
    LEAST_DRAFTS and MOST_DRAFTS. A size, not a quota: the selection only takes the facts its rules let in."""
    return min(MOST_DRAFTS, max(LEAST_DRAFTS, round(sentences * DRAFTS_PER_SENTENCE)))


class LeftOut(StrEnum):
    """Why a fact is not in the default selection (what `--all` adds, and `bench/eval_extract.py --why` counts)."""

    ASKED = "asked"  # its answer is asked already (习近平 once per article)
    GIVEN = "give-away"  # the context cue or the story prints its answer
    SCORE = "score cut"  # below MIN_SCORE with no cap, else below RANK_FLOOR
    CAP = "cap"  # the selection was full
    SENTENCE = "same-sentence block"  # its sentence gives another draft whose prompt prints it, or is full
    PRINTED = "printed by another prompt"  # chosen, then left out: a better draft's prompt prints its answer


@dataclass(frozen=True)
class Selection:
    chosen: tuple[Fact, ...]  # the default drafts, in the article's order
    rest: tuple[Fact, ...]  # everything else worth a draft, best first (kept with --all)
    why: tuple[LeftOut, ...] = ()  # for each of `rest`, why it is left out


def select(found: Sequence[Fact], limit: int | None = DEFAULT_DRAFTS, compatible: Pair = lambda _a, _b: True,
           separate: Pair = lambda _a, _b: True, given: Callable[[Fact], bool] = lambda _f: False) -> Selection:
    """The best facts, at most `limit` (None: no cap): the key facts of each sentence, then fills up to `limit`
    (see the module doc; with no cap, no fill). Facts below MIN_SCORE, and facts every other draft `given`
    away (the context cue prints the answer), are never in the default selection. The rest, best first."""
    ranked = sorted(found, key=lambda f: (-f.score, f.order, f.candidate.start))
    asked: set[str] = set()
    chosen: list[Fact] = []
    for f in ranked:
        siblings = [g for g in chosen if g.sentence_start == f.sentence_start]
        if (f.key in asked or given(f) or f.score < MIN_SCORE or (limit is not None and len(chosen) >= limit)
                or not _fits(f, siblings) or not all(compatible(g, f) and not _one_name(f, g) for g in siblings)):
            continue
        asked.add(f.key)
        chosen.append(f)
    if limit is not None:
        for f in ranked:
            if len(chosen) >= limit:
                break
            if f.key in asked or given(f) or f.score < FILL_SCORE or any(f is g for g in chosen):
                continue
            siblings = [g for g in chosen if g.sentence_start == f.sentence_start]
            if fills(f, siblings, separate, compatible):
                asked.add(f.key)
                chosen.append(f)
        _rank_fill(ranked, chosen, asked, limit, given, separate, compatible)
    picked = {id(f) for f in chosen}
    rest = tuple(f for f in ranked if id(f) not in picked)
    return Selection(tuple(sorted(chosen, key=lambda f: (f.order, f.candidate.start))), rest,
                     tuple(_why(f, chosen, asked, given, limit, separate, compatible) for f in rest))


def floor(f: Fact) -> int:
    """The least score of a fact the rank fill takes: RANK_FLOOR for a phrase (a stance, a key term), FILL_SCORE
    for a name, date, count or place (those below it were scored down on purpose: a follow-up's day, a leader
    under their title, a side person) and for the form of a meeting (モスクワを（国賓訪問）した際: not the news)."""
    return RANK_FLOOR if f.slot is Slot.WORDS and f.candidate.rule != "meeting-format" else FILL_SCORE


def _rank_fill(ranked: Sequence[Fact], chosen: list[Fact], asked: set[str], limit: int, given: Callable[[Fact], bool],
               separate: Pair, compatible: Pair) -> None:
    """Add to `chosen` the next facts by score down to their `floor` until `limit`, a sentence with fewer drafts
    first (each round lets each sentence gain one: the key fact of a sentence with no draft yet comes before a
    third fact of a busy one), under the fill's rules (`fills`: no nested blank, no mirror pair)."""
    for drafted in range(FILL_PER_SENTENCE + 1):
        for f in ranked:
            if len(chosen) >= limit:
                return
            if f.key in asked or given(f) or f.score < floor(f) or any(f is g for g in chosen):
                continue
            siblings = [g for g in chosen if g.sentence_start == f.sentence_start]
            if len(siblings) == drafted and fills(f, siblings, separate, compatible):
                asked.add(f.key)
                chosen.append(f)


def _why(f: Fact, chosen: Sequence[Fact], asked: set[str], given: Callable[[Fact], bool], limit: int | None,
         separate: Pair, compatible: Pair) -> LeftOut:
    """Why `f` is not among `chosen` (the first reason that applies, in the order the selection tests them)."""
    if f.key in asked:
        return LeftOut.ASKED
    if given(f):
        return LeftOut.GIVEN
    if f.score < (MIN_SCORE if limit is None else floor(f)):
        return LeftOut.SCORE
    siblings = [g for g in chosen if g.sentence_start == f.sentence_start]
    if not fills(f, siblings, separate, compatible):
        return LeftOut.SENTENCE
    return LeftOut.CAP


def _fits(f: Fact, siblings: Sequence[Fact]) -> bool:
    if not siblings:
        return True
    cap = 3 if f.order == 0 else 2
    return (len(siblings) < cap and f.score >= SECOND_FACT and f.slot in SECOND_SLOTS
            and f.slot not in {g.slot for g in siblings})


def fills(f: Fact, siblings: Sequence[Fact], separate: Pair, compatible: Pair = lambda _a, _b: True) -> bool:
    """Whether `f` is a separate fact of its sentence beside the facts already chosen from it: no mirror pair
    with any of them (each of the two prompts hides the other's answer) and `compatible`."""
    if len(siblings) >= FILL_PER_SENTENCE + (f.order == 0):
        return False
    c = f.candidate
    for g in siblings:
        o = g.candidate
        if c.start < o.end and o.start < c.end:
            return False  # ウクライナ危機 inside ウクライナ危機の政治的解決: one blank, two answers
        if _one_name(f, g) or not separate(f, g):
            return False
        if not (separate(g, f) and compatible(g, f)) and not one_way(f, g):
            return False
    return True


def one_way(f: Fact, g: Fact) -> bool:
    """Whether `f` may join `g`, a fact chosen from its sentence whose prompt prints `f`'s answer: `f` asks
    another kind of fact (a date beside a place, a number beside an actor) and its own prompt hides `g`'s
    answer (the caller checks that), so `f` never answers `g`. `g` answers `f`: the worksheet's leak check keeps
    the two off one sheet and review warns on accepting both (3か国による合同演習は、（2019年12月）に初めて
    行われ、今回で4回目です beside …2019年に初めて行われ、今回で（　　）です)."""
    if f.slot is Slot.WORDS:
        return False
    return f.slot is not g.slot or (f.slot is Slot.HOW_MANY and unit(f.candidate.answer) != unit(g.candidate.answer))


def unit(count: str) -> str:
    """What a count counts (人 of 約140万人 and 3万2千人, 割 of 約2割, ドル of 1764億ドル): two counts of one sentence
    in different units are two facts (a growth rate and a total), in one unit they interfere."""
    bare = re.sub(r"^[^0-9０-９]*[0-9０-９][0-9０-９.,万億兆千百十]*", "", count)
    return re.sub(r"(?:余り|あまり|以上|超|近く)$", "", bare)


def _one_name(f: Fact, g: Fact) -> bool:
    """Whether one of two facts of a sentence only qualifies the other (中国外務省の毛寧報道官: who the
    spokesperson speaks for is no second fact)."""
    a, b = f.candidate, g.candidate
    return qualifies(a.sentence.text, (a.start, a.end), (b.start, b.end)) or \
        qualifies(a.sentence.text, (b.start, b.end), (a.start, a.end))


def qualifies(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether span `a` only qualifies span `b` right after it (a の b, past an alias in brackets)."""
    m = _QUALIFIER.match(text, a[1])
    return m is not None and m.end() == b[0]
