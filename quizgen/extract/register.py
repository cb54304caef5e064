"""`quizgen add-article`: register a new article in a bank (library part, no prompts).

Registering copies the article's text into the bank's own articles folder (`BANK/articles/`, where
`quizgen check` finds it by default) and writes its `sources:` entry — headline, outlet, date, address —
into `BANK/items/<id>.yaml`, the file `quizgen review` later adds the accepted questions to. Both are
checked before anything is written; the bank is validated with the new source, and the copy is atomic.

`registered_source` tells `quizgen extract` whether an article file is already registered (its copy is in
the articles folder, by name and content), so the drafts use the source the teacher described: its date
resolves 「16日」 and 「昨年」, its outlet appears in every citation.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from quizgen.atomic import Links, write_bytes, write_text
from quizgen.bank.articles import BANK_ARTICLES
from quizgen.bank.data import to_data
from quizgen.bank.files import bank_files
from quizgen.bank.load import loads_bank_files, read_files
from quizgen.bank.model import Bank, Source, Text
from quizgen.bank.names import id_problem
from quizgen.bank.placeholders import TODO_EN, UNKNOWN_OUTLET
from quizgen.bank.records import dumps_yaml
from quizgen.errors import BankError, UsageError
from quizgen.extract.article import next_source_id, read_article
from quizgen.extract.clutter import clean
from quizgen.extract.sentences import split
from quizgen.extract.session import bank_held
from quizgen.japanese.outlets import is_masthead, outlet_named, site_named
from quizgen.text import (
    byte_shown,
    code_point,
    find_control,
    find_invisible,
    find_line_break,
    find_not_utf8,
    invisible_at,
    invisible_why,
    shell_word,
    visible,
)

_URL = re.compile(r"^(https?://\S+|[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?)$", re.IGNORECASE)


@dataclass(frozen=True)
class Guess:
    """What the article's text suggests for the questions add-article asks."""

    headline: str
    published: str | None


@dataclass(frozen=True)
class Registered:
    source: Source
    article: Path  # the copy in BANK/articles
    bank_file: Path  # BANK/items/<id>.yaml, holding the source


def articles_folder(bank_dir: Path) -> Path:
    return bank_dir / BANK_ARTICLES


def guess(text: str) -> Guess:
    """The first line that reads as a headline, the date of the page's date stamp (if any). Skipped: a masthead (the
    outlet the page names, or a line ending as an outlet's name does, 「あさぎり放送 NEWS WEB」) and a line of the
    page's own furniture (`furniture`)."""
    cleaned = clean(text)
    outlets = (outlet_named(text), site_named(text))
    headline = next((s.text for s in split(cleaned.lines)
                     if not furniture(s.text) and not any(is_masthead(s.text, o) for o in outlets)), "")
    return Guess(headline, cleaned.dateline)


# a menu (ニュース トップ｜社会｜政治), a promotion (▶ 地震関連ニュースはこちら), an account link (ログイン | 会員登録)
_FURNITURE = re.compile(r"[｜|▶►»]|はこちら$|ログイン|会員登録|有料会員|番組表|^\[")
_MENU_WORD = 6  # a menu's entries are short words: ライブ配信　番組表　アプリで読む


def furniture(line: str) -> bool:
    """Whether a page's line is its furniture, not a headline (v21, v26 and v30's pages offered 「ログイン | 会員登録
    (無料)」, 「ライブ配信　番組表　アプリで読む」 and 「地震関連ニュース(中国・四川省)はこちら」): a menu, a link to
    other pages or the reader's account, or three or more short words in a row."""
    words = line.split()
    return bool(_FURNITURE.search(line)) or (len(words) >= 3 and all(len(w) <= _MENU_WORD for w in words))


def check_given(source_id: str | None = None, **texts: str | None) -> None:
    """A UsageError for a given source id that breaks the id rule, or a given text (`headline=…`) holding a control
    character or longer than a bank text may be: said of the parameter before anything is asked or written."""
    from quizgen.bank.limits import OTHER

    if source_id is not None and (problem := id_problem(source_id)) is not None:
        raise UsageError(f"{{source_id}} {problem}", names=["source_id"])
    for name, text in texts.items():
        if text and any(c in text.strip() for c in "\n\r\u2028\u2029"):  # hostile15 AA08: a two-line headline
            raise UsageError(f"{{{name}}} holds a line break; give it on one line", names=[name])
        if text and len(text.strip()) > OTHER:
            raise UsageError(f"{{{name}}} has {len(text.strip())} characters, more than the {OTHER} it may have; "
                             "shorten it", names=[name])
        at = find_control(text or "")
        if text and at is not None:
            raise UsageError(f"{{{name}}} holds a control character ({code_point(text[at])} at character {at + 1})",
                             names=[name])
        if text and (said := _invisible(text)) is not None:  # the bank refuses it, at a place in no file yet (AA7)
            raise UsageError(f"{{{name}}} holds {said}", names=[name])


