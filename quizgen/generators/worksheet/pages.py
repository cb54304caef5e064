"""Page integrity of printed versions: the same page count for every version of one test, and the checks
a laid-out sheet must pass.

The stylesheet does the rest: a question (its note and choices) is one block kept whole
(`break-inside: avoid`), a section heading is kept with its first question, and the source list is never
set apart from the last question (`break-before: avoid`). The sheet template marks every question's start
and end, every section heading and the source list with an id, so the pages can be read back
(`Layout.anchors`) and checked (`page_problems`).

A sheet whose last page holds only a short tail (the source list, a question or two, or one short section) is set
tighter (less space between questions, then tighter lines: `TIGHTER`) where that saves the page. Versions of one
test hold the same questions in other orders, so they can come out a page apart. Then, in turn: the longer
versions are set tighter (the same steps); a shorter version breaks the page before one of its sections (the last
section that makes it reach the count); and a version still short gets pages that say they are left blank, as exam papers do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from quizgen.bank.model import Lang, Text
from quizgen.generators.worksheet.pdf import Layout

__all__ = ["BLANK_PAGE", "balance", "fit_key", "page_problems"]

BLANK_PAGE = Text("(このページは余白です)", "(This page is intentionally left blank.)")
_SECTION_RE = re.compile(r'<section class="sec [^"]*" id="(s[0-9]+)"')


def page_problems(anchors: Sequence[frozenset[str]]) -> list[str]:
    """What is wrong with a laid-out sheet, from the ids that start on each page: a question split across pages,
    a section heading without its first question, a page that holds only the source list."""
    page_of: dict[str, int] = {}
    for n, ids in enumerate(anchors):
        for a in ids:
            page_of.setdefault(a, n)
    problems = []
    for a, n in page_of.items():
        m = re.fullmatch(r"q([0-9]+)", a)
        if m and page_of.get(f"{a}-end", n) != n:
            problems.append(f"question {m.group(1)} is split across pages {n + 1} and {page_of[f'{a}-end'] + 1}")
    for n, ids in enumerate(anchors):
        questions = {a for a in ids if re.fullmatch(r"q[0-9]+", a)}
        heads = {a for a in ids if re.fullmatch(r"h[0-9]+", a)}
        if heads and not questions:
            problems.append(f"page {n + 1} ends with a section heading")
    problems += [f"page {n} holds only the source list" for n in sources_alone(anchors)]
    return problems


def sources_alone(anchors: Sequence[frozenset[str]]) -> list[int]:
    """The pages (from 1) after the first that hold the source list and no question or key entry that starts there
    (`q3`, `k3`): a timeline entry's box, its end mark and padding, may run onto the page with the sources and print
    nothing there (review 10, A4 furigana key p.5)."""
    seen: set[str] = set()
    out = []
    for n, ids in enumerate(anchors):
        starts = {a for a in ids if re.fullmatch(r"[qk][0-9]+", a)} - seen
        seen |= starts
        if n > 0 and "sources" in ids and not starts:
            out.append(n + 1)
    return out


def _with_class(html: str, name: str) -> str:
    return html.replace('<body class="', f'<body class="{name} ', 1)


def _break_before(html: str, section: str) -> str:
    return html.replace(f'id="{section}"', f'id="{section}" style="break-before: page; page-break-before: always"', 1)


def _padded(html: str, pages: int, lang: Lang) -> str:
    text = BLANK_PAGE.en if lang is Lang.EN else BLANK_PAGE.ja
    blank = f'<div class="blank-page">{text}</div>' * pages
    return html.replace("</body>", blank + "</body>", 1)


def balance(htmls: Sequence[str], lay_out: Callable[[str], Layout], lang: Lang) -> list[Layout]:
    """Lay out the versions of one sheet with the same page count (see the module docstring)."""
    docs = list(htmls)
    layouts = [lay_out(h) for h in docs]
    _pack(docs, layouts, lay_out)
    if len({x.page_count for x in layouts}) > 1:
        _tighten(docs, layouts, lay_out)
    if len({x.page_count for x in layouts}) > 1:
        _spread(docs, layouts, lay_out, lang)
    return layouts


# ever tighter settings (worksheet.css); the last sets the lines of a furigana sheet that carry no reading (options,
# the matching's right column) and the source list tighter (review 10, s5: 問10 alone with the sources on p.3)
TIGHTER = ("compact", "compact packed", "compact packed dense", "compact packed dense tightest")
KEEP_SOURCES = "keep-sources"  # a key's source list held to its last entry: the last resort of `fit_key`
SPARSE_LAST_PAGE = 2  # questions or fewer on the last page: try setting the sheet tighter to save that page
SHORT_SECTION = 4  # questions or fewer of one section that begins on the last page: a short tail to try to save


def short_tail(pages: Sequence[frozenset[str]]) -> bool:
    """Whether the last of `pages` (the anchors on each) holds only a short tail that a tighter setting might
    bring onto the page before: the source list alone, a question or two, or one short section that begins there
    (review 6, s5: p.3 held only the matching exercise and the sources)."""
    if len(pages) < 2:
        return False
    last = pages[-1]
    questions = {a for a in last if re.fullmatch(r"q[0-9]+", a)}
    sections = {a for a in last if re.fullmatch(r"s[0-9]+", a)}
    one_section = len(sections) == 1 and f"h{next(iter(sections))[1:]}" in last
    return len(questions) <= SPARSE_LAST_PAGE or (one_section and len(questions) <= SHORT_SECTION)


def _pack(docs: list[str], layouts: list[Layout], lay_out: Callable[[str], Layout]) -> None:
    """Set a version tighter where that saves a page: the tightest setting is tried first (one layout where nothing
    saves a page), then the lighter ones, and the lightest that saves it is kept. Review 2, s1: 問15 alone on page 3
    with the source list; review 8, s2: page 1 a quarter blank with 問4 pushed over, 3 pages where 2 would do — the
    rule then looked only at a last page holding a short tail (`short_tail`), and that one held four questions."""
    for i, x in enumerate(layouts):
        if x.page_count < 2:
            continue
        tightest = lay_out(_with_class(docs[i], TIGHTER[-1]))
        if tightest.page_count >= x.page_count or page_problems(tightest.anchors()):
            continue
        for c in TIGHTER[:-1]:
            y = lay_out(_with_class(docs[i], c))
            if y.page_count <= tightest.page_count and not page_problems(y.anchors()):
                docs[i], layouts[i] = _with_class(docs[i], c), y
                break
        else:
            docs[i], layouts[i] = _with_class(docs[i], TIGHTER[-1]), tightest


def fit_key(html: str, lay_out: Callable[[str], Layout]) -> Layout:
    """An answer key laid out with no page that holds only its source list (review 10, s1 and s5: p.5 held only the
    sources): the lightest tighter setting (`TIGHTER`) that brings the list back onto the page before, else the list
    held to the last entry (which then comes over with it), else the last entry set on the last page with the list
    (a timeline entry broken across pages brought only its padding over); the first layout when none does."""
    x = lay_out(html)
    if not lonely_sources(x):
        return x
    for c in TIGHTER:
        y = lay_out(_with_class(html, c))
        if not lonely_sources(y) and y.page_count < x.page_count:
            return y
    tries = [_with_class(html, KEEP_SOURCES)]
    entries = re.findall(r'<div class="k [^"]*" id="(k[0-9]+)"', html)
    if entries:
        tries.append(_break_before(html, entries[-1]))
    for doc in tries:
        y = lay_out(doc)
        if not lonely_sources(y) and y.page_count <= x.page_count + 1:
            return y
    return x


def lonely_sources(x: Layout) -> list[int]:
    """The pages (from 1) after the first that hold the source list and print nothing else (`Layout.prints_besides`)."""
    printed = x.prints_besides("sources")
    return [n + 1 for n, ids in enumerate(x.anchors()) if n > 0 and "sources" in ids and not printed[n]]


def _tighten(docs: list[str], layouts: list[Layout], lay_out: Callable[[str], Layout]) -> None:
    """Set the versions longer than the shortest tighter, where that saves a page."""
    low = min(x.page_count for x in layouts)
    for i, x in enumerate(layouts):
        if x.page_count <= low:
            continue
        for tight in (_with_class(docs[i], c) for c in TIGHTER):
            y = lay_out(tight)
            if y.page_count < x.page_count and not page_problems(y.anchors()):
                docs[i], layouts[i] = tight, y
                break


def _spread(docs: list[str], layouts: list[Layout], lay_out: Callable[[str], Layout], lang: Lang) -> None:
    """Bring the shorter versions up to the longest: a page break before a section, else blank pages."""
    high = max(x.page_count for x in layouts)
    for i, x in enumerate(layouts):
        if x.page_count == high:
            continue
        for section in reversed(_SECTION_RE.findall(docs[i])[1:]):
            spread = _break_before(docs[i], section)
            y = lay_out(spread)
            if y.page_count == high and not page_problems(y.anchors()):
                docs[i], layouts[i] = spread, y
                break
        if layouts[i].page_count < high:
            layouts[i] = lay_out(_padded(docs[i], high - layouts[i].page_count, lang))
