"""Step 4: from a sentence's candidates to its key facts: the blank a teacher would choose.

Every candidate is first judged usable (`usable`): its answer is a whole word (not a fragment such as
シナ海 of 南・東シナ海, not half a token), not bound to a particle or a verb ending (一致した), not a
word the same sentence prints again, not a gloss in brackets, not page furniture. Each usable candidate
becomes a `Fact` with a slot (who, when, where, how many, what…) and a score: how likely a strict teacher
asks it (`score`). A sentence gives its best fact, and a second or third only when they fill other slots
(the lead sentence: who met whom, when and where); the default is then filled up to its size with the
next-best facts that are separate facts of their sentence: `quizgen.extract.ranking.select`.

Pure and deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from quizgen.bank.model import Bank, EntityType, ItemKind
from quizgen.extract import PROTAGONISTS
from quizgen.extract.lexicon import REGION_CAPITAL, REGION_PART
from quizgen.extract.nlp import Token
from quizgen.extract.rules.candidate import Candidate
from quizgen.extract.rules.phrases import GENERIC
from quizgen.japanese.normalise import normalise


class Slot(StrEnum):
    """What a fact answers; one sentence gives at most one fact per slot."""

    WHO = "who"
    WHEN = "when"
    WHERE = "where"
    HOW_MANY = "how-many"
    WHAT = "what"  # a named document, forum or organisation
    WORDS = "words"  # a key term, a stance, a phrase


@dataclass(frozen=True)
class Fact:
    candidate: Candidate
    slot: Slot
    score: int  # 0-100: how likely a strict teacher keeps it
    key: str  # the answer's identity (entity id or normalised answer): each is asked once per article
    order: int  # the sentence's position among the article's sentences

    @property
    def sentence_start(self) -> int:
        return self.candidate.sentence.start


DOCUMENT_END = re.compile(r"(声明|宣言|条約|協定|憲章|文書|計画|構想|戦略|合意|覚書|議定書|決議|白書|法)$")
_VERB_END = re.compile(r"(した|する|している|していた|った|いた|いる|ない|なかった|れた|られた|だ|である|です|ます|ました|い)$")
_GENERIC_MEETING = frozenset({"会談", "会見", "会合", "協議", "首脳会談", "記者会見"})
_NAME_LIKE = re.compile(r"[\u30a1-\u30fa0-9０-９A-Za-z]")  # 「シベリアの力2」: a name, not a slogan
_ATTRIBUTION = re.compile(r"^(?:氏|\S{0,6}?)?(?:の事務局|の事務所|の報道室)?"
                          r"(?:によると|によりますと|によれば|の発表では|の統計では)")
# a person met in a clause that only sets the scene for what was said (…と会談した際、…と表明した)
_MET_IN_PASSING = re.compile(r"[^、。]{0,40}?と(?:会談|会見|面会|会っ)(?:した|する)際")
# …の森田浩之教授, （チャタムハウス）のキーア・ジャイルズ上級顧問, のアレクサンドル・ガブエフ氏（ロシア・ユーラシアセンター所長）
_AFFILIATION = re.compile(r"(?:[（(][^（）()]{1,20}[）)])?の[^、。（()]{0,14}?(?:氏?[（(][^（）()]{0,20}?)?"
                          r"(?:教授|准教授|研究員|主任研究員|首席研究員|上級顧問|顧問|所長|アナリスト|研究官|"
                          r"主任研究官|講師|フェロー|エコノミスト)")
_TITLE_WORDS = frozenset({"最高", "副", "前", "元", "現", "次期", "新", "故", "初代", "臨時", "暫定", "名誉"})
_FURNITURE = frozenset({"ロイター", "共同", "共同通信", "時事", "時事通信", "AP", "AFP", "新華社", "タス"})
_PERSONS_OF_NOTE = frozenset({"xi-jinping", "putin"})  # asked often: once per article is plenty

_BASE: dict[str, int] = {
    "date": 80, "anniversary": 80, "number": 78, "n-years-since": 74, "duration": 70, "speaker": 76,
    "met-whom": 78, "meeting-place": 72, "forum": 74, "quoted": 62, "stance": 45, "phrase": 36, "place": 62, "named": 66,
    "meeting-format": 52, "meeting-mode": 66,  # （オンライン形式）で会談した: how two leaders met is the news
    "vote": 80,  # 中国は（棄権）した: a country's position on a resolution
}
_ENTITY: dict[ItemKind, int] = {
    ItemKind.PERSON: 78, ItemKind.ORGANISATION: 76, ItemKind.FORUM: 76, ItemKind.DOCUMENT: 82,
    ItemKind.PLACE: 70, ItemKind.COUNTRY: 48, ItemKind.EVENT: 52,  # a country blank is guessed from world knowledge
}
_SLOT_OF_KIND: dict[ItemKind, Slot] = {
    ItemKind.PERSON: Slot.WHO, ItemKind.COUNTRY: Slot.WHO, ItemKind.ORGANISATION: Slot.WHAT, ItemKind.FORUM: Slot.WHAT,
    ItemKind.DOCUMENT: Slot.WHAT, ItemKind.PLACE: Slot.WHERE, ItemKind.EVENT: Slot.WHAT, ItemKind.MEETING: Slot.WORDS,
    ItemKind.DATE: Slot.WHEN, ItemKind.NUMBER: Slot.HOW_MANY, ItemKind.ANNIVERSARY: Slot.HOW_MANY,
    ItemKind.DURATION: Slot.HOW_MANY, ItemKind.STANCE: Slot.WORDS, ItemKind.ROLE: Slot.WORDS,
}


def slot_of(c: Candidate) -> Slot:
    if c.rule == "speaker":
        return Slot.WHO
    if c.rule == "quoted" and (DOCUMENT_END.search(c.answer) or (_NAME_LIKE.search(c.answer) and len(c.answer) <= 12)):
        return Slot.WHAT
    if named_document(c):
        return Slot.WHAT  # 公表した（新たな北極戦略）で: a document, asked beside who published it
    if c.rule == "meeting-mode":
        return Slot.WHERE  # （オンライン形式）で会談: the "where" of a meeting held apart, asked beside its day
    return _SLOT_OF_KIND.get(c.kind, Slot.WORDS)


def named_document(c: Candidate) -> bool:
    """Whether a key phrase names a document (新たな北極戦略, イラン核合意, 制裁強化決議案): its last word says it
    is one, it is long enough to be a name, and it is no reference back (同条約) or a quotation's words."""
    return (c.rule == "phrase" and len(c.answer) >= 5 and _NAMED_DOCUMENT.search(c.answer) is not None
            and not c.answer.startswith(("同", "両", "この", "その")) and not _in_quote(c.sentence.text, c.start))


