"""Entity linking: find the bank's known entities (by name and alias) and propose new people.

Known entities keep the bank's own reading (Sudachi misreads names such as 習近平);
only people the bank does not know get a reading from the NLP backend.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.extract.nlp import Token
from quizgen.japanese import kana_to_romaji
from quizgen.model import Bank, EntityType

# Titles that may follow a name (longest first when matching).
TITLES: tuple[str, ...] = tuple(sorted((
    "国家主席", "総書記", "主席", "大統領", "副大統領", "首相", "副首相", "外相", "外務大臣", "外務相", "国防相",
    "国防大臣", "防衛相", "書記", "指導者", "議長", "長官", "報道官", "大使", "事務総長", "国王", "皇太子",
    "次官", "外務次官", "委員長", "国務委員", "補佐官", "司令官", "総理", "党首", "特使", "首席", "首脳",
    "研究員", "教授", "代表", "大臣", "知事", "市長", "総裁", "会長", "社長", "外交部長", "部長", "局長",
), key=len, reverse=True))
_HONORIFICS = ("氏", "さん", "様")
_JA_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_KATAKANA_NAME = re.compile(r"^[\u30a1-\u30fa\u30fc・]{2,}$")


@dataclass(frozen=True)
class Mention:
    """A named thing in a sentence: a known entity, or a person the bank does not know yet."""

    surface: str  # the name as written (without title or honorific)
    start: int  # offsets in the sentence
    end: int  # end of the name, before any title
    type: EntityType
    entity: str | None  # bank entity id, None for a new person
    title: str | None = None  # a title written right after the name (国家主席, 外相 …)
    full_end: int = 0  # end of name + title + honorific
    reading: str | None = None  # hiragana; for new people only (from the NLP backend)


class Lexicon:
    """The bank's entities as surface forms, matched longest-first."""

    def __init__(self, bank: Bank) -> None:
        forms: dict[str, tuple[str, EntityType]] = {}
        self.single: dict[str, str] = {}  # one-kanji surnames (習): matched only before は/が/の/と/も
        for e in bank.entities:
            for form in (e.ja, *e.aliases):
                if not _JA_RE.search(form) and not re.fullmatch(r"[A-Z0-9]{2,8}", form):
                    continue  # English spellings never occur in a Japanese article as names
                if len(form) == 1 and e.type is EntityType.PERSON and re.fullmatch(r"[\u4e00-\u9fff]", form):
                    self.single.setdefault(form, e.id)
                    continue
                if len(form) < 2 or form in ("にっぽん",) or re.fullmatch(r"[\u3041-\u3096ー]+", form):
                    continue  # single characters (中, 露, 米) and kana readings match too much
                forms.setdefault(form, (e.id, e.type))
        self.forms = forms
        self._by_length = sorted(forms, key=len, reverse=True)
        self.bank = bank
        self._pattern = re.compile("|".join(re.escape(f) for f in self._by_length)) if forms else None

    def known(self, text: str) -> list[Mention]:
        """Known entity mentions in `text`, longest match first, never overlapping."""
        if self._pattern is None:
            return []
        out: list[Mention] = []
        for m in self._pattern.finditer(text):
            eid, etype = self.forms[m.group(0)]
            surface, end = m.group(0), m.end()
            title = None
            if etype is EntityType.PERSON:
                surface, title = _split_title(surface)
                end = m.start() + len(surface)
                if title is None:
                    title = _title_after(text, m.end())
            full_end = _full_end(text, end, title)
            out.append(Mention(surface, m.start(), end, etype, eid, title, full_end))
        for ch, eid in self.single.items():
            for m in re.finditer(rf"(?<![\u3400-\u9fff]){re.escape(ch)}(?=[はがのとも][^\u3400-\u9fff]?)", text):
                if not any(k.start <= m.start() < k.full_end for k in out):
                    out.append(Mention(ch, m.start(), m.end(), EntityType.PERSON, eid, None, m.end()))
        return sorted(out, key=lambda k: k.start)

    def new_people(self, text: str, tokens: Sequence[Token], known: Sequence[Mention]) -> list[Mention]:
        """People the NLP backend tags as names (or katakana words before a title) that the bank lacks."""
        taken = [(k.start, k.full_end) for k in known]
        out: list[Mention] = []
        i = 0
        while i < len(tokens):
            t = tokens[i]
            katakana_titled = (_KATAKANA_NAME.match(t.surface) is not None and i + 1 < len(tokens)
                               and tokens[i + 1].surface in TITLES)
            if not (t.is_person or katakana_titled):
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and (tokens[j].is_person or (tokens[j].surface == "・" and j + 1 < len(tokens)
                                                                and tokens[j + 1].is_person)):
                j += 1
            start, end = t.start, tokens[j - 1].end
            surface = text[start:end]
            i = j
            if any(a < end and start < b for a, b in taken) or surface in self.forms or len(surface) < 2:
                continue
            title = _title_after(text, end)
            honorific = text[end:end + 1] in _HONORIFICS
            if title is None and not honorific and not any(x.is_person for x in tokens[i - 1:i]):
                continue
            reading = "".join(x.reading for x in tokens if start <= x.start < end and x.surface != "・")
            out.append(Mention(surface, start, end, EntityType.PERSON, None, title, _full_end(text, end, title),
                               reading or None))
        return out


def new_entity_id(mention: Mention) -> str:
    """A readable id for a proposed person: romaji of the reading, else a code-point digest."""
    romaji = kana_to_romaji(mention.reading or "")
    slug = re.sub(r"[^a-z0-9]+", "-", romaji).strip("-")
    if not slug:
        slug = "u" + "-".join(f"{ord(c):x}" for c in mention.surface[:3])
    return f"new-{slug}"


def _split_title(surface: str) -> tuple[str, str | None]:
    for honorific in _HONORIFICS:
        if surface.endswith(honorific) and len(surface) > len(honorific) + 1:
            return surface[: -len(honorific)], None
    for title in TITLES:
        if surface.endswith(title) and len(surface) > len(title) + 1:
            return surface[: -len(title)], title
    return surface, None


def _title_after(text: str, pos: int) -> str | None:
    for title in TITLES:
        if text.startswith(title, pos):
            return title
    return None


def _full_end(text: str, end: int, title: str | None) -> int:
    if title is not None and text.startswith(title, end):
        end += len(title)
    if text[end:end + 1] in _HONORIFICS:
        end += 1
    return end
