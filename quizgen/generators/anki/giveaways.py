"""What a card's back gives away, and the learning order and backs that keep it from doing so. Pure.

A card's **secret** is what it asks: its answer in every spelling the bank accepts (`bank.content.answer_forms`,
as `quizgen check` and the worksheets' leak checker use them), or, for a true/false card, the Japanese words of
the true statement that its false twin changes, all of them (`forms.changed_spans`: 「平和の使者」を演じたい;
a single word with a character of context on either side: は西側諸国の; spans of three characters or more;
quotation marks are not compared). A text **gives a card away** when it prints that card's secret as
`bank.content.printed_in` finds an answer in a prompt.
Not a secret: a form that some other card's front prints (ロシア, 2023年3月: the deck shows it anyway) or that
three cards or more ask, and, for the card whose back prints it, a form that is its own secret too.

`plan(bank, items)`, given the items in `order.item_order`:

1. **Order.** Within each story (a story's cards are met together), a stable topological order over "the back
   of A prints the secret of B": B comes first. The cards of a cycle are ordered among themselves by the
   giveaways nothing can leave out (a visible explanation, a source's headline), and what is still a cycle
   keeps the present order (the card that came first stays first); otherwise nothing moves.
2. **One disagreement box per deck.** Several items share one disagreement; its box is shown on one of them
   (`homes`): the first, in learning order, after which the box gives no card away; failing that, the one where
   it gives the fewest away. The others say in one line where it is (back.disagreement_html).
3. **Folded parts.** A folded part (a quote, the date line, background, a side or the note of the box) that
   still gives away a card met later is left out, in one line saying why (`omit`, back.OMITTED).
4. **What is left** (`left`): a visible explanation or correction that gives a later card away: bank wording
   for the bank editor (tests/test_anki.py lists the bundled bank's and checks the built deck for any other).
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import ahocorasick

from quizgen.bank.content import answer_forms, comparison_key, shown
from quizgen.bank.model import Bank, Item, Text
from quizgen.forms import changed_spans
from quizgen.generators.anki.back import Part, Piece, box_pieces, item_pieces

__all__ = ["Finder", "Giveaway", "Leaks", "Part", "Plan", "Secret", "deck_secrets", "front_text", "plan", "secret_of"]
from quizgen.generators.anki.choose import asked_statement, cloze_blanks, note_form
from quizgen.generators.anki.recipes import CardForm

_MIN_JA = 3  # shortest changed words of a true/false statement looked for (Japanese only: English word diffs
# are mostly everyday words such as "was considering")
_WORD = re.compile(r"[0-9a-z]+")
_MANY = 3  # a form this many cards ask is taught by the deck anyway: no one card's secret

Form = tuple[str, int]  # a secret as printed_in looks for it: (form, shortest length looked for)


@dataclass(frozen=True)
class Giveaway:
    """`giver`'s back (its `part`) prints `form`, the secret of `taker`, a card met after it."""

    giver: str
    taker: str
    form: str
    part: Part


@dataclass(frozen=True)
class Plan:
    items: tuple[Item, ...]  # in learning order
    homes: Mapping[str, str]  # disagreement id -> the id of the item whose back shows the box
    omit: Mapping[str, frozenset[tuple[Part, str]]]  # item id -> the folded parts its back leaves out
    left: tuple[Giveaway, ...]  # visible parts that still give a later card away
    cycles: int  # how many cycles were left to the present order (their folded giveaways are left out)


@dataclass(frozen=True)
class Secret:
    """What a card asks, as texts to look for: any one of `forms` gives it away, or, with `every`, all of them
    together (the changed words of a true/false statement: 「中国へのけん制」 alone is not 「軍事同盟の強化をけん制」)."""

    forms: tuple[Form, ...]
    every: bool = False


def secret_of(bank: Bank, item: Item) -> Secret:
    """What a card of `item` asks (module docstring), before the deck's fronts are taken into account."""
    if item.truefalse and item.statement is not None and item.false_statement is not None:
        true, false = item.statement.ja, item.false_statement.ja
        spans = [(a, b) for a, b in changed_spans(true, false) if len(comparison_key(true[a:b])) >= _MIN_JA]
        return Secret(tuple((_in_context(true, a, b), _MIN_JA) for a, b in spans), every=True)
    return Secret(tuple((form, shortest) for form, _, shortest in answer_forms(item, bank)))


_ONE_RUN = re.compile(r"[\u4e00-\u9fff々]+|[\u30a0-\u30ffー]+|[0-9A-Za-z]+")
_QUOTES = str.maketrans("", "", "「」『』“”\"")


