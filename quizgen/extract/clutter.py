"""Step 1: drop page clutter (tickers, rankings, "read more" lines, bare URLs, adverts, photo captions and
credits, bylines, date stamps).

Pure: takes the article text, returns the kept lines (verbatim, with their offsets in
the original text, so evidence quotes stay verbatim) and a report of every dropped line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from quizgen.japanese.metadata import is_byline, is_dateline, stamp_date, stamp_published
from quizgen.text import shorten


class ClutterReason(StrEnum):
    URL = "bare URL"
    READ_MORE = "read-more link"
    SOURCE_LINK = "source/image credit link"
    FOOTER = "page footer after the article (related links, tickers, rankings, adverts)"
    RANKING = "ranking entry"
    ADVERT = "advert or subscription line"
    NOT_JAPANESE = "line without Japanese text"
    KNOWN = "listed as clutter for this source"
    NAVIGATION = "site navigation label"
    TICKER = "news ticker"
    DATELINE = "date and time stamp"
    CAPTION = "photo caption or credit"
    BYLINE = "byline"
    REPEATED = "the same text as a line above (the page pasted twice?): read once"
    BLANK = "blank"


@dataclass(frozen=True)
class Line:
    text: str  # verbatim, without the newline
    start: int  # offset of text[0] in the original article
    number: int  # 1-based line number


@dataclass(frozen=True)
class Dropped:
    number: int
    text: str
    reason: ClutterReason


@dataclass(frozen=True)
class Cleaned:
    lines: tuple[Line, ...]
    dropped: tuple[Dropped, ...]

    @property
    def dateline(self) -> str | None:
        """The page's publication date as YYYY-MM-DD: of the first dropped date stamp that says 配信/公開/掲載 (the one
        that dates the page, newuser7 #2), else of the first dropped date stamp, else of a kept labelled line
        (公開日:2023/03/21); None if none gives a day of the calendar. A date inside the story's sentences is
        never a stamp."""
        stamps = [d.text for d in self.dropped if d.reason is ClutterReason.DATELINE]
        labelled = [line.text for line in self.lines if _LABELLED_DATE.match(line.text.strip())]
        for text in (*[t for t in stamps if stamp_published(t)], *stamps, *labelled):
            date = stamp_date(text)
            if date is not None:
                return date
        return None

    def report(self) -> str:
        """What was dropped, one line per run of lines with the same reason (blank lines are not reported)."""
        out: list[str] = []
        runs: list[list[Dropped]] = []
        for d in self.dropped:
            if d.reason is ClutterReason.BLANK:
                continue
            if runs and runs[-1][-1].reason is d.reason and d.reason in (ClutterReason.FOOTER, ClutterReason.REPEATED):
                runs[-1].append(d)
            else:
                runs.append([d])
        for run in runs:
            first, last = run[0], run[-1]
            if len(run) == 1:
                out.append(f"line {first.number}: {first.reason.value}: {shorten(first.text.strip(), 60)}")
            else:
                out.append(f"lines {first.number}-{last.number}: {first.reason.value}: "
                           f"{len(run)} lines from {shorten(first.text.strip(), 30)!r}")
        return "\n".join(out)


# Lines from which the rest of the page is furniture, not article text.
_FOOTER_START = re.compile(
    r"^\s*(あわせて読みたい|関連記事|ニュース速報|人気ランキング|アクセスランキング|おすすめ記事|"
    r"記事全文を見るには|この記事を読んだ人|Reference\(s\)|References?:|次のページ|前のページ|"
    r"©|（C）|\(C\)|Copyright|無断転載|All rights reserved)",
    re.IGNORECASE,
)
_TICKER = re.compile(r"^\s*[【\[［](速報|ニュース速報|号外|LIVE|ライブ|動画|PR|AD)[】\]］]")
# 「ホーム > 国際 > アジア」「気象 | 交通 | 株価」: breadcrumbs and menus of short labels.
_MENU = re.compile(r"^\s*[^\s>＞|｜]{1,12}(\s*[>＞|｜]\s*[^\s>＞|｜]{1,12}){2,}\s*$")
# 「トップ　速報　政治　経済　国際　社会」: a menu of four or more short labels set apart by (full-width) spaces, no
# sentence mark in it (newuser10: add-article offered it as the headline)
_SPACED_MENU = re.compile(r"^\s*[^\s。、「」]{1,8}(?:[ 　]+[^\s。、「」]{1,8}){3,}\s*$")
# a line of account and app links (「ログイン　会員登録(初月無料)」「番組表　アプリ」): every label one of these
_SITE_LINK = re.compile(r"^(?:ログイン|ログアウト|会員登録|新規登録|マイページ|番組表|アプリ|検索|メニュー|お問い合わせ|"
                        r"購読|購読申し込み|ニュースレター|RSS)(?:[(（][^)）]{0,12}[)）])?$")


def _site_links(line: str) -> bool:
    labels = line.split()
    return bool(labels) and all(_SITE_LINK.match(label) for label in labels)
# 「すずかけ経済新聞 電子版　　トップ　＞　国際　＞　ロシア・中国」: a breadcrumb whose labels hold spaces (the site's
# name before its first label); two arrows or more, no sentence (newuser4 #1).
_CRUMB = re.compile(r"\s*[>＞»›]\s*")
_CRUMB_PART = 24  # each part of a breadcrumb is a short label
_MEMBERS = re.compile(r"^(この記事は)?(有料)?(会員|購読者)(限定|専用)(の)?(記事|です|コンテンツ)?[。!！]?$")
_SHARE = re.compile(r"^(この記事を)?(シェア|ツイート|ブックマーク|印刷|保存)(する|しよう)?$|"
                    r"^\[?[［]?(広告|PR|スポンサーリンク)[］]?\]?$")
_LABELLED_DATE = re.compile(r"^(公開日|配信日|掲載日|投稿日|更新日)\s*[:：]")
_URL = re.compile(r"^\s*(https?://\S+|www\.\S+|[\w.-]+\.(com|jp|org|net|co\.jp|ne\.jp)(/\S*)?)\s*$")
_READ_MORE = re.compile(r"(次のページを読む|続きを読む|もっと見る|記事を読む|詳しくはこちら|こちらから。?$|クリックしてください|"
                        r"続きは[^。]{0,24}(?:お読み|ご覧|読め|読む))")  # newuser12: 「続きは有料会員登録でお読みいただけます」
# A "read more ⇒ source: URL" credit glued to the next text; only this prefix is clutter.
_SOURCE_CREDIT = re.compile(r"^(さらに読む\s*⇒?\s*)?[^\s:：]{0,30}?出典(/画像元)?\s*[:：]\s*https?://[\x21-\x7e]+?(?=[^\x21-\x7e]|$)")
_RANKING = re.compile(r"^\s*[•・●■◆▶]?\s*(\d{1,2}|第\d+位|\d+位)\s*$")
_ADVERT = re.compile(r"(好評発売中|発売中|メールマガジン|購読|定期購読|号\s*[(（][^)）]*発売[)）]|特集[:：]|PR$|広告$|"
                     r"MAGAZINE|MOOK)")
_NAVIGATION = frozenset({"最新記事", "トップ", "ホーム", "ワールド", "ビジネス", "国際", "政治", "経済", "社会",
                         "メニュー", "目次", "広告", "PR", "シェア", "ツイート"})
# 「写真:会談前に握手する…=16日、北京(ロイター)」「(写真)」「撮影:山田太郎」「Photo: Reuters」
_CAPTION = re.compile(r"^(?:[【\[［(（]?(?:写真|画像|動画|映像|図|グラフ|表)(?:[】\]］)）]|\s*[:：]|は|＝|=)|▲|△|▼|"
                      r"(?:撮影|提供|出典|クレジット)\s*[:：]|photo\s*[:：]|(?:[(（](?:ロイター|AP|AFP|共同|時事|新華社|"
                      r"タス|EPA|Getty|ゲッティ|UPI|ブルームバーグ)[^)）]{0,12}[)）])$)", re.IGNORECASE)
# A caption without a label: short, with 「=16日、北京」 and an agency's credit at its end.
_CAPTION_TAIL = re.compile(r"[=＝][^=＝。]{0,30}[(（](?:ロイター|AP|AFP|共同|時事|新華社|タス|EPA|Getty|ゲッティ|"
                           r"UPI|ブルームバーグ|[^)）]{1,10}撮影)[^)）]{0,12}[)）]$")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def clean(text: str, known: tuple[str, ...] = ()) -> Cleaned:
    """Split `text` into lines and drop clutter. `known` are lines a source already lists as clutter."""
    kept: list[Line] = []
    dropped: list[Dropped] = []
    known_set = {k.strip() for k in known if k.strip()}
    offset = 0
    in_footer = False
    body: set[str] = set()  # the kept lines so far, stripped
    raw_lines = text.split("\n")
    for number, raw in enumerate(raw_lines, start=1):
        start = offset
        offset += len(raw) + 1
        line = raw.rstrip("\r")
        stripped = line.strip().strip("\u3000\u00a0")
        reason: ClutterReason | None = None
        if not stripped:
            reason = ClutterReason.BLANK
        elif stripped in body:  # a body pasted twice reads once (hostile pass 11, H06)
            reason = ClutterReason.REPEATED
        elif in_footer or _FOOTER_START.search(stripped):
            in_footer = True  # everything after the footer starts is footer
            reason = ClutterReason.FOOTER
        else:
            reason = _reason(stripped, known_set)
        if reason is not None:
            dropped.append(Dropped(number, line, reason))
            continue
        credit = _SOURCE_CREDIT.match(line)
        if credit:
            dropped.append(Dropped(number, credit.group(0), ClutterReason.SOURCE_LINK))
            rest = line[credit.end():]
            if rest.strip():
                kept.append(Line(rest, start + credit.end(), number))
            continue
        kept.append(Line(line, start, number))
        body.add(stripped)
    return Cleaned(tuple(kept), tuple(dropped))


def _reason(s: str, known: set[str]) -> ClutterReason | None:
    """Why a non-blank line before the footer is clutter, or None: the first rule that fits decides."""
    rules: tuple[tuple[ClutterReason, object], ...] = (
        (ClutterReason.NAVIGATION, s in _NAVIGATION or _MENU.match(s) or _SPACED_MENU.match(s) or _SHARE.match(s)
                                    or _site_links(s) or _breadcrumb(s)),
        (ClutterReason.TICKER, _TICKER.match(s)),
        (ClutterReason.CAPTION, _CAPTION.match(s) or (len(s) < 120 and "。" not in s[:-1] and _CAPTION_TAIL.search(s))),
        (ClutterReason.BYLINE, is_byline(s)),
        (ClutterReason.DATELINE, is_dateline(s)),
        (ClutterReason.KNOWN, s in known),
        (ClutterReason.URL, _URL.match(s)),
        (ClutterReason.RANKING, _RANKING.match(s)),
        (ClutterReason.ADVERT, _ADVERT.search(s) or _MEMBERS.match(s)),
        (ClutterReason.READ_MORE, _READ_MORE.search(s) and len(s) < 40),
        (ClutterReason.NOT_JAPANESE, not _JAPANESE.search(s)),
    )
    return next((reason for reason, fits in rules if fits), None)




def _breadcrumb(s: str) -> bool:
    """A line of short labels joined by arrows (トップ ＞ 国際 ＞ アジア, 国際 ＞ アジア), however its labels are spaced."""
    parts = _CRUMB.split(s)  # one arrow is enough (国際 ＞ アジア・オセアニア; newuser10: offered as the headline)
    return len(parts) >= 2 and not re.search(r"[。、「」]", s) and all(0 < len(p.strip()) <= _CRUMB_PART for p in parts)
