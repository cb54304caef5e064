"""Page metadata: a byline or a date and time stamp, printed on a news page but not part of the report (pure).

`extract` drops such lines from an article; the worksheet key never quotes one as evidence (review 3, s3: the
byline 「2023年3月29日(水)11時20分」 was shown as a quote that dated an event).
"""

from __future__ import annotations

import re

__all__ = ["STAMP_DATE", "is_byline", "is_dateline", "is_page_metadata"]

# A line that is only a date/time stamp (「2024/07/16 18:45　更新 2024/07/16 21:02」「2024年10月22日 23時41分」);
# a labelled 「公開日:2023/03/21」 is kept (a question may ask for it).
_STAMP = re.compile(r"^(?:[^\s\u3000。、]{1,16}[\s\u3000]+)?"  # 「NHKニュース　2024年8月21日 19時05分」
                    r"[\d０-９/.\-年月日時分:：\s\u3000()（）曜月火水木金土]*(更新|配信|公開|掲載|投稿)?"
                    r"[\d０-９/.\-年月日時分:：\s\u3000()（）曜月火水木金土]*$")
STAMP_DATE = re.compile(r"((?:19|20)\d{2})[/.年-](\d{1,2})[/.月-](\d{1,2})")

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


def is_dateline(text: str) -> bool:
    """Whether `text` is only a date and time stamp (「2023年3月29日(水)11時20分」, 「2024/07/16 18:45 更新」)."""
    s = text.strip()
    return bool(_STAMP.match(s) and STAMP_DATE.search(s) and re.search(r"\d[:：時]\d", s))


def is_byline(text: str) -> bool:
    """Whether `text` is a byline or an author's line (「(北京=山田太郎)」, 「文:山田太郎」, 「山田太郎記者」)."""
    return _BYLINE.match(text.strip()) is not None


def is_page_metadata(text: str) -> bool:
    return is_dateline(text) or is_byline(text)
