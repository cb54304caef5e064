"""The bank's checks beyond each record's own fields: ids and references, formats, answers, and the articles.

`load` builds the records (reporting what is wrong inside each one); these checks then look across
records, and, given the articles folder, check every quote and year against the article texts.
Every problem is added to the `Reader` with its place, so the loader reports them all at once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from quizgen.bank.located import Loc, LocList, LocMap
from quizgen.bank.model import Bank, Item, Text, cloze_parts
from quizgen.bank.records import Reader, suggest
from quizgen.errors import UsageError
from quizgen.japanese.normalise import normalise

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_WHEN_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_RE = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})(?![0-9０-９])")
_KANA_RE = re.compile(r"^[\u3041-\u309f\u30fc・、。「」\s]+$")


def _at(reader: Reader, kind: str, rid: str, *path: str | int) -> Loc:
    """Best location for a nested field of record (kind, rid)."""
    node: Any = reader.maps[(kind, rid)]
    loc: Loc = node.loc
    for step in path:
        if isinstance(node, LocMap) and isinstance(step, str) and step in node:
            loc, node = node.where(step), node[step]
        elif isinstance(node, LocList) and isinstance(step, int) and step < len(node):
            loc, node = node.item_locs[step], node[step]
        else:
            break
    return loc


def validate(bank: Bank, r: Reader) -> None:
    """Checks across records (ids, references, formats, answers), each problem added to `r` with its place."""
    _check_ids(bank, r)
    _check_sources(bank, r)
    prompts: dict[str, Item] = {}
    for it in bank.items:
        _check_references(bank, r, it)
        _check_formats(r, it)
        _check_answers(bank, r, it)
        first = prompts.setdefault(normalise(it.prompt.ja), it)
        if first is not it and normalise(first.answer.ja) != normalise(it.answer.ja):
            r.fail(_at(r, "items", it.id, "prompt", "ja"), f"item {it.id}.prompt.ja",
                   f"same prompt as item {first.id!r} but a different answer "
                   f"({it.answer.ja!r} vs {first.answer.ja!r})")


def _check_ids(bank: Bank, r: Reader) -> None:
    for kind, recs in (("entities", bank.entities), ("items", bank.items),
                       ("disagreements", bank.disagreements), ("pools", bank.pools)):
        for rec in recs:
            if not _ID_RE.match(rec.id):
                r.fail(_at(r, kind, rec.id, "id"), f"{kind[:-1]} {rec.id}.id",
                       "ids are lower-case letters, digits and hyphens (e.g. a000-peace-plan)")


def _check_sources(bank: Bank, r: Reader) -> None:
    """Sources' dates; entities' readings; the articles that roles and disagreement sides cite."""
    sources = bank.source_by_id
    for s in bank.sources:
        if s.published is not None and not _DATE_RE.match(s.published):
            r.fail(_at(r, "sources", s.id, "published"), f"source {s.id}.published",
                   f"must be a date YYYY-MM-DD or null, not {s.published!r}")
    for e in bank.entities:
        if not _KANA_RE.match(e.reading):
            r.fail(_at(r, "entities", e.id, "reading"), f"entity {e.id}.reading",
                   f"must be hiragana, not {e.reading!r}")
        for j, role in enumerate(e.roles):
            if role.article not in sources:
                r.fail(_at(r, "entities", e.id, "roles", j, "article"), f"entity {e.id}.roles[{j}].article",
                       f"unknown article {role.article!r}{suggest(role.article, sources)}")
    for dis in bank.disagreements:
        for j, side in enumerate(dis.sides):
            if side.article not in sources:
                r.fail(_at(r, "disagreements", dis.id, "sides", j, "article"),
                       f"disagreement {dis.id}.sides[{j}].article", f"unknown article {side.article!r}")


def _check_references(bank: Bank, r: Reader, it: Item) -> None:
    """The articles, entities, disagreement and pool an item names exist."""
    sources, entities, pools, where = bank.source_by_id, bank.entity_by_id, bank.pool_by_id, f"item {it.id}"
    for j, ev in enumerate(it.evidence):
        if ev.article not in sources:
            r.fail(_at(r, "items", it.id, "evidence", j, "article"), f"{where}.evidence[{j}].article",
                   f"unknown article {ev.article!r}{suggest(ev.article, sources)}")
    if not it.evidence:
        r.fail(_at(r, "items", it.id, "evidence"), f"{where}.evidence", "at least one evidence quote is required")
    if it.entity is not None and it.entity not in entities:
        r.fail(_at(r, "items", it.id, "entity"), f"{where}.entity",
               f"unknown entity {it.entity!r}{suggest(it.entity, entities)}")
    for j, a in enumerate(it.actors):
        if a not in entities:
            r.fail(_at(r, "items", it.id, "actors", j), f"{where}.actors[{j}]",
                   f"unknown entity {a!r}{suggest(a, entities)}")
    if it.disagreement is not None and it.disagreement not in bank.disagreement_by_id:
        r.fail(_at(r, "items", it.id, "disagreement"), f"{where}.disagreement",
               f"unknown disagreement {it.disagreement!r}{suggest(it.disagreement, bank.disagreement_by_id)}")
    if it.pool is not None and it.pool not in pools:
        r.fail(_at(r, "items", it.id, "pool"), f"{where}.pool", f"unknown pool {it.pool!r}{suggest(it.pool, pools)}")


def _check_formats(r: Reader, it: Item) -> None:
    """Tags without spaces, a hiragana reading, a well-formed `when` with its `event`, cloze blanks."""
    where = f"item {it.id}"
    for j, tag in enumerate(it.tags):
        if not tag.strip() or any(c.isspace() for c in tag):
            r.fail(_at(r, "items", it.id, "tags", j), f"{where}.tags[{j}]", f"tags contain no spaces: {tag!r}")
    if it.reading is not None and not _KANA_RE.match(it.reading):
        r.fail(_at(r, "items", it.id, "reading"), f"{where}.reading", f"must be hiragana, not {it.reading!r}")
    if it.when is not None and not _WHEN_RE.match(it.when):
        r.fail(_at(r, "items", it.id, "when"), f"{where}.when", f"must be YYYY, YYYY-MM or YYYY-MM-DD, not {it.when!r}")
    if it.when is not None and it.event is None:
        r.fail(_at(r, "items", it.id, "when"), f"{where}.event", "an item with `when` needs an `event` label")
    for lang in ("ja", "en") if it.cloze is not None else ():
        if not any(blank for _, blank in cloze_parts(getattr(it.cloze, lang))):
            r.fail(_at(r, "items", it.id, "cloze", lang), f"{where}.cloze.{lang}", "mark each blank with [[...]]")


def _check_answers(bank: Bank, r: Reader, it: Item) -> None:
    """No accepted answer split at its own comma; no distractor that is an accepted answer."""
    where = f"item {it.id}"
    answer_text = f"{it.answer.ja} {it.answer.en}"
    for j, (a, b) in enumerate(zip(it.accept, it.accept[1:], strict=False)):
        if f"{a}, {b}" in answer_text or f"{a},{b}" in answer_text:
            r.fail(_at(r, "items", it.id, "accept", j), f"{where}.accept[{j}]",
                   f"{a!r} and {b!r} look like one answer split at its comma; quote it: \"{a}, {b}\"")
    accepted = {normalise(a) for a in bank.accepted(it)}
    for j, d in enumerate(it.distractors):
        for lang in ("ja", "en"):
            if normalise(getattr(d, lang)) in accepted:
                r.fail(_at(r, "items", it.id, "distractors", j, lang), f"{where}.distractors[{j}].{lang}",
                       f"distractor {getattr(d, lang)!r} is an accepted answer")


def check_articles(bank: Bank, r: Reader, articles: Path) -> None:
    """Every quote verbatim in its article and not from page clutter; no year the cited articles lack."""
    if not articles.is_dir():
        raise UsageError(f"articles folder not found: {articles}")
    texts = _read_articles(bank, r, articles)
    quotes = [(ev.article, ev.quote, _at(r, "items", it.id, "evidence", j, "quote"), f"item {it.id}.evidence[{j}].quote")
              for it in bank.items for j, ev in enumerate(it.evidence)]
    quotes += [(role.article, role.quote, _at(r, "entities", e.id, "roles", j, "quote"), f"entity {e.id}.roles[{j}].quote")
               for e in bank.entities for j, role in enumerate(e.roles)]
    quotes += [(side.article, side.quote, _at(r, "disagreements", d.id, "sides", j, "quote"),
                f"disagreement {d.id}.sides[{j}].quote") for d in bank.disagreements for j, side in enumerate(d.sides)]
    for article, quote, loc, field in quotes:
        _check_quote(bank, r, texts, article, quote, loc, field)
    for it in bank.items:
        _check_years(r, it, texts)


def _read_articles(bank: Bank, r: Reader, articles: Path) -> dict[str, str]:
    """Each source's article text by id; a missing file, or a clutter line not in its article, is a problem."""
    texts: dict[str, str] = {}
    for s in bank.sources:
        path = articles / s.file
        try:
            texts[s.id] = path.read_text(encoding="utf-8")
        except OSError:
            r.fail(_at(r, "sources", s.id, "file"), f"source {s.id}.file", f"article file not found: {path}")
            continue
        for j, line in enumerate(s.clutter):
            if line not in texts[s.id]:
                r.fail(_at(r, "sources", s.id, "clutter", j), f"source {s.id}.clutter[{j}]",
                       "clutter line not found verbatim in the article")
    return texts


def _check_quote(bank: Bank, r: Reader, texts: dict[str, str], article: str, quote: str, loc: Loc, field: str) -> None:
    text = texts.get(article)
    if text is None:
        return
    if quote not in text:
        r.fail(loc, field, f"quote not found verbatim in article {article} ({bank.source_by_id[article].file})")
        return
    if any(quote in line for line in bank.source_by_id[article].clutter):
        r.fail(loc, field, f"quote comes from page clutter in article {article}, not from its content")


def _check_years(r: Reader, it: Item, texts: dict[str, str]) -> None:
    """A four-digit year in the prompt, answer, statement or event must be in a cited article or the context."""
    cited = "".join(texts.get(a, "") for a in it.articles)
    context = f"{it.context.ja} {it.context.en}" if it.context else ""
    for fname in ("prompt", "answer", "statement", "event"):
        val: Text | None = getattr(it, fname)
        for lang in ("ja", "en") if val is not None else ():
            for year in _YEAR_RE.findall(getattr(val, lang)):
                if year not in cited and year not in context:
                    r.fail(_at(r, "items", it.id, fname, lang), f"item {it.id}.{fname}.{lang}",
                           f"year {year} is not in the cited article(s); "
                           "state it only in a `context` note from outside the article")