def usable(c: Candidate, tokens: Sequence[Token], bank: Bank) -> bool:
    """Whether the candidate's answer is a whole, key word of its sentence (see the module doc)."""
    return (_a_word(c) and _in_place(c, tokens) and not _repeated(c, bank) and not detail(c) and not by_the_way(c)
            and not continues(c.sentence.text))


# how the news reached the page or where a sighting was, not the news: the app or site a statement was posted on
# (通信アプリ「（テレグラム）」で), a distance that only locates a ship or plane (沖ノ鳥島の北東（およそ280キロ）の太平洋)
_CHANNEL = re.compile(r"(?:通信アプリ|アプリ|SNS|ウェブサイト|サイト)「$")
_BEARING = re.compile(r"(?:北東|北西|南東|南西|[東西南北])(?:側)?$")
_DISTANCE = re.compile(r"(?:キロ|キロメートル|km|マイル|メートル)$")


def by_the_way(c: Candidate) -> bool:
    """Whether the answer only says how a statement was posted or where something was sighted (holdout_v23's teacher
    discarded テレグラム twice and two sighting distances as trivia)."""
    text = c.sentence.text
    if _CHANNEL.search(text, 0, c.start):
        return True
    return c.rule == "number" and _DISTANCE.search(c.answer) is not None and _BEARING.search(text, 0, c.start) is not None


# A sentence that carries on the previous one's speaker (飛行は5時間にわたったとしたうえで、「…」と強調しました):
# what it reports comes first and no one says it; lifted alone it says nobody's words.
_CONTINUES = re.compile(r"^(?:(?:さらに|また|一方|加えて|このほか)、)?(?:([^「」。、]{1,20})は)?[^「」。]{0,40}?"
                        r"(?:としたうえで|とした上で|とした上、|と述べたうえで)、")
_ACTOR_END = re.compile(r"(?:省|府|国|氏|長官|大統領|首相|主席|相|官|局|軍|会|社|党|機関|庁|部|者|師|議員|委員会|政権)$")


def continues(text: str) -> bool:
    """Whether the sentence goes on with what the sentence before said, its speaker left out: it opens with
    what was said (…としたうえで、) and no actor as its topic."""
    m = _CONTINUES.match(text)
    return m is not None and (m.group(1) is None or (_ACTOR_END.search(m.group(1)) is None
                                                    and not _NAMED_ACTOR.search(m.group(1))))


# a topic that names its actor in katakana (さらに、ロシアは…としたうえで、…と強調: holdout_v19, Russia's ranks as a
# supplier; ペスコフ氏は is 氏's)
_NAMED_ACTOR = re.compile(r"(?:^|の)[\u30a1-\u30fa\u30fc・]{2,}$")


_MODEL_CODE = re.compile(r"(?=[A-Za-z0-9\-]*[0-9])(?=[A-Za-z0-9\-]*[A-Za-z])[A-Za-z0-9\-]+")
# a model written in katakana or kanji with its number (スホイ35, ミグ29; not マラバール2024, a year), or any
# name in 「」 after the kind of weapon it is (戦闘機「…」, 地対空ミサイル「…」)
_MODEL_NAME = re.compile(r"(?!第|約|計)[\u30a1-\u30fa\u30fc\u4e00-\u9fff]{1,8}[-－]?[0-9０-９]{1,3}[A-Za-zＡ-Ｚａ-ｚ]{0,2}")
_WEAPON_KIND = re.compile(r"(?:戦闘機|爆撃機|攻撃機|輸送機|哨戒機|偵察機|無人機|ドローン|ミサイル|ロケット|戦車|装甲車|"
                          r"防空システム|迎撃システム|ミサイルシステム|ヘリコプター|ヘリ|潜水艦|銃|砲|弾)「$")
_VESSEL_NAME = re.compile(r"(?:船|艦|艇|空母)「$")
_NEXT_VESSEL = re.compile(r"(?:船|艦|艇|空母)「[^「」]{1,20}」(?:と|や|、)「$")
_REFERS_BACK = re.compile(r"(?:この|その|これらの|それらの|上記の)$")
_SOURCE_OF = re.compile(r"(?:の(?:発表|報道|説明|声明|調べ|集計))?に(?:よりますと|よると|よれば)")
_REPORTED = re.compile(r"(?:が|は)[^。]{0,60}?(?:と|を)(?:報じ|伝え)")
_MINOR_TITLE = re.compile(r"(?:次官|次官補|代行)")  # a spokesperson: `_speaks_for_a_side`
_MEASURE = re.compile(r"(?:全長|総延長|全幅|面積|標高|排水量)(?:は|が)(?:約|およそ)?$")
# a small count of things (（2隻）のコルベット艦, （4機）は, （9カ国）がオブザーバー): a count, not the news
_SMALL_COUNT = re.compile(r"(?:約|計|およそ)?([0-9０-９]{1,2})"
                          r"(?:機|隻|艘|カ国|か国|ヵ国|ケ国|社|台|基|両|門|発)")
# the same measure in another unit right before (およそ200マイル、（320キロ）): the prompt gives it away
_CONVERTED = re.compile(r"[0-9０-９][0-9０-９,.]*(?:万|億)?"
                        r"(?:マイル|キロ|キロメートル|メートル|フィート|ノット|ドル|ユーロ|円|元|ルーブル|トン)"
                        r"(?:あまり|余り|以上|ほど)?[、(（]$")
# a quotation asked word for word (「（前例のない挑発）だ」と反発, 「（唯一の現実的な選択肢）」だとし): wording, not a fact
_VERBATIM_AFTER = re.compile(r"(?:だ|です|である)?」(?:だ|と|として|とし|などと|との)|、[^「」。]{1,40}」")
# the subject of a clause made a noun (（安保理）が性急に介入することには反対し): not who acted
_CLAUSE_SUBJECT = re.compile(r"(?:が|の)[^、。「」]{1,24}(?:こと|の)(?:に|には|を|は)")


