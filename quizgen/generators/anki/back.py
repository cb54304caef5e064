"""What the back of a card keeps folded away: the sources, the reports' disagreement and the background
from outside the articles, as finished HTML for the note's `Source`, `Disagreement` and `Context` fields.

The note types (notetypes.py) put each in its own collapsed `<details>`, so the visible back is the
answer and its explanation. Pure: no genanki, no I/O. Every bank text goes through `esc`.

**Sources.** The date of the fact and how it was found, then each cited source once: outlet, full
headline and date (`citations.source_label`, never shortened), every address it has (the page's own,
and each outlet's report it relays, `citations.source_links`), then its verbatim quotes — each quote
once on the card (a quote repeated, or contained in a longer quote of the same source, is left out).
Last, the item's id, for a student who reports a mistake.
"""

from __future__ import annotations

from collections.abc import Iterable

from quizgen import citations
from quizgen.bank.model import Bank, Item, Text
from quizgen.forms import CORRECT_STATEMENT
from quizgen.generators.anki.escape import esc


def _distinct_quotes(item: Item, bank: Bank) -> dict[str, list[str]]:
    """article -> its quotes in evidence order, each quote once on the card and none inside a longer one."""
    quotes: dict[str, list[str]] = {}
    seen: set[str] = set()
    for ev in item.evidence:
        if ev.article not in bank.source_by_id:
            continue
        shown = quotes.setdefault(ev.article, [])  # a source stays listed even when its quote is another's too
        if ev.quote not in seen:
            seen.add(ev.quote)
            shown.append(ev.quote)
    return {art: [q for q in qs if not any(q != other and q in other for other in qs)] if len(qs) > 1 else qs
            for art, qs in quotes.items()}


def source_row(bank: Bank, article: str, quotes: Iterable[str], labels: dict[str, str]) -> str:
    """One cited source: its label and links (made once per build, kept in `labels`), then its quotes."""
    label = labels.get(article)
    if label is None:
        text = citations.source_label(bank, article, max_headline=0)
        links = " · ".join(f'<a href="{esc(link.url)}">{esc(link.label.ja)}</a> <span class="url">{esc(link.url)}</span>'
                           for link in citations.source_links(bank, article))
        label = labels[article] = (f'<div class="src" lang="ja">{esc(text.ja)}</div>'
                                   f'<div class="en" lang="en">{esc(text.en)}</div>'
                                   + (f'<div class="links">{links}</div>' if links else ""))
    shown = "".join(f'<blockquote lang="ja">{esc(q)}</blockquote>' for q in quotes)
    return f"<li>{label}{shown}</li>"


def source_html(bank: Bank, item: Item, labels: dict[str, str] | None = None) -> str:
    """The `Source` field: the date and how it was found, the cited sources with their quotes, the item's id."""
    labels = {} if labels is None else labels
    rows = "".join(source_row(bank, art, qs, labels) for art, qs in _distinct_quotes(item, bank).items())
    when = citations.dated(bank, item)
    head = (f'<div class="when">日付:{esc(when.ja)}<div class="en" lang="en">Date: {esc(when.en)}</div></div>'
            if when is not None else "")
    return f'{head}{f"<ul>{rows}</ul>" if rows else ""}<div class="id">ID: {esc(item.id)}</div>'


def disagreement_html(bank: Bank, item: Item) -> str:
    """The `Disagreement` field: what the reports disagree on, and what each says (named by outlet and date)."""
    dis = bank.disagreement_for(item)
    if dis is None:
        return ""
    names = {s.article: citations.source_name(bank, s.article) for s in dis.sides if s.article in bank.source_by_id}
    sides = "".join(f"<li>{esc(names[s.article].ja)}: {esc(s.says.ja)}"
                    f'<div class="en" lang="en">{esc(names[s.article].en)}: {esc(s.says.en)}</div></li>'
                    for s in dis.sides if s.article in names)
    return (f'<div class="topic">{esc(dis.topic.ja)} <span class="en" lang="en">({esc(dis.topic.en)})</span></div>'
            f'<div lang="ja">{esc(dis.note.ja)}</div><div class="en" lang="en">{esc(dis.note.en)}</div>'
            f"<ul>{sides}</ul>")


def context_html(item: Item) -> str:
    """The `Context` field: background from outside the articles (the template's label says so)."""
    if item.context is None or not item.context.ja.strip():
        return ""
    return f'<div lang="ja">{esc(item.context.ja)}</div><div class="en" lang="en">{esc(item.context.en)}</div>'


def info_fields(bank: Bank, item: Item, labels: dict[str, str] | None = None,
                correction: Text | None = None) -> tuple[str, ...]:
    """The fields every item note ends with: Explanation, ExplanationEn, Disagreement, Context, Source.
    `correction`: the true statement, shown first in the explanation (a true/false card whose front was false)."""
    ja, en = esc(item.explanation.ja), esc(item.explanation.en)
    if correction is not None:
        label = CORRECT_STATEMENT
        ja = f'<div class="correct"><b>{label.ja}</b> {esc(correction.ja)}</div>{ja}'
        en = f'<span class="correct"><b>{label.en}:</b> {esc(correction.en)}</span><br>{en}'
    return (ja, en, disagreement_html(bank, item), context_html(item), source_html(bank, item, labels))
