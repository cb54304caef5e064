"""The bank's checks beyond each record's own fields: ids and references, formats, answers, and the articles.

`load` builds the records (reporting what is wrong inside each one); `validate` then looks across
records, and, given the articles folder, checks every quote and year against the article texts.
The rules for what learners see are in `content.py`, those for dated facts in `dating.py`.
Every problem is added to the `Reader` with its place, so the loader reports them all at once.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from quizgen.bank import limits, names
from quizgen.bank.articles import ArticleFolders
from quizgen.bank.content import check_content
from quizgen.bank.dating import check_dates, check_years
from quizgen.bank.files import Unread, read_utf8, unread_article
from quizgen.bank.model import Bank, Item, Source, cloze_parts
from quizgen.bank.placeholders import is_placeholder
from quizgen.bank.records import Reader, field_name, suggest
from quizgen.errors import UsageError
from quizgen.japanese.normalise import normalise
from quizgen.text import quoted

_WHEN_RE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")  # fullmatch
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # fullmatch
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
           "December")  # not calendar.month_name, which follows the locale
_URL_RE = re.compile(r"^(https?://\S+|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(/\S*)?)$")  # or a bare domain
_KANA_RE = re.compile(r"^[\u3041-\u309f\u30fc・、。「」\s]+$")


def validate(bank: Bank, r: Reader, articles: Path | ArticleFolders | None = None) -> None:
    """Checks across records (ids, references, formats, answers, content, dates) and, given the articles
    folder(s), against the article texts; each problem added to `r` with its place."""
    if isinstance(articles, Path):
        if not articles.is_dir():
            raise UsageError(f"articles folder not found: {articles}")
        articles = ArticleFolders((articles,))
    texts = _read_articles(bank, r, articles) if articles is not None else None
    names.check_ids(bank, r)
    names.check_files(bank, r)
    limits.check_lengths(bank, r)
    _check_sources(bank, r)
    _check_stories(r, bank)
    prompts: dict[str, Item] = {}
    for it in bank.items:
        _check_references(bank, r, it)
        _check_formats(r, it)
        _check_form(r, it)
        _check_answers(bank, r, it)
        first = prompts.setdefault(normalise(it.prompt.ja), it)
        if first is not it and normalise(first.answer.ja) != normalise(it.answer.ja):
            r.flag("items", it.id, ("prompt", "ja"), f"same prompt as item {quoted(first.id)} but a different answer "
                                                     f"({quoted(it.answer.ja)} vs {quoted(first.answer.ja)})")
    check_content(bank, r, texts)
    check_dates(bank, r, texts)
    if texts is not None:
        _check_quotes(bank, r, texts)
        for it in bank.items:
            if all(a in texts for a in it.articles):  # an article not at hand is not checked (see ArticleFolders)
                check_years(bank, r, it, texts)


def _check_sources(bank: Bank, r: Reader) -> None:
    """Sources' dates; entities' readings; the articles that roles and disagreement sides cite."""
    sources = bank.source_by_id
    for s in bank.sources:
        published = None if s.published is None else _date_problem(s.published, _DATE_RE, "must be a date YYYY-MM-DD or null")
        if published is not None:
            r.flag("sources", s.id, ("published",), published)
        _check_urls(r, s)
    for e in bank.entities:
        if not _KANA_RE.match(e.reading):
            r.flag("entities", e.id, ("reading",), f"must be hiragana, not {quoted(e.reading)}")
        for j, role in enumerate(e.roles):
            if role.article not in sources:
                r.flag("entities", e.id, ("roles", j, "article"),
                       f"unknown article {quoted(role.article)}{suggest(role.article, sources)}")
    for dis in bank.disagreements:
        for j, side in enumerate(dis.sides):
            if side.article not in sources:
                r.flag("disagreements", dis.id, ("sides", j, "article"), f"unknown article {quoted(side.article)}")


def _check_urls(r: Reader, s: Source) -> None:
    urls: list[tuple[tuple[str | int, ...], str]] = [(("url",), s.url)] if s.url is not None else []
    urls += [(("links", j, "url"), link.url) for j, link in enumerate(s.links)]
    for path, url in urls:
        if not _URL_RE.match(url):
            r.flag("sources", s.id, path, f"must be a web address (https://… or a domain such as cgtn.com), not {quoted(url)}")


def _check_stories(r: Reader, bank: Bank) -> None:
    for story in bank.stories:
        if story.when is not None and (problem := _date_problem(story.when)) is not None:
            r.flag("stories", story.id, ("when",), problem)


def _date_problem(value: str, form: re.Pattern[str] = _WHEN_RE,
                  rule: str = "must be YYYY, YYYY-MM or YYYY-MM-DD") -> str | None:
    """Why `value` is not a date of the calendar in `form` (`when`: YYYY, YYYY-MM or YYYY-MM-DD), or None. The form
    alone let 2023-02-30, 2023-13, 9999-99-99 and 0000 through, and the timeline printed them (hostile18)."""
    if not form.fullmatch(value):
        return f"{rule}, not {quoted(value)}"
    why = _not_in_calendar(*(int(part) for part in value.split("-")))
    return None if why is None else f"{quoted(value)} is no date of the calendar ({why}); check the year, month and day"


def _not_in_calendar(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """'there is no month 13', 'February 2023 has 28 days', …, or None for a date of the calendar."""
    import calendar

    if year == 0:
        return "there is no year 0"
    if month is not None and not 1 <= month <= 12:
        return f"there is no month {month}"
    if month is not None and day is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            return "there is no day 0" if day == 0 else f"{_MONTHS[month - 1]} {year} has {days} days"
    return None


def _check_references(bank: Bank, r: Reader, it: Item) -> None:
    """The articles, entities, disagreement and pool an item names exist."""
    sources, entities, pools = bank.source_by_id, bank.entity_by_id, bank.pool_by_id
    for j, ev in enumerate(it.evidence):
        if ev.article not in sources:
            r.flag("items", it.id, ("evidence", j, "article"),
                   f"unknown article {quoted(ev.article)}{suggest(ev.article, sources)}")
    if not it.evidence:
        r.flag("items", it.id, ("evidence",), "at least one evidence quote is required")
    _check_entity(bank, r, it)
    for j, a in enumerate(it.actors):
        if a not in entities:
            r.flag("items", it.id, ("actors", j), f"unknown entity {quoted(a)}{suggest(a, entities)}")
    if it.disagreement is not None and it.disagreement not in bank.disagreement_by_id:
        r.flag("items", it.id, ("disagreement",),
               f"unknown disagreement {quoted(it.disagreement)}{suggest(it.disagreement, bank.disagreement_by_id)}")
    if it.pool is not None and it.pool not in pools:
        r.flag("items", it.id, ("pool",), f"unknown pool {quoted(it.pool)}{suggest(it.pool, pools)}")
    if it.story is not None and it.story not in bank.story_by_id:
        r.flag("items", it.id, ("story",), f"unknown story {quoted(it.story)}{suggest(it.story, bank.story_by_id)}")


def _check_entity(bank: Bank, r: Reader, it: Item) -> None:
    """The item's entity exists, and the answer is one of its names (an answer edited away from its entity
    would otherwise keep accepting the entity's names)."""
    entities = bank.entity_by_id
    if it.entity is None:
        return
    if it.entity not in entities:
        r.flag("items", it.id, ("entity",), f"unknown entity {quoted(it.entity)}{suggest(it.entity, entities)}")
    elif not entities[it.entity].is_named(it.answer):
        r.flag("items", it.id, ("entity",), f"the answer 「{it.answer.ja}」 is not a name of entity {quoted(it.entity)} "
                                            f"({entities[it.entity].ja}): link the entity whose name the answer is, "
                                            "or remove `entity`")