def _unquoted(text: str) -> str:
    """Quotation marks dropped: 「平和の使者」を演じたい is printed in 平和の使者を演じたい."""
    return text.translate(_QUOTES)


def _in_context(text: str, start: int, end: int) -> str:
    """`text[start:end]`; a single word (one run of kanji, katakana or Latin) with one character of context on
    each side (not a space or punctuation), as the statement says it: は西側諸国の, not any 西側諸国; a phrase
    (「平和の使者」を演じたい) as it is."""
    if not _ONE_RUN.fullmatch(text[start:end]):
        return text[start:end]
    if start > 0 and text[start - 1].isalnum():
        start -= 1
    if end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


def front_text(bank: Bank, item: Item) -> Text:
    """What the front of an item's note shows: the statement asked, the cloze sentence without its asked blanks,
    or the question."""
    if item.truefalse:
        tf = asked_statement(item)
        return tf.statement if tf is not None else item.prompt
    if note_form(item) is CardForm.CLOZE and item.cloze is not None:
        texts = []
        for lang in ("ja", "en"):
            parts, blanks = cloze_blanks(item, lang)
            asked = set(blanks)
            kept, index = [], -1
            for seg, blank in parts:
                if blank and seg.strip():
                    index += 1
                    if index in asked:
                        kept.append(" ")
                        continue
                kept.append(seg)
            texts.append("".join(kept))
        return Text(*texts)
    return item.prompt


def _own_key(form: str) -> str:
    form = _unquoted(form)
    return " ".join(form.split()).casefold() if form.isascii() else comparison_key(form)


def _is_own(found: str, own: set[str]) -> bool:
    """Whether a form found (the forms of an `every` secret joined by " … ") is one the giver asks itself."""
    return all(_own_key(f) in own for f in found.split(" … "))


_NONE: frozenset[tuple[str, int]] = frozenset()
_REMEMBERED = 1 << 14  # texts a Finder remembers what it found in (a headline or a date line is met on many backs)


def _whole_word(words: str, end: int, length: int) -> bool:
    """Whether the `length` characters of `words` ending at `end` (inclusive) are a whole word, not all of
    `words`: `printed_in`'s rule for a Latin form."""
    start = end - length + 1
    if start == 0 and end == len(words) - 1:
        return False
    before = words[start - 1] if start else " "
    after = words[end + 1] if end + 1 < len(words) else " "
    return not (("0" <= before <= "9" or "a" <= before <= "z") or ("0" <= after <= "9" or "a" <= after <= "z"))


def _automaton(words: Mapping[str, list[Form]]) -> ahocorasick.Automaton | None:
    """An Aho–Corasick automaton finding each of `words` (its value: the forms it stands for), or None for none."""
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word, forms in words.items():
        automaton.add_word(word, tuple(forms))
    automaton.make_automaton()
    return automaton


