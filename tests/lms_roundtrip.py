"""Export a bank, read it back as Moodle does, and count what a student's typed answer still matches.

`special_bank` makes random items full of every character the formats treat specially
(`~ = # { } : \\ & < > * % [ ] ->`, their full-width forms, `]]>`, the ideographic space) among
Japanese and ASCII; `audit` exports a bank to Moodle XML and GIFT, reads both back as Moodle's own
importers read them (`lms_readers`) and counts, for every item:

- the bank's accepted spellings that still match a short answer (Moodle XML), a cloze blank that holds
  the whole answer, and the matching questions' right-hand sides, exactly;
- the same spellings typed in every width an IME types (`Ｇ７`, `ﾗﾌﾞﾛﾌ`, a trailing 全角 space);
- the GIFT file's short answers (spellings with `->` cannot be written there: counted apart) and
  any question GIFT would import as an essay; cloze spellings holding `\\#` or `\\}` (which Moodle
  reads as escapes) are left out of the cloze with a warning and counted apart too.

`tests/test_exports_roundtrip.py` asserts 100% on random banks; `bench/audit_exports.py` prints the
numbers for 300 random items and for the bundled bank.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from lms_readers import cloze_answers, moodle_matches, moodle_tree, read_gift

from quizgen.bank import Bank, Category, Entity, EntityType, Evidence, Item, ItemKind, Selection, Source, Text
from quizgen.bank.model import Role, cloze_parts
from quizgen.generators.exports import ExportFormat, export
from quizgen.japanese.width import IDEOGRAPHIC_SPACE, width_variants

SPECIALS = [*"~=#{}:\\&<>*%[]", "->", "]]>", *"～＝＃｛｝：＼＆＜＞＊％［］", "－＞", IDEOGRAPHIC_SPACE, " ", '"', "'"]
PLAIN = [*"日本外相ロシア代表習近平ラブロフ会談年月", *"aZx7G", "2023", "ﾗﾌﾞﾛﾌ", "Ｇ７"]


def special_text(rng: random.Random, lo: int = 1, hi: int = 6) -> str:
    """A short text of words made of specials, Japanese and ASCII, often spaced like `外相 <ロシア> & {代表}`;
    never only spaces."""
    while True:
        words = ["".join(rng.choice(SPECIALS if rng.random() < 0.5 else PLAIN) for _ in range(rng.randint(1, 3)))
                 for _ in range(rng.randint(lo, hi))]
        text = "".join(w + (" " if rng.random() < 0.4 else "") for w in words)
        if text.strip():
            return text


def special_bank(rng: random.Random, n: int) -> Bank:
    """`n` items with special texts everywhere; actors items share an article whose people carry special titles."""
    src = Source("000", "000.txt", Text("見出し & <媒体>", "Headline & <outlet>"), Text("媒体", "Outlet"))
    people = tuple(Entity(f"p{k}", EntityType.PERSON, f"人物{k}", "じんぶつ", f"Person {k}",
                          roles=(Role("000", special_text(rng, 2, 4), f"title {k}", f"人物{k}"),)) for k in range(4))
    items = []
    for k in range(n):
        answer = special_text(rng)
        blank_ok = "[" not in answer and "]" not in answer
        items.append(Item(
            f"s{k:03d}", list(Category)[k % 4], ItemKind.STANCE, Text(special_text(rng, 3, 8), "prompt"),
            Text(answer, special_text(rng)), Text(special_text(rng), "explanation"), (Evidence("000", "引用"),),
            accept=tuple(special_text(rng) for _ in range(rng.randint(0, 3))),
            distractors=tuple(Text(t, t) for t in (special_text(rng) for _ in range(3))),
            cloze=Text(f"{special_text(rng)}[[{answer}]]{special_text(rng)}", "a [[b]] c") if blank_ok else None,
            actors=(f"p{k % 4}",)))
    return Bank(sources=(src,), entities=people, items=tuple(items))


@dataclass
class Audit:
    """Counts from one round trip; `failures` says which spelling of which question did not match."""

    spellings: int = 0
    matched: int = 0
    typed: int = 0
    typed_matched: int = 0
    variants_added: int = 0
    gift_spellings: int = 0
    gift_matched: int = 0
    gift_arrows: int = 0
    cloze_left_out: int = 0
    essays: int = 0
    failures: list[str] = field(default_factory=list)

    def check(self, where: str, patterns: list[str], spelling: str, typed: bool = False, exact: bool = False) -> None:
        """Does `spelling` match one of `patterns` as Moodle compares a short answer (`exact`: is it one of them)?"""
        ok = spelling in patterns if exact else any(moodle_matches(p, spelling) for p in patterns)
        if typed:
            self.typed, self.typed_matched = self.typed + 1, self.typed_matched + ok
        else:
            self.spellings, self.matched = self.spellings + 1, self.matched + ok
        if not ok:
            self.failures.append(f"{where}: {spelling!r} matches none of {patterns!r}")

    def summary(self) -> str:
        return (f"accepted spellings matching after Moodle's reader: {self.matched}/{self.spellings}; "
                f"typed width forms matching: {self.typed_matched}/{self.typed}; "
                f"width variants added: {self.variants_added}; "
                f"GIFT short answers matching: {self.gift_matched}/{self.gift_spellings} "
                f"(+{self.gift_arrows} with '->', left out and warned); essay fallthroughs: {self.essays}; "
                f"cloze spellings with \\# or \\}} left out and warned: {self.cloze_left_out}")


def typed_forms(spelling: str) -> list[str]:
    """How a student may type `spelling` with an IME: each width, and with a trailing ideographic space."""
    forms = [f for v in width_variants(spelling) for f in ((v, v + IDEOGRAPHIC_SPACE) if not v.isascii() else (v,))]
    return [f for f in forms if f != spelling]


def audit(bank: Bank) -> Audit:
    items = tuple(i for i in Selection().apply(bank) if not i.truefalse)  # one asked as true/false has no answer to type
    out = Audit()
    root = moodle_tree(export(bank, ExportFormat.MOODLE_XML, rng=random.Random(0)).text)
    questions = {q.findtext("name/text"): q for q in root if q.get("type") != "category"}
    for item in items:
        accepted = [a.strip() for a in bank.accepted(item) if a.strip()]
        sa = questions[f"{item.id}-sa"]
        patterns = [a.findtext("text") or "" for a in sa.findall("answer")]
        out.variants_added += len(patterns) - len({unicodedata.normalize("NFC", a).casefold() for a in accepted})
        for spelling in accepted:
            out.check(f"{item.id}-sa", patterns, spelling)
            for form in typed_forms(spelling):
                out.check(f"{item.id}-sa", patterns, form, typed=True)
        cloze = questions.get(f"{item.id}-cloze")
        if cloze is not None and item.cloze is not None:
            _audit_cloze(out, item, accepted, cloze_answers(cloze.findtext("questiontext/text") or ""))
    for name, q in questions.items():
        if q.get("type") == "matching":
            titles = {r.ja.strip(" \t\n\r\0\x0b") for e in bank.entities for r in e.roles}  # PHP trim
            for sub in q.findall("subquestion"):
                # a matching answer is a choice shown as it is, not a pattern: `\\*` in a title is two characters
                out.check(str(name), sorted(titles), sub.findtext("answer/text") or "", exact=True)
    _audit_gift(out, bank, items)
    return out


def _audit_cloze(out: Audit, item: Item, accepted: list[str], blanks: list[list[tuple[str, float]]]) -> None:
    assert item.cloze is not None
    own = [seg.strip() for seg, blank in cloze_parts(item.cloze.ja) if blank]
    for text, alts in zip(own, blanks, strict=True):
        patterns = [a for a, _ in alts]
        whole = unicodedata.normalize("NFKC", text).casefold() == unicodedata.normalize("NFKC", item.answer.ja).casefold().strip()
        for spelling in accepted if whole else [text]:
            if "\\#" in spelling or "\\}" in spelling:  # Moodle reads these as escapes: left out, with a warning
                out.cloze_left_out += 1
                continue
            out.check(f"{item.id}-cloze", patterns, spelling)


def _audit_gift(out: Audit, bank: Bank, items: tuple[Item, ...]) -> None:
    gift = {q.name: q for q in read_gift(export(bank, ExportFormat.GIFT, rng=random.Random(0)).text)}
    out.essays += sum(q.qtype == "essay" for q in gift.values())
    for item in items:
        sa = gift.get(f"{item.id}-sa")
        patterns = [a for a, _ in sa.answers] if sa is not None else []
        for spelling in (a.strip() for a in bank.accepted(item) if a.strip()):
            if "->" in spelling:
                out.gift_arrows += 1
                continue
            ok = any(moodle_matches(p, spelling) for p in patterns)
            out.gift_spellings, out.gift_matched = out.gift_spellings + 1, out.gift_matched + ok
            if not ok:
                out.failures.append(f"gift {item.id}-sa: {spelling!r} matches none of {patterns!r}")
