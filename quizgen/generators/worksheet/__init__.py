"""Printable worksheets: the public entry points (pure), and `quizgen build`'s default set.

`build_worksheet` picks the questions once (the content; with `vary_items`, once per
version), none giving another away, then lays out every version (A, B, …) so that
questions, choices, matching columns and timeline events move between versions —
all from the `random.Random` passed in, so one seed always gives the same worksheet.
Every version is checked for leaks before it is returned.

The parts, one module per concept: `exercises` (the kinds of exercise and their
questions), `sheet` (options, worksheet, variants, sections, points, paper), `choose`
(choosing the questions), `leaks` (the leak checker), `variants` (laying out versions),
`key` (the answer key and the answer grid), `timeline` (the chronology page: every dated
event once, with how its date was found). Rendering lives in `render` (Jinja2), `pdf`
(WeasyPrint, with the font from `fonts`, and the page checks) and `docx` (python-docx);
writing files in `write`. Every public name of those parts is importable from here.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from quizgen.bank.model import Bank, Item, Lang, Selection, Text
from quizgen.bank.placeholders import refuse as refuse_placeholders
from quizgen.errors import DependencyError, QuizgenError, UsageError
from quizgen.generators.worksheet.choose import pick_content, pick_parallel, refuse_choices
from quizgen.generators.worksheet.exercises import (
    COMPOSITE_EXERCISES,
    EXERCISE_SIZE,
    MIN_EXERCISE,
    SIMPLE_EXERCISES,
    ChoiceQ,
    ClozeQ,
    Exercise,
    MatchingQ,
    Question,
    ShortQ,
    TimelineQ,
    TrueFalseQ,
    parse_types,
    question_articles,
    question_items,
    question_key,
    question_label,
    sheet_texts,
    visible_texts,
)
from quizgen.generators.worksheet.key import (
    KeyEntry,
    KeyLine,
    Quote,
    alternatives,
    blank_width,
    context_note,
    disagreement_note,
    display_width,
    key_entries,
    key_entry,
)
from quizgen.generators.worksheet.leaks import Leak, LeakChecker, LeakKind, find_leaks
from quizgen.generators.worksheet.sheet import (
    DEFAULT_TITLE,
    MAX_VARIANTS,
    Paper,
    Points,
    Section,
    Variant,
    Worksheet,
    WorksheetOptions,
    parse_points,
    variant_labels,
)
from quizgen.generators.worksheet.timeline import TITLE as TIMELINE_TITLE
from quizgen.generators.worksheet.timeline import Chronology, Entry, chronology, timeline_text, without_answers

__all__ = [
    "COMPOSITE_EXERCISES",
    "DEFAULT_TITLE",
    "EXERCISE_SIZE",
    "MAX_VARIANTS",
    "MIN_EXERCISE",
    "SIMPLE_EXERCISES",
    "TIMELINE_TITLE",
    "ChoiceQ",
    "Chronology",
    "ClozeQ",
    "Entry",
    "Exercise",
    "KeyEntry",
    "KeyLine",
    "Lang",
    "Leak",
    "LeakKind",
    "MatchingQ",
    "Paper",
    "Points",
    "Question",
    "Quote",
    "Section",
    "ShortQ",
    "TimelineQ",
    "TrueFalseQ",
    "Variant",
    "Worksheet",
    "WorksheetOptions",
    "alternatives",
    "blank_width",
    "build_default",
    "build_worksheet",
    "chronology",
    "context_note",
    "default_options",
    "disagreement_note",
    "display_width",
    "find_leaks",
    "key_entries",
    "key_entry",
    "parse_points",
    "parse_types",
    "question_articles",
    "question_items",
    "question_key",
    "question_label",
    "sheet_leaks",
    "sheet_texts",
    "timeline_text",
    "variant_labels",
    "visible_texts",
    "without_answers",
]


def build_worksheet(bank: Bank, items: Sequence[Item], options: WorksheetOptions, rng: random.Random,
                    created: dt.date, texts: Mapping[str, str] | None = None) -> Worksheet:
    """Pick `options.count` questions from `items`, none giving another away, and lay them out as
    `options.variants` versions. `texts` (article id -> text) lets the leak checker see whole sentences."""
    from quizgen.generators.worksheet.variants import History, build_variant

    options.check()
    if not items:
        raise UsageError("the selection has no questions; widen {items}", names=["items"])
    refuse_choices(bank, items, options.choice)
    if options.count > len(items):
        raise UsageError(f"{{count}} {options.count} is more than the {len(items)} questions in the selection; "
                         f"use {{count}} {len(items)} or fewer, or widen the selection", names=["count"])
    refuse_placeholders(bank, items, options.lang)  # a TODO text is never printed to students
    content, notes = pick_content(bank, items, options, rng, texts)
    contents = [content]
    taken = {i.id for qs in content.values() for q in qs for i in question_items(q)}
    for _ in range(1, options.variants if options.vary_items else 1):
        more = pick_parallel(bank, items, content, taken, options, random.Random(rng.getrandbits(64)), texts)
        taken |= {i.id for qs in more.values() for q in qs for i in question_items(q)}
        contents.append(more)
    history = History()
    variants = tuple(build_variant(label, contents[k % len(contents)], random.Random(rng.getrandbits(64)), history)
                     for k, label in enumerate(variant_labels(options.variants)))
    articles = sorted({a for c in contents for qs in c.values() for q in qs for a in question_articles(q)})
    title = Text(options.title, options.title) if options.title else DEFAULT_TITLE
    checker = LeakChecker(bank, options.lang, texts)
    _refuse_header_leaks(checker, options, variants)
    bare = frozenset().union(*(checker.bare_sources([q for _, q in v.questions()], articles) for v in variants))
    ws = Worksheet(title, options, variants, tuple(articles), created, tuple(dict.fromkeys(notes)), bare,
                   _stand_ins(bank, checker, variants, bare))
    for v in variants:
        leaks = sheet_leaks(bank, ws, v, texts)
        if leaks:  # the choice above never lets one through: this guards against a bug, loudly
            raise QuizgenError(f"version {v.label} gives answers away: " + "; ".join(leak.describe() for leak in leaks))
    return ws


LEFT_OFF = Text("見出しは解答を含むため省略", "headline left off: it holds an answer")


def _stand_ins(bank: Bank, checker: LeakChecker, variants: Sequence[Variant],
               bare: frozenset[str]) -> tuple[tuple[str, Text], ...]:
    """What each bare source reports, printed in its headline's place so a student can tell the page (review 8, s1:
    ③ 「媒体名の記載なし(…)(日付記載なし)」, its headline left off, said nothing): the title of a story its questions
    belong to, 「ロシア外相の訪中(2024年)を伝える記事」, the first that gives no question of any version away; else
    that the headline is left off and why."""
    questions = [q for v in variants for _, q in v.questions()]
    out = []
    for article in sorted(bare):
        stories = dict.fromkeys(i.story for q in questions for i in question_items(q)
                                if article in i.articles and i.story in bank.story_by_id)
        for story in stories:
            title = bank.story_by_id[story].title
            text = Text(f"{title.ja}を伝える記事", f"a report on {title.en}")
            if not any(checker.in_stand_in(q, text) for q in questions):
                out.append((article, text))
                break
        else:
            out.append((article, LEFT_OFF))
    return tuple(out)


def _refuse_header_leaks(checker: LeakChecker, options: WorksheetOptions, variants: Sequence[Variant]) -> None:
    """A {title} or {exam} that prints a question's answer (newuser2 #7: 「…「一帯一路」フォーラム…」 on page 1
    beside the question 一帯一路 answers) is refused, naming the question and the words, before anything is
    written: the teacher chose the words, so the teacher changes them (no question is swapped behind their back)."""
    for name, header in (("title", options.title), ("exam", options.exam)):
        if header is None:
            continue
        found: dict[str, list[str]] = {}
        for v in variants:
            for number, q in v.questions():
                for leak in checker.in_header(q, header):
                    where = f"問{number}" + (f" of version {v.label}" if len(variants) > 1 else "")
                    found.setdefault(leak.form, []).append(f"{where} ({leak.taker})")
        if found:
            shown = "; ".join(f"「{form}」 answers {', '.join(dict.fromkeys(qs))}" for form, qs in found.items())
            raise UsageError(f"{{{name}}} gives answers away: {shown}; leave these words out of the "
                             f"{'title' if name == 'title' else 'exam name'} (nothing was written)", names=[name])


def sheet_leaks(bank: Bank, ws: Worksheet, variant: Variant, texts: Mapping[str, str] | None = None) -> list[Leak]:
    """Every give-away on one version of a sheet (see `leaks.find_leaks`)."""
    return find_leaks(bank, [q for _, q in variant.questions()], ws.lang, texts, ws.articles, ws.bare_sources)


def default_options() -> WorksheetOptions:
    return WorksheetOptions(count=20, types=tuple(Exercise), lang=Lang.JA, variants=2, seed=1)


_DEFAULT_FOLDER = "worksheets"


def planned_default(out_dir: Path) -> list[Path]:
    """The files `build_default` may write."""
    from quizgen.generators.worksheet.write import Format, planned_files

    folder = out_dir / _DEFAULT_FOLDER
    formats = (Format.HTML, Format.PDF)
    return [*planned_files(default_options(), folder, "worksheet", formats), *(folder / f"timeline.{f.value}" for f in formats)]


def build_default(bank: Bank, out_dir: Path, now: dt.datetime) -> list[Path]:
    """`quizgen build`: a 20-question Japanese worksheet in versions A and B (HTML + PDF + keys; fewer questions
    when the bank cannot fill 20 that give nothing away), and the chronology page (timeline.html,
    timeline.pdf) when the bank has dated events."""
    from quizgen.generators.worksheet.write import Format, write_timeline, write_worksheet

    items = Selection().apply(bank)
    if not items:
        return []
    opts = default_options()
    count = max(1, min(opts.count, len(items) - EXERCISE_SIZE))
    while True:  # a small bank may not fill 20 questions that give nothing away: the set shrinks to fit
        try:
            ws = build_worksheet(bank, items, replace(opts, count=count), random.Random(opts.seed), now.date())
            break
        except UsageError:
            if count == 1:
                raise
            count = max(1, count - 5)
    chrono = chronology(bank, items) if any(i.when is not None for i in items) else None
    folder = out_dir / _DEFAULT_FOLDER
    try:
        paths = write_worksheet(bank, ws, folder)
    except DependencyError as exc:  # no PDF: the HTML pages are still written, the timeline's too
        if chrono is None:
            raise
        html = write_timeline(bank, chrono, Lang.JA, folder / "timeline.html", Format.HTML)
        raise type(exc)(str(exc), [*exc.paths, html]) from exc
    if chrono is not None:
        paths += [write_timeline(bank, chrono, Lang.JA, folder / f"timeline.{f.value}", f) for f in (Format.HTML, Format.PDF)]
    return paths
