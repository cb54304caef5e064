"""Page metadata: a byline or a date and time stamp, printed on a news page but not part of the report (pure).

`extract` drops such lines from an article; the worksheet key never quotes one as evidence (review 3, s3: the
byline 「2023年3月29日(水)11時20分」 was shown as a quote that dated an event).
"""

from __future__ import annotations

import re

__all__ = ["STAMP_DATE", "is_byline", "is_dateline", "is_page_metadata", "stamp_date", "stamp_published"]

# A line that is only a date/time stamp (「2024/07/16 18:45　更新 2024/07/16 21:02」「2024年10月22日 23時41分」);
# a labelled 「公開日:2023/03/21」 is kept (a question may ask for it).
_STAMP = re.compile(r"^(?:[^\s\u3000。、]{1,16}[\s\u3000]+)?"  # 「NHKニュース　2024年8月21日 19時05分」
                    r"[\d０-９/.\-年月日時分:：\s\u3000()（）曜月火水木金土]*(更新|配信|公開|掲載|投稿)?"
                    r"[\d０-９/.\-年月日時分:：\s\u3000()（）曜月火水木金土]*$")
STAMP_DATE = re.compile(r"((?:19|20)\d{2})[/.年-](\d{1,2})[/.月-](\d{1,2})")
_REIWA = re.compile(r"令和(元|\d{1,2})年")  # 令和5年2月23日 = 2023年2月23日
_KEYWORD = re.compile(r"配信|更新|公開|掲載|投稿")
_LAST_UPDATE = re.compile(r"[\s\u3000]*[(（]最終更新[^()（）]{1,30}[)）]$")
_PUBLISHED = re.compile(r"配信|公開|掲載|投稿")  # the stamp that dates the page (更新 is a later change)
_LABEL = re.compile(r"^(?:公開|配信|掲載|投稿|更新)日\s*[:：]")
_TIME = re.compile(r"\d[:：時]\d")
# 「2023年02月23日07時14分配信　時事通信」: the outlet a stamp names after its time or 配信
_AFTER_STAMP = re.compile(r"(?<=[信新開載稿分\d)）])[\s\u3000]+[^\s\u3000\d。、,，()（）]{2,20}$")
# 「2023年2月23日」「2023/02/23(木)」: a line that is only a date
_DATE_ONLY = re.compile(r"(?:19|20)\d{2}[/.年-]\d{1,2}[/.月-]\d{1,2}日?[\s\u3000]*(?:[(（][月火水木金土日][)）])?")

# 「(北京=山田太郎)」「文:山田太郎」「取材・文/…」「(記者 山田太郎)」「山田太郎記者」「中村恵子(…研究所 主任研究員)」
# 「筆者プロフィール:…」「※本稿の見解は筆者個人のもの…」 on a line of its own, or an author's profile after the text
_BYLINE = re.compile(r"^(?:[(（【][^)）】]{1,16}[=＝][^)）】]{1,12}[)）】]|"
                     r"(?:文|取材・文|執筆|筆者|記者|著者|寄稿)\s*[:：/／]\s*\S{1,20}|"
                     r"[(（]記者\s*\S{1,12}[)）]|\S{2,10}\s?記者|\S{2,10}\s?(?:特派員|編集委員|論説委員)|"
                     r"[(（][^()（）]{1,16}(?:支局|総局|特派員)\s*[^()（）]{1,10}[)）]|"
                     r"[^\s。、()（）]{2,10}[(（][^()（）。]{2,30}(?:研究員|教授|記者|委員|代表|所長|顧問|編集長)[)）]|"
                     r"(?:筆者|著者|執筆者)(?:プロフィール|紹介)\s*[:：].*|※.{0,20}(?:見解|意見|個人).*|"
                     # an author's profile: 「高村理沙(たかむら・りさ)　北辰エネルギー経済研究所主任研究員。専門は…」
                     r"[^\s。、()（）]{2,10}[(（][\u3041-\u309f・ー\s]{2,20}[)）][\s\u3000]*[^。]{0,40}?"
                     r"(?:研究員|教授|准教授|記者|委員|代表|所長|顧問|編集長|アナリスト|エコノミスト)。.*)$")


def _western(text: str) -> str:
    return _REIWA.sub(lambda m: f"{2018 + (1 if m.group(1) == '元' else int(m.group(1)))}年", text)


def is_dateline(text: str) -> bool:
    """Whether `text` is only a date stamp: a date with a time or 配信/更新/公開 (「2023年3月29日(水)11時20分」,
    「2024/07/16 18:45 更新」, 「令和5年2月23日配信」), maybe followed by the outlet (「…07時14分配信　時事通信」), or a
    line that is only a date (「2023年2月23日」)."""
    s = _LAST_UPDATE.sub("", _western(text.strip()))  # 「2022年9月16日 5時00分（最終更新 9月16日 8時47分）」 (newuser10)
    if _LABEL.match(s):
        return False  # 公開日:2023/03/21 is kept (a question may ask for it)
    stamped = bool(_TIME.search(s) or _KEYWORD.search(s))
    if stamped:
        s = _AFTER_STAMP.sub("", s)
    return bool(_STAMP.match(s) and STAMP_DATE.search(s) and (stamped or _DATE_ONLY.fullmatch(s)))


def stamp_published(text: str) -> bool:
    """Whether a date stamp says when the page was published (配信, 公開, 掲載, 投稿), not only updated."""
    return _PUBLISHED.search(text) is not None


def stamp_date(text: str) -> str | None:
    """The date a stamp gives, as YYYY-MM-DD (令和 years made western), or None (none, or no day of the calendar)."""
    import datetime as dt

    m = STAMP_DATE.search(_western(text))
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def is_byline(text: str) -> bool:
    """Whether `text` is a byline or an author's line (「(北京=山田太郎)」, 「文:山田太郎」, 「山田太郎記者」)."""
    return _BYLINE.match(text.strip()) is not None


def is_page_metadata(text: str) -> bool:
    return is_dateline(text) or is_byline(text)
