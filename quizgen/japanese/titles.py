"""Titles and honorifics around a name: 氏, 大統領, 外相, President, Mr … (pure).

The judge's helpers work on *normalised* keys (see ``quizgen.japanese.normalise``):
lower case, hiragana, no spaces or dots. Titles fall into groups of synonyms
(外相, 外務大臣 and Foreign Minister are one group), so a typed title can be
checked against the titles the bank gives for the answer. 大統領 and 国家主席 are
different titles (習近平大統領 is wrong); English "President" agrees with both.

This module is the one home of every title list: the judge's synonym groups, the honorifics, the
titles `quizgen extract` recognises after a name, and the words a role phrase before a name ends in.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "GENERIC",
    "HONORIFICS",
    "ROLE_ENDINGS",
    "TITLES_AFTER_NAME",
    "name_like",
    "romaji_title",
    "same_role",
    "split_titles",
    "title_group",
    "titles_compatible",
    "trailing_title",
]

GENERIC = "generic"
HONORIFICS = ("氏", "さん", "様")  # as written after a name in an article
_GROUPS: dict[str, tuple[str, ...]] = {
    GENERIC: (*HONORIFICS, "さま", "殿", "閣下", "かっか", "mr", "mrs", "ms", "dr", "mister"),
    "president": ("大統領", "だいとうりょう", "presidentofrussia", "presidentofukraine"),
    "chairman": ("国家主席", "主席", "こっかしゅせき", "しゅせき", "chairman", "presidentofchina"),
    # English "President" is used for both; it agrees with either Japanese title
    "researcher": ("客員研究員", "研究員", "きゃくいんけんきゅういん", "けんきゅういん", "researcher", "visitingresearcher"),
    "president-en": ("president",),
    "foreign-minister": (
        "外相",
        "外務大臣",
        "外務相",
        "外交部長",
        "がいしょう",
        "がいむだいじん",
        "foreignminister",
        "ministerofforeignaffairs",
        "fm",
    ),
    "prime-minister": (
        "首相",
        "総理",
        "総理大臣",
        "内閣総理大臣",
        "しゅしょう",
        "そうり",
        "そうりだいじん",
        "primeminister",
        "premier",
        "pm",
    ),
    "secretary": ("書記", "書記長", "総書記", "しょき", "secretary", "generalsecretary", "secretarygeneral"),
    "defence-minister": (
        "国防相",
        "国防大臣",
        "防衛相",
        "防衛大臣",
        "こくぼうしょう",
        "defenceminister",
        "defenseminister",
        "ministerofdefence",
        "ministerofdefense",
    ),
}
# The titles `quizgen extract` recognises right after a name (longest first when matching): more than the
# groups above, which only hold titles the judge must tell apart, and without their readings or English.
TITLES_AFTER_NAME: tuple[str, ...] = tuple(sorted((
    "国家主席", "総書記", "主席", "大統領", "副大統領", "首相", "副首相", "外相", "外務大臣", "外務相", "国防相",
    "国防大臣", "防衛相", "防衛大臣", "総理大臣", "書記", "指導者", "議長", "長官", "報道官", "大使", "事務総長",
    "国王", "皇太子",
    "次官", "外務次官", "委員長", "国務委員", "補佐官", "司令官", "総理", "党首", "特使", "首席", "首脳",
    "研究員", "教授", "代表", "大臣", "知事", "市長", "総裁", "会長", "社長", "外交部長", "部長", "局長",
    "官房長官", "国務長官", "国防長官", "財務長官", "大統領補佐官", "首相補佐官", "大統領報道官", "上級顧問", "顧問",
    "主任研究官", "研究官", "上級研究員", "主任研究員", "副司令官", "総司令官", "参謀総長", "所長", "院長", "学長",
    "上級代表", "国連大使", "駐日大使", "事務次長", "副大臣", "副長官", "副議長", "副主席", "副総裁", "副外相",
    "副報道官", "副所長",
    "前大統領", "元大統領", "前首相", "元首相", "准教授", "名誉教授", "理事長", "編集長", "司令官代行",
), key=len, reverse=True))
# A role phrase written before a name (トップ外交官である王毅氏) is taken as the person's title when it ends in one of these.
ROLE_ENDINGS = ("書記", "外交官", "トップ", "大臣", "長官", "研究員", "教授", "代表", "報道官", "大使", "議長", "顧問", "特使",
                "補佐官")
_AGREES = {"president-en": {"president", "chairman"}}
_GROUP_OF = {title: group for group, titles in _GROUPS.items() for title in titles}
_BY_LENGTH = sorted(_GROUP_OF, key=len, reverse=True)
# A core left after stripping a title from the *answer* is only trusted when it
# looks like a personal name: a few kanji, kana or Latin letters, and not a
# country or institution (ロシア外相 is a role, not a person called ロシア).
_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u3041-\u3096ー]{2,}|[a-z]{3,}")
_NOT_NAMES = frozenset(
    [
        "中国",
        "中露",
        "中ろ",
        "ろしあ",
        "露国",
        "米国",
        "あめりか",
        "日本",
        "うくらいな",
        "韓国",
        "北朝鮮",
        "英国",
        "いぎりす",
        "国連",
        "欧州",
        "政府",
        "china",
        "russia",
        "us",
        "usa",
        "america",
        "japan",
        "ukraine",
        "un",
        "eu",
        "government",
    ]
)


def title_group(key: str) -> str | None:
    """The synonym group of a whole title (``"外務大臣"`` -> ``"foreign-minister"``)."""
    return _GROUP_OF.get(key)


def split_titles(key: str) -> tuple[str, tuple[str, ...]]:
    """Strip titles from both ends of ``key`` while something is left.

    ``"習近平国家主席"`` -> ``("習近平", ("国家主席",))``; ``"首相"`` stays ``("首相", ())``.
    """
    found: list[str] = []
    stripped = True
    while stripped:
        stripped = False
        for title in _BY_LENGTH:
            if len(key) <= len(title):
                continue
            if key.endswith(title):
                key, stripped = key[: -len(title)], True
            elif key.startswith(title):
                key, stripped = key[len(title) :], True
            if stripped:
                found.append(title)
                break
    return key, tuple(found)


def trailing_title(text: str) -> str | None:
    """The known title a role description ends with (``"米ジョージタウン大学客員研究員"`` -> ``"客員研究員"``)."""
    return next((t for t in _BY_LENGTH if text.endswith(t) and len(text) > len(t)), None) or (
        text if text in _GROUP_OF else None)


def name_like(core: str) -> bool:
    """Could ``core`` (left after stripping a title from an answer) be a person's name?"""
    return bool(_NAME_RE.fullmatch(core)) and core not in _NOT_NAMES