class Finder:
    """Which secrets a text prints, for many texts and many secrets, in time linear in the text: one pass of an
    Aho–Corasick automaton (pyahocorasick) over the text's comparison key finds every non-Latin form whose key
    it holds, one over its folded words every Latin form it holds (a form "Delegation 12" is never compared
    with a text because it says "delegation"); a hit is decided where it is found, by `printed_in`'s rules (a
    Latin form as a whole word), with no pattern compiled per form. Each distinct text is searched once."""

    def __init__(self, secrets: Mapping[str, Secret], keys: dict[str, str] | None = None) -> None:
        """`keys`: (unquoted) form -> its `_own_key`, as far as known, shared by the finders of one plan (a key
        is worked out once per form); filled in here. `own_key` holds every form's."""
        self._owners: dict[tuple[str, int], list[str]] = {}  # (form, shortest) -> the cards whose secret it is
        self._every = {owner: {_unquoted(f) for f, _ in secret.forms} for owner, secret in secrets.items()
                       if secret.every}
        for owner, secret in secrets.items():
            for form, shortest in secret.forms:
                self._owners.setdefault((_unquoted(form), shortest), []).append(owner)
        ja: dict[str, list[Form]] = {}  # comparison key -> the non-Latin forms with that key
        latin: dict[str, list[Form]] = {}  # folded words -> the Latin forms that are those words
        self.own_key = {} if keys is None else keys
        for form, shortest in self._owners:
            key = self.own_key.get(form)
            if key is None:  # a Latin form's folded words, else its comparison key
                key = self.own_key[form] = _own_key(form)
            if form.isascii():
                if _WORD.search(form.casefold()):  # a form without a word is never found
                    latin.setdefault(key, []).append((form, shortest))
            elif len(key) >= max(shortest, 2):
                ja.setdefault(key, []).append((form, shortest))
        self._ja, self._latin = _automaton(ja), _automaton(latin)
        self._latin_word = {form: word for word, forms in latin.items() for form in forms}
        self._printed: dict[Text, frozenset[tuple[str, int]]] = {}

    @property
    def looks_for_any(self) -> bool:
        """Whether any secret can be found: else every text prints none, and is not even read."""
        return self._ja is not None or self._latin is not None

    def printed(self, text: Text) -> frozenset[tuple[str, int]]:
        """Every distinct (form, shortest) `text` prints, each on its own (quotation marks not compared); a text
        met again (a source's headline on many backs) is answered from memory."""
        if not self.looks_for_any:
            return _NONE
        found = self._printed.get(text)
        if found is None:
            if len(self._printed) >= _REMEMBERED:  # bounded: most texts of a big deck are met once
                self._printed.clear()
            found = self._printed[text] = self._search(text)
        return found

    def _search(self, text: Text) -> frozenset[tuple[str, int]]:
        """`printed`, worked out: as `printed_in` decides, without a pattern per form. A non-Latin hit is its
        comparison key inside the text's, long enough (the automaton holds no shorter key): printed. A Latin hit
        is printed where it is a whole word (no letter or digit of [0-9a-z] either side) and not the whole text."""
        prepared = shown(Text(_unquoted(text.ja), _unquoted(text.en)))
        found: set[tuple[str, int]] = set()
        if self._ja is not None:
            for _, forms in self._ja.iter(prepared.ja_key):
                found.update(forms)
        if self._latin is not None:
            for words in (prepared.en_words, prepared.ja_words):
                for end, forms in self._latin.iter(words):
                    if _whole_word(words, end, len(self._latin_word[forms[0]])):
                        found.update(f for f in forms if len(self._latin_word[f]) >= f[1])
        return frozenset(found) if found else _NONE

    def forms_in(self, text: Text, skip: Callable[[str], bool] | None = None) -> set[tuple[str, str]]:
        """(owner, form) of every form `text` prints, each on its own; `skip`: forms not to count."""
        return {(owner, form) for form, shortest in self.printed(text) if skip is None or not skip(form)
                for owner in self._owners[form, shortest]}

    def find(self, text: Text, skip: Callable[[str], bool] | None = None) -> set[tuple[str, str]]:
        """(owner, form) of every secret `text` prints (the forms of an `every` secret joined by " … ")."""
        found = self.forms_in(text, skip)
        if not self._every:
            return found
        out = {(o, f) for o, f in found if o not in self._every}
        for owner in {o for o, _ in found if o in self._every}:
            forms = self._every[owner]
            if forms <= {f for o, f in found if o == owner}:
                out.add((owner, " … ".join(sorted(forms))))
        return out


def deck_secrets(bank: Bank, items: Iterable[Item], keys: dict[str, str] | None = None) -> dict[str, Secret]:
    """item id -> its secret in this deck: without the forms another card's front prints or `_MANY` cards ask
    (none left: no secret). `keys`: as `Finder` takes it."""
    items = list(items)
    secrets = _secrets(bank, items)
    keys = {} if keys is None else keys

    def key(form: str) -> str:
        form = _unquoted(form)
        k = keys.get(form)
        if k is None:
            k = keys[form] = _own_key(form)
        return k
    # cards that share an answer share its Secret object: each is counted and filtered once
    asking = Counter(map(id, secrets.values()))
    distinct = {id(secret): secret for secret in secrets.values()}
    shared: Counter[str] = Counter()
    for ident, cards in asking.items():
        for f in {f for f, _ in distinct[ident].forms}:
            shared[key(f)] += cards
    # a form `_MANY` cards ask is no secret whatever the fronts print: only the others are looked for in them
    rare_of = {ident: Secret(tuple((f, n) for f, n in secret.forms if shared[key(f)] < _MANY), secret.every)
               for ident, secret in distinct.items()}
    rare = {i: rare_of[id(secret)] for i, secret in secrets.items()}
    if not any(secret.forms for secret in rare_of.values()):  # nothing to look for: no front is even made
        return rare
    finder = Finder(rare, keys)
    if not finder.looks_for_any:
        return rare
    common: set[tuple[str, str]] = set()
    for it in items:
        common |= {(owner, form) for owner, form in finder.forms_in(front_text(bank, it)) if owner != it.id}
    return {i: Secret(tuple((f, n) for f, n in secret.forms if (i, _unquoted(f)) not in common), secret.every)
            for i, secret in rare.items()}


