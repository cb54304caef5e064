"""Candidate rule for key phrases (the content noun phrases a reading-comprehension blank asks for),
and the noun chunker the forum and stance rules share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen.bank.model import Category, EntityType, ItemKind
from quizgen.extract.lexicon import Mention
from quizgen.extract.nlp import Token, runs
from quizgen.extract.rules.candidate import Candidate
from quizgen.extract.sentences import Sentence

# Nouns too general to be worth a blank on their own.
_GENERIC_WORDS = """
状況 方向 関係 動き 形 ポイント 可能性 姿勢 意見 問題 必要 必要性 一方 今後 現在 時点 場合 結果 面 点 側 中心 前 後 間 際
両国 両首脳 首脳 国 各国 自国 当事者 今回 次 全て すべて 全体 取り組み 努力 役割 立場 考え 考え方 話 段階 意味 方法 分野
前者 後者 以来 自身 同氏 同国 話題 行方 重要 一段 一層 大国 国際 地域 世界 情勢 事項 対応 影響 能力 方針 目的 双方
協力 会談 記者団 枠組み 首脳ら 首都 詳細 具体策 発言 声明 会議 首脳会議
"""
GENERIC = frozenset(_GENERIC_WORDS.split())  # also no stance's answer (`quizgen.extract.facts`)
_PHRASE_BEFORE = frozenset("をにでへやがとの)）")
_KANJI_OR_KATAKANA = re.compile(r"[\u30a1-\u30fa\u4e00-\u9fff]")


def phrases(s: Sentence, tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[Candidate]:
    """Content noun phrases of a sentence (what a reading-comprehension blank would ask for)."""
    if len(s.text) < 15:
        return []
    covered = [(m.start, m.full_end) for m in mentions]
    out = [_candidate(s, tokens, start, end) for start, end in _chunk_spans(s.text, tokens)
           if _content(s.text, tokens, covered, start, end) and _asks_a_fact(s.text, mentions, start, end)]
    spans = {(c.start, c.end) for c in out}
    keys = [c for c in _statement_keys(s) if (c.start, c.end) not in spans]
    return out + [c for c in map(_region_named, out) if c is not None] + keys


# a short quoted statement: its noun phrase (kanji, katakana and の only), a particle, the predicate; then a verb of
# saying (「（歴史上最高の状態）にある」と強調し, 「（史上最良の時期）にある」と述べた)
_STATEMENT = re.compile(r"「([\u30a1-\u30fa\u30fc\u4e00-\u9fff]+(?:の[\u30a1-\u30fa\u30fc\u4e00-\u9fff]+)*)"
                        r"(?:に|を|が|では|には|で)[\u3040-\u309f\u4e00-\u9fff]{1,10}」")


def _statement_keys(s: Sentence) -> list[Candidate]:
    """The key words of each short statement quoted in the sentence, whole (the analyser may cut 歴史上 from
    最高の状態); `quizgen.extract.facts.statement_key` says whether the quote is a statement someone made."""
    return [Candidate(s, Category.POSITIONS, ItemKind.STANCE, m.group(1), m.start(1), m.end(1), "語句", "phrase")
            for m in _STATEMENT.finditer(s.text) if 2 <= len(m.group(1)) <= 20]


# a city after the part of the country it lies in: 南部ロストフナドヌー, 極東ハバロフスク (holdout_v19)
_REGION_THEN_NAME = re.compile(r"(?:南部|北部|東部|西部|中部|南東部|北東部|南西部|北西部|極東|中央部)"
                               r"([\u30a1-\u30fa\u30fc・]{3,})")


def _region_named(c: Candidate) -> Candidate | None:
    """The katakana place of a phrase that names it after its region (南部（ロストフナドヌー）の軍施設): the
    place, asked as one, the region word staying in the prompt."""
    m = _REGION_THEN_NAME.fullmatch(c.answer)
    if m is None:
        return None
    start = c.start + m.start(1)
    return Candidate(c.sentence, Category.FORUMS, ItemKind.PLACE, m.group(1), start, c.end, "場所", "place")


def _chunk_spans(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Noun chunks, and each chunk joined to the one before it, in text order."""
    spans: set[tuple[int, int]] = set()
    for start, end, _phrase in noun_chunks(text, tokens):
        spans.add((start, end))
        joined = chunk_ending_at(text, tokens, end)
        if joined and joined[1] < start:
            spans.add((joined[1], end))
    return sorted(spans)


