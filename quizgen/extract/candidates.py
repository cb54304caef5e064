"""Step 3: find question candidates in a sentence — dates, numbers, actors, forums, meetings, positions.

Rule-based over the NLP backend's tokens and the bank's entity table. Each candidate
names its answer as a verbatim span of the sentence; `drafts.py` turns it into a question.
This module runs the rule families and merges their finds; the rules themselves live in
`rules/dates.py` (dates and numbers), `rules/actors.py` (people, titles, organisations,
forums, meetings), `rules/positions.py` (speakers, stances, quotations) and
`rules/phrases.py` (key phrases, noun chunks); the `Candidate` they return is in `rules/candidate.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from quizgen.bank.model import EntityType
from quizgen.extract.dating import PageDate
from quizgen.extract.lexicon import Lexicon, Mention
from quizgen.extract.nlp import Token
from quizgen.extract.rules.actors import actors, forums, meetings
from quizgen.extract.rules.candidate import Candidate
from quizgen.extract.rules.dates import dates, numbers
from quizgen.extract.rules.phrases import phrases
from quizgen.extract.rules.positions import positions, quoted, reports, votes
from quizgen.extract.sentences import Sentence

__all__ = ["NO_DATE", "Candidate", "candidates"]

NO_DATE = PageDate(None)  # an article whose date is unknown: no relative date is resolved

_OPINION = re.compile(r"(でしょう|ましょう|ですね|ますね|なあ|思います|かなあ|でしょうか|よね|だな|分かります|伺えます|"
                      r"注目されます|目が離せません|解説して|見ていき|"
                      r"(?:た|る)形(?:です|だ)。?$)")  # …広がった形です: the writer's reading, not a report
_ACTOR_TYPES = {EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANISATION, EntityType.GROUP, EntityType.FORUM}


def candidates(sentence: Sentence, tokens: Sequence[Token], lexicon: Lexicon, *, previous_speaker: Mention | None = None,
               page: PageDate = NO_DATE, article: str = "") -> tuple[list[Candidate], Mention | None]:
    """All candidates in one sentence, and the speaker it names (for 同氏 in the next sentence).

    `page` is what the article says of its own date (dates are resolved from it); `article` the source id."""
    text = sentence.text
    if text.endswith(("?", "？", "か。", "のか。")) or (_OPINION.search(text) and not reports(text)):
        return [], previous_speaker
    known = lexicon.known(text, tokens)
    people = lexicon.new_people(text, tokens, known)
    things = lexicon.unknown_things(text, tokens, [*known, *people])
    known = [k for k in known if not any(t.start <= k.start and k.full_end <= t.end and (t.start, t.end) != (k.start, k.end)
                                         for t in things if t.type is EntityType.ORGANISATION)]
    mentions = sorted([*known, *people, *(t for t in things if t.entity != "")], key=lambda m: m.start)
    actor_ids = tuple(dict.fromkeys(m.entity for m in mentions if m.entity and m.type in _ACTOR_TYPES))
    out: list[Candidate] = []
    out += dates(sentence, page, article)
    out += numbers(sentence)
    speaker, stances = positions(sentence, tokens, mentions, previous_speaker)
    out += stances
    out += votes(sentence, mentions)
    out += actors(sentence, mentions)
    out += forums(sentence, tokens, mentions)
    out += meetings(sentence, mentions, tokens)
    out += quoted(sentence)
    out += phrases(sentence, tokens, mentions)
    grouped = {(m.start, m.end) for c in out for m in c.mentions}  # 中国国防省とロシア国防省は…発表した
    out = [_with_actors(c, actor_ids) for c in out
           if not (c.rule in ("entity", "met-whom", "meeting-place") and (c.start, c.end) in grouped)]
    topic = next((m for m in mentions if m.type is EntityType.PERSON and text.startswith(("は", "が"), m.full_end)), None)
    return _dedupe(out), speaker or topic or previous_speaker


def _with_actors(c: Candidate, actors: tuple[str, ...]) -> Candidate:
    return replace(c, actors=tuple(a for a in actors if a != c.entity) if not c.actors else c.actors)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per answer per sentence: wh-questions beat fill-in-the-blanks, earlier rules win ties."""
    best: dict[tuple[int, int], Candidate] = {}
    for c in cands:
        key = (c.start, c.end)
        if key not in best or (not best[key].parts and c.parts):
            best[key] = c
    seen: set[str] = set()
    out: list[Candidate] = []
    for c in sorted(best.values(), key=lambda c: (not c.parts, c.start)):
        name = f"{c.rule == 'speaker'}:{c.entity or c.answer}"
        if name not in seen:
            seen.add(name)
            out.append(c)
    return sorted(out, key=lambda c: (c.start, c.rule))