def _secrets(bank: Bank, items: list[Item]) -> dict[str, Secret]:
    """item id -> `secret_of`, worked out once per distinct answer (its texts, accepted spellings and entity):
    items asking the same answer share one Secret."""
    out: dict[str, Secret] = {}
    known: dict[tuple[str, str, tuple[str, ...], str | None], Secret] = {}
    for it in items:
        if it.truefalse:
            out[it.id] = secret_of(bank, it)
            continue
        asks = (it.answer.ja, it.answer.en, it.accept, it.entity)
        secret = known.get(asks)
        if secret is None:
            secret = known[asks] = secret_of(bank, it)
        out[it.id] = secret
    return out


class Leaks:
    """Who gives whom away, among one deck's items."""

    def __init__(self, bank: Bank, items: list[Item], secrets: dict[str, Secret] | None = None,
                 keys: dict[str, str] | None = None) -> None:
        """`secrets`: `deck_secrets` of `items`, when already made (with its `keys`)."""
        keys = {} if keys is None else keys
        self.secrets = deck_secrets(bank, items, keys) if secrets is None else secrets
        self.finder = Finder(self.secrets, keys)
        own_of: dict[Secret, set[str]] = {}
        self.own = {}
        for i, secret in self.secrets.items():
            own = own_of.get(secret)
            if own is None:
                own = own_of[secret] = {self.finder.own_key[_unquoted(f)] for f, _ in secret.forms}
            self.own[i] = own
        self._seen: dict[tuple[str, Text], list[tuple[str, str]]] = {}  # plan asks twice of each piece

    def takers(self, giver: str, text: Text) -> list[tuple[str, str]]:
        """(taker, form) that `text` on `giver`'s back gives away (not `giver`, nor a form it asks itself)."""
        cached = self._seen.get((giver, text))
        if cached is None:
            own = self.own.get(giver, set())
            cached = self._seen[giver, text] = sorted(
                (t, f) for t, f in self.finder.find(text, lambda f: self.finder.own_key[f] in own) if t != giver)
        return cached


def _correction(item: Item) -> Text | None:
    tf = asked_statement(item) if item.truefalse else None
    return tf.correction if tf is not None else None


def _pop_component(stack: list[str], on_stack: set[str], root: str) -> list[str]:
    comp = []
    while True:
        member = stack.pop()
        on_stack.discard(member)
        comp.append(member)
        if member == root:
            return comp