def _content(text: str, tokens: Sequence[Token], covered: list[tuple[int, int]], start: int, end: int) -> bool:
    """A phrase of 2-20 characters with a content noun, no digits, not generic, not inside a mention."""
    phrase = text[start:end]
    if (len(phrase) < 2 or len(phrase) > 20 or phrase in GENERIC or not _KANJI_OR_KATAKANA.search(phrase)
            or any(a <= start and end <= b for a, b in covered) or re.search(r"\d", phrase)):
        return False
    return not all(tok.surface in GENERIC or tok.pos[0] != "名詞" for tok in tokens if start <= tok.start < end)


def _asks_a_fact(text: str, mentions: Sequence[Mention], start: int, end: int) -> bool:
    """Not cut after a number, not a person's name or names only, and followed by a particle that makes it a fact."""
    phrase = text[start:end]
    if text[start - 1:start].isdigit() or any(
            m.type is EntityType.PERSON and start <= m.start and m.end <= end for m in mentions):
        return False  # 「5月の…」 cut after a number; a phrase holding a person's name (the entity rule asks for it)
    rest = phrase
    for m in mentions:
        if start <= m.start and m.end <= end:
            rest = rest.replace(m.surface, "")
    if not rest.strip("のとや・、"):
        return False  # 「中国とロシア」: only names, which the entity rule already asks for
    after = text[end:end + 1]
    # a phrase before し/する/な/は is usually a predicate or a topic, not a fact to ask for
    return not (after not in _PHRASE_BEFORE or (len(phrase) < 3 and after != "を") or (after == "の" and len(phrase) < 5))


# A name the bank does not know, told by what its last word says it is: a port, a hall, a strait (寧波舟山港,
# 人民大会堂, 宗谷海峡) is a place; a bureau, a ministry, a committee or an institute (中国海警局,
# 北極海航路協力分科会) is an organisation. One compound: no の, と, や or comma inside, no reading in brackets.
_PLACE_END = re.compile(r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff]{2,}"
                        r"(?:港|湾|海峡|海|島|諸島|半島|大会堂|会堂|宮殿|宮|広場|空港|基地)$")
_BODY_END = re.compile(r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff]{2,}"
                       r"(?:局|省|庁|署|分科会|委員会|研究所|研究院|学院|機構|公社|通信社)$")
# a province of China (中国黒竜江省, 福建省): 省 of a place, never a ministry (holdout_v27: 「中国黒竜江省の黒河市」 was
# asked 「（　　）に入る組織はどこか」)
_PROVINCE = re.compile(r"(?:中国)?(?:黒竜江|吉林|遼寧|河北|山東|山西|陝西|河南|湖北|湖南|広東|浙江|江蘇|江西|安徽|福建|海南"
                       r"|四川|雲南|貴州|甘粛|青海|台湾)省$")
_NOT_ONE_NAME = re.compile(r"[のとや、・]|^(?:同|各|両|当|関係|政府|地元|現地|国内|海外|外国|主要)")


def named_kind(phrase: str) -> ItemKind | None:
    """What a noun phrase the bank does not know names, by its last word: a place (…港, …大会堂, …海峡), an
    organisation (…局, …省, …分科会, …研究所), or None (a phrase, a stance)."""
    if _NOT_ONE_NAME.search(phrase) or len(phrase) < 4:
        return None  # 大変局 (百年に一度の大変局) is no bureau: a name is longer
    if _PLACE_END.fullmatch(phrase) or _PROVINCE.fullmatch(phrase):
        return ItemKind.PLACE
    return ItemKind.ORGANISATION if _BODY_END.fullmatch(phrase) else None


def _quoted(text: str, at: int) -> bool:
    return text[:at].count("「") > text[:at].count("」")


