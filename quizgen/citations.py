"""What every output says about where an item comes from: source labels, citations with their quotes,
the outside-the-articles note, and tags.

One owner, so that an Anki card, a worksheet key, an LMS export and the quiz cite an article, and mark
background from outside the articles, in the same words. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

from quizgen.bank.model import Bank, Category, Item, Text

__all__ = ["OUTSIDE_ARTICLES", "citation", "item_tags", "outside_note", "source_label", "tags"]


# --------------------------------------------------------------------------- sources


def source_label(bank: Bank, article: str, max_headline: int = 40) -> Text:
    """'記事000「見出し」(媒体、2023-03-21)' — the date only where the article gives one.

    Headlines longer than `max_headline` characters are shortened with '…' (0 keeps them whole).
    """
    s = bank.source_by_id[article]
    date_ja = s.published or "日付記載なし"
    date_en = s.published or "no date given"
    head_ja, head_en = _shorten(s.headline.ja, max_headline), _shorten(s.headline.en, max_headline * 2)
    return Text(f"記事{s.id}「{head_ja}」({s.outlet.ja}、{date_ja})",
                f"Article {s.id}, “{head_en}” ({s.outlet.en}, {date_en})")


def _shorten(text: str, limit: int) -> str:
    return text if not limit or len(text) <= limit else text[: limit - 1].rstrip() + "…"


def citation(bank: Bank, item: Item) -> Text:
    """Every cited article with its verbatim evidence quote (quotes stay in Japanese)."""
    ja, en = [], []
    for ev in item.evidence:
        label = source_label(bank, ev.article)
        ja.append(f"{label.ja}:「{ev.quote}」")
        en.append(f"{label.en}: 「{ev.quote}」")
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
    spaces become underscores, repeats are dropped."""
    raw = [f"category::{category.value}", *(f"article::{a}" for a in articles), *(f"actor::{a}" for a in actors), *extra]
    return tuple(dict.fromkeys(t.replace(" ", "_") for t in raw))


def item_tags(item: Item) -> tuple[str, ...]:
    """An item's tags: its category, cited articles and actors, then its own tags."""
    return tags(item.category, item.articles, item.actors, item.tags)