# a region of the world and the countries (entity ids) that lie wholly in it (round 25)
_ASIA = frozenset({"china", "japan", "north-korea", "south-korea", "india", "mongolia", "vietnam"})
_MIDDLE_EAST = frozenset({"iran", "saudi-arabia", "syria", "israel", "iraq"})
REGIONS = {"アジア": _ASIA, "東アジア": _ASIA, "北東アジア": _ASIA, "アジア太平洋": _ASIA, "中東": _MIDDLE_EAST,
           "西アジア": _MIDDLE_EAST, "欧州": frozenset({"ukraine", "switzerland", "germany", "france", "uk"}),
           "ヨーロッパ": frozenset({"ukraine", "switzerland", "germany", "france", "uk"}), "北米": frozenset({"usa", "canada"}),
           "中南米": frozenset({"venezuela", "brazil"}), "南米": frozenset({"venezuela", "brazil"}),
           "ユーラシア": frozenset({"russia", "china"})}


def broader(c: Candidate, main: frozenset[str]) -> bool:
    """Whether the blank takes a region that holds one of the article's main countries (`main`: entity keys): the
    country fits it as well — 食料輸出でも（アジア）への傾斜を強める in a report on exports to China takes 中国 too, a
    broader and a narrower answer, never one (round 25). （ヨーロッパ）向けのガス輸出 in the same China–Russia report
    holds no main country: one answer."""
    held = REGIONS.get(c.answer) if c.kind in (ItemKind.PLACE, ItemKind.COUNTRY) else None
    return held is not None and any(f"entity:{e}" in main for e in held)


def detail(c: Candidate) -> bool:
    """Whether the answer is a detail no teacher asks, however clearly the sentence names it: a figure no teacher
    asks (`_figure_detail`), a model number (エンジン「L550E」, 戦闘機「スホイ35」), a vessel's name (コンテナ船「…」),
    the outlet that reported something (…が報じていました) or the body a report cites (…によりますと), an acting or
    deputy official's or a spokesperson's name (財務省の（　　）次官代行, 国防省の（　　）報道官), the words of a
    quotation (「（前例のない挑発）だ」と), the subject of a clause made a noun ((安保理）が…介入することには反対し)."""
    text = c.sentence.text
    if c.rule == "number" and _figure_detail(c, text):
        return True
    if c.rule in ("quoted", "stance", "phrase") and _VERBATIM_AFTER.match(text, c.end) and _in_quote(text, c.start) and \
            not (c.rule == "quoted" and slot_of(c) is Slot.WHAT):
        return True  # 「（前例のない挑発）だ」と反発: the words of a quotation, a teacher cannot mark a paraphrase
    if c.rule == "speaker" and _CLAUSE_SUBJECT.match(text, c.end):
        return True  # （安保理）が性急に介入することには反対し: the blank is what was opposed, not who opposed it
    if _MODEL_CODE.fullmatch(c.answer) or _MODEL_NAME.fullmatch(c.answer) or (
            _WEAPON_KIND.search(text, 0, c.start) and text.startswith("」", c.end)):
        return True  # 戦闘機「（スホイ35）」, ミサイル「（S400）」: a model number, not the news
    if _VESSEL_NAME.search(text[max(0, c.start - 3):c.start]) or _NEXT_VESSEL.search(text, 0, c.start):
        return True  # 駆逐艦「（包頭）」 is a ship, not the city; so is 駆逐艦「紹興」と「（ウルムチ）」
    if c.kind is ItemKind.ORGANISATION and c.rule == "entity" and _REPORTED.match(text, c.end):
        return True
    if _SOURCE_OF.match(text, c.end) and c.kind is not ItemKind.DATE:
        return True  # （ロシア国防省）によると: where the news came from, not the news (teachers discarded 6 of 7)
    if (c.kind is ItemKind.PERSON or c.rule == "speaker") and c.title is not None and _SPOKESPERSON.search(c.title):
        return not _speaks_for_a_side(c)  # 韓国外務省の（金英洙）報道官; 中国外務省の（林剣）報道官 is the news's own voice
    return ((c.kind is ItemKind.PERSON or c.rule == "speaker") and c.title is not None
            and _MINOR_TITLE.search(c.title) is not None)


def _figure_detail(c: Candidate, text: str) -> bool:
    """A figure no teacher asks: the ordinal of a meeting (第（2回）会合), a length or area (全長は約5600キロメートル), a
    small count of things (（2隻）, （9カ国）), one the prompt gives in another unit (200マイル、（320キロ）), a count of
    things named before (この（2つ）の決議), the unit a price is given in (（1バレル）=60ドル)."""
    if _REFERS_BACK.search(text, 0, c.start):
        return True  # 中国は（この2つ）の決議でも棄権: a count of things the article named before (holdout_v24's teacher)
    if text[c.start - 1:c.start] == "第" or _MEASURE.search(text[:c.start]):
        return True  # 第（2回）会合; 全長は（約5600キロメートル）: an encyclopedia's figure, not the news
    if ((m := _SMALL_COUNT.fullmatch(c.answer)) is not None and int(m.group(1)) <= 20 and not votes(c)) \
            or _CONVERTED.search(text[:c.start]):
        return True  # コルベット艦（2隻）, （9カ国）がオブザーバー; 200マイル、（320キロ）
    return bool(re.fullmatch(r"(?:1|１|一)\D+", c.answer) and re.match(r"(?:=|＝|あたり|当たり)", text[c.end:]))


_SPOKESPERSON = re.compile(r"報道官|報道局長")
# a body of China or Russia right before the name (中国外務省の, ロシア国防省の, 中国外交部の), or the Kremlin's own title
_SIDE_BODY = re.compile(r"(?:中国|ロシア|露|ロ)(?:外務省|外交部|国防省|国防部|大統領府|政府|商務省|商務部)(?:の)?$")


def _speaks_for_a_side(c: Candidate) -> bool:
    """Whether a spokesperson speaks for China or Russia, the story's two sides (teachers and their lists keep
    中国外務省の林剣報道官 and ペスコフ大統領報道官; a third country's spokesperson is a detail)."""
    return (_SIDE_BODY.search(c.sentence.text, 0, c.start) is not None or c.title == "大統領報道官"
            or c.entity is not None)


# a vote: （11カ国）が賛成した, （10か国）の賛成で採択, 残る（12カ国）は棄権: how many voted which way is the news
_VOTE = re.compile(r"賛成|反対|棄権")
_COUNTRIES = re.compile(r"[0-9０-９]+(?:カ国|か国|ヵ国|ケ国|ヶ国)$")


def votes(c: Candidate) -> bool:
    """Whether a count of countries says how many voted one way: its clause (up to the next 、 or 。) votes."""
    if not _COUNTRIES.search(c.answer):
        return False
    text = c.sentence.text
    ends = [i for ch in "、。" if (i := text.find(ch, c.end)) >= 0]
    return _VOTE.search(text, c.end, min(ends) if ends else len(text)) is not None


