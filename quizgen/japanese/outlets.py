"""The outlet a Japanese news page names: the one that wrote the story, else its masthead and copyright line.

`quizgen add-article` offers it as the outlet, for the teacher to keep or change. A story a portal carries from a
wire service names its writer before the hosting site (newuser7 #1: 「…配信　時事通信」, 【モスクワ時事】 and
「© 2023 ニュースのしおり/時事通信」 on a page of the portal ニュースのしおり): the outlet after a 配信/更新 stamp, a
dateline's short form (【モスクワ時事】 → 時事通信, (北京=共同) → 共同通信, `WIRE_SHORT`), the last name of an `A/B`
copyright, in that order. Without one, the site's own name (`site_named`): the name both lines
share wins (みなと新報デジタル and © みなと新報社 → みなと新報); a copyright line's Japanese name
(「すずかけ経済新聞社の著作権…」) before a romanised © holder (© Suzukake Keizai Shimbun), which never wins over a
masthead that reads as an outlet's name; otherwise the copyright holder (a 新聞社 without its 社), or a masthead
that reads as an outlet's name (…新聞, …通信, …ニュース) on one of the first three lines. A page that names no
outlet gets None: a guess is only offered where the page says it.
"""

from __future__ import annotations

import re

__all__ = ["WIRE_SHORT", "is_masthead", "outlet_named", "site_named"]

# The short forms a dateline gives a wire service (【モスクワ時事】, (北京=共同), 【ワシントン=ロイター】) and its name.
WIRE_SHORT = {"時事": "時事通信", "共同": "共同通信", "ロイター": "ロイター通信", "AFP": "AFP通信", "AP": "AP通信",
              "新華": "新華社", "聯合": "聯合ニュース", "タス": "タス通信", "ブルームバーグ": "ブルームバーグ"}
_DATELINE = re.compile(r"^[【(（]([^】)）=＝\s]{0,12}?)[=＝]?(" + "|".join(sorted(WIRE_SHORT, key=len, reverse=True))
                       + r")[】)）]")
# 「2023年02月23日07時14分配信　時事通信」「2/23(木) 7:14配信 共同通信」: the outlet after the page's stamp
_STAMPED = re.compile(r"\d.*(?:配信|更新|公開|掲載)[\s\u3000]+([^\s\u3000\d()（）/|｜][^\s\u3000()（）/|｜]{1,19})$")

_COPYRIGHT = re.compile(r"Copyright|©|[(（][cC][)）](?=\s|\d)")
_HOLDER_JUNK = re.compile(r"^(?:\s|©|[(（][cC][)）]|\d{4}(?:\s*[-–]\s*\d{4})?|,)+")
_HOLDER_END = re.compile(r"\s|/|／|All rights|無断|記事|許可|禁")
_SHARED_BY = re.compile(r"([^\s/／]{2,20})[/／]([^\s/／]{2,20})(?=\s|\u3000|$)")  # © 2023 ニュースのしおり/時事通信
_MAST_SPLIT = re.compile(r"\s*[＞>｜|»›]\s*|\s{2,}|　")
_NAVIGATION = frozenset({"ホーム", "トップ", "トップページ", "TOP", "Top", "HOME", "Home", "最新記事", "ニュース"})
_OUTLET_END = re.compile(r"(?:新聞|新報|日報|通信|時報|タイムズ|ニュース|放送|デジタル|オンライン|WEB|Web|電子版)$")
_COMPANY = re.compile(r"(?<=新聞|新報|日報|通信|時報)社$")
# 「すずかけ経済新聞社の著作権…」「記事の著作権はみなと新報社に帰属します」: an outlet's name (one ending as a company or
# an outlet does) before or after 著作権.
_JA_NAME = r"[^\s、。「」『』()（）©の]{1,20}?(?:新聞|新報|日報|通信|時報|放送|タイムズ)社?"
_JA_HOLDER = re.compile(rf"(?:^|(?<=[\s、。はがを]))({_JA_NAME})(?:の|が)(?:著作権|権利)|著作権は({_JA_NAME})に")
_LATIN = re.compile(r"[\x20-\x7e]+")  # a holder only in Latin letters: Suzukake (Keizai Shimbun, Inc.)
_MAST_LINES = 3  # a masthead is on one of the page's first lines
_MAST_MAX = 20  # a first line longer than this is a headline, not a masthead
_LINE_MAX = 160  # a copyright line is short
_SHARED_MIN = 2  # the shortest name the two lines may share


