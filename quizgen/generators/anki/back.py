"""What the back of a card keeps folded away: the sources, the reports' disagreement and the background
from outside the articles, as finished HTML for the note's `Source`, `Disagreement` and `Context` fields.

The note types (notetypes.py) put each in its own collapsed `<details>`, so the visible back is the
answer and its explanation. Pure: no genanki, no I/O. Every bank text goes through `esc`.

**Sources.** The date of the fact and how it was found, then each cited source once: outlet, full
headline and date (`citations.source_label`, never shortened), every address it has (the page's own,
and each outlet's report it relays, `citations.source_links`), then its verbatim quotes — each quote
once on the card (a quote repeated, or contained in a longer quote of the same source, is left out).
Last, the item's id, for a student who reports a mistake.

**Nothing a later card asks.** A folded part that prints the answer of a card the student meets later
(giveaways.py decides which) is left out, saying so in one line (`OMITTED`): a quote, the date line, a
source's headline (its outlet, date and links stay), a side or the note of the reports' disagreement,
the background. **A disagreement once per deck**: the
box is shown on one note (`home`, giveaways.py), the others sharing it say in one line where it is.
The visible explanation and correction are never cut.

**What a false statement changed.** The correction of a false true/false statement (the true one) marks
the words its false twin changed (`forms.changed_spans`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from quizgen import citations
from quizgen.bank.model import Bank, Disagreement, Item, Text
from quizgen.forms import CORRECT_STATEMENT, changed_spans
from quizgen.generators.anki.escape import esc

#: What stands in for a folded part left out because it prints a later card's answer.
OMITTED = Text("(後で学ぶカードの答えを含むため省略)", "(left out: it holds the answer of a card that comes later)")


class Part(StrEnum):
    """A piece of a back that may print another card's answer (`Piece`)."""

    EXPLANATION = "explanation"  # visible: never left out
    CORRECTION = "correction"  # visible: never left out
    CONTEXT = "context"
    HEADLINE = "headline"  # a cited source's headline (its outlet, date and links always stay)
    DATE = "date"
    QUOTE = "quote"
    DISAGREEMENT = "disagreement"  # the box's topic and note
    SIDE = "side"  # one side of the box


FOLDED = frozenset({Part.CONTEXT, Part.HEADLINE, Part.DATE, Part.QUOTE, Part.DISAGREEMENT, Part.SIDE})


@dataclass(frozen=True)
class Piece:
    """One text of a back: which part, which one of its kind (a quote's text, a side's index), the text."""

    part: Part
    key: str
    text: Text

    @property
    def folded(self) -> bool:
        return self.part in FOLDED


def item_pieces(bank: Bank, item: Item, correction: Text | None = None) -> list[Piece]:
    """The texts of an item's own back (not its disagreement box: `box_pieces`)."""
    out = [Piece(Part.EXPLANATION, "", item.explanation)]
    if correction is not None:
        out.append(Piece(Part.CORRECTION, "", correction))
    if item.context is not None and item.context.ja.strip():
        out.append(Piece(Part.CONTEXT, "", item.context))
    when = citations.dated(bank, item)
    if when is not None:
        out.append(Piece(Part.DATE, "", when))
    for article, quotes in _distinct_quotes(item, bank).items():
        out.append(Piece(Part.HEADLINE, article, bank.source_by_id[article].headline))
        out += [Piece(Part.QUOTE, q, Text(q, "")) for q in quotes]
    return out


def box_pieces(bank: Bank, dis: Disagreement) -> list[Piece]:
    """The texts of a disagreement box: its topic and note, then each side as the box prints it."""
    return [Piece(Part.DISAGREEMENT, "", Text(f"{dis.topic.ja} {dis.note.ja}", f"{dis.topic.en} {dis.note.en}")),
            *(Piece(Part.SIDE, str(i), s.says) for i, s in enumerate(dis.sides) if s.article in bank.source_by_id)]


def _omitted(lang: str = "ja") -> str:
    return f'<div class="omitted" lang="{lang}">{esc(getattr(OMITTED, lang))}</div>'


def _distinct_quotes(item: Item, bank: Bank) -> dict[str, list[str]]:
    """article -> its quotes in evidence order, each quote once on the card and none inside a longer one."""
    if len(item.evidence) == 1:  # the usual item: one quote
        ev = item.evidence[0]
        return {ev.article: [ev.quote]} if ev.article in bank.source_by_id else {}
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


def source_row(bank: Bank, article: str, quotes: Iterable[str], labels: dict[str, str],
               omit: Collection[str] = (), headline: bool = True) -> str:
    """One cited source: its label and links (made once per build, kept in `labels`), then its quotes (those in
    `omit` as one line saying why they are left out). Without `headline`: the outlet and date only, and why."""
    key = article if headline else f"{article}\x00no headline"
    label = labels.get(key)
    if label is None:
        text = (citations.source_label(bank, article, max_headline=0) if headline else
                Text(f"{citations.source_name(bank, article).ja}見出し{OMITTED.ja}",
                     f"{citations.source_name(bank, article).en}, headline {OMITTED.en}"))
        links = " · ".join(f'<a href="{esc(link.url)}">{esc(link.label.ja)}</a> <span class="url">{esc(link.url)}</span>'
                           for link in citations.source_links(bank, article))
        label = labels[key] = (f'<div class="src" lang="ja">{esc(text.ja)}</div>'
                                   f'<div class="en" lang="en">{esc(text.en)}</div>'
                                   + (f'<div class="links">{links}</div>' if links else ""))
    shown = "".join([_omitted() if q in omit else f'<blockquote lang="ja">{esc(q)}</blockquote>' for q in quotes])
    return f"<li>{label}{shown}</li>"