def titles_compatible(typed: tuple[str, ...], known: set[str]) -> bool:
    """Are the titles typed consistent with the titles the bank gives (``known``)?

    Generic honorifics always are. Other titles must share a group with a
    known one, unless the bank gives no title at all for the answer.
    """
    known_groups = {_GROUP_OF[t] for t in known} - {GENERIC}
    typed_groups = {_GROUP_OF[t] for t in typed} - {GENERIC}
    return not known_groups or all(g in known_groups or _AGREES.get(g, set()) & known_groups for g in typed_groups)


def same_role(typed: str, known: str) -> bool:
    """Does the typed title name the role of the known one (外務大臣 for 外相; President for 大統領)?

    Directional: English "President" typed for 大統領 or 国家主席 is right, but a bank spelling
    "President" does not make 国家主席 right for 大統領.
    """
    gt, gk = title_group(typed), title_group(known)
    if gt is None or gk is None:
        return False
    return gt == gk or gk in _AGREES.get(gt, set())


def romaji_title(word: str) -> str | None:
    """The title a romaji word spells (``"daitouryou"`` -> ``"だいとうりょう"``), or None."""
    from quizgen.japanese.kana import romaji_key

    key = romaji_key(word)
    return _romaji_titles().get(key) if len(key) >= 3 else None


@lru_cache(maxsize=1)
def _romaji_titles() -> dict[str, str]:
    from quizgen.japanese.kana import is_kana, romaji_key

    return {romaji_key(t): t for t in _GROUP_OF if is_kana(t)}
