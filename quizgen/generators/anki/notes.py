"""Bank items -> Anki note contents. Pure: no genanki, no I/O.

Every piece of bank text goes through `esc`, so markup in the bank (a `<script>`,
a stray `{{`) reaches the card as text, and a control character never reaches it at all
(one U+001F, Anki's field separator, would make the whole deck unimportable). A note whose question or answer is blank
is not made at all, so Anki never sees an empty card.

Identity: a note's GUID is `genanki.guid_for(item.id, form)` (for reverse notes
`guid_for("entity:" + entity id + "@" + article, "reverse")`), never its text, so
editing an item's wording updates the student's note in place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from genanki.util import BASE91_TABLE

from quizgen import citations, forms
from quizgen.bank.model import CLOZE_RE, Bank, Category, Entity, EntityType, Item, cloze_parts
from quizgen.generators.anki.recipes import CardForm, DeckRecipe, Layout
from quizgen.text import CONTROL_CHARS


@dataclass(frozen=True)
class NoteSpec:
    guid: str
    form: CardForm
    fields: tuple[str, ...]  # in the order of notetypes.FIELDS[form]
    tags: tuple[str, ...]
    deck: str  # full deck name, e.g. 中ロ関係::日付
    due: int  # new-card position: the order in which a student meets the cards


_SPECIAL = re.compile("[" + re.escape("&<>\"'{}\n" + CONTROL_CHARS) + "]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;",
                          "{": "&#123;", "}": "&#125;", "\n": "<br>", **dict.fromkeys(CONTROL_CHARS)})


def esc(text: str) -> str:
    """Bank text -> safe HTML: escaped like html.escape, braces neutralised (no template or cloze syntax), newlines as
    <br>, control characters dropped."""
    return text.translate(_ESCAPES) if _SPECIAL.search(text) else text


def esc_all(*texts: str) -> tuple[str, ...]:
    """`esc` of each text; one regex scan when (as usual) none needs escaping."""
    if _SPECIAL.search("".join(texts)) is None:
        return texts
    return tuple(t.translate(_ESCAPES) if _SPECIAL.search(t) else t for t in texts)


_B91 = "".join(BASE91_TABLE)
_B91_PAIRS = tuple(a + b for a in _B91 for b in _B91)  # two base91 digits at a time: half the divisions


def guid_for(*values: str) -> str:
    """Exactly `genanki.guid_for` (first 8 bytes of sha256 of the values joined by '__', in Anki's base91), faster."""
    return base91(int.from_bytes(hashlib.sha256("__".join(values).encode()).digest()[:8], "big"))


def base91(n: int) -> str:
    """`n` >= 0 in Anki's base91 digits, most significant first, no leading zero digit ('' for 0), as genanki does."""
    out = []
    while n >= 8281:  # 91 ** 2
        n, r = divmod(n, 8281)
        out.append(_B91_PAIRS[r])
    if n >= 91:  # the leading digits, without a leading zero digit
        out.append(_B91_PAIRS[n])
    elif n:
        out.append(_B91[n])
    return "".join(reversed(out))


def _blank(s: str | None) -> bool:
    return s is None or not s.strip()


# --------------------------------------------------------------------------- shared back-of-card fields


def source_html(bank: Bank, item: Item, labels: dict[str, str] | None = None) -> str:
    """The item's date and how it was found (if dated), then each cited source once (outlet, headline, date,
    a link where the bank has one), with its verbatim evidence quotes."""
    sources = bank.source_by_id
    quotes: dict[str, dict[str, None]] = {}  # article -> its quotes, in order, without repeats
    for ev in item.evidence:
        if ev.article in sources:
            quotes.setdefault(ev.article, {})[ev.quote] = None
    labels = {} if labels is None else labels
    rows = [_source_row(bank, art, qs, labels) for art, qs in quotes.items()]
    when = citations.dated(bank, item)
    head = (f'<div class="when">日付:{esc(when.ja)}<div class="en" lang="en">Date: {esc(when.en)}</div></div>'
            if when is not None else "")
    return head + (f"<ul>{''.join(rows)}</ul>" if rows else "")


def _source_row(bank: Bank, article: str, quotes: Iterable[str], labels: dict[str, str]) -> str:
    """One cited source (its label made once per build, kept in `labels`) with its quotes."""
    label = labels.get(article)
    if label is None:
        text = citations.source_label(bank, article)
        url = citations.source_url(bank, article)
        link = f'<div class="link"><a href="{esc(url)}">{esc(url)}</a></div>' if url else ""
        label = labels[article] = f'{esc(text.ja)}<div class="en" lang="en">{esc(text.en)}</div>{link}'
    shown = "".join([f'<q lang="ja">{q}</q><br>' for q in esc_all(*quotes)])
    return f"<li>{label}{shown}</li>"


def disagreement_html(bank: Bank, item: Item) -> str:
    dis = bank.disagreement_for(item)
    if dis is None:
        return ""
    names = {s.article: citations.source_name(bank, s.article) for s in dis.sides if s.article in bank.source_by_id}
    sides = "".join(f"<li>{esc(names[s.article].ja)}: {esc(s.says.ja)}"
                    f'<div class="en" lang="en">{esc(names[s.article].en)}: {esc(s.says.en)}</div></li>'
                    for s in dis.sides if s.article in names)
    return (f"<div><b>{esc(dis.topic.ja)}</b> <span class=\"en\" lang=\"en\">({esc(dis.topic.en)})</span></div>"
            f'<div>{esc(dis.note.ja)}</div><div class="en" lang="en">{esc(dis.note.en)}</div>'
            f"<ul>{sides}</ul>")


def context_html(item: Item) -> str:
    if item.context is None or _blank(item.context.ja):
        return ""
    return f'<div lang="ja">{esc(item.context.ja)}</div><div class="en" lang="en">{esc(item.context.en)}</div>'


def info_fields(bank: Bank, item: Item, labels: dict[str, str] | None = None) -> tuple[str, ...]:
    """The fields every item-based note ends with: Explanation, ExplanationEn, Disagreement, Context, Source."""
    return (*esc_all(item.explanation.ja, item.explanation.en), disagreement_html(bank, item),
            context_html(item), source_html(bank, item, labels))


# --------------------------------------------------------------------------- item forms


def basic_fields(bank: Bank, item: Item) -> tuple[str, ...] | None:
    if _blank(item.prompt.ja) or _blank(item.answer.ja):
        return None
    return esc_all(item.id, item.prompt.ja, item.prompt.en, item.answer.ja, item.answer.en, item.reading or "")


def type_in_fields(bank: Bank, item: Item) -> tuple[str, ...] | None:
    if _blank(item.prompt.ja) or _blank(item.answer.ja):
        return None
    others = [a for a in bank.accepted(item) if a.strip() and a != item.answer.ja][:10]
    return (esc(item.id), esc(item.prompt.ja), esc(item.prompt.en), esc(item.answer.ja), esc(item.answer.en),
            "、".join(esc(a) for a in others))


def cloze_text(text: str) -> tuple[str, int]:
    """`[[x]]` blanks -> Anki `{{c1::x}}`, `{{c2::...}}`, ... (escaped). Returns (text, number of deletions).

    A blank that is only whitespace is kept as plain text, never as an empty deletion.
    """
    if _SPECIAL.search(text) is None:
        return _cloze_plain(text)
    return _cloze_from_parts(cloze_parts(text))


#: `cloze_parts`' blank syntax, for one-pass substitution in text that needs no escaping (the usual case);
#: test_anki_notes checks that both paths give the same fields.


def _cloze_plain(text: str) -> tuple[str, int]:
    """`_cloze_from_parts(cloze_parts(text))` for text without a character `esc` changes."""
    n = 0

    def deletion(m: re.Match[str]) -> str:
        nonlocal n
        seg = m.group(1)
        if not seg.strip():
            return seg
        n += 1
        return f"{{{{c{n}::{seg.replace(':', '&#58;')}}}}}"
    return CLOZE_RE.sub(deletion, text), n


def _cloze_from_parts(parts: list[tuple[str, bool]]) -> tuple[str, int]:
    out, n = [], 0
    for seg, is_blank in parts:
        if is_blank and seg.strip():
            n += 1
            out.append(f"{{{{c{n}::{esc(seg).replace(':', '&#58;')}}}}}")
        else:
            out.append(esc(seg))
    return "".join(out), n


_HIDDEN = "［…］"  # a blank in the English hint when it cannot be a cloze field


def _shown(m: re.Match[str]) -> str:
    """A blank in the English sentence on the back (a function: faster in re.sub than a template)."""
    return f'<b class="cloze">{m.group(1)}</b>'


def _cloze_display(parts: list[tuple[str, bool]], blank: str | None) -> str:
    """The English cloze sentence: blanks shown in bold (answer side) or as `blank` (hint on the front)."""
    return "".join(esc(seg) if not is_blank else (f'<b class="cloze">{esc(seg)}</b>' if blank is None else blank)
                   for seg, is_blank in parts)


def cloze_fields(bank: Bank, item: Item) -> tuple[str, ...] | None:
    cz = forms.cloze(item)
    if cz is None:
        return None
    text, n = cloze_text(cz.text.ja)
    if n == 0:
        return None
    # The English hint on the front hides the same blank as the card when both languages have the
    # same number of blanks (then it is a cloze field too); otherwise it hides every blank.
    en = cz.text.en
    if _SPECIAL.search(en) is None:  # fast path, same result as the parts below
        hint, n_en = _cloze_plain(en)
        if n_en != n:
            hint = CLOZE_RE.sub(_HIDDEN, en)
        return (esc(item.id), text, CLOZE_RE.sub(_shown, en), hint)
    en_parts = cloze_parts(en)
    hint, n_en = _cloze_from_parts(en_parts)
    if n_en != n:
        hint = _cloze_display(en_parts, _HIDDEN)
    return (esc(item.id), text, _cloze_display(en_parts, None), hint)


def mc_rng(item: Item) -> random.Random:
    """The seeded rng for an item's multiple-choice options: same item id, same options, every build."""
    return random.Random(f"quizgen-mc:{item.id}")


def multiple_choice_fields(bank: Bank, item: Item) -> tuple[str, ...] | None:
    if _blank(item.prompt.ja) or _blank(item.answer.ja):
        return None
    mc = forms.multiple_choice(bank, item, mc_rng(item))
    if mc is None:
        return None
    letters = "ABCDEFGH"
    ja = "".join(f"<li>{esc(o.ja)}</li>" for o in mc.options)
    en = "".join(f"<li>{esc(o.en)}</li>" for o in mc.options)
    marked = "".join(
        f'<li{" class=correct" if i == mc.answer_index else ""}>{esc(o.ja)} <span class="en" lang="en">{esc(o.en)}</span></li>'
        for i, o in enumerate(mc.options))
    letter = letters[mc.answer_index]
    return (esc(item.id), esc(item.prompt.ja), esc(item.prompt.en), f'<ol class="choices">{ja}</ol>',
            f'<ol class="choices">{en}</ol>', f'<ol class="choices">{marked}</ol>',
            f"{letter}. {esc(item.answer.ja)}", f"{letter}. {esc(item.answer.en)}")


#: form -> the note's own fields (everything before INFO_FIELDS), or None when the item cannot make that note.
ITEM_FORMS = {
    CardForm.BASIC: basic_fields,
    CardForm.TYPE_IN: type_in_fields,
    CardForm.CLOZE: cloze_fields,
    CardForm.MULTIPLE_CHOICE: multiple_choice_fields,
}


# --------------------------------------------------------------------------- reverse notes (from entities)


@dataclass(frozen=True)
class ReverseNote:
    key: str  # stable: entity id (+ "@" + article for roles)
    category: Category
    articles: tuple[str, ...]
    entity: Entity
    fields: tuple[str, ...]


def _term(e: Entity) -> str:
    return f"<b>{esc(e.ja)}</b>"


def role_notes(bank: Bank) -> tuple[ReverseNote, ...]:
    """Actor <-> role, one note per person and article (all the roles that article gives them).

    The role -> actor card is made only from roles no other actor has in the same article.
    """
    grouped: dict[str, list[forms.Pair]] = {}
    holders: dict[tuple[str, str], set[str]] = {}
    for p in forms.role_pairs(bank):
        grouped.setdefault(p.key, []).append(p)
        holders.setdefault((p.article, p.right.ja.strip()), set()).add(p.key)
    out = []
    labels: dict[str, str] = {}
    for key, pairs in grouped.items():
        entity = bank.entity_by_id[key.split("@", 1)[0]]
        art = pairs[0].article
        roles = [p for p in pairs if not _blank(p.right.ja)]
        if not roles or art not in bank.source_by_id or _blank(entity.ja):
            continue
        gloss = " / ".join(esc(p.right.ja) for p in roles)
        gloss_en = " / ".join(esc(p.right.en) for p in roles)
        unique = [p for p in roles if holders[(art, p.right.ja.strip())] == {key}]
        ask_back = ask_back_en = ""
        name = citations.source_name(bank, art)
        if unique:
            ask_back = f"{esc(name.ja)}の報道で「{'」「'.join(esc(p.right.ja) for p in unique)}」と書かれているのは誰か。"
            ask_back_en = (f"In the report by {esc(name.en)}, who is called "
                           f"{' / '.join('“' + esc(p.right.en) + '”' for p in unique)}?")
        source = f"<ul>{_source_row(bank, art, dict.fromkeys(p.quote for p in roles), labels)}</ul>"
        note = ""
        if entity.note is not None:
            note = f'<div lang="ja">{esc(entity.note.ja)}</div><div class="en" lang="en">{esc(entity.note.en)}</div>'
        fields = (
            esc(f"{entity.id}@{art}"),
            f"{esc(name.ja)}の報道で、{_term(entity)}はどのような肩書・呼び方で書かれているか。",
            f"In the report by {esc(name.en)}, what title is <b>{esc(entity.en)}</b> given?",
            esc(entity.ja), esc(entity.en), esc(entity.reading),
            gloss, gloss_en, ask_back, ask_back_en, note, source,
        )
        out.append(ReverseNote(key, Category.ACTORS, (art,), entity, fields))
    return tuple(out)


def forum_notes(bank: Bank) -> tuple[ReverseNote, ...]:
    """Forum <-> description, where the bank describes a forum or organisation (its entity `note`)."""
    out = []
    for e in bank.entities:
        if e.type not in (EntityType.FORUM, EntityType.ORGANISATION) or e.note is None or _blank(e.note.ja):
            continue
        fields = (
            esc(e.id),
            f"{_term(e)}とは何か。記事での説明は?", f"What is <b>{esc(e.en)}</b>, as the articles describe it?",
            esc(e.ja), esc(e.en), esc(e.reading), esc(e.note.ja), esc(e.note.en),
            f"次の説明に当たる会議・枠組みは何か:{esc(e.note.ja)}",
            f"Which forum or organisation is this: {esc(e.note.en)}", "", "",
        )
        out.append(ReverseNote(e.id, Category.FORUMS, (), e, fields))
    return tuple(out)


def _reverse_tags(note: ReverseNote) -> tuple[str, ...]:
    return citations.tags(note.category, note.articles, (note.entity.id,), ("form::reverse",))


# --------------------------------------------------------------------------- a recipe's notes, in study order


def deck_order(items: Iterable[Item]) -> list[Item]:
    """Bank order; a deck of dates only (the 日付 subdeck) goes chronologically, undated items last."""
    items = list(items)
    if items and all(it.category is Category.DATES for it in items):
        return sorted(items, key=lambda it: it.when or "9999")  # stable: ties keep bank order
    return items


def subdecks(recipe: DeckRecipe) -> list[tuple[str, tuple[Category, ...]]]:
    """(deck name, categories) in study order; the top deck alone when flat."""
    if recipe.layout is Layout.FLAT:
        return [(recipe.name, tuple(Category))]
    cats = recipe.selection.categories or tuple(Category)
    return [(recipe.subdeck_name(c), (c,)) for c in Category if c in cats]


def recipe_notes(bank: Bank, recipe: DeckRecipe) -> Iterator[NoteSpec]:
    """Every note of the deck, in study order, with `due` = its position (1, 2, 3, ...).

    Within each subdeck the forms come in rounds, in the recipe's order: every fact
    is met once as the first form before any fact comes back as the second.
    Reverse notes cover the actors and forums the selected items mention, and (for
    roles) only the articles those items cite.
    """
    items = recipe.selection.apply(bank)
    mentioned = {a for it in items for a in (*it.actors, *((it.entity,) if it.entity else ()))}
    cited = {a for it in items for a in it.articles}
    reverse: list[ReverseNote] = []
    if CardForm.REVERSE in recipe.forms:
        reverse = [n for n in (*role_notes(bank), *forum_notes(bank))
                   if n.entity.id in mentioned and all(a in cited for a in n.articles)]
    labels: dict[str, str] = {}
    due = 0
    for deck, cats in subdecks(recipe):
        deck_items = deck_order(it for it in items if it.category in cats)
        info: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # per subdeck: (info fields, tags) of an item
        for form in recipe.forms:
            if form is CardForm.REVERSE:
                for rn in reverse:
                    if rn.category in cats:
                        due += 1
                        yield NoteSpec(guid_for(f"entity:{rn.key}", form.value), form, rn.fields, _reverse_tags(rn),
                                       deck, due)
                continue
            make, name = ITEM_FORMS[form], form.value
            form_tag = f"form::{name}"
            for it in deck_items:
                head = make(bank, it)
                if head is None:
                    continue
                shared = info.get(it.id)
                if shared is None:
                    shared = info[it.id] = (info_fields(bank, it, labels), citations.item_tags(it))
                due += 1
                yield NoteSpec(guid_for(it.id, name), form, head + shared[0], (*shared[1], form_tag), deck, due)


def build_tag(now: dt.datetime) -> str:
    """The tag every note of one build carries: quizgen::build::YYYYMMDD-HHMM (UTC).

    Re-importing a newer build updates every note it still has, tags included, so a note the new build no
    longer has keeps an older build tag: that is how a student finds the questions that were removed."""
    return f"quizgen::build::{now.astimezone(dt.UTC):%Y%m%d-%H%M}"


def with_build_tag(notes: Iterable[NoteSpec], now: dt.datetime) -> Iterator[NoteSpec]:
    tag = build_tag(now)
    for spec in notes:
        yield replace(spec, tags=(*spec.tags, tag))


def description_html(bank: Bank, recipe: DeckRecipe, counts: dict[CardForm, int], build: str = "") -> str:
    """The deck description Anki shows on the deck overview: what it is, what it covers, its sources, and
    (given the build tag) how to find the questions an update removed."""
    arts = sorted({a for it in recipe.selection.apply(bank) for a in it.articles})
    srcs = "".join(f"<li>{esc(citations.source_label(bank, a).ja)}</li>" for a in arts if a in bank.source_by_id)
    made = "、".join(f"{f.value} {n}" for f, n in counts.items() if n)
    return (f'<div lang="ja">{esc(recipe.description.ja)}</div>'
            f'<div lang="en" style="opacity:.75">{esc(recipe.description.en)}</div>'
            + (f"<p>出典 · Sources:</p><ul>{srcs}</ul>" if srcs else "")
            + (f"<p style=\"opacity:.75\">notes: {made} — made with quizgen</p>" if made else "")
            + (f'<p style="opacity:.75">この版のタグ: {esc(build)}。更新でなくなった問題には古い版のタグが残ります'
               f"(ブラウザで <code>tag:quizgen::build::* -tag:{esc(build)}</code> を検索)。"
               f'<span lang="en"> Notes a newer version no longer has keep an older quizgen::build tag.</span></p>'
               if build else ""))