def source_html(bank: Bank, item: Item, labels: dict[str, str] | None = None,
                omit: Collection[tuple[Part, str]] = ()) -> str:
    """The `Source` field: the date and how it was found, the cited sources with their quotes, the item's id.
    `omit`: the date line (`Part.DATE`), headlines (`Part.HEADLINE`, by article) or quotes (`Part.QUOTE`, by text)
    left out (module docstring)."""
    labels = {} if labels is None else labels
    if omit:
        quotes = {key for part, key in omit if part is Part.QUOTE}
        rows = "".join([source_row(bank, art, qs, labels, quotes, (Part.HEADLINE, art) not in omit)
                        for art, qs in _distinct_quotes(item, bank).items()])
    else:  # the usual back: nothing left out
        rows = "".join([source_row(bank, art, qs, labels) for art, qs in _distinct_quotes(item, bank).items()])
    when = citations.dated(bank, item)
    head = ("" if when is None else
            f'<div class="when">日付:{esc(OMITTED.ja)}</div>' if (Part.DATE, "") in omit else
            f'<div class="when">日付:{esc(when.ja)}<div class="en" lang="en">Date: {esc(when.en)}</div></div>')
    return f'{head}{f"<ul>{rows}</ul>" if rows else ""}<div class="id">ID: {esc(item.id)}</div>'


def disagreement_html(bank: Bank, item: Item, home: str | None = None,
                      omit: Collection[tuple[Part, str]] = ()) -> str:
    """The `Disagreement` field: what the reports disagree on, and what each says (named by outlet and date).
    `home`: the id of the note that shows the box, when it is another one: then one line says where it is.
    `omit`: the note (`Part.DISAGREEMENT`) or sides (`Part.SIDE`, by index) left out (module docstring)."""
    dis = bank.disagreement_for(item)
    if dis is None:
        return ""
    topic = f'<div class="topic">{esc(dis.topic.ja)} <span class="en" lang="en">({esc(dis.topic.en)})</span></div>'
    if home is not None and home != item.id:
        return (f'<div class="elsewhere" lang="ja">{topic}この報道の違いは ID: {esc(home)} のカードの裏にまとめています'
                f'(ブラウザで ID:{esc(home)} を検索)。<span class="en" lang="en"> See the back of the card with ID '
                f"{esc(home)} (search the browser for ID:{esc(home)}).</span></div>")
    names = {s.article: citations.source_name(bank, s.article) for s in dis.sides if s.article in bank.source_by_id}
    sides = "".join(f"<li>{esc(names[s.article].ja)}: "
                    + (_omitted() if (Part.SIDE, str(i)) in omit else
                       f'{esc(s.says.ja)}<div class="en" lang="en">{esc(names[s.article].en)}: {esc(s.says.en)}</div>')
                    + "</li>"
                    for i, s in enumerate(dis.sides) if s.article in names)
    note = (_omitted() if (Part.DISAGREEMENT, "") in omit else
            f'<div lang="ja">{esc(dis.note.ja)}</div><div class="en" lang="en">{esc(dis.note.en)}</div>')
    return f"{topic}{note}<ul>{sides}</ul>"


def context_html(item: Item, omit: Collection[tuple[Part, str]] = ()) -> str:
    """The `Context` field: background from outside the articles (the template's label says so)."""
    if item.context is None or not item.context.ja.strip():
        return ""
    if (Part.CONTEXT, "") in omit:
        return _omitted()
    return f'<div lang="ja">{esc(item.context.ja)}</div><div class="en" lang="en">{esc(item.context.en)}</div>'


def marked(true: str, false: str) -> str:
    """`true` as HTML, the words its false twin `false` changed in `<mark class="changed">`."""
    out, at = [], 0
    for start, end in changed_spans(true, false):
        out += [esc(true[at:start]), f'<mark class="changed">{esc(true[start:end])}</mark>']
        at = end
    return "".join([*out, esc(true[at:])])


def info_fields(bank: Bank, item: Item, labels: dict[str, str] | None = None,
                correction: Text | None = None, home: str | None = None,
                omit: Collection[tuple[Part, str]] = ()) -> tuple[str, ...]:
    """The fields every item note ends with: Explanation, ExplanationEn, Disagreement, Context, Source.
    `correction`: the true statement, shown first in the explanation (a true/false card whose front was false),
    the words the false one changed marked. `home`, `omit`: where the disagreement box is shown and which folded
    parts are left out (module docstring)."""
    ja, en = esc(item.explanation.ja), esc(item.explanation.en)
    if correction is not None:
        label, false = CORRECT_STATEMENT, item.false_statement or correction
        ja = f'<div class="correct"><b>{label.ja}</b> {marked(correction.ja, false.ja)}</div>{ja}'
        en = f'<span class="correct"><b>{label.en}:</b> {marked(correction.en, false.en)}</span><br>{en}'
    return (ja, en, disagreement_html(bank, item, home, omit) if item.disagreement else "",
            context_html(item, omit) if item.context is not None else "", source_html(bank, item, labels, omit))
