"""What every output says about where an item comes from: source labels, citations with their quotes,
dates and how they were found, the outside-the-articles note, and tags.

One owner, so that an Anki card, a worksheet key, an LMS export, the quiz and the timeline cite a source,
date a fact and mark background from outside the articles in the same words. A source is named by its
outlet, headline and date, never by the bank's article number. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from quizgen.bank.model import Bank, Category, DateBasis, DateHow, EntityType, Item, Text
from quizgen.japanese.dates import mentioned, parse_when, short_years
from quizgen.text import find_control, shorten, strip_controls

__all__ = ["ACTOR_TYPES", "OUTSIDE_ARTICLES", "RELAYED_FROM", "TAG_PREFIX", "NamedLink", "SourceLink", "citation",
           "date_basis_label", "date_label", "dated", "item_tags", "named_reports", "note_tags", "outside_note",
           "relayed_from", "reporting", "source_label", "source_links", "source_name", "source_url", "tags"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
NO_DATE = Text("日付記載なし", "no date given")


# --------------------------------------------------------------------------- dates


@lru_cache(maxsize=4096)
def date_label(when: str) -> Text:
    """An ISO date as a learner reads it: '2023年3月10日' / '10 March 2023' (also '2023年3月', '2023年')."""
    d = parse_when(when)
    if d is None or d.year is None:
        return Text(when, when)
    if d.month is None:
        return Text(f"{d.year}年", str(d.year))
    if d.day is None:
        return Text(f"{d.year}年{d.month}月", f"{_MONTHS[d.month - 1]} {d.year}")
    return Text(f"{d.year}年{d.month}月{d.day}日", f"{d.day} {_MONTHS[d.month - 1]} {d.year}")


def date_basis_label(bank: Bank, item: Item) -> Text | None:
    """How the item's date was found, as learners see it: 記事に明記 / 記事の日付(2023年3月29日)から /
    記事中の年(2018年)の6年後として計算 (記事に明記 when the year counted from is the date's own); None for an
    undated item."""
    basis = item.date_basis
    if basis is None:
        return None
    if basis.how is DateHow.STATED:
        return _stated(bank, item, basis)
    if basis.how is DateHow.ARTICLE_DATE:
        source = bank.source_by_id.get(basis.article)
        page = date_label(source.published) if source is not None and source.published else NO_DATE
        return Text(f"記事の日付({page.ja})から", f"from the article's date ({page.en})")
    year, years = basis.from_year, basis.years or 0
    if years == 0:  # the year the article writes is the date's: nothing was counted (review 9, s3)
        return Text("記事に明記", "stated in the article")
    ja = f"{abs(years)}年{'後' if years > 0 else '前'}"  # what was counted (review 9, s1: 「から計算」 said nothing)
    en = f"{abs(years)} year{'s' if abs(years) != 1 else ''} {'after' if years > 0 else 'before'}"
    return Text(f"記事中の年({year}年)の{ja}として計算", f"counted as {en} a year in the article ({year})")


def reporting(item: Item) -> tuple[str, ...]:
    """The articles that report the item's event itself, not the ones quoted for background: the page whose
    quotes write its date, only (the others are quoted for something else: review 7, s4, a 2025 statement quoted
    the 2023 position paper's title from a 2023 page, which was then said to report later events); for a date read
    from a page's own date, the cited pages and that page; for a year counted from a year that a page writes, the
    cited pages (the counting page only where it is cited: it gives a year, not the event; s5); without a date
    basis, every cited page."""
    basis = item.date_basis
    if basis is None or basis.how is DateHow.COUNTED:
        return item.articles
    if basis.how is DateHow.STATED:
        return (basis.article,)
    return tuple(dict.fromkeys((*item.articles, basis.article)))


def _stated(bank: Bank, item: Item, basis: DateBasis) -> Text:
    """記事に明記, saying how a two-digit year was read: 記事に明記(「24年」を2024年と読む)."""
    when = parse_when(item.when) if item.when is not None else None
    quotes = " ".join(basis.quotes)
    if when is None or when.year is None or when.year in mentioned(quotes).years:
        return Text("記事に明記", "stated in the article")
    source = bank.source_by_id.get(basis.article)
    published = int(source.published[:4]) if source is not None and source.published else None
    written = short_years(quotes, published).get(when.year)
    if written is None:
        return Text("記事に明記", "stated in the article")
    return Text(f"記事に明記(「{written}」を{when.year}年と読む)", f"stated in the article ({written} read as {when.year})")


def dated(bank: Bank, item: Item) -> Text | None:
    """The item's date with how it was found: '2023年3月10日(記事の日付(2023年3月29日)から)'; None if undated."""
    if item.when is None:
        return None
    when, basis = date_label(item.when), date_basis_label(bank, item)
    if basis is None:
        return when
    return Text(f"{when.ja}({basis.ja})", f"{when.en} ({basis.en})")


# --------------------------------------------------------------------------- sources


def source_label(bank: Bank, article: str, max_headline: int = 40) -> Text:
    """'テスト通信「見出し」(2023年3月21日)': the outlet, the headline and the date (or 日付記載なし).

    Headlines longer than `max_headline` characters are shortened with '…' (0 keeps them whole).
    """
    s = bank.source_by_id[article]
    date = date_label(s.published) if s.published else NO_DATE
    head_ja, head_en = shorten(s.headline.ja, max_headline), shorten(s.headline.en, max_headline * 2)
    return Text(f"{s.outlet.ja}「{head_ja}」({date.ja})", f"{s.outlet.en}, “{head_en}” ({date.en})")


def source_name(bank: Bank, article: str) -> Text:
    """A short name for a source where a full label would not fit: 'テスト通信(2023年3月21日)'."""
    s = bank.source_by_id[article]
    date = date_label(s.published) if s.published else NO_DATE
    return Text(f"{s.outlet.ja}({date.ja})", f"{s.outlet.en} ({date.en})")


def source_url(bank: Bank, article: str) -> str | None:
    """Where a learner can read the source: the page's own address, else the first report it links to
    (a bare domain such as cgtn.com as https://cgtn.com)."""
    s = bank.source_by_id[article]
    url = s.url if s.url is not None else s.links[0].url if s.links else None
    if url is None or "://" in url:
        return url
    return f"https://{url}"


def relayed_from(bank: Bank, article: str) -> Text | None:
    """The outlet whose report `source_url` gives for a page without an address of its own (a summary site: the BBC
    article it links to), None when the address is the page's own or there is none. A sheet prints it with the
    link, 「紹介元: BBC https://…」 (review 9, s1: the BBC address was printed as if it were the site's own)."""
    s = bank.source_by_id[article]
    return s.links[0].outlet if s.url is None and s.links else None


RELAYED_FROM = Text("紹介元", "relayed from")
"""How a sheet names the outlet of a link that is not the source page's own (`relayed_from`)."""


@dataclass(frozen=True)
class NamedLink:
    """A report a source page relays, as a source line names it beside the page (東京新聞の報道), and its address
    where the page gives one."""

    name: Text
    url: str | None


_REPORT_NOUNS = {"論考": "analysis", "報道": "report", "記事": "article", "分析": "analysis", "発表": "statement"}


def named_reports(bank: Bank, article: str, texts: Iterable[str]) -> tuple[NamedLink, ...]:
    """The reports `article` relays (its `cites`) that `texts` (the questions that cite it) name, each as the
    questions call it (「アジア経済研究所の論考」, else 「…の報道」) with the address the page links it at; not the one
    whose address the source line already gives (`relayed_from`). Review 10, s1 問9 and s5 問5: 「東京新聞の報道によれば」
    beside a source line that gave only 「紹介元: BBC(日本語版)」, the Tokyo Shimbun's address nowhere on the sheet."""
    s = bank.source_by_id[article]
    said = "\n".join(texts)
    via = relayed_from(bank, article)
    out: dict[str, NamedLink] = {}
    for outlet in s.cites:
        if outlet not in said:
            continue
        link = next((k for k in s.links if outlet in k.outlet.ja or outlet in k.outlet.en), None)
        if link is not None and via is not None and link.outlet == via:
            continue
        found = re.search(f"{re.escape(outlet)}(?:[^の、。]{{0,12}})?の({'|'.join(_REPORT_NOUNS)})", said)
        noun = found.group(1) if found else "報道"
        name = link.outlet if link is not None else Text(outlet, outlet)
        url = None if link is None else link.url if "://" in link.url else f"https://{link.url}"
        out.setdefault(outlet, NamedLink(Text(f"{name.ja}の{noun}", f"{name.en} {_REPORT_NOUNS[noun]}"), url))
    return tuple(out.values())


@dataclass(frozen=True)
class SourceLink:
    """Where a learner can read a source: an address, and what it is (the page itself, or an outlet's report)."""

    label: Text
    url: str


_THE_PAGE = Text("このページ", "this page")


def source_links(bank: Bank, article: str) -> tuple[SourceLink, ...]:
    """Every address a source has: the page's own first (labelled 'this page'), then each outlet's report it
    links to, by outlet; a bare domain (cgtn.com) as https://cgtn.com; no address twice."""
    s = bank.source_by_id[article]
    cands = ([SourceLink(_THE_PAGE, s.url)] if s.url else []) + [SourceLink(link.outlet, link.url) for link in s.links]
    out: dict[str, SourceLink] = {}
    for c in cands:
        url = c.url if "://" in c.url else f"https://{c.url}"
        out.setdefault(url, SourceLink(c.label, url))
    return tuple(out.values())


def citation(bank: Bank, item: Item) -> Text:
    """Every cited article once, with its verbatim evidence quotes in the item's order (quotes stay in
    Japanese): an item quoting one page twice names that page once."""
    quotes: dict[str, list[str]] = {}
    for ev in item.evidence:
        quotes.setdefault(ev.article, []).append(f"「{ev.quote}」")
    ja, en = [], []
    for article, qs in quotes.items():
        label = source_label(bank, article)
        ja.append(f"{label.ja}:{''.join(qs)}")
        en.append(f"{label.en}: {' '.join(qs)}")
    return Text("\n".join(ja), "\n".join(en))


# --------------------------------------------------------------------------- background from outside the articles


OUTSIDE_ARTICLES = Text("記事外の情報", "Outside the articles")
"""How every output marks an item's `context`: background that the cited articles do not give."""


def outside_note(context: Text) -> Text:
    """`context` marked as from outside the articles (記事外の情報:…, Outside the articles: …),
    unless it already begins by saying so."""
    ja = context.ja if context.ja.startswith("記事外") else f"{OUTSIDE_ARTICLES.ja}:{context.ja}"
    en = context.en if context.en.lower().startswith("outside the article") else f"{OUTSIDE_ARTICLES.en}: {context.en}"
    return Text(ja, en)


# --------------------------------------------------------------------------- tags


def tags(category: Category, articles: Iterable[str] = (), actors: Iterable[str] = (),
         extra: Iterable[str] = ()) -> tuple[str, ...]:
    """Tags in the one spelling every output uses: `category::`, `article::` and `actor::` tags, then `extra`;
    spaces become underscores, control characters are dropped, repeats are dropped."""
    raw = [f"category::{category.value}", *(f"article::{a}" for a in articles), *(f"actor::{a}" for a in actors), *extra]
    return tuple(dict.fromkeys(strip_controls(t).replace(" ", "_") for t in raw))


TAG_PREFIX = "quizgen"
"""The one prefix of every tag a deck note carries: `quizgen::category::…`, `quizgen::story::…`, …"""

ACTOR_TYPES = frozenset({EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANISATION, EntityType.GROUP})
"""The entities that act (people, countries, organisations, groups): the only ones tagged `actor`; places,
events, documents and forums are what actors act in or on."""


def note_tags(bank: Bank, item: Item) -> tuple[str, ...]:
    """A deck note's tags, all under `quizgen::`: its category, story, cited articles, actors (people, countries,
    organisations and groups only) and priority. Nothing else: the item's own topic tags select items for
    recipes and worksheets but would be a second, flat spelling of the same things in a student's collection."""
    entities = bank.entity_by_id
    p = TAG_PREFIX
    raw = [f"{p}::category::{item.category.value}", *((f"{p}::story::{item.story}",) if item.story else ()),
           *(f"{p}::article::{a}" for a in item.articles),
           *(f"{p}::actor::{a}" for a in item.actors if a in entities and entities[a].type in ACTOR_TYPES),
           f"{p}::priority::{item.priority.value}"]
    if find_control("".join(raw)) is not None or any(" " in t for t in raw):  # ids are kebab-case: rarely
        raw = [strip_controls(t).replace(" ", "_") for t in raw]
    return tuple(dict.fromkeys(raw))


def item_tags(item: Item) -> tuple[str, ...]:
    """An item's tags: its category, cited articles and actors, its priority and story, then its own tags."""
    story = (f"story::{item.story}",) if item.story else ()
    return tags(item.category, item.articles, item.actors, (f"priority::{item.priority.value}", *story, *item.tags))
