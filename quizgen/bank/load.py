"""The only reader of the bank: YAML files -> validated `Bank`.

Loading collects every problem before raising one `BankError`, each problem
located as file:line:column and field. Records are built generically from the
dataclasses in `model.py`, so the YAML keys are exactly the field names.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from quizgen.bank.located import Loc, LocList, LocMap, load_located
from quizgen.bank.model import Bank, Disagreement, Entity, Item, Pool, Source, Text
from quizgen.bank.records import MISSING, Reader, display_path, dumps_yaml, kind_of, suggest, to_data
from quizgen.errors import BankError, Problem, UsageError
from quizgen.forms import cloze_parts
from quizgen.japanese.normalise import normalise

SECTIONS: dict[str, type[Any]] = {
    "sources": Source,
    "entities": Entity,
    "items": Item,
    "disagreements": Disagreement,
    "pools": Pool,
}
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_WHEN_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_RE = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})(?![0-9０-９])")
_KANA_RE = re.compile(r"^[\u3041-\u309f\u30fc・、。「」\s]+$")
# --------------------------------------------------------------------------- loading


def bank_files(bank_dir: Path) -> list[Path]:
    return sorted(p for p in bank_dir.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_bank(bank_dir: Path | str, articles_dir: Path | str | None = None) -> Bank:
    """Load and validate every YAML file under `bank_dir`. Raises BankError listing every problem."""
    bank_dir = Path(bank_dir)
    if not bank_dir.is_dir():
        raise UsageError(f"bank folder not found: {bank_dir}")
    files = bank_files(bank_dir)
    if not files:
        raise UsageError(f"no .yaml files in bank folder {bank_dir}")
    texts, problems = read_files(files)
    articles = Path(articles_dir) if articles_dir is not None else None
    return _build(texts, articles, problems)


def read_files(paths: list[Path]) -> tuple[list[tuple[str, str]], list[Problem]]:
    """Read bank files as (text, shown name) pairs; unreadable or non-UTF-8 files become located problems."""
    texts: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for path in paths:
        shown = display_path(path)
        try:
            raw = path.read_bytes()
            texts.append((raw.decode("utf-8"), shown))
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            problems.append(Problem(shown, line, col, "(file)", f"not UTF-8 text ({exc.reason}); save the file as UTF-8"))
        except OSError as exc:
            problems.append(Problem(shown, 1, 1, "(file)", f"cannot read: {exc.strerror}"))
    return texts, problems


def loads_bank(text: str, file: str = "<bank>", articles_dir: Path | None = None) -> Bank:
    """Load a bank held in one YAML string (tests, round-trips)."""
    return _build([(text, file)], articles_dir, [])


def loads_bank_files(texts: list[tuple[str, str]], articles_dir: Path | None = None) -> Bank:
    """Load a bank from several (yaml_text, shown_file_name) pairs, validated together (review of drafts)."""
    return _build(list(texts), articles_dir, [])


def _build(texts: list[tuple[str, str]], articles: Path | None, problems: list[Problem]) -> Bank:
    reader = Reader()
    reader.problems.extend(problems)
    sections: dict[str, list[Any]] = {k: [] for k in SECTIONS}
    for text, shown in texts:
        data, probs = load_located(text, shown)
        reader.problems.extend(probs)
        if data is None:
            continue
        if not isinstance(data, LocMap):
            reader.fail(Loc(shown, 1, 1), "(document)", f"must be a mapping with keys {', '.join(SECTIONS)}")
            continue
        for key, raw in data.items():
            if key not in SECTIONS:
                reader.fail(data.key_locs[key], key, f"unknown section{suggest(key, SECTIONS)}; "
                            f"expected {', '.join(SECTIONS)}")
                continue
            if raw is None:
                continue
            if not isinstance(raw, LocList):
                reader.fail(data.where(key), key, f"must be a list, not {kind_of(raw)}")
                continue
            for i, (entry, loc) in enumerate(zip(raw, raw.item_locs, strict=True)):
                rec = reader.record(entry, SECTIONS[key], loc, f"{key}[{i}]")
                if rec is MISSING:
                    continue
                rid = rec.id
                if (key, rid) in reader.maps:
                    first = reader.maps[(key, rid)].loc
                    reader.fail(entry.where("id"), f"{key}[{i}].id",
                                f"duplicate id {rid!r} (first defined at {first.file}:{first.line})")
                    continue
                reader.maps[(key, rid)] = entry
                sections[key].append(rec)
    bank = Bank(**{k: tuple(v) for k, v in sections.items()})
    _validate(bank, reader)
    if articles is not None:
        _check_articles(bank, reader, articles)
    if reader.problems:
        raise BankError(reader.problems)
    return bank


# --------------------------------------------------------------------------- semantic checks


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


def _validate(bank: Bank, r: Reader) -> None:
    sources, entities = bank.source_by_id, bank.entity_by_id
    for s in bank.sources:
        if s.published is not None and not _DATE_RE.match(s.published):
            r.fail(_at(r, "sources", s.id, "published"), f"source {s.id}.published",
                   f"must be a date YYYY-MM-DD or null, not {s.published!r}")
    for kind, recs in (("entities", bank.entities), ("items", bank.items),
                       ("disagreements", bank.disagreements), ("pools", bank.pools)):
        for rec in recs:
            if not _ID_RE.match(rec.id):
                r.fail(_at(r, kind, rec.id, "id"), f"{kind[:-1]} {rec.id}.id",
                       "ids are lower-case letters, digits and hyphens (e.g. a000-peace-plan)")
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
    pools = bank.pool_by_id
    prompts: dict[str, Item] = {}
    for it in bank.items:
        where = f"item {it.id}"
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
        for j, tag in enumerate(it.tags):
            if not tag.strip() or any(c.isspace() for c in tag):
                r.fail(_at(r, "items", it.id, "tags", j), f"{where}.tags[{j}]", f"tags contain no spaces: {tag!r}")
        if it.reading is not None and not _KANA_RE.match(it.reading):
            r.fail(_at(r, "items", it.id, "reading"), f"{where}.reading", f"must be hiragana, not {it.reading!r}")
        if it.when is not None:
            if not _WHEN_RE.match(it.when):
                r.fail(_at(r, "items", it.id, "when"), f"{where}.when", f"must be YYYY, YYYY-MM or YYYY-MM-DD, not {it.when!r}")
            if it.event is None:
                r.fail(_at(r, "items", it.id, "when"), f"{where}.event", "an item with `when` needs an `event` label")
        if it.cloze is not None:
            for lang in ("ja", "en"):
                if not any(blank for _, blank in cloze_parts(getattr(it.cloze, lang))):
                    r.fail(_at(r, "items", it.id, "cloze", lang), f"{where}.cloze.{lang}",
                           "mark each blank with [[...]]")
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
        key = normalise(it.prompt.ja)
        first = prompts.setdefault(key, it)
        if first is not it and normalise(first.answer.ja) != normalise(it.answer.ja):
            r.fail(_at(r, "items", it.id, "prompt", "ja"), f"{where}.prompt.ja",
                   f"same prompt as item {first.id!r} but a different answer "
                   f"({it.answer.ja!r} vs {first.answer.ja!r})")


def _check_articles(bank: Bank, r: Reader, articles: Path) -> None:
    if not articles.is_dir():
        raise UsageError(f"articles folder not found: {articles}")
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

    def check_quote(article: str, quote: str, loc: Loc, field: str) -> None:
        text = texts.get(article)
        if text is None:
            return
        if quote not in text:
            r.fail(loc, field, f"quote not found verbatim in article {article} ({bank.source_by_id[article].file})")
            return
        clutter = bank.source_by_id[article].clutter
        if any(quote in line for line in clutter):
            r.fail(loc, field, f"quote comes from page clutter in article {article}, not from its content")

    for it in bank.items:
        for j, ev in enumerate(it.evidence):
            check_quote(ev.article, ev.quote, _at(r, "items", it.id, "evidence", j, "quote"),
                        f"item {it.id}.evidence[{j}].quote")
        cited = "".join(texts.get(a, "") for a in it.articles)
        context = f"{it.context.ja} {it.context.en}" if it.context else ""
        for fname in ("prompt", "answer", "statement", "event"):
            val: Text | None = getattr(it, fname)
            if val is None:
                continue
            for lang in ("ja", "en"):
                for year in _YEAR_RE.findall(getattr(val, lang)):
                    if year not in cited and year not in context:
                        r.fail(_at(r, "items", it.id, fname, lang), f"item {it.id}.{fname}.{lang}",
                               f"year {year} is not in the cited article(s); "
                               "state it only in a `context` note from outside the article")
    for e in bank.entities:
        for j, role in enumerate(e.roles):
            check_quote(role.article, role.quote, _at(r, "entities", e.id, "roles", j, "quote"),
                        f"entity {e.id}.roles[{j}].quote")
    for d in bank.disagreements:
        for j, side in enumerate(d.sides):
            check_quote(side.article, side.quote, _at(r, "disagreements", d.id, "sides", j, "quote"),
                        f"disagreement {d.id}.sides[{j}].quote")


# --------------------------------------------------------------------------- summaries and dumping


def counts(bank: Bank) -> tuple[dict[str, int], dict[str, int]]:
    """(items per category, items per article), drafts excluded."""
    per_cat: dict[str, int] = {}
    per_art: dict[str, int] = {s.id: 0 for s in bank.sources}
    for it in bank.live_items():
        per_cat[it.category.value] = per_cat.get(it.category.value, 0) + 1
        for a in it.articles:
            per_art[a] = per_art.get(a, 0) + 1
    return per_cat, per_art


def dumps_bank(bank: Bank) -> str:
    data = {k: to_data(getattr(bank, k)) for k in SECTIONS if getattr(bank, k)}
    return dumps_yaml(data)