def _in_quote(text: str, at: int) -> bool:
    return text[:at].count("「") > text[:at].count("」")


def _a_word(c: Candidate) -> bool:
    """The answer itself: long enough, not furniture, not a generic meeting, a predicate or a single つ."""
    a = c.answer
    if (len(a) < 2 and not (c.rule in ("number", "n-years-since") and a[:1].isdigit())) or a in _FURNITURE:
        return False
    if c.rule == "meeting-format" and a in _GENERIC_MEETING:
        return False
    if c.kind is ItemKind.PERSON and a in _TITLE_WORDS:
        return False  # イランの（最高）指導者: part of a title, not a person
    if c.rule in ("phrase", "quoted", "stance") and a.startswith(("この", "その", "あの", "ここ")):
        return False  # 「（この10年）、…」: a demonstrative points back into the text, no term to learn (newuser11)
    if c.rule == "phrase" and a.startswith(("別の", "他の", "ほかの", "同じ")):
        return False  # （別の決議案）を近く採決: which one, the blank cannot say
    if c.rule == "number" and re.fullmatch(r"(一|1|１|ひと)つ", a):
        return False  # 要素の一つ: no number to learn
    if c.rule == "stance" and a in GENERIC:
        return False  # …を目指す（考え）を強調: the stance is what it says, not the word for it
    if c.rule in ("stance", "phrase", "quoted") and (_VERB_END.search(a) or (a.endswith(("の", "は", "が", "を", "に"))
                                                       and not a.endswith("もの"))):
        return False  # 一致した, 重視する: a predicate, not a thing to name
    return not (c.rule == "stance" and len(a) > 20)


def _in_place(c: Candidate, tokens: Sequence[Token]) -> bool:
    """Where the answer stands: not a fragment of a longer name, not inside a bracketed aside, not a count the
    sentence spells out."""
    text = c.sentence.text
    if "・" in (text[c.start - 1:c.start], text[c.end:c.end + 1]) and c.kind is not ItemKind.PERSON:
        return False  # 南・東シナ海: シナ海 alone is a fragment
    if _inside_brackets(text, c.start):
        return False  # 上海協力機構(SCO), 習近平(しゅう・きんぺい), 国家体育場(通称「鳥の巣」): a gloss or an aside
    if c.rule != "quoted" and _part_of_quoted_name(text, c.start, c.end):
        return False  # 「シベリアの力2」: シベリア alone is a fragment of the name
    if not c.parts and (not _on_token_edges(c, tokens) or _tail_of_compound(c, tokens) or _head_of_compound(c, tokens)):
        return False
    if c.kind in (ItemKind.PLACE, ItemKind.COUNTRY) and c.rule in ("entity", "meeting-place") and \
            any(t.start == c.end and t.is_place for t in tokens):
        return False  # （極東）ウラジオストク, （中国）黒竜江省: a region that only places the name after it
    if _unnamed_organisation(c, tokens):
        return False
    if c.rule not in ("number", "date", "duration", "anniversary", "n-years-since") and _in_a_list(text, c):
        return False  # 2024年、（エジプト）、エチオピア、イランが加わり: any of the list fits the blank
    if c.rule == "date" and (_DATE_PAIR_AFTER.match(text, c.end) or _DATE_PAIR_BEFORE.search(text, 0, c.start)):
        return False  # （2月）と3月に電話会談: one of two dates of one fact, the other printed beside the blank
    return not (c.rule == "number" and _counts_a_list(text, c))  # 日本、アメリカ、豪州、インドの（4か国）


_LIST_AFTER = re.compile(r"、[^、。「」（）()]{1,12}[、・]")
_NAME = r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff・]"
_LIST_BEFORE = re.compile(rf"、[^、。「」（）()]{{1,12}}、$|、{_NAME}{{2,8}}の{_NAME}{{1,10}}、{_NAME}{{2,8}}の$")


# （日本海）や東シナ海, 国連やBRICS、上海協力機構など (a name in Latin letters too): one item of a list
_OR_LIST_AFTER = re.compile(rf"や(?:{_NAME}|[A-ZＡ-Ｚ])|、(?:それに|さらに|および|及び){_NAME}|と{_NAME}+、(?:それに|さらに)")
_OR_LIST_BEFORE = re.compile(rf"{_NAME}や$|(?:それに|および|及び)$")
# the middle item of a list of names: a name and 、 before it, 、 and a name after it
_ITEM = r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff・A-Za-z0-9Ａ-Ｚａ-ｚ]"  # a name, in Latin letters too (BRICS, G20)
_MIDDLE_BEFORE = re.compile(rf"(?:^|[とや、「はがで]){_ITEM}{{1,10}}、$")
_MIDDLE_AFTER = re.compile(rf"、{_ITEM}{{1,10}}(?:の|と|や|、|など|といった|$)")
_QUALIFIED_ITEM = re.compile(rf"(?:^|[、「]){_NAME}{{2,8}}の$")  # オランダの（ロッテルダム）、ドイツのハンブルク、…


# one quoted name beside another, joined by nothing, 、, と, や or ・: 「ペトロパブロフスク」「（アナディリ）」と、…
_QUOTED_ITEM = r"[「『][^「」『』、。]{1,24}[」』]"
_QUOTED_LIST_AFTER = re.compile(rf"[」』](?:[、・]|、?(?:と|や|および|及び)、?)?{_QUOTED_ITEM}")
_QUOTED_LIST_BEFORE = re.compile(rf"{_QUOTED_ITEM}(?:[、・]|、?(?:と|や|および|及び)、?)?[「『]$")


def _in_quoted_list(text: str, c: Candidate) -> bool:
    """The answer is all of one quoted name in a list of quoted names (巡視船「あさひ」「（しらね）」と「きぬがさ」):
    any of them fits the blank."""
    start, end = c.start, c.end
    if text[start:start + 1] in ("「", "『") and text[end - 1:end] in ("」", "』"):
        start, end = start + 1, end - 1  # the answer printed with its brackets
    if text[start - 1:start] not in ("「", "『") or text[end:end + 1] not in ("」", "』"):
        return False
    return _QUOTED_LIST_AFTER.match(text, end) is not None or _QUOTED_LIST_BEFORE.search(text[:start]) is not None


