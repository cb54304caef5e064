"""Step 5: score each draft and keep the best N, so a teacher reviews 40 good drafts, not 150 mixed ones.

The score (0-100) is a simple, explainable rule table over what the draft already says about
itself (its rule tag, kind, entity, actors, evidence): named people and linked entities, dates,
numbers and "who said this" questions score high; generic noun-phrase blanks score low.
Pure: no I/O, deterministic (ties keep the article's order).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.bank.model import Bank, EntityType, Item
from quizgen.extract import PROTAGONISTS

# Base score per rule (the `rule-…` tag every draft carries).
RULE_SCORES: dict[str, int] = {
    "speaker": 85, "date": 85, "n-years-since": 80, "anniversary": 80, "met-whom": 75, "number": 75,
    "duration": 70, "year": 70, "meeting-place": 70, "entity": 65, "role-phrase": 65, "day": 60, "title": 60,
    "quoted": 65, "forum": 60, "partial-date": 55, "stance": 55, "place": 55, "meeting-format": 55,
    "relative-date": 55, "phrase": 30, "source": 25,
}
_ENTITY_SCORES = {
    EntityType.PERSON: 85, EntityType.ORGANISATION: 75, EntityType.FORUM: 75, EntityType.DOCUMENT: 75,
    EntityType.COUNTRY: 60, EntityType.PLACE: 65, EntityType.GROUP: 60, EntityType.EVENT: 60,
}
_KATAKANA = re.compile(r"[\u30a1-\u30fa]{2,}")
SAME_SENTENCE_PENALTY = 5  # per draft already kept from the same sentence


@dataclass(frozen=True)
class Ranked:
    kept: tuple[Item, ...]  # best first
    dropped: int  # how many drafts the cap left out


def rule_of(item: Item) -> str:
    return next((t[5:] for t in item.tags if t.startswith("rule-")), "")


def score(item: Item, bank: Bank) -> int:
    """How likely a strict teacher keeps this draft, on a 0-100 scale (higher is better)."""
    rule = rule_of(item)
    s = RULE_SCORES.get(rule, 40)
    if rule in ("entity", "met-whom", "meeting-place"):
        s = _named(item, bank, s)
    if rule == "speaker" and item.entity in PROTAGONISTS:
        s -= 15
    if rule in ("number", "date", "day", "year", "duration", "stance", "quoted") and item.actors:
        s += 5  # a fact with a named actor in its sentence
    if rule == "phrase":
        s += _phrase(item.answer.ja)
    if rule == "quoted" and len(item.answer.ja) > 20:
        s -= 20  # a whole statement as the answer: hard to type, and the blank leaves little context
    quote = item.evidence[0].quote if item.evidence else ""
    if quote and not quote.endswith(("。", "」", "！", "？", "!", "?")):
        s -= 15  # a headline or caption: little context for a blank
    return max(0, min(100, s))


def _named(item: Item, bank: Bank, s: int) -> int:
    """The score `s` of a draft whose answer is a named thing, by what the bank knows of it."""
    entity = bank.entity_by_id.get(item.entity) if item.entity else None
    if (item.entity is not None and entity is None) or any(m.startswith("entity for ") for m in item.missing):
        return max(s, 80)  # a person the bank does not know yet, named with a title
    if entity is not None:
        s = max(s, _ENTITY_SCORES.get(entity.type, s))
        return s - 25 if entity.id in PROTAGONISTS else s  # 「（　）は…」 about China or Russia in an article about them
    if item.kind.value in ("organisation", "forum"):
        return max(s, 70)  # an organisation the bank does not know (中国税関総署)
    return s


def _phrase(answer: str) -> int:
    """What a key phrase's answer adds to its score: a compound term (軍民両用品, ジュニアパートナー) rather than
    a single common noun gains; two characters or fewer lose."""
    gain = 5 if _KATAKANA.search(answer) or len(answer) >= 6 else 0
    return gain - 10 if len(answer) <= 2 else gain


def rank(items: Sequence[Item], bank: Bank, limit: int | None = None) -> Ranked:
    """The drafts best first; with `limit`, only the best `limit`.

    Drafts from a sentence that already gave one lose SAME_SENTENCE_PENALTY per kept sibling, so the
    kept set covers more of the article instead of five blanks in one sentence.
    """
    base = [(score(it, bank), -n, it) for n, it in enumerate(items)]
    per_sentence: dict[str, int] = {}
    remaining = list(base)
    kept: list[Item] = []
    while remaining and (limit is None or len(kept) < limit):
        best = max(remaining, key=lambda r: (r[0] - SAME_SENTENCE_PENALTY * per_sentence.get(_sentence(r[2]), 0), r[1]))
        remaining.remove(best)
        kept.append(best[2])
        key = _sentence(best[2])
        per_sentence[key] = per_sentence.get(key, 0) + 1
    return Ranked(tuple(kept), len(remaining))


def _sentence(item: Item) -> str:
    return item.evidence[0].quote if item.evidence else item.id
