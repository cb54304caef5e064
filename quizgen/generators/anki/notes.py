"""Bank items -> Anki note contents, in learning order. Pure: no genanki, no I/O.

Every piece of bank text goes through `esc` (escape.py). A note whose question or answer is blank is
not made at all, so Anki never sees an empty card.

One note per fact: a recipe without `forms` makes each item the one note that suits it
(`choose.note_form`: a cloze or a Q→A note), so every such deck makes the same note for an item and a
student who imports several decks has each fact once. A recipe that lists `forms` drills every selected
item in each (`ITEM_FORMS`).

Identity: a note's GUID is `genanki.guid_for(item.id, form)` (type-in notes: `guid_for(item.id,
"type-in-2")`, their note type changed; reverse notes: `guid_for("entity:" + entity id, "reverse")`), never
its text, so editing an item's wording updates the student's note in place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from genanki.util import BASE91_TABLE

from quizgen import citations, forms
from quizgen.bank import placeholders
from quizgen.bank.model import AnswerType, Bank, Category, Entity, EntityType, Item, Lang, cloze_parts
from quizgen.generators.anki import giveaways, order
from quizgen.generators.anki.back import info_fields
from quizgen.generators.anki.choose import asked_statement, cloze_blanks, note_form, tf_rng, typed_answer
from quizgen.generators.anki.escape import esc, esc_all, plain
from quizgen.generators.anki.recipes import CardForm, DeckRecipe, Layout
from quizgen.japanese.furigana import ruby as readings_over

__all__ = ["ITEM_FORMS", "NoteSpec", "asked_statement", "base91", "build_tag", "cloze_fields", "cloze_text",
           "description_html", "esc", "esc_all", "furigana", "guid_for", "recipe_notes", "tf_rng"]


@dataclass(frozen=True)
class NoteSpec:
    guid: str
    form: CardForm
    fields: tuple[str, ...]  # in the order of notetypes.FIELDS[form]
    tags: tuple[str, ...]
    deck: str  # full deck name, e.g. 中ロ関係::2022-02 ロシアのウクライナ侵攻と中国の立場
    due: int  # new-card position: the order in which a student meets the cards


_B91 = "".join(BASE91_TABLE)
_B91_PAIRS = tuple(a + b for a in _B91 for b in _B91)  # two base91 digits at a time: half the divisions


def guid_for(*values: str) -> str:
    """Exactly `genanki.guid_for` (first 8 bytes of sha256 of the values joined by '__', in Anki's base91), faster."""
    return base91(int.from_bytes(hashlib.sha256("__".join(values).encode()).digest()[:8], "big"))


_TEN_DIGITS = 91 ** 10  # > 2 ** 64: a GUID's number


def base91(n: int) -> str:
    """`n` >= 0 in Anki's base91 digits, most significant first, no leading zero digit ('' for 0), as genanki does."""
    if n < _TEN_DIGITS:  # a GUID's: five pairs of digits, no loop, then the leading zero digits dropped
        n, e = divmod(n, 8281)
        n, d = divmod(n, 8281)
        n, c = divmod(n, 8281)
        a, b = divmod(n, 8281)
        pairs = _B91_PAIRS
        return (pairs[a] + pairs[b] + pairs[c] + pairs[d] + pairs[e]).lstrip(_B91[0])
    out = []
    while n >= 8281:  # 91 ** 2
        n, r = divmod(n, 8281)
        out.append(_B91_PAIRS[r])
    if n >= 91:  # the leading digits, without a leading zero digit
        out.append(_B91_PAIRS[n])
    elif n:
        out.append(_B91[n])
    return "".join(reversed(out))


#: The GUID namespace of each form's notes (type-in's note type changed in v2: a new one, so new GUIDs).
GUID_FORM = {form: form.value for form in CardForm} | {CardForm.TYPE_IN: "type-in-2"}


def note_guid(item_id: str, form: CardForm) -> str:
    return guid_for(item_id, GUID_FORM[form])


def _blank(s: str | None) -> bool:
    return s is None or not s.strip()


# --------------------------------------------------------------------------- furigana


def furigana(bank: Bank, item: Item, text: str | None = None) -> str:
    """`text` (default: the answer) in Anki's furigana syntax (`時間稼[じかんかせ]ぎ 作戦[さくせん]`), reading each
    kanji run, or '' when it has no kanji or no certain reading. Only for a name — the answer is an entity's name,
    not a country's or a place's — whose reading is the item's, else the entity's; only for the answer as written.
    Everyday words (危機, 技術, 欧州) get none: a student reads them, and ruby over them only pushes the answer down."""
    answer = item.answer.ja.strip()
    text = answer if text is None else text.strip()
    if text != answer or item.answer_type is not AnswerType.TEXT:
        return ""
    entity = bank.entity_by_id.get(item.entity) if item.entity else None
    if entity is None or entity.ja.strip() != answer:
        return ""
    return _furigana_syntax(text, item.reading or entity.reading, entity.type)


def _furigana_syntax(text: str, reading: str | None, kind: str) -> str:
    segments = readings_over(text, reading, kind) if reading else None  # none over everyday words (欧州, 危機, 作戦)
    if segments is None:
        return ""
    out: list[str] = []
    for seg, over in segments:  # a space before a kanji run ends the run before it (Anki drops the space)
        out.append(f"{' ' if out and over else ''}{esc(seg)}[{over}]" if over else esc(seg))
    return "".join(out)


# --------------------------------------------------------------------------- item forms


def basic_fields(bank: Bank, item: Item) -> tuple[str, ...] | None:
    """ID, Question, QuestionEn, Answer, AnswerEn, Reading (the answer with furigana, or empty)."""
    if _blank(item.prompt.ja) or _blank(item.answer.ja):
        return None
    return (*esc_all(item.id, item.prompt.ja, item.prompt.en, item.answer.ja, item.answer.en), furigana(bank, item))


def type_in_fields(bank: Bank, item: Item) -> tuple[str, ...] | None:
    """ID, Question, QuestionEn, Form, Answer (exactly what to type), Unit (after the box), AnswerEn; None where
    typing would not work (`choose.typed_answer`)."""
    typed = typed_answer(bank, item)
    if typed is None or _blank(item.prompt.ja):
        return None
    return esc_all(item.id, item.prompt.ja, item.prompt.en, typed.form, typed.text, typed.unit, item.answer.en)


def cloze_text(text: str, asked: Iterable[int] | None = None, reading: dict[str, str] | None = None) -> tuple[str, int]:
    """`[[x]]` blanks -> Anki `{{c1::x}}`, `{{c2::...}}`, ... (escaped). Returns (text, number of deletions).

    `asked`: the indexes (among the non-empty blanks) that become deletions, the rest stay as plain text
    (default: every blank). `reading`: blank text -> that text in furigana syntax, used inside its deletion.
    A blank that is only whitespace is kept as plain text, never as an empty deletion.
    """
    return _deletions(cloze_parts(text), asked, reading)


def _deletions(parts: Sequence[tuple[str, bool]], asked: Iterable[int] | None,
               reading: dict[str, str] | None, plain: bool = False) -> tuple[str, int]:
    """`plain`: `esc` leaves every part as it is (`escape.plain`), so none goes through it."""
    wanted = None if asked is None else set(asked)
    out, n, index = [], 0, -1
    for seg, is_blank in parts:
        if not is_blank or not seg.strip():
            out.append(seg if plain else esc(seg))
            continue
        index += 1
        if wanted is not None and index not in wanted:
            out.append(seg if plain else esc(seg))
            continue
        n += 1
        shown = (reading or {}).get(seg) or (seg if plain else esc(seg))
        out.append(f"{{{{c{n}::{shown.replace(':', '&#58;')}}}}}")
    return "".join(out), n


_HIDDEN = "［…］"  # a blank in the English hint when it cannot be a cloze field


def _en_shown(parts: Sequence[tuple[str, bool]], asked: set[int], hidden: str | None, plain: bool = False) -> str:
    """The English sentence, its asked blanks bold (answer side) or as `hidden` (the front's hint). `plain`: as
    `_deletions` takes it."""
    out, index = [], -1
    for seg, is_blank in parts:
        if is_blank and seg.strip():
            index += 1
            if index in asked:
                out.append(f'<b class="cloze">{seg if plain else esc(seg)}</b>' if hidden is None else hidden)
                continue
        out.append(seg if plain else esc(seg))
    return "".join(out)


def _n_blanks(parts: Sequence[tuple[str, bool]]) -> int:
    """How many blanks hold more than whitespace (the ones `_deletions` numbers)."""
    return sum(1 for s, b in parts if b and s.strip())


def cloze_fields(bank: Bank, item: Item) -> tuple[str, ...] | None:
    """ID, Text (only the answer's blanks are deletions, with furigana), TextEn (the answer bold), EnHint (the English
    sentence with the same blanks hidden: a cloze field when they can be matched, else `［…］`)."""
    if item.cloze is None:
        return None
    (ja_parts, asked), (en_parts, en_blanks) = cloze_blanks(item, "ja"), cloze_blanks(item, "en")
    if not asked:
        return None
    ruby = furigana(bank, item)
    # each part escaped on its own, unless one scan of them all finds nothing to escape (the usual sentence)
    ja_plain, en_plain = plain(seg for seg, _ in ja_parts), plain(seg for seg, _ in en_parts)
    text, n = _deletions(ja_parts, asked, {item.answer.ja.strip(): ruby} if ruby else None, ja_plain)
    # the English blanks that are the answer, else the Japanese ones' places when both have as many blanks
    en_asked = en_blanks or (asked if _n_blanks(en_parts) == _n_blanks(ja_parts) else ())
    if len(en_asked) == n:
        hint, _ = _deletions(en_parts, en_asked, None, en_plain)
    else:
        en_asked = tuple(range(_n_blanks(en_parts)))
        hint = _en_shown(en_parts, set(en_asked), _HIDDEN, en_plain)
    return (esc(item.id), text, _en_shown(en_parts, set(en_asked), None, en_plain), hint)


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


def truefalse_fields(item: Item) -> tuple[str, ...] | None:
    """Q→A (`basic`) fields for an item asked as true/false (`form: truefalse`): the statement and 正しい?誤り? as
    the question, ○ 正しい or × 誤り as the answer, no reading. The true statement, where the front shows the false
    one, goes first in the explanation (`back.info_fields`)."""
    tf = asked_statement(item)
    if tf is None or _blank(tf.statement.ja):
        return None
    ask, verdict = forms.ASK_TRUE_FALSE, tf.verdict
    return (esc(item.id), f'{esc(tf.statement.ja)}<div class="form">{ask.ja}</div>', f"{ask.en} {esc(tf.statement.en)}",
            f"{'○' if tf.is_true else '×'} {verdict.ja}", verdict.en, "")


#: form -> the note's own fields (everything before the info fields), or None when the item cannot make that note.
ITEM_FORMS = {
    CardForm.BASIC: basic_fields,
    CardForm.TYPE_IN: type_in_fields,
    CardForm.CLOZE: cloze_fields,
    CardForm.MULTIPLE_CHOICE: multiple_choice_fields,
}


# --------------------------------------------------------------------------- reverse notes (from entities)


@dataclass(frozen=True)
class ReverseNote:
    key: str  # stable: the entity id
    entity: Entity
    fields: tuple[str, ...]


_REVERSE_TYPES = (EntityType.FORUM, EntityType.ORGANISATION)


def forum_notes(bank: Bank) -> tuple[ReverseNote, ...]:
    """Description -> name, for each forum or organisation the bank describes (its entity `note`): the one
    direction with one answer. The other direction (name -> a paragraph) is not asked: its card is left empty."""
    out = []
    for e in bank.entities:
        if e.type not in _REVERSE_TYPES or e.note is None or _blank(e.note.ja) or _blank(e.ja):
            continue
        fields = (
            esc(e.id), "", "", esc(e.ja), esc(e.en), _furigana_syntax(e.ja, e.reading, e.type), esc(e.note.ja), esc(e.note.en),
            f"次の説明に当たる会議・枠組み・機関は何か。<div class=\"gloss\">{esc(e.note.ja)}</div>",
            f"Which forum or organisation is this? <div class=\"gloss\">{esc(e.note.en)}</div>", "", "",
        )
        out.append(ReverseNote(e.id, e, fields))
    return tuple(out)


# --------------------------------------------------------------------------- a recipe's notes, in learning order


def recipe_notes(bank: Bank, recipe: DeckRecipe, extra_tags: tuple[str, ...] = ()) -> Iterator[NoteSpec]:
    """Every note of the deck, in learning order (order.py; within a story, a card whose answer another's back
    prints first: giveaways.py), with `due` = its position (1, 2, 3, ...), each tagged with `extra_tags` after
    its own (the build tag: `build_tag`).

    Without `forms`: one note per item, in the form that suits it. With `forms`: within each subdeck the
    forms come in rounds, in the recipe's order (every fact is met once as the first form before any fact
    comes back as the second); reverse notes cover the forums and organisations the selected items name.

    An item that would show a placeholder (placeholders.py) raises PlaceholderError naming every such item; with
    one note per fact, once the last note is made (a deck is written only when its notes are all made).
    """
    items = learning = order.item_order(bank, recipe.selection.apply(bank))
    # a card shows both languages: no TODO text on it. One note per fact looks at each item as its note is made
    # (its texts are at hand then: on a big bank a pass of its own reads them all from memory once more) and
    # refuses once every note is made, before the deck is written
    check = placeholders.Checker(bank, Lang.BOTH)
    if not recipe.one_note_per_fact:
        placeholders.refuse(bank, items, Lang.BOTH)
    backs = giveaways.plan(bank, items)  # no back gives a later card away (giveaways.py)
    items = list(backs.items)
    stories = order.story_decks(bank, recipe, items) if recipe.layout is Layout.STORY else {}
    labels: dict[str, str] = {}
    # item id -> (info fields, tags), for an item that makes several notes (a recipe with `forms`); one note per
    # fact makes each item's once, and keeping them would hold every note's back in memory at once
    shared: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None if recipe.one_note_per_fact else {}

    due = 0
    tags = _Tags(bank, extra_tags)
    deck_of = order.deck_finder(recipe, stories)

    def note(item: Item, form: CardForm) -> NoteSpec | None:
        nonlocal due
        if shared is None:  # one note per fact: this is the item's one note
            check.look(item)
        truefalse = item.truefalse
        if truefalse:  # a Q→A note whatever the form asked (only one is asked: `_drill`)
            form, head = CardForm.BASIC, truefalse_fields(item)
        else:
            head = ITEM_FORMS[form](bank, item)
        if head is None:
            return None
        info = shared.get(item.id) if shared is not None else None
        if info is None:
            tf = asked_statement(item) if truefalse else None
            home = backs.homes.get(item.disagreement) if item.disagreement else None
            info = (info_fields(bank, item, labels, tf.correction if tf else None, home,
                                backs.omit.get(item.id, frozenset())),
                    tags(item))
            if shared is not None:
                shared[item.id] = info
        due += 1
        return NoteSpec(guid_for(item.id, GUID_FORM[form]), form, head + info[0], info[1], deck_of(item), due)

    def reverse(rn: ReverseNote, deck: str) -> NoteSpec:
        nonlocal due
        due += 1
        return NoteSpec(guid_for(f"entity:{rn.key}", CardForm.REVERSE.value), CardForm.REVERSE, rn.fields,
                        (f"{citations.TAG_PREFIX}::category::{Category.FORUMS.value}", *extra_tags), deck, due)

    yield from (_facts(items, note) if recipe.one_note_per_fact
                else (s for s in _drill(bank, recipe, items, stories, note, reverse) if s is not None))
    check.refuse_found(learning)


def _facts(items: list[Item], note: Callable[[Item, CardForm], NoteSpec | None]) -> Iterator[NoteSpec]:
    """One note per item, in the form that suits it (none for an item that cannot make it), in one loop: a note
    passes through one generator, not a generator and a filter around it."""
    for it in items:
        spec = note(it, note_form(it))
        if spec is not None:
            yield spec


class _Tags:
    """A note's tags (`citations.note_tags`, then the extra ones), made once for the notes whose items share
    what they are made of: category, story, articles, actors and priority."""

    def __init__(self, bank: Bank, extra: tuple[str, ...]) -> None:
        self._bank, self._extra = bank, extra
        self._made: dict[tuple[object, ...], tuple[str, ...]] = {}

    def __call__(self, item: Item) -> tuple[str, ...]:
        evidence = item.evidence  # its articles: the one quote's, as a rule (`Item.articles` makes a tuple)
        articles = evidence[0].article if len(evidence) == 1 else item.articles
        key = (item.category, item.story, articles, item.actors, item.priority)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = (*citations.note_tags(self._bank, item), *self._extra)
        return made


def _drill(bank: Bank, recipe: DeckRecipe, items: list[Item], stories: dict[str | None, str],
           note: Callable[[Item, CardForm], NoteSpec | None],
           reverse: Callable[[ReverseNote, str], NoteSpec]) -> Iterator[NoteSpec | None]:
    """A recipe's listed forms, in rounds within each subdeck (generated lazily: each note is numbered as made).
    An item asked as true/false makes its one note in the first round."""
    first = next((f for f in recipe.forms if f is not CardForm.REVERSE), None)
    for deck in order.subdecks(bank, recipe):
        in_deck = [it for it in items if order.deck_of(bank, recipe, stories, it) == deck]
        for form in recipe.forms:
            if form is CardForm.REVERSE:
                yield from (reverse(rn, deck) for rn in _reverse_notes(bank, recipe, deck, items))
            else:
                yield from (note(it, form) for it in in_deck if form is first or not it.truefalse)


def _reverse_notes(bank: Bank, recipe: DeckRecipe, deck: str, items: list[Item]) -> list[ReverseNote]:
    """The reverse notes that go into `deck`: the forums subdeck in the category layout, else the top deck."""
    home = recipe.subdeck_name(Category.FORUMS) if recipe.layout is Layout.CATEGORY else recipe.name
    if deck != home:
        return []
    named = {a for it in items for a in (*it.actors, *((it.entity,) if it.entity else ()))}
    return [n for n in forum_notes(bank) if n.entity.id in named]


def build_tag(now: dt.datetime) -> str:
    """The tag every note of one build carries: quizgen::build::YYYYMMDD-HHMM (UTC).

    Re-importing a newer build updates every note it still has, tags included, so a note the new build no
    longer has keeps an older build tag: that is how a student finds the questions that were removed."""
    return f"{citations.TAG_PREFIX}::build::{now.astimezone(dt.UTC):%Y%m%d-%H%M}"


def description_html(bank: Bank, recipe: DeckRecipe, counts: dict[CardForm, int], build: str = "") -> str:
    """The deck description Anki shows on the deck overview: what it is, what it covers, the order of the
    cards and how to study a part of it, its sources, and (given the build tag) how to find the questions
    an update removed."""
    arts = sorted({a for it in recipe.selection.apply(bank) for a in it.articles})
    srcs = "".join(f"<li>{esc(citations.source_label(bank, a, max_headline=0).ja)}</li>"
                   for a in arts if a in bank.source_by_id)
    made = "、".join(f"{f.value} {n}" for f, n in counts.items() if n)
    p = citations.TAG_PREFIX
    return (f'<div lang="ja">{esc(recipe.description.ja)}</div>'
            f'<div lang="en" style="opacity:.75">{esc(recipe.description.en)}</div>'
            + (f"<p>新しいカードはストーリーごとに時系列で、重要な事実(core)から出ます。重要な事実だけを学ぶには、"
               f"フィルター デッキを検索 <code>deck:&quot;{esc(recipe.name)}&quot; tag:{p}::priority::core</code> で"
               f"作ります(ストーリーは <code>tag:{p}::story::…</code>)。"
               '<span lang="en" style="opacity:.75"> New cards come story by story, chronologically, core facts first; '
               "a filtered deck with the search above studies only the core facts.</span></p>"
               if recipe.one_note_per_fact else "")
            + (f"<p>出典 · Sources:</p><ul>{srcs}</ul>" if srcs else "")
            + (f"<p style=\"opacity:.75\">notes: {made} — made with quizgen</p>" if made else "")
            + (f'<p style="opacity:.75">この版のタグ: {esc(build)}。更新でなくなった問題には古い版のタグが残ります'
               f"(ブラウザで <code>tag:{p}::build::* -tag:{esc(build)}</code> を検索)。"
               f'<span lang="en"> Notes a newer version no longer has keep an older {p}::build tag.</span></p>'
               if build else ""))