def _in_a_list(text: str, c: Candidate) -> bool:
    """The answer is one item of a list (…、エジプト、エチオピア、イラン、…; 「同盟せず、対抗せず、…」; オランダの
    ロッテルダム、ドイツのハンブルク、…; 「ペトロパブロフスク」「アナディリ」と「梅山」)."""
    if _in_quoted_list(text, c):
        return True
    alias = _ALIAS_ASIDE.match(text, c.end)  # …、上海協力機構（SCO）、BRICS: in a list by commas the alias is no item
    end = alias.end() if alias else c.end
    text = _ALIAS_ASIDE.sub(lambda m: "ー" * len(m.group()), text)
    first = text[c.start - 1:c.start] in ("、", "「", "", "と") or _QUALIFIED_ITEM.search(text[:c.start]) is not None
    if _OR_LIST_AFTER.match(text, c.end) or _OR_LIST_BEFORE.search(text[:c.start]) or (
            re.search(rf"{_NAME}と$", text[:c.start]) and re.match(r"、(?:それに|さらに)", text[c.end:])):
        return True  # （日本海）や東シナ海の上空, チュクチ海と（ベーリング海）、それに北太平洋: any of them fits
    if _MIDDLE_BEFORE.search(text[:c.start]) and _MIDDLE_AFTER.match(text, end):
        return True  # ロシアとアジア、（アフリカ）、中南米の国々: one of three regions
    return (_LIST_AFTER.match(text, end) is not None and first) or _LIST_BEFORE.search(text[:c.start]) is not None


_ALIAS_ASIDE = re.compile(r"[（(][A-Za-z0-9Ａ-Ｚａ-ｚ・\u30a1-\u30fa\u30fc]{1,12}[）)]")
# a date paired with another by と (2月と3月に, 10日と12日に): either one alone is half the fact
_DATE_PAIR_AFTER = re.compile(r"と(?:[0-9０-９]{1,4}年)?[0-9０-９]{1,2}(?:月|日)")
_DATE_PAIR_BEFORE = re.compile(r"[0-9０-９](?:月|日)と$")


def _part_of_quoted_name(text: str, start: int, end: int) -> bool:
    """The span lies inside a short 「…」 (a name, at most 16 characters) without being all of it. A quote that
    ends in a predicate is words someone said, not a name: 「史上最良の時期にある」と述べた asks 史上最良の時期."""
    for m in re.finditer(r"「([^「」]{1,16})」", text):
        if m.start(1) <= start and end <= m.end(1) and (start, end) != (m.start(1), m.end(1)) and \
                not (_STATEMENT_END.search(m.group(1)) and _SAID_AFTER.match(text, m.end(1))):
            return True
    return False


# the end of a quoted statement (a predicate), and the verb of saying after it: 「…時期にある」と述べた
_STATEMENT_END = re.compile(r"(?:ある|ない|いる|する|した|できる|増す|だ|です|ものだ|べきだ)$")
_SAID_AFTER = re.compile(r"」(?:と|とも|などと)(?:述べ|語|強調|指摘|批判|非難|表明|訴え|説明|主張|評価|反論|応じ)")


