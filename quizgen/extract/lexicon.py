"""Entity linking: find the bank's known entities (by name and alias) and propose new people.

Known entities keep the bank's own reading (Sudachi misreads names such as 習近平). A new person's
reading is one that cannot be wrong: a katakana name read as written, or the reading the article
glosses after the name (習近平(しゅう・きんぺい)); otherwise it is unknown (None) and the reviewer is
asked, never a dictionary guess (Sudachi reads 張暁剛 as ちょうあきらつよし). Compounds of country
abbreviations (中露, 日米) are never people.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from quizgen.bank.model import Bank, EntityType
from quizgen.extract.nlp import Token, runs
from quizgen.japanese.kana import fold_kana, kana_to_romaji
from quizgen.japanese.titles import HONORIFICS, TITLES_AFTER_NAME

_JA_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_KATAKANA_NAME = re.compile(r"^[\u30a1-\u30fa\u30fc・]{2,}$")
_GEO_SUFFIX = re.compile(r"(海峡|海|湾|半島|列島|諸島|大陸|沖)(?![\u3400-\u9fff])")
_KANJI = re.compile(r"[\u3400-\u9fff]")
_WHERE = (EntityType.COUNTRY, EntityType.PLACE)
# The noun run right before a name, through の or not: 「独南部ミュンヘンの」「ミュンヘン」
_QUALIFIER = re.compile(r"([\u30a1-\u30fa\u30fc\u3400-\u9fffA-Za-z]+)(の)?$")
# A name written right before a title that the analyser does not know: 「ペスコフ報道官」「セルゲイ・リピン副司令官」
# (katakana), 「外務省の林剣報道官」「北京大学の王緝思教授」 (two to four kanji after の or at a clause start).
_NAME_BEFORE = re.compile(r"(?:[\u30a1-\u30fa][\u30a1-\u30fa\u30fc]+(?:[・=＝][\u30a1-\u30fa][\u30a1-\u30fa\u30fc]+)*"
                          r"|[\u3400-\u9fff]{2,4})$")
# Kanji runs before a title that are roles or places, not names: 駐日大使, 同外相, 各国首脳, 財務長官 …
_NOT_A_NAME = re.compile(r"^(駐|同|両|各|諸|全|歴代|当時|現|前|元|新|次期|首席|特別|外務|国防|国務|財務|法務|内務|商務|"
                         r"防衛|経済|安保|官房|報道|事務|政府|国連|国家|党|軍|大統領|首相|主任|上級|担当)|"
                         r"(省|府|庁|局|部|院|会|国|軍|党|所|団|隊|室|課|担当|大学|政府)$")
# 中露, 中ロ, 日米, 米中韓: one-character country abbreviations joined, never a person's name.
_COUNTRY_ABBREVIATIONS = re.compile(r"^[中露ロ米日韓朝英仏独印欧豪加伊台越比泰墨伯露]{2,4}$")
_NOT_A_TITLE = frozenset({"首脳", "首脳ら", "両首脳"})  # 中露首脳, 各国首脳: a group, not a name and a title
# The article's own reading after a name: 習近平(しゅう・きんぺい), 張暁剛（ちょう・ぎょうごう）
_GLOSS = re.compile(r"[(（]([\u3041-\u309f・ー]{2,20})[)）]")
GLOSS_AFTER_KANJI = re.compile(r"(?<=[\u3400-\u9fff])[(（][\u3041-\u309f・ー]{2,20}[)）]")  # a reading, not a fact
_KATAKANA_ONLY = re.compile(r"^[\u30a1-\u30fa\u30fc・=＝]+$")
_KATAKANA_WORDS = frozenset({"トップ", "センター", "チーム", "グループ", "メンバー", "スタッフ", "シンクタンク", "プロジェクト",
                             "プログラム", "ユニット", "オフィス", "ホワイトハウス", "フォーラム", "ネットワーク", "クラブ",
                             "ユニオン", "ファンド", "メディア", "サービス", "システム", "コンサルティング"})
# Organisations the bank does not know: a noun compound ending in one of these (中国国防省, カーネギー国際平和財団).
_COMPANY = ("会社", "企業", "大手")
ORG_SUFFIX = re.compile(r"(省|大統領府|首相府|官邸|庁|総署|総局|監部|司令部|艦隊|委員会|財団|研究所|研究院|学院|大学|"
                        r"機構|理事会|議会|銀行|通信|新聞|放送|公社|党|連盟|協会)$")
# A ministry named in three kanji (防衛省, 外務省, 国防省; not 同省, 各省, 本省)
_MINISTRY = re.compile(r"(?![同各本両当全])[\u4e00-\u9fff]{2}省")
# Compounds that hide a country without being worth asking about (中国政府, ロシア側): they only stop the
# country inside them from being blanked on its own.
_COVER_ONLY = re.compile(r"(政府|当局|側|外務省|国防省|外交部|国防部|大統領府|国営メディア)$")


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


def province(tokens: Sequence[Token], end: int) -> bool:
    """Whether the compound ending at `end` ends in a province, not a ministry: 省 of a place name (福建省 as one
    place token, or 黒竜江 + 省), never 外務省."""
    last = next((k for k, t in enumerate(tokens) if t.end == end), None)
    if last is None or not tokens[last].surface.endswith("省"):
        return False
    t = tokens[last]
    return t.is_place or (t.surface == "省" and last > 0 and tokens[last - 1].is_place)


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
        # A short name that a fuller name of the same entity ends with, qualified by a country or a place (安全保障会議
        # of ロシア連邦安全保障会議): the qualifiers the fuller names add (ロシア連邦, ロシア); see `_qualified_otherwise`.
        self.qualifiers: dict[str, frozenset[str]] = {}
        for e in bank.entities:
            names = [n for n in (e.ja, *e.aliases) if _JA_RE.search(n)]
            for form in names:
                quals = frozenset(n[: -len(form)] for n in names if n != form and n.endswith(form))
                if forms.get(form, ("",))[0] == e.id and any(forms.get(q, ("", None))[1] in _WHERE for q in quals):
                    self.qualifiers[form] = quals  # a country's or a place's body: 安全保障会議, 外務省
        by_length = sorted(forms, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(f) for f in by_length)) if forms else None
        self._title_pattern = re.compile("|".join(re.escape(t) for t in TITLES_AFTER_NAME))

    def known(self, text: str, tokens: Sequence[Token] = ()) -> list[Mention]:
        """Known entity mentions in `text`, longest match first, never overlapping.

        With the analyser's `tokens`, a match must not end inside a word (日本 in 日本海 is not Japan).
        """
        if self._pattern is None:
            return []
        inside = {i for t in tokens for i in range(t.start + 1, t.end)}
        out: list[Mention] = []
        for m in self._pattern.finditer(text):
            if m.end() in inside or m.start() in inside or _GEO_SUFFIX.match(text, m.end()):
                continue
            if self._qualified_otherwise(text, m.start(), m.group(0), tokens):
                continue
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

    def _qualified_otherwise(self, text: str, start: int, form: str, tokens: Sequence[Token]) -> bool:
        """Whether a short name (安全保障会議, which a fuller name of its entity qualifies: ロシア連邦安全保障会議) is
        qualified in `text` by something its entity's names are not: 「独南部ミュンヘンの安全保障会議」 (a qualifier before
        の that no fuller name holds) or 「ミュンヘン安全保障会議」 (a place written onto it) is another body or forum of
        that name (newuser7 #8: the Munich Security Conference was answered ロシア連邦安全保障会議). 「ロシアの安全保障会議」
        and 「パトルシェフ安全保障会議書記」 (a person's name before it) stay the entity."""
        quals = self.qualifiers.get(form)
        if not quals:
            return False
        before = _QUALIFIER.search(text, 0, start)
        if before is None:
            return False
        q = before.group(1)
        if any(p and (p in q or q in p) for p in quals):
            return False
        if before.group(2):
            return True  # Xの安全保障会議, X none of the entity's own qualifiers
        return any(t.end == start and t.is_place for t in tokens) or self.forms.get(q, ("", None))[1] in _WHERE

    def new_people(self, text: str, tokens: Sequence[Token], known: Sequence[Mention]) -> list[Mention]:
        """People the bank lacks: names the analyser tags (with a title, 氏, or as a full name), and names
        written right before a title (「外務省の毛寧報道官」「ペスコフ報道官」) that the analyser does not tag."""
        taken = [(k.start, k.full_end) for k in known]
        out: list[Mention] = []

        def add(start: int, end: int, title: str | None) -> None:
            surface = text[start:end]
            surname = title is not None and any(t.start == start and t.end == end and t.pos[2:4] == ("人名", "姓")
                                                 for t in tokens)  # 岸防衛大臣, 林官房長官: a one-kanji surname
            if any(a < end and start < b for a, b in taken) or surface in self.forms or (len(surface) < 2 and not surname):
                return
            if _COUNTRY_ABBREVIATIONS.match(surface) or title in _NOT_A_TITLE:
                return  # 中露首脳: two countries' leaders, not a person called 中露
            out.append(Mention(surface, start, end, EntityType.PERSON, None, title, _full_end(text, end, title),
                               person_reading(text, start, end)))
            taken.append((start, out[-1].full_end))

        for start, end, title in _tagged_names(text, tokens):
            add(start, end, title)
        for tm in self._title_pattern.finditer(text):
            if _KANJI.match(text[tm.end():tm.end() + 1]) or any(
                    a < tm.end() and tm.start() < b and not (tm.start() <= a and b <= tm.end()) for a, b in taken):
                continue  # 大統領府, 首相官邸: the title is part of a longer word (国連 of 国連大使 is part of the title)
            nm = _NAME_BEFORE.search(text, 0, tm.start())
            if nm is not None and _name_before_title(text, tokens, nm):
                add(nm.start(), nm.end(), tm.group(0))
        return sorted(out, key=lambda m: m.start)

    def unknown_things(self, text: str, tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[Mention]:
        """Organisations (noun compounds ending in 省, 財団, 研究所 …) and places the bank does not know.

        Returns (a) the new mentions and (b) `cover` mentions with type ORGANISATION and entity "" for compounds
        such as 中国政府 that only hide the country inside them; the caller drops known mentions inside either.
        """
        out: list[Mention] = []
        people = [(m.start, m.full_end) for m in mentions if m.type is EntityType.PERSON]
        for start, end in _compounds(tokens):
            phrase = text[start:end]
            if phrase in self.forms or any(a < end and start < b for a, b in people) or len(phrase) < 3:
                continue
            if ORG_SUFFIX.search(phrase) and not _COVER_ONLY.fullmatch(phrase) and (not re.fullmatch(
                    r"[\u3400-\u9fff]{1,3}", phrase) or _MINISTRY.fullmatch(phrase)) and not province(tokens, end):
                out.append(Mention(phrase, start, end, EntityType.ORGANISATION, None, None, end))
            elif (cover := _COVER_ONLY.search(phrase)) is not None and cover.start() > 0:
                out.append(Mention(phrase, start, end, EntityType.ORGANISATION, "", None, end))
        out += self._named_companies(text, tokens, [(m.start, m.full_end) for m in [*mentions, *out]])
        covered = [(m.start, m.full_end) for m in [*mentions, *out]]
        return out + self._unknown_places(text, tokens, covered)

    def _named_companies(self, text: str, tokens: Sequence[Token], covered: list[tuple[int, int]]) -> list[Mention]:
        """A name right after the word for a company (国営ガス会社ガスプロム): an organisation."""
        out: list[Mention] = []
        for before, t in itertools.pairwise(tokens):
            if (before.surface.endswith(_COMPANY) and t.pos[:3] == ("名詞", "固有名詞", "一般") and len(t.surface) >= 2
                    and t.surface not in self.forms and not any(a < t.end and t.start < b for a, b in covered)):
                out.append(Mention(t.surface, t.start, t.end, EntityType.ORGANISATION, None, None, t.end))
        return out

    def _unknown_places(self, text: str, tokens: Sequence[Token], covered: list[tuple[int, int]]) -> list[Mention]:
        """Places (and countries) the analyser tags that no mention covers: 宗谷海峡, 日本海, a country's name; and
        places it does not tag, named by the word around them (`_named_places`)."""
        out: list[Mention] = self._named_places(text, tokens, covered)
        covered = covered + [(m.start, m.end) for m in out]
        for k, t in enumerate(tokens):
            if not t.is_place or len(t.surface) < 2:
                continue
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is not None and _GEO_SUFFIX.fullmatch(nxt.surface):
                end = nxt.end
                if not any(a < end and t.start < b for a, b in covered):
                    out.append(Mention(text[t.start:end], t.start, end, EntityType.PLACE, None, None, end))
                continue  # 日本海, 宗谷海峡
            if t.surface in self.forms or (nxt is not None and (nxt.is_noun or nxt.surface in "・=＝")):
                continue  # part of a longer name (ユーラシアセンター, 宗谷海峡)
            if k > 0 and (tokens[k - 1].is_proper or tokens[k - 1].surface in "・=＝"):
                continue
            if any(a < t.end and t.start < b for a, b in covered):
                continue
            etype = EntityType.COUNTRY if len(t.pos) > 3 and t.pos[3] == "国" else EntityType.PLACE
            out.append(Mention(t.surface, t.start, t.end, etype, None, None, t.end))
        return out

    def _named_places(self, text: str, tokens: Sequence[Token], covered: list[tuple[int, int]]) -> list[Mention]:
        """Places the analyser does not tag as places, named by the word around them (holdout_v26, v27): a name
        and the word for a city or a site (（黒河市）, read 黒河 as a surname; （ツゴル演習場）), a region's name and
        its 地方 or 州 (（ザバイカル地方）), and a katakana name right after the word for a region's capital
        (州都（ブラゴベシチェンスク）) or for a part of a country (南部（ソチ）)."""
        out: list[Mention] = []
        for k, t in enumerate(tokens):
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            before = tokens[k - 1] if k > 0 else None
            span: tuple[int, int] | None = None
            katakana = _KATAKANA_ONLY.match(t.surface) is not None and len(t.surface) >= 3 and not t.is_place
            if nxt is not None and nxt.start == t.end and t.surface not in self.forms and (
                    (nxt.surface in _CITY and (t.is_proper or katakana))
                    or (nxt.surface in _SITE and (t.is_place or katakana))):
                span = (t.start, nxt.end)
            elif before is not None and before.end == t.start and (nxt is None or not nxt.is_noun) and not t.is_place \
                    and ((katakana and before.surface in _CAPITAL_OF) or (_KATAKANA_ONLY.match(t.surface) and len(
                        t.surface) >= 2 and REGION_PART.fullmatch(before.surface))):
                span = (t.start, t.end)
            if span is None or (before is not None and before.is_proper and before.end == t.start) or \
                    any(a < span[1] and span[0] < b for a, b in covered):
                continue
            out.append(Mention(text[span[0]:span[1]], span[0], span[1], EntityType.PLACE, None, None, span[1]))
        return out


_CITY = frozenset({"市", "州", "地方", "川"})  # 黒河市, アムール州, ザバイカル地方, アムール川
_SITE = frozenset({"演習場", "射爆場", "基地", "港", "空港", "宇宙基地", "ガス田", "油田"})  # ツゴル演習場
REGION_PART = re.compile(r"(?:[東西南北]|北東|北西|南東|南西|中)部")  # 南部（ソチ）: a city after its country's part
REGION_CAPITAL = frozenset({"州都", "省都", "県都"})  # not 首都（北京）: the capital of a country the prompt names
_CAPITAL_OF = REGION_CAPITAL | {"港湾都市"}  # 州都ブラゴベシチェンスク


def person_reading(text: str, start: int, end: int) -> str | None:
    """The hiragana reading of the name text[start:end] where it is certain, else None (see the module doc)."""
    name = text[start:end]
    if _KATAKANA_ONLY.match(name):
        return fold_kana(re.sub(r"[・=＝]", "", name))
    gloss = _GLOSS.match(text, end)
    return gloss.group(1).replace("・", "") if gloss else None


def _compounds(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Maximal runs of nouns (no numerals), as character spans."""
    return runs(tokens, lambda t: t.is_noun and t.pos[1] != "数詞")


def new_entity_id(mention: Mention) -> str:
    """A readable id for a proposed person: romaji of the reading, else a code-point digest."""
    romaji = kana_to_romaji((mention.reading or "").replace("ー", ""))
    slug = re.sub(r"[^a-z0-9]+", "-", romaji).strip("-")
    if not slug:
        slug = "u" + "-".join(f"{ord(c):x}" for c in mention.surface[:3])
    return f"new-{slug}"


def _split_title(surface: str) -> tuple[str, str | None]:
    for honorific in HONORIFICS:
        if surface.endswith(honorific) and len(surface) > len(honorific) + 1:
            return surface[: -len(honorific)], None
    for title in TITLES_AFTER_NAME:
        if surface.endswith(title) and len(surface) > len(title) + 1:
            return surface[: -len(title)], title
    return surface, None


def _title_after(text: str, pos: int) -> str | None:
    """The title written right after a name at `pos`, past a reading gloss (習近平(しゅう・きんぺい)国家主席)."""
    gloss = _GLOSS.match(text, pos)
    pos = gloss.end() if gloss else pos
    for title in TITLES_AFTER_NAME:
        if text.startswith(title, pos):
            return title
    return None


def _tagged_names(text: str, tokens: Sequence[Token]) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, title) of each run of tokens the analyser tags as a person that has a title after it,
    an honorific (氏) or two name parts (a full name)."""
    i = 0
    while i < len(tokens):
        if not tokens[i].is_person:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and (tokens[j].is_person or (tokens[j].surface in "・=＝" and j + 1 < len(tokens)
                                                            and tokens[j + 1].is_person)):
            j += 1
        if j < len(tokens) and len(tokens[j].surface) == 1 and _KANJI.match(tokens[j].surface) and (
                text.startswith(HONORIFICS, tokens[j].end) or _GLOSS.match(text, tokens[j].end)
                or _title_after(text, tokens[j].end) is not None) and _title_after(text, tokens[j].start) is None:
            j += 1  # 彭麗媛さん, 楊潔篪(ようけつち)外相 read 楊 + 潔 + 篪 (a common noun): the name runs to its honorific,
            # reading or title (holdout_v29: 「彭麗」, holdout_v30: 「楊潔」), never into the title (金（総書記）)
        start, end = tokens[i].start, tokens[j - 1].end
        title = _title_after(text, end)
        honorific = text.startswith(HONORIFICS, end)
        full_name = sum(1 for x in tokens[i:j] if x.is_person) >= 2
        i = j
        if title is not None or honorific or full_name:
            yield start, end, title


def _name_before_title(text: str, tokens: Sequence[Token], nm: re.Match[str]) -> bool:
    """Is the run `nm` right before a title a person's name (not a role, a place or a common katakana word)?"""
    name, before = nm.group(0), text[nm.start() - 1:nm.start()]
    inside = [x for x in tokens if nm.start() <= x.start < nm.end()]
    if _KANJI.match(name):
        return (before in ("の", "、", "", "「", " ", "\u3000") and not _NOT_A_NAME.search(name)
                and not any(x.pos[1] in ("数詞",) or x.pos[2] in ("地名", "サ変可能") for x in inside))
    return name not in _KATAKANA_WORDS and not any(x.is_place for x in inside)

def _full_end(text: str, end: int, title: str | None) -> int:
    gloss = _GLOSS.match(text, end)
    if gloss is not None and title is not None and text.startswith(title, gloss.end()):
        end = gloss.end()
    if title is not None and text.startswith(title, end):
        end += len(title)
    if text[end:end + 1] in HONORIFICS:
        end += 1
    return end