def outlet_named(text: str) -> str | None:
    """The outlet that wrote the story the page carries, else the site's own (see the module doc), or None."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return _writer(lines) or site_named(text)


def _writer(lines: list[str]) -> str | None:
    """The outlet a stamp line, a dateline or an `A/B` copyright names as the story's writer (None if none)."""
    for line in lines:
        found = _STAMPED.search(line) if len(line) <= _MAST_MAX * 3 else None
        if found is not None:
            return _COMPANY.sub("", found.group(1))
    for line in lines:
        found = _DATELINE.match(line)
        if found is not None:
            return WIRE_SHORT[found.group(2)]
    holder = _holder(lines, last=True)
    return _COMPANY.sub("", holder) if holder else None


def site_named(text: str) -> str | None:
    """The site's own name: its masthead and copyright line (see the module doc), or None."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    masts = [_masthead(line) for line in lines[:_MAST_LINES]]
    holder = _japanese_holder(lines) or _holder(lines)
    if _LATIN.fullmatch(holder) and any(m and _OUTLET_END.search(m) for m in masts):
        holder = ""  # © Suzukake Keizai Shimbun beside the masthead すずかけ経済新聞: the page's own Japanese name
    if holder and masts and masts[0]:
        shared = _shared_start(holder, masts[0])
        if len(shared) >= _SHARED_MIN:
            return _COMPANY.sub("", shared)
    if holder:
        return _COMPANY.sub("", holder)
    return next((m for m in masts if m and _OUTLET_END.search(m)), None)


_MAST_END = re.compile(r"(?:新聞|新報|日報|通信|時報|タイムズ|ニュース|放送|デジタル|オンライン|電子版|ウェブ|(?<!ター)ネット"
                       r"|WEB|Web|NEWS|News|Online|ONLINE)$")  # はやて放送 ニュースウェブ, みなと放送 NEWSネット


def is_masthead(line: str, outlet: str | None = None) -> bool:
    """Whether a page's line is its masthead, not a headline (newuser5 #1: 「あさぎり放送 NEWS WEB」 was offered as
    the headline): its first part (`_masthead`) is the page's `outlet`, holds it, or ends as an outlet's name does
    (…新報, …ニュース, NEWS, WEB, デジタル)."""
    mast = _masthead(line.strip())
    if not mast:
        return False
    return bool(outlet and (outlet in mast or mast in outlet)) or bool(_MAST_END.search(mast))


def _shared_start(a: str, b: str) -> str:
    n = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[:n].strip()


def _masthead(line: str) -> str:
    """The first part of a line that may be a masthead (みなと新報デジタル ＞ 国際, NHKニュース　2024年8月21日), or ""."""
    mast = _MAST_SPLIT.split(line)[0].strip()
    return "" if mast in _NAVIGATION or len(mast) > _MAST_MAX or "。" in mast else mast


def _japanese_holder(lines: list[str]) -> str:
    """The holder a copyright line names in Japanese (「すずかけ経済新聞社の著作権その他の権利を…」), "" if none."""
    for line in reversed(lines):
        found = _JA_HOLDER.search(line) if len(line) <= _LINE_MAX else None
        if found is not None:
            return found.group(1) or found.group(2)
    return ""


def _holder(lines: list[str], last: bool = False) -> str:
    """The copyright holder named on the page's last copyright line ("" if none); `last`: only the last of the
    names an `A/B` line gives (© 2023 ニュースのしおり/時事通信 → 時事通信), "" for a line of one name."""
    for line in reversed(lines):
        found = _COPYRIGHT.search(line)
        if found is None or len(line) > _LINE_MAX:
            continue
        rest = _HOLDER_JUNK.sub("", line[found.end():])
        shared = _SHARED_BY.match(rest)
        if last:
            return shared.group(2).strip(" .,、。") if shared else ""
        end = _HOLDER_END.search(rest)
        return (rest[: end.start()] if end else rest).strip(" .,、。")
    return ""