def _components(ids: list[str], preds: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of the graph `preds` (Tarjan's, without recursion), each in `ids`' order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for root in ids:
        if root in index:
            continue
        work = [(root, iter(sorted(preds[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            nxt = next(edges, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(preds[nxt]))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                out.append(_pop_component(stack, on_stack, node))
    position = {i: n for n, i in enumerate(ids)}
    return [sorted(c, key=position.__getitem__) for c in out]


def _stable_topo(ids: list[str], before: Mapping[str, set[str]],
                 firmer: Mapping[str, set[str]] | None = None) -> tuple[list[str], int]:
    """`ids` with each one after those `before[id]` names (among `ids`), otherwise in the given order. The ids of
    a cycle (a strongly connected component) go where the earliest of them can, ordered among themselves by
    `firmer` (the edges that matter more: a giveaway nothing can leave out) the same way, else kept in the given
    order. Returns the order and the number of cycles left to the given order."""
    position = {i: n for n, i in enumerate(ids)}
    preds = {i: {p for p in before.get(i, ()) if p in position and p != i} for i in ids}
    comps = _components(ids, preds)
    comp_of = {i: n for n, comp in enumerate(comps) for i in comp}
    waiting = [0] * len(comps)
    succs: list[set[int]] = [set() for _ in comps]
    for i, ps in preds.items():
        for p in ps:
            a, b = comp_of[p], comp_of[i]
            if a != b and b not in succs[a]:
                succs[a].add(b)
                waiting[b] += 1
    ready = [(position[comp[0]], n) for n, comp in enumerate(comps) if not waiting[n]]
    heapq.heapify(ready)
    out: list[str] = []
    cycles = 0
    while ready:
        _, n = heapq.heappop(ready)
        if len(comps[n]) == 1:
            out += comps[n]
        elif firmer is None:
            out += comps[n]
            cycles += 1
        else:
            inner, left = _stable_topo(comps[n], firmer)
            out += inner
            cycles += left
        for m in succs[n]:
            waiting[m] -= 1
            if not waiting[m]:
                heapq.heappush(ready, (position[comps[m][0]], m))
    return out, cycles


def _story_order(items: list[Item], leaks: Leaks, pieces: Mapping[str, list[Piece]]) -> tuple[list[str], int]:
    """Step 1 (module docstring): item ids in learning order, and the cycles left to the present order."""
    ordered: list[str] = []
    cycles = 0
    start = 0
    while start < len(items):
        end = start
        while end < len(items) and items[end].story == items[start].story:
            end += 1
        group = [it.id for it in items[start:end]]
        in_group = set(group)
        before: dict[str, set[str]] = {g: set() for g in group}
        firm: dict[str, set[str]] = {g: set() for g in group}
        for g in group:
            for p in pieces[g]:
                takers = {t for t, _ in leaks.takers(g, p.text) if t in in_group}
                before[g] |= takers
                if not p.folded:
                    firm[g] |= takers
        group_order, broken = _stable_topo(group, before, firm)
        ordered += group_order
        cycles += broken
        start = end
    return ordered, cycles


def _homes(bank: Bank, by_id: Mapping[str, Item], ordered: list[str], leaks: Leaks
           ) -> tuple[dict[str, str], dict[str, list[Piece]]]:
    """Step 2: disagreement id -> the id of the item whose back shows its box; and each box's pieces."""
    pos = {i: n for n, i in enumerate(ordered)}
    homes: dict[str, str] = {}
    boxes: dict[str, list[Piece]] = {}
    for dis in bank.disagreements:
        sharing = [i for i in ordered if by_id[i].disagreement == dis.id]
        if not sharing:
            continue
        boxes[dis.id] = box_pieces(bank, dis)
        found = [(t, f) for p in boxes[dis.id] for t, f in leaks.finder.find(p.text)]

        def later(home: str, found: list[tuple[str, str]] = found) -> int:
            return len({t for t, f in found if pos.get(t, -1) > pos[home] and not _is_own(f, leaks.own[home])})
        homes[dis.id] = min(sharing, key=lambda h: (later(h), pos[h]))
    return homes, boxes


def _unmoved(bank: Bank, items: list[Item]) -> Plan:
    """The plan when no card has a secret to find: nothing moves, nothing is left out, and each disagreement's
    box is on the first card that shares it."""
    firsts: dict[str, str] = {}
    for it in items:
        if it.disagreement and it.disagreement not in firsts:
            firsts[it.disagreement] = it.id
    return Plan(tuple(items), {d.id: firsts[d.id] for d in bank.disagreements if d.id in firsts}, {}, (), 0)


def plan(bank: Bank, items: Iterable[Item]) -> Plan:
    """The learning order, disagreement homes and omissions for a deck of `items` (in `order.item_order`)."""
    items = list(items)
    keys: dict[str, str] = {}
    secrets = deck_secrets(bank, items, keys)
    if not any(secret.forms for secret in secrets.values()):
        return _unmoved(bank, items)
    leaks = Leaks(bank, items, secrets, keys)
    if not leaks.finder.looks_for_any:
        return _unmoved(bank, items)
    by_id = {it.id: it for it in items}
    pieces = {it.id: item_pieces(bank, it, _correction(it)) for it in items}
    ordered, cycles = _story_order(items, leaks, pieces)
    pos = {i: n for n, i in enumerate(ordered)}
    homes, boxes = _homes(bank, by_id, ordered, leaks)

    # 3. and 4. folded parts that give a later card away are left out; visible ones are reported
    omit: dict[str, frozenset[tuple[Part, str]]] = {}
    left: list[Giveaway] = []
    for giver in ordered:
        dis_id = by_id[giver].disagreement
        shown_pieces = pieces[giver] + (boxes[dis_id] if dis_id and homes.get(dis_id) == giver else [])
        cut = set()
        for piece in shown_pieces:
            for taker, form in leaks.takers(giver, piece.text):
                if pos.get(taker, -1) > pos[giver]:
                    if piece.folded:
                        cut.add((piece.part, piece.key))
                    else:
                        left.append(Giveaway(giver, taker, form, piece.part))
        if cut:
            omit[giver] = frozenset(cut)
    return Plan(tuple(by_id[i] for i in ordered), homes, omit, tuple(left), cycles)