def check_file_name(article: Path) -> None:
    """A UsageError for an article whose file name the bank cannot record as it is: a byte that is not UTF-8 (a name
    unpacked from a zip made in Shift_JIS: hostile18 found a UnicodeEncodeError traceback in add-article and extract),
    a control character (a line break, a tab: hostile17 found it refused as a YAML error in a file add-article wrote
    and removed) or an invisible formatting character (U+202E, U+200B: hostile18 found it refused at a line of that
    removed file). Said before anything is written, the name shown with each such character escaped."""
    name = article.name
    shown = visible(str(article))
    bad = find_not_utf8(name)
    if bad is not None and _utf8(name):  # UTF-8 read in another encoding: the locale is at fault, not the name
        raise UsageError(f"{shown}: the file name is UTF-8, but this process reads file names as "
                         f"{sys.getfilesystemencoding()} (a C or POSIX locale with PYTHONUTF8=0?); run quizgen in a "
                         "UTF-8 locale (LANG=C.UTF-8), or rename the file with ASCII letters only")
    if bad is not None:
        raise UsageError(f"{shown}: the file name holds a byte that is not UTF-8 ({byte_shown(name[bad])} at character "
                         f"{bad + 1}); rename the file and try again")
    at = min((k for k in (find_line_break(name), name.find("\t")) if k is not None and k >= 0), default=None)
    at = find_control(name) if at is None else at
    if at is not None:
        raise UsageError(f"{shown}: the file name holds a control character ({code_point(name[at])} at character "
                         f"{at + 1}); rename the file and try again")
    at = find_invisible(name)
    if at is not None:
        what = invisible_at(name, at).split("; ", 1)[0]
        raise UsageError(f"{shown}: the file name holds an {what} ({invisible_why(name[at])}); rename the file and "
                         "try again")


def _utf8(name: str) -> bool:
    """Whether the bytes of the file name `name` are UTF-8 text."""
    try:
        os.fsencode(name).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _invisible(text: str) -> str | None:
    """'an invisible formatting character U+202E RIGHT-TO-LEFT OVERRIDE at character 3; remove it (…)', or None.
    (Typed at a prompt, `quizgen.cli.terminal.ask` asks again for it, as for every typed text.)"""
    at = find_invisible(text)
    return None if at is None else f"an {invisible_at(text, at)}"


def check_date(value: str) -> str:
    """`value` as YYYY-MM-DD, or a UsageError saying what is wrong."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError as exc:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):  # the form is right, the day is not (2024-02-30)
            raise UsageError(f"the date {text} names no day of the calendar ({exc}); check the month and day "
                             "the page gives") from exc
        raise UsageError(f"the date must be YYYY-MM-DD (like 2024-05-16), not {text!r}") from exc


def check_url(value: str) -> str:
    value = value.strip()
    if not _URL.match(value):
        raise UsageError(f"the address must be a web address (https://…), not {value!r}")
    return value


def registered_source(bank: Bank, bank_dir: Path, article: Path) -> Source | None:
    """The bank's source for `article`, if it is registered: the file is in BANK/articles, or a file of the same
    name and the same bytes is."""
    folder = articles_folder(bank_dir)
    copy = folder / article.name
    if not copy.is_file():
        return None
    same = article.resolve() == copy.resolve() or copy.read_bytes() == article.read_bytes()
    if not same:
        return None
    return next((s for s in bank.sources if s.file == article.name), None)


def register(article: Path, bank_dir: Path, bank: Bank, *, headline: Text, outlet: Text | None, published: str | None,
             url: str | None, source_id: str | None = None) -> Registered:
    """Copy `article` into BANK/articles and write its source entry into BANK/items/<id>.yaml (see the module doc).

    `bank` is the bank as the caller read it; the id is chosen, and the entry written, while the bank is held, from
    the bank as it is then: two runs at once never take the same id (hostile8 N01)."""
    check_given(source_id)
    read_article(article)  # a clear error for an empty, non-UTF-8, HTML or non-Japanese file
    with bank_held(bank_dir):
        texts, problems = read_files(bank_files(bank_dir))
        if problems:
            raise BankError(problems)
        now = loads_bank_files(texts) if texts else bank
        return _register(article, bank_dir, now, texts, headline=headline, outlet=outlet, published=published,
                         url=url, source_id=source_id)


def _register(article: Path, bank_dir: Path, bank: Bank, texts: list[tuple[str, str]], *, headline: Text,
              outlet: Text | None, published: str | None, url: str | None, source_id: str | None) -> Registered:
    folder = articles_folder(bank_dir)
    copy = folder / article.name
    known = next((s for s in bank.sources if s.file == article.name), None)
    if known is not None:
        raise UsageError(f"{article.name} is already registered as article {known.id} "
                         f"({known.headline.ja}); extract it with  quizgen extract {shell_word(str(copy))}")
    if copy.exists() and copy.read_bytes() != article.read_bytes():
        raise UsageError(f"{copy} already exists with other text; rename the article file and try again")
    sid = source_id or next_source_id(bank)
    if sid in bank.source_by_id:
        raise UsageError(f"source id {sid!r} is already in the bank; pass another {{source_id}}", names=["source_id"])
    source = Source(id=sid, file=article.name, headline=headline, outlet=outlet or UNKNOWN_OUTLET,
                    published=check_date(published) if published else None, url=check_url(url) if url else None)
    target = bank_dir / "items" / f"{sid}.yaml"
    if target.exists():
        raise UsageError(f"{target} already exists; pass another {{source_id}}", names=["source_id"])
    body = (f"# Article {sid}, registered by `quizgen add-article` ({article.name}).\n"
            "# `quizgen review` adds the questions you accept from its drafts to this file.\n")
    file_text = body + dumps_yaml({"sources": [to_data(source)]})
    loads_bank_files([*texts, (file_text, str(target))])  # the bank stays valid with the new source
    copied = not copy.exists()
    if copied:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes(copy, article.read_bytes(), Links.FOLLOW)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text(target, file_text, Links.FOLLOW)
    except BaseException:  # not registered: the copy goes too (hostile15 AA20: a read-only items/ left it behind)
        if copied:
            copy.unlink(missing_ok=True)
        raise
    return Registered(source, copy, target)


def english(value: str | None) -> str:
    """An English text as given, or the placeholder no output prints."""
    return value.strip() if value and value.strip() else TODO_EN
