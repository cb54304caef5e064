"""The one-character names Japanese news writes countries with (中国とロシア -> 中ロ, 米国 -> 米政府), and the
compounds in which one stands for its country alone (pure).

A compound counts when the short name opens a word for the country's government, forces or people acting
(米政府, 米側, 米軍, 米当局, 露外務省): a student reading 「米政府は…」 knows the answer 米国. A pair (中ロ, 米中)
does not: it names both sides of a relation, which a sheet on that relation names everywhere, and says
nothing about which one a question asks for.
"""

from __future__ import annotations

import re

# the one-character names news writes a pair of countries with (中国とロシア -> 中ロ)
SHORT_COUNTRY = {"中国": "中", "ロシア": "ロ", "日本": "日", "米国": "米", "アメリカ": "米", "韓国": "韓", "北朝鮮": "朝",
                 "インド": "印", "英国": "英", "イギリス": "英", "フランス": "仏", "ドイツ": "独", "オーストラリア": "豪",
                 "台湾": "台", "イタリア": "伊", "カナダ": "加"}
_ALSO = {"ロシア": ("露",)}  # 露外務省: the older spelling, alone in a compound
# words that, after a country's one-character name, make it that country acting
_ACTING = ("政府", "政権", "当局", "側", "軍", "議会", "国務省", "国防総省", "国防省", "外務省", "財務省", "商務省",
           "大統領", "首相", "外相", "国防相", "国務長官", "高官", "大使館", "大使", "代表団", "首脳")
_ACTING_RE = "|".join(sorted(_ACTING, key=len, reverse=True))
_WORD = r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff]"


def short_names(country: str) -> tuple[str, ...]:
    """The one-character names `country` (its Japanese name, as the bank writes it) goes by, or ()."""
    first = SHORT_COUNTRY.get(country)
    return ((first,) if first else ()) + _ALSO.get(country, ())


def acting_compound(country: str, text: str) -> str | None:
    """The first compound of `text` in which `country`'s one-character name stands for it acting (米政府 for 米国),
    or None. Never a pair (中ロ): the short name must open the word."""
    pattern = acting_pattern(country)
    m = pattern.search(text) if pattern is not None else None
    return m.group(0) if m else None


def acting_pattern(country: str) -> re.Pattern[str] | None:
    """What `acting_compound` searches for (None for a country without a one-character name), for a caller that
    searches many texts for one country."""
    names = short_names(country)
    if not names:
        return None
    return re.compile(rf"(?<!{_WORD})(?:{'|'.join(map(re.escape, names))})(?:{_ACTING_RE})")