def _inside_brackets(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")


def _on_token_edges(c: Candidate, tokens: Sequence[Token]) -> bool:
    """The answer starts and ends where the analyser's words do (no half of 東シナ海, no 中 of 中国)."""
    if not tokens:
        return True
    inner = {i for t in tokens for i in range(t.start + 1, t.end)}
    return c.start not in inner and c.end not in inner


_OWN_PAREN = re.compile(r"[(（][^()（）]{1,20}[)）]")


_APPOSITION = ("企業", "会社", "グループ", "大手", "議長国")
_REGION_WORD = re.compile(rf"極東|中央部|{REGION_PART.pattern}")  # ロシア西部（クルスク州）
_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_ADMIN_SUFFIX = ("省", "県", "州", "市", "区", "郡", "部", "共和国", "自治区", "地方")


def _tail_of_compound(c: Candidate, tokens: Sequence[Token]) -> bool:
    """A name right after a common noun of the same compound: 国家（体育場） is a fragment of 国家体育場
    (but 黒竜江省（ハルビン） is a city after its province, and 首都（モスクワ） a name after the word for what it is:
    a known entity or a proper noun is no fragment after a word in _APPOSITION; 首都（北京） is left out: the
    capital of a country the prompt names is no question)."""
    if c.kind not in (ItemKind.PLACE, ItemKind.ORGANISATION, ItemKind.FORUM, ItemKind.DOCUMENT, ItemKind.EVENT):
        return False
    before = next((t for t in tokens if t.end == c.start), None)
    first = next((t for t in tokens if t.start == c.start), None)
    if before is not None and before.surface.endswith(_APPOSITION) and (c.entity or (first is not None and first.is_proper)):
        return False  # 国営ガス企業（ガスプロム）, 新興国グループ（BRICS）: a name after the word for what it is
    if c.kind is ItemKind.PLACE and c.entity is None and before is not None and first is not None and (
            before.surface in REGION_CAPITAL or ((first.is_place or _KATAKANA_RUN.fullmatch(c.answer))
                                                 and _REGION_WORD.fullmatch(before.surface))):
        return False  # 極東（アムール州）, 州都（ブラゴベシチェンスク）: a place the bank does not know, after its region
        # (not 南（シナ海）, 北（太平洋）: part of the name; not 首都（アスタナ）: the capital of a country the prompt names)
    return (before is not None and before.pos[:2] == ("名詞", "普通名詞") and not before.surface.endswith(_ADMIN_SUFFIX)
            and "助数詞可能" not in before.pos)


# a country that itself voted, joined or stayed away: （アルジェリア）も反対し, （ガイアナ）は棄権した
_ACTED = re.compile(r"(?:は|も|が)(?:[^、。]{0,6}?)(?:反対|賛成|棄権|拒否権を行使|加盟|脱退|欠席)")
# what was held or done: （合同パトロール）を行う, （開幕式）が行われ, （北京冬季五輪の開会式）に出席した
_WHAT_WAS_DONE = re.compile(r"(?:を(?:行う|行っ|行い|行わ|実施)|が(?:行われ|開かれ|実施され)|に(?:出席|参加)し)")
_NAMED_DOCUMENT = re.compile(r"(?:[^の]核合意|戦略|白書|決議案|協定|条約|共同声明|宣言|憲章)$")
_VISITED = re.compile(r"(?:を(?:公式|国賓として)?(?:訪問|訪れ|歴訪)|で(?:会談|会見|開か|署名|調印))")
_NAMED_KINDS = (ItemKind.PLACE, ItemKind.COUNTRY, ItemKind.ORGANISATION)


def _head_of_compound(c: Candidate, tokens: Sequence[Token]) -> bool:
    """A name that only qualifies the common noun right after it, in one compound: （西側）市場, （朝鮮半島）問題,
    （ウクライナ）侵攻 are stock phrases whose blank the next word fills (but not ロシア産: 産 is a suffix)."""
    if c.kind not in _NAMED_KINDS or c.rule not in ("entity", "place") or c.parts:
        return False
    after = next((t for t in tokens if t.start == c.end), None)
    return after is not None and after.pos[:2] == ("名詞", "普通名詞")


_KIND_OF_BODY = re.compile(r"(銀行|企業|会社|団体|機関|業者|メーカー)$")


def _unnamed_organisation(c: Candidate, tokens: Sequence[Token]) -> bool:
    """An organisation the bank does not know written as common nouns only (中国の（大手銀行）, 地方の（中小銀行）):
    a kind of body, not a name — the context fills it (送金の受け入れ → 銀行)."""
    if c.kind is not ItemKind.ORGANISATION or c.entity or c.rule != "entity" or not _KIND_OF_BODY.search(c.answer):
        return False
    inside = [t for t in tokens if c.start <= t.start < c.end]
    return bool(inside) and not any(t.is_proper for t in inside)


def _counts_a_list(text: str, c: Candidate) -> bool:
    """The answer counts the items the sentence lists right before it (…、日本、アメリカ、オーストラリア、インドの4か国)."""
    digits = re.match(r"[0-9]+", c.answer.lstrip("約計"))
    before = re.sub(r"[（(][^（）()]{1,20}[）)]", "", text[:c.start])  # アラブ首長国連邦（UAE）の: one item
    if not digits or not before.endswith(("の", "が", "を")):
        return False
    items = re.split(r"[、,](?:それに|さらに|および|及び)?|(?<=[\u30a1-\u30fa\u30fc\u4e00-\u9fff])[とや]"
                     r"(?=[\u30a1-\u30fa\u30fc\u4e00-\u9fff])", before[:-1])  # ロシアと中国、それにパキスタンとアルジェリアの
    n = int(digits.group(0))
    return 2 <= n <= len(items) and all(0 < len(i) <= 10 for i in items[-n:])


def _repeated(c: Candidate, bank: Bank) -> bool:
    """The answer (or its entity's name) is printed elsewhere in the sentence, so the blank gives itself away.
    The bracket right after the answer (its abbreviation: 北大西洋条約機構（NATO）) is left out of the prompt."""
    text = c.sentence.text
    own = _OWN_PAREN.match(text, c.end)
    after = own.end() if own else c.end
    rest = normalise(text[:c.start] + "\u3000" + text[after:])
    entity = bank.entity_by_id.get(c.entity) if c.entity else None
    names = [entity.ja, *entity.aliases] if entity is not None else []
    forms = [c.answer, *(a for a in (*c.accept, *names) if len(a) >= 3 or re.search(r"[\u3400-\u9fff]{2}", a))]
    return any(len(normalise(f)) >= 2 and normalise(f) in rest for f in forms)


def score(c: Candidate, bank: Bank, order: int) -> int:
    """How likely a strict teacher asks this candidate, 0-100: the rule's base, what the answer is, where it
    stands in its sentence, and the sentence's place in the article (the lead first)."""
    s = _ENTITY.get(c.kind, 50) if c.rule == "entity" else _BASE.get(c.rule, 40)
    if c.kind is ItemKind.COUNTRY and (_VISITED.match(c.sentence.text, c.end) or _ACTED.match(c.sentence.text, c.end)):
        s = _ENTITY[ItemKind.PLACE]  # （ベトナム）を訪問した, （アルジェリア）も反対し: news, not world knowledge
    s = _by_answer(c, s)
    s -= _by_position(c, bank) + GUESSABLE_PENALTY * (guessable(c) or own_capital(c))
    return max(0, min(100, s + max(0, 6 - 2 * order)))


# A date that only says when something was announced, published or taken up (13日発表した統計, 20日に公表した全文,
# 20日に就任する大統領, 18日の記者会見で述べた), or one the sentence's 「以来N年ぶり」 counts from: peripheral to the
# news, or derivable.
_PERIPHERAL_DATE = re.compile(r"(?:に|には)?(?:発表|公表|公開|明らかにし|報じ|伝え|就任|発足)|以来|の(?:定例)?(?:記者)?会見|"
                              r"の(?:報告書|報告|統計|調査|世論調査)|"  # IAEAの（2月）の報告書によると
                              # （2022年2月）のウクライナ侵攻後、…: the date of a past event the sentence counts from
                              r"の[^、。「」]{1,12}?(?:直後|後|以降|以来)(?:に|は|も|、|の|で)")
PERIPHERAL_DATE_PENALTY = 30  # below the fill's cut: never a second draft of its sentence (中国側が（13日）発表した)
_NAMES_A_DOCUMENT = re.compile(r"(?:を[^、。]{0,10}とする|に関する|についての)(?:共同)?(?:声明|宣言|文書|協定|条約)")


# a date that only says when someone said or announced something: 監督局は（9日）、…と発表した; 代表は（昨年11月）の会合で
# 「…」と語った; 大使は（昨年10月）、…と明らかにした — the news is what was said, not the day it was said
_SAID_ON = re.compile(r"(?:、|の(?:会合|会見|記者会見|会議|演説|インタビュー)で)")
# what was said is a figure or words (…3万9000トンだったと発表した, 「…」と語った), not an act (…に指定したと発表した: the news)
_SAID = re.compile(r"(?:だった|だ|である|」)と(?:発表|明らかに|語っ|述べ|表明|説明|強調|指摘)"
                   r"(?:し)?(?:た|ました|ている|ていた)?。?$")


def said_on(c: Candidate) -> bool:
    """Whether a date only dates a statement (see _SAID_ON): the sentence's verb is one of saying."""
    text = c.sentence.text
    return (c.rule == "date" and _SAID_ON.match(text, c.end) is not None and _SAID.search(text) is not None
            and re.search(r"(?:は|が)$", text[:c.start]) is not None)


def _by_answer(c: Candidate, s: int) -> int:
    """The base score adjusted for what the answer is."""
    if c.rule == "date" and c.date is not None:
        s += {1: -14, 2: -2, 3: 2}[c.date.precision]
        if _PERIPHERAL_DATE.match(c.sentence.text, c.end) or said_on(c):
            s -= PERIPHERAL_DATE_PENALTY
    if c.kind is ItemKind.PERSON and c.entity is None and c.new_person is not None:
        s = max(s, 86)  # a person the bank does not know yet, named with a title
    if c.rule == "speaker":
        s = 74 if c.mentions else 52 if c.entity in PROTAGONISTS else 84 if c.new_person is not None else s
    if minor_official(c):
        s = min(s, MINOR_OFFICIAL_SCORE)
    if c.rule == "quoted":
        s += 22 if DOCUMENT_END.search(c.answer) else 4 if slot_of(c) is Slot.WHAT else (-15 if len(c.answer) > 14 else 0)
    if c.rule == "number" and _RECORD.search(c.sentence.text, 0, c.start):
        s += RECORD_BONUS  # 前年比3割余り増え、（過去最高）の約1470億ドルに達した: the record is the news (holdout_v27)
    if c.rule == "stance" and len(c.answer) >= 6 and not _VERB_END.search(c.answer):
        s += 15  # a named stance (ウクライナ危機の政治的解決), not a clause
    if c.rule == "phrase":
        s += _phrase_bonus(c)
    return s - (12 if len(c.answer) > 24 else 0)


_RECORD = re.compile(r"(?:過去|史上)(?:最高|最大|最多)の$")
RECORD_BONUS = 4  # over another count of its sentence (the growth beside the record total)


# a title whose holder a strict teacher does not ask (round 25: an industry body's or a trade mission's 代表, a third
# country's UN ambassador): a name worth a draft only where its sentence has nothing better
_MINOR_OFFICIAL = re.compile(r"^(?:代表|(?:国連)?(?:次席)?大使(?:代行)?)$")
_MAIN_COUNTRY_OF = re.compile(r"(?:中国|ロシア|中ロ|中露)の$")
MINOR_OFFICIAL_SCORE = 58  # below the fill's cut (`quizgen.extract.ranking.FILL_SCORE`): a key fact of its sentence at most


def minor_official(c: Candidate) -> bool:
    """Whether the answer is the name of a minor official the bank does not know: an association's or mission's
    representative (同連合のコワリョフ代表), a UN ambassador of a country other than China or Russia (フランスの
    （　　）国連大使). China's and Russia's own ambassadors speak for the story's two sides: not minor."""
    return (c.kind is ItemKind.PERSON or c.rule == "speaker") and c.entity is None and c.title is not None \
        and _MINOR_OFFICIAL.match(c.title) is not None and _MAIN_COUNTRY_OF.search(c.sentence.text, 0, c.start) is None


def _phrase_bonus(c: Candidate) -> int:
    """What a key phrase's place makes of it: a long or katakana phrase, what was done, a document by its name, what
    a joint statement is about."""
    text = c.sentence.text
    bonus = 6 if len(c.answer) >= 6 or re.search(r"[\u30a1-\u30fa]{3,}", c.answer) else 0
    if _WHAT_WAS_DONE.match(text, c.end) and not _in_quote(text, c.start):
        bonus += 22  # （合同パトロール）を行う: what was done is the news of its sentence
    if named_document(c):
        bonus += 20  # 公表した（新たな北極戦略）で, （イラン核合意）を基礎に: a document by its name
    if _NAMES_A_DOCUMENT.match(text, c.end):
        bonus += 20  # （新時代の包括的戦略協力パートナーシップ）を一層深めるとする共同声明: what the statement is about
    if _CUT_MODIFIER.search(c.answer) and text.startswith("の", c.end):
        bonus -= FRAGMENT_PENALTY  # （北朝鮮の最大）の後ろ盾: a phrase cut from the noun it qualifies
    if re.search(r"[^\s]や[^\s]", c.answer) and text.startswith("の", c.end):
        bonus -= FRAGMENT_PENALTY  # （強権政治や国際問題）の独占: A や B の C is A and B's C, or A and (B の C) (holdout_v32)
    if statement_key(text, c.start, c.end):
        bonus += STATEMENT_KEY_BONUS  # 「（史上最良の時期）にある」と述べた: what the speaker said things are
    return bonus


STATEMENT_KEY_BONUS = 10  # lifts a statement's key words over the rank fill's floor (`ranking.RANK_FLOOR`)
# what follows a statement's key words up to the end of the quote: a particle and the predicate (にある, を意図した
# ものだ, を増すものだ, に満ちている), no other noun phrase of its own
_STATEMENT_TAIL = re.compile(r"(?:に|を|が|と|で|では|には)[぀-ゟ一-鿿]{0,10}")


def statement_key(text: str, start: int, end: int) -> bool:
    """Whether the span is the key words of a quoted statement someone made: the last noun phrase of a 「…」 that
    ends in a predicate and is followed by a verb of saying (「両国関係は（史上最良の時期）にある」と述べた), so the
    blank asks what was said, not a fragment of a name."""
    open_at = text.rfind("「", 0, start)
    close_at = text.find("」", end)
    if open_at < 0 or close_at < 0 or "」" in text[open_at:start] or "「" in text[end:close_at]:
        return False
    quote, tail = text[open_at + 1:close_at], text[end:close_at]
    if start > open_at + 1 and re.match(r"[\u3400-\u9fff\u30a1-\u30fa\u30fc0-9０-９A-Za-z]", text[start - 1]):
        return False  # ましてや第三（国の圧力）に屈する: a word cut in two
    return (_STATEMENT_END.search(quote) is not None and _SAID_AFTER.match(text, close_at) is not None
            and _STATEMENT_TAIL.fullmatch(tail) is not None and "、" not in tail)


# a phrase that ends on a word that only qualifies the noun after it (（北朝鮮の最大）の後ろ盾, （両国の主要）の)
_CUT_MODIFIER = re.compile(r"(?:最大|最高|最初|最後|最新|最良|唯一|主要|共通|同様|独自)$")
FRAGMENT_PENALTY = 10  # below the rank fill's floor (`quizgen.extract.ranking.RANK_FLOOR`)


# the area around a place, where something happened (沖縄本島と（宮古島）の間を抜け, （湛江）の周辺海域で)
_AREA_OF = re.compile(r"の(?:間|周辺|近海|海域|上空|付近|沖合?)(?:海域)?(?:で|を|に|へ)")


def _by_position(c: Candidate, bank: Bank) -> int:
    """What the answer's place in the sentence takes off: a source quoted for a figure, a name that only
    qualifies a noun, one of the article's two protagonists."""
    text = c.sentence.text
    penalty = 4 if c.entity in _PERSONS_OF_NOTE else 0
    if c.entity in _PERSONS_OF_NOTE and c.title and c.rule != "speaker":
        penalty += 30  # 中国の（　　）国家主席, ロシアの（　　）大統領: the title names him
    if (c.rule in ("entity", "speaker") or c.kind is ItemKind.PERSON) and _ATTRIBUTION.match(text[c.end:c.end + 16]):
        penalty += 25 + 40 * (c.kind is ItemKind.PERSON)  # ロシア政府によりますと, （チェルニシェンコ）副首相の事務局に
        # よると: who the article quotes for a figure is seldom the fact, and a person who only supplied it never
    if c.kind is ItemKind.PERSON and c.rule != "speaker" and _MET_IN_PASSING.match(text, c.end):
        penalty += 40  # …で中国の（李鴻忠）・全人代常務委員会副委員長と会談した際、…と表明: the news is what was said
    if c.kind is ItemKind.PERSON and c.rule != "speaker" and not c.title and re.match(r"(氏|\S{0,6}?)?の", text[c.end:c.end + 8]):
        penalty += 8  # プーチン氏の訪中は: a name that only qualifies a noun is no actor of the sentence
    if c.kind in (ItemKind.ORGANISATION, ItemKind.FORUM) and c.rule == "entity" and _AFFILIATION.match(text, c.end):
        penalty += 25  # 東和大学の森田浩之教授は…とみる: a commentator's affiliation is no news
    if c.kind in (ItemKind.PLACE, ItemKind.COUNTRY) and c.rule == "entity" and text.startswith("の", c.end) \
            and not _AREA_OF.match(text, c.end):
        penalty += 18  # 欧米や（アジア）の専門家: a place that only qualifies a noun is no place of an event
    entity = bank.entity_by_id.get(c.entity) if c.entity else None
    if entity is not None and entity.type is EntityType.COUNTRY and entity.id in PROTAGONISTS:
        penalty += 20
    if c.rule == "number" and text.startswith("の", c.end) and not c.answer.endswith("目"):
        penalty += 10  # 濃縮度（60%）のウラン: a figure that qualifies a noun, beside the figure the sentence reports
    if c.rule == "number" and c.answer.startswith("第"):
        penalty += 25  # 中国に次ぐ（第2）の買い手: an ordinal the sentence around it gives away
    return penalty


# the word an answer opens with: a katakana name (ウクライナ of ウクライナ軍) or two kanji (台湾 of 台湾海峡)
_HEAD_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}|[\u3400-\u9fff]{2}")
GUESSABLE_PENALTY = 16  # below a key fact of the same sentence: the sentence keeps the fact a student must know
GUESSABLE_REST = 3  # what the answer adds to that word, at most (海峡, 軍): more (人民解放軍, の適切な解決) is no guess