def _candidate(s: Sentence, tokens: Sequence[Token], start: int, end: int) -> Candidate:
    phrase = s.text[start:end]
    inside = [t for t in tokens if start <= t.start < end]
    if inside and all(t.is_place for t in inside):  # a place the bank does not know yet (アスタナ)
        kind = ItemKind.COUNTRY if all(t.pos[3] == "国" for t in inside) else ItemKind.PLACE
        return Candidate(s, Category.FORUMS, kind, phrase, start, end, "国" if kind is ItemKind.COUNTRY else "場所",
                         "place")
    named = None if _quoted(s.text, start) else named_kind(phrase)
    if named is ItemKind.PLACE:
        return Candidate(s, Category.FORUMS, named, phrase, start, end, "場所", "place")
    if named is ItemKind.ORGANISATION:
        return Candidate(s, Category.ACTORS, named, phrase, start, end, "組織", "named")
    return Candidate(s, Category.POSITIONS, ItemKind.STANCE, phrase, start, end, "語句", "phrase")


# ---------------------------------------------------------------- noun chunks


def _is_chunk_token(t: Token) -> bool:
    return (t.pos[0] in ("名詞", "接頭辞", "接尾辞", "形状詞") or t.surface in ("・",)) and t.pos[1] != "数詞" \
        and t.surface not in ("こと", "もの", "ため", "よう", "中", "上", "これ", "それ")


# a chunk that starts with a counter belongs with the number before it (主要7か国首脳会議 is one name, never
# 「か国首脳会議」: holdout_v16, untuned)
_COUNTER_FIRST = re.compile(r"(?:か国|カ国|ヵ国|ヶ国|ケ国|箇国)")
_NUMBER_BEFORE = re.compile(r"[0-9０-９]+$")


def noun_chunks(text: str, tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int]] = []
    for start, end in runs(tokens, _is_chunk_token):
        number = _NUMBER_BEFORE.search(text, 0, start)
        if _COUNTER_FIRST.match(text, start) and number is not None and number.end() == start:
            start = number.start()
            if spans and spans[-1][1] == start:
                start = spans.pop()[0]
        spans.append((start, end))
    return [(start, end, text[start:end]) for start, end in spans]


def chunk_ending_at(text: str, tokens: Sequence[Token], pos: int) -> tuple[str, int] | None:
    """The noun phrase that ends at `pos`, joined over の/と/や between nouns and 形状詞+な (緊密な交流)."""
    idx = next((k for k, t in enumerate(tokens) if t.end == pos), None)
    if idx is None or not _is_chunk_token(tokens[idx]):
        return None
    k = idx
    while k > 0:
        prev = tokens[k - 1]
        if _is_chunk_token(prev):
            k -= 1
        elif prev.surface in ("の", "と", "や", "な") and k > 1 and _is_chunk_token(tokens[k - 2]) and (
                prev.surface != "な" or tokens[k - 2].pos[0] == "形状詞" or "形状詞可能" in tokens[k - 2].pos[2]):
            if len(text[tokens[k - 2].start:pos]) > 20:
                break
            k -= 2
        elif prev.surface == "の" and k > 2 and tokens[k - 2].surface in ("へ", "から", "で", "と") and \
                _is_chunk_token(tokens[k - 3]) and len(text[tokens[k - 3].start:pos]) <= 20:
            k -= 3  # 停戦への支持, 中国からの支援
        else:
            break
    start = tokens[k].start
    if (head := glossed_head(text, start)) is not None and pos - head.start() <= GLOSSED_MOST:
        start = head.start()  # 米本土ミサイル防衛（NMD）構想: one name, not 構想
    phrase = text[start:pos]
    if len(phrase) < 2 or phrase in ("支持", "支援", "懸念", "意向", "意思", "姿勢"):
        return None
    return phrase, start


# the start of a name cut by its abbreviation in brackets: 弾道弾迎撃ミサイル（ABM） before 制限条約 (holdout_v31)
_GLOSSED_HEAD = re.compile(r"([\u4e00-\u9fff\u30a1-\u30fa\u30fc・]{2,20})[（(]([A-Za-z0-9Ａ-Ｚ]{2,8})[）)]$")
GLOSSED_MOST = 30  # a name with its gloss is at most this long


def glossed_head(text: str, start: int) -> re.Match[str] | None:
    """The name and its abbreviation in brackets right before `start` (米本土ミサイル防衛（NMD） before 構想), or None."""
    return _GLOSSED_HEAD.search(text, 0, start)
