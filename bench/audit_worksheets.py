"""Twenty worksheets of the bundled bank, as a teacher might make them, each version checked for give-aways.

Varied seeds, filters (--priority, --story), types, languages and versions. Every version of every sheet
goes through the leak checker (`sheet_leaks`, with the article texts where they are found, so that two
questions from one sentence count too; it also reads the source list, matching options and affiliations,
and same answers) and a second, independent look at the printed HTML: no question's block, and not the
source list at the foot, shows another question's answer (3 characters or more, as the bank spells it), no
outside-the-articles note is printed for students, and no furigana sits over kana. Prints one line per
sheet and the totals; exits 1 on any leak.

    .venv/bin/python bench/audit_worksheets.py
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import random
import re
import sys

from quizgen import resources
from quizgen.bank import Bank, Lang, Priority, Selection, load_bank
from quizgen.generators.worksheet import (
    ClozeQ,
    Exercise,
    MatchingQ,
    Question,
    TimelineQ,
    WorksheetOptions,
    build_worksheet,
    question_items,
    sheet_leaks,
)
from quizgen.generators.worksheet.render import Part, render
from quizgen.japanese.normalise import normalise

TYPES = [tuple(Exercise), (Exercise.SHORT, Exercise.CHOICE), (Exercise.TRUEFALSE, Exercise.CLOZE),
         (Exercise.CHOICE, Exercise.MATCHING, Exercise.TIMELINE), (Exercise.SHORT, Exercise.CLOZE, Exercise.TIMELINE)]
LANGS = [Lang.JA, Lang.EN, Lang.BOTH]


def configs(bank: Bank) -> list[tuple[str, WorksheetOptions, Selection]]:
    stories = sorted({i.story for i in bank.items if i.story}, key=lambda s: -sum(1 for i in bank.items if i.story == s))
    out = []
    for k in range(20):
        sel, name = Selection(), "all items"
        if k % 5 == 1:
            sel, name = Selection(priorities=(Priority.CORE,)), "--priority core"
        elif k % 5 == 3 and stories:
            story = stories[(k // 5) % min(2, len(stories))]
            sel, name = Selection(stories=(story,)), f"--story {story}"
        types = TYPES[k % 5]
        n = sum(1 for i in sel.apply(bank) if Exercise.TRUEFALSE in types or not i.truefalse)  # askable with types
        count = min(max(3, min(20 - k % 3 * 5, n // 2)), n)  # a story whose items are mostly true/false-only has fewer
        out.append((name, WorksheetOptions(count=count, types=types, lang=LANGS[k % 3], variants=1 + k % 3,
                                           seed=100 + k, furigana=k % 4 == 0), sel))
    return out


def printed_leaks(bank: Bank, html: str, questions: list[tuple[int, Question]]) -> list[str]:
    """The independent look: a question's answer (as the bank spells it) printed in another question's block."""
    blocks = {int(m.group(1)): m.group(2) for m in re.finditer(r'id="q([0-9]+)">(.*?)id="q\1-end"', html, re.S)}
    blocks[0] = html.split('id="sources"', 1)[1]  # the source list: no question's "other" may be 0
    text = {n: normalise(re.sub(r"<rt>.*?</rt>|<[^>]+>", "", htmllib.unescape(b))) for n, b in blocks.items()}
    found = []
    if "記事外の情報" in html or "Outside the articles" in html:
        found.append("an outside-the-articles note is printed on the sheet")
    found += [f"furigana over kana: 「{base}」" for base in re.findall(r"<ruby>(.*?)<rt>", html)
              if re.search(r"[\u3041-\u30ff]", base)]
    for n, q in questions:
        items = question_items(q)
        if isinstance(q, (MatchingQ, TimelineQ)) or not items:
            continue
        forms = list(q.cz.blanks("ja")) if isinstance(q, ClozeQ) else list(bank.accepted(items[0]))
        for form in forms:
            key = normalise(form)
            if len(key) >= 3 and not key.isascii():
                found += [f"問{n}'s answer 「{form}」 in {f'問{m}' if m else 'the source list'}"
                          for m, t in text.items() if m != n and key in t]
    return found


def main() -> int:
    bank = load_bank(resources.bank_dir())
    folder = resources.default_articles_dir()
    texts = ({s.id: (folder / s.file).read_text(encoding="utf-8") for s in bank.sources if (folder / s.file).is_file()}
             if folder else None)
    print(f"bank: {len(bank.live_items())} items; article texts: {'yes' if texts else 'no (quotes compared only)'}")
    sheets = versions = questions = leaks = 0
    for name, opts, sel in configs(bank):
        ws = build_worksheet(bank, sel.apply(bank), opts, random.Random(opts.seed), dt.date(2025, 3, 1), texts)
        found = []
        for v in ws.variants:
            found += [leak.describe() for leak in sheet_leaks(bank, ws, v, texts)]
            if ws.lang is not Lang.EN:
                found += printed_leaks(bank, render(bank, ws, v, Part.SHEET), v.questions())
        sheets += 1
        versions += len(ws.variants)
        questions += ws.count * len(ws.variants)
        leaks += len(found)
        types = ",".join(t.value for t in opts.types) if len(opts.types) < len(Exercise) else "all types"
        print(f"{sheets:2}. {name:<40} {types:<30} {opts.lang.value:<4} n={ws.count:<2} versions={len(ws.variants)} "
              f"seed={opts.seed}  leaks: {len(found)}")
        for f in found:
            print(f"      {f}")
    print(f"{sheets} sheets, {versions} versions, {questions} questions: {leaks} leaks")
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