# a country and its capital: 中国が…（北京）で開く is filled from world knowledge (holdout_v31's teacher: "asks the obvious")
_CAPITALS = {"北京": ("中国",), "モスクワ": ("ロシア",), "東京": ("日本",), "ワシントン": ("米国", "アメリカ", "米"),
             "平壌": ("北朝鮮",), "ソウル": ("韓国",)}
_OWN_CAPITAL_GAP = 14  # the country at most this many characters before its capital: 中国が9月3日に北京で


def own_capital(c: Candidate) -> bool:
    """Whether a place is the capital of the country its sentence names as the actor just before it (中国が…北京で開く)."""
    countries = _CAPITALS.get(c.answer) if c.kind is ItemKind.PLACE else None
    if not countries:
        return False
    before = c.sentence.text[max(0, c.start - _OWN_CAPITAL_GAP):c.start]
    return any(re.search(rf"{k}(?:は|が|も)", before) for k in countries)


def guessable(c: Candidate) -> bool:
    """Whether a phrase or a place is a word its own sentence prints elsewhere and a short ending, so the blank is filled from
    the prompt (台湾問題について…「（台湾海峡）における…挑発を非難する」; ウクライナでは…、（ウクライナ軍）が…) while the
    sentence's news stays printed (newuser10: six of twenty drafts blanked such a word)."""
    if not (c.rule == "phrase" or (c.rule == "entity" and c.kind is ItemKind.PLACE)):
        return False
    m = _HEAD_WORD.match(c.answer)
    if m is None or not 0 < len(c.answer) - m.end() <= GUESSABLE_REST:
        return False  # one word (北京): printed twice, it is asked once, not guessed; a longer phrase says more
    text = c.sentence.text
    return m.group() in text[:c.start] + "\n" + text[c.end:]