def _check_formats(r: Reader, it: Item) -> None:
    """Tags without spaces, a hiragana reading, a well-formed `when`, cloze blanks."""
    for j, tag in enumerate(it.tags):
        if not tag.strip() or any(c.isspace() for c in tag):
            r.flag("items", it.id, ("tags", j), f"tags contain no spaces: {quoted(tag)}")
    if it.reading is not None and not _KANA_RE.match(it.reading):
        r.flag("items", it.id, ("reading",), f"must be hiragana, not {quoted(it.reading)}")
    if it.when is not None and (problem := _date_problem(it.when)) is not None:
        r.flag("items", it.id, ("when",), problem)
    if it.discarded is not None and not it.draft:
        r.flag("items", it.id, ("discarded",), "only a draft can be discarded: delete the item, or set draft: true")
    for lang in ("ja", "en") if it.cloze is not None else ():
        parts = cloze_parts(getattr(it.cloze, lang))
        if not any(blank for _, blank in parts):
            r.flag("items", it.id, ("cloze", lang), "mark each blank with [[...]]")
        elif any(blank and ("[" in part or "]" in part) for part, blank in parts):  # hostile24: [[[[2024年5月16日]]]]
            r.flag("items", it.id, ("cloze", lang), "a blank holds [[ or ]]: one pair of brackets per blank")


_TF_NEEDS = {"statement": "the true statement", "false_statement": "its false twin, the stated fact changed"}