def facts(cands: Sequence[Candidate], tokens: Sequence[Token], bank: Bank, order: int) -> list[Fact]:
    """Every usable candidate of one sentence as a Fact, best first."""
    out = [Fact(c, slot_of(c), score(c, bank, order) - PERIPHERAL_DATE_PENALTY * background_date(c, cands), key_of(c),
                order) for c in cands if usable(c, tokens, bank)]
    return sorted(out, key=lambda f: (-f.score, f.candidate.start))


# a date in a clause that qualifies a noun: （昨年9月）に爆破された事件を巡り, （31日）から天津で開かれる上海協力機構の首脳会議
_IN_RELATIVE = re.compile(r"(?:に|から|には)?[^、。「」]{0,20}?(?:れた|れる|した|する|った|いた|えた|きた|んだ)"
                          r"(?=[\u4e00-\u9fff\u30a1-\u30fa])")


def background_date(c: Candidate, cands: Sequence[Candidate]) -> bool:
    """Whether a date only dates something the sentence's news refers to (round 25): it stands in a clause that
    qualifies a noun, and the sentence writes another date, its news's (安保理は（27日）、…が昨年9月に爆破された事件
    を巡り…否決した: the vote's day is the fact, the blast's month is background; a sentence with one date keeps it:
    2019年12月に稼働したパイプライン)."""
    return c.rule == "date" and c.date is not None and _IN_RELATIVE.match(c.sentence.text, c.end) is not None \
        and any(o.rule == "date" and o.date is not None and o.date.when != c.date.when for o in cands)


def key_of(c: Candidate) -> str:
    """The answer's identity: a date, an entity of the bank, or the normalised answer."""
    if c.date is not None:
        return f"date:{c.date.when}"
    return f"entity:{c.entity}" if c.entity else normalise(_GLOSS.sub("", c.answer) or c.answer)


# a gloss in brackets inside a name (オケアン（大洋）2024 is オケアン2024, asked once)
_GLOSS = re.compile(r"[（(][^（）()]{1,12}[）)]")