def _check_form(r: Reader, it: Item) -> None:
    """An item asked as true/false (`form: truefalse`) has both statements, and they differ."""
    if not it.truefalse:
        return
    for name, what in _TF_NEEDS.items():
        if getattr(it, name) is None:
            r.fail(r.at("items", it.id, "form"), field_name("items", it.id, (name,)),
                   f"required with form: truefalse ({what})")
    if it.statement is None or it.false_statement is None:
        return
    for lang in ("ja", "en"):
        if is_placeholder(getattr(it.statement, lang)):
            continue  # both still `TODO: translate` (English is optional: newuser9 was refused for the form's own text)
        if normalise(getattr(it.false_statement, lang)) == normalise(getattr(it.statement, lang)):
            r.flag("items", it.id, ("false_statement", lang), f"the same as statement.{lang}: "
                                                             "a false statement changes the stated fact")


def _check_answers(bank: Bank, r: Reader, it: Item) -> None:
    """No accepted answer split at its own comma; no distractor or rejected near answer that is an accepted
    answer."""
    answer_text = f"{it.answer.ja} {it.answer.en}"
    for j, (a, b) in enumerate(zip(it.accept, it.accept[1:], strict=False)):
        if f"{a}, {b}" in answer_text or f"{a},{b}" in answer_text:
            r.flag("items", it.id, ("accept", j),
                   f"{quoted(a)} and {quoted(b)} look like one answer split at its comma; quote it: \"{a}, {b}\"")
    accepted = {normalise(a) for a in bank.accepted(it)}
    for j, d in enumerate(it.distractors):
        for lang in ("ja", "en"):
            if normalise(getattr(d, lang)) in accepted and not is_placeholder(getattr(d, lang)):
                r.flag("items", it.id, ("distractors", j, lang), f"distractor {quoted(getattr(d, lang))} is an accepted answer")
    for j, near in enumerate(it.reject):
        if normalise(near) in accepted:
            r.flag("items", it.id, ("reject", j), f"{quoted(near)} is both rejected and an accepted answer: keep it in "
                                                  "one of `accept` and `reject`")


def _check_quotes(bank: Bank, r: Reader, texts: dict[str, str]) -> None:
    """Every quote (evidence, roles, disagreement sides, date bases) verbatim in its article, not from clutter."""
    Where = tuple[str, str, tuple[str | int, ...]]
    quotes: list[tuple[str, str, Where]] = [(ev.article, ev.quote, ("items", it.id, ("evidence", j, "quote")))
              for it in bank.items for j, ev in enumerate(it.evidence)]
    quotes += [(b.article, q, ("items", it.id, ("date_basis", "quotes", j)))
               for it in bank.items if (b := it.date_basis) is not None for j, q in enumerate(b.quotes)]
    quotes += [(role.article, role.quote, ("entities", e.id, ("roles", j, "quote")))
               for e in bank.entities for j, role in enumerate(e.roles)]
    quotes += [(side.article, side.quote, ("disagreements", d.id, ("sides", j, "quote")))
               for d in bank.disagreements for j, side in enumerate(d.sides)]
    for article, quote, (kind, rid, path) in quotes:
        text = texts.get(article)
        if text is None:
            continue
        if quote not in text:
            r.flag(kind, rid, path, f"quote not found verbatim in article {article} ({bank.source_by_id[article].file})")
        elif any(quote in line for line in bank.source_by_id[article].clutter):
            r.flag(kind, rid, path, f"quote comes from page clutter in article {article}, not from its content")


def _read_articles(bank: Bank, r: Reader, articles: ArticleFolders) -> dict[str, str]:
    """Each source's article text by id; a missing file (where the folders are strict), an unreadable one, or
    a clutter line not in its article, is a problem."""
    texts: dict[str, str] = {}
    for s in bank.sources:
        if names.file_problem(s.file) is not None:
            continue  # said by names.check_files
        path, escape = articles.find(s.file)
        if escape is not None:
            r.flag("sources", s.id, ("file",), escape)
            continue
        if path is None:
            if articles.strict:
                r.flag("sources", s.id, ("file",), f"article file not found: {articles.folders[0] / s.file}"
                       + (f" (nor in {', '.join(map(str, articles.folders[1:]))})" if len(articles.folders) > 1 else ""))
            continue
        text = read_utf8(path)
        if isinstance(text, Unread):
            r.flag("sources", s.id, ("file",), unread_article(path, text))
            continue
        texts[s.id] = unicodedata.normalize("NFC", text)  # as the bank's quotes are read
        for j, line in enumerate(s.clutter):
            if line not in texts[s.id]:
                r.flag("sources", s.id, ("clutter", j), "clutter line not found verbatim in the article")
    return texts


