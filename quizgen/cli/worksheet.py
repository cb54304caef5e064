"""`quizgen worksheet`: printable worksheets (HTML + PDF) with answer keys."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quizgen import resources
from quizgen.bank import Bank, Item, Lang, Selection, Text
from quizgen.cli import cli
from quizgen.cli.common import (
    ARTICLES_FOLDER,
    FLAGS,
    OutputFolder,
    bank_option,
    build_time,
    invisible_in_name,
    load,
    plural,
    reading,
    selection_options,
)
from quizgen.errors import QuizgenError, UsageError
from quizgen.generators.worksheet.sheet import Paper, Points

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from quizgen.generators.worksheet import Exercise
    from quizgen.generators.worksheet.sheet import Worksheet
    from quizgen.generators.worksheet.timeline import Chronology
    from quizgen.generators.worksheet.write import Format

TYPE_NAMES = "short, choice, truefalse, cloze, matching, timeline"


@cli.command()
@bank_option
@selection_options
@click.option("-n", "--count", type=int, default=None,
              help="Number of questions (default: 20, or as many as --ids names).")
@click.option("--ids", "ids", multiple=True, metavar="IDS",
              help="Only these items (comma-separated or repeated): the exact questions of the sheet.")
@click.option("--exclude", "exclude", multiple=True, metavar="IDS",
              help="Never these items (comma-separated or repeated), e.g. the ones last week's sheet asked.")
@click.option("--choice", "choice", multiple=True, metavar="IDS",
              help="Ask these items (comma-separated or repeated) as multiple choice wherever they are on the sheet, "
                   "e.g. a long official name unfair as a short answer.")
@click.option("--types", "types", multiple=True, metavar="TYPES",
              help=f"Question types, comma-separated or repeated: {TYPE_NAMES} (default: all). "
                   "Matching and timeline are one exercise each of up to 5 parts.")
@click.option("--lang", type=click.Choice([lang.value for lang in Lang]), default="ja", show_default=True,
              help="Language of questions and instructions (both: Japanese with English beneath).")
@click.option("--seed", type=int, default=None,
              help="Random seed: the same seed gives the same worksheet (default: a new one, printed).")
@click.option("--variants", type=int, default=1, show_default=True,
              help="Number of versions (A, B, …): the questions in another order across the whole sheet, and "
                   "every answer at another letter where possible.")
@click.option("--vary-items", "vary_items", is_flag=True,
              help="Each version draws its own items (same types, and the same stories and priorities where the "
                   "selection allows).")
@click.option("--title", default=None, help="Title printed on the sheet (default: 記事内容 確認ワークシート).")
@click.option("--exam", default=None, metavar="TEXT", help="Exam name printed above the title, e.g. \"2学期 中間考査\".")
@click.option("--time-limit", "time_limit", type=int, default=None, metavar="MINUTES",
              help="Time limit printed in the header (制限時間 N分).")
@click.option("--points", default=None, metavar="POINTS",
              help="Points per question: 2 (every question), or by section: short=3,choice=2 (others 1). "
                   "The total is printed in the score box.")
@click.option("--answer-sheet", "answer_sheet", is_flag=True,
              help="Also write a separate answer sheet (解答用紙); the question sheet then has no answer spaces.")
@click.option("--paper", type=click.Choice([p.value for p in Paper]), default="A4",
              show_default=True, help="Paper size (B4 and B5 are the JIS sizes Japanese schools use).")
@click.option("--format", "formats", type=click.Choice(["html", "pdf", "docx"]), multiple=True,
              help="Output format, repeatable (default: html and pdf; HTML only without the pdf extra). "
                   "docx: Word files to edit (the docx extra).")
@click.option("--furigana", is_flag=True, help="Add readings (ruby) above every name written in kanji.")
@click.option("--timeline-page", "timeline_page", is_flag=True,
              help="Also write the chronology page of the selection (timeline.html/.pdf), as `quizgen timeline` makes it.")
@click.option("--articles", "articles_dir", type=ARTICLES_FOLDER, default=None,
              help="The articles folder (also read: the bank's own articles/, then $QUIZGEN_ARTICLES or the seed "
                   "articles, where found): "
                   "lets the leak check keep two questions from one sentence apart.")
@click.option("--name", "stem", default="worksheet", show_default=True, help="File name stem.")
@click.option("-o", "--out", "out_dir", type=OutputFolder(), default=Path("worksheets"),
              show_default=True, help="Folder to write into.")
def worksheet(bank_path: Path | None, selection: Selection, count: int | None, ids: tuple[str, ...],
              exclude: tuple[str, ...], choice: tuple[str, ...], types: tuple[str, ...], lang: str, seed: int | None,
              variants: int, vary_items: bool, title: str | None, exam: str | None, time_limit: int | None, points: str | None,
              answer_sheet: bool, paper: str, formats: tuple[str, ...], furigana: bool, timeline_page: bool,
              articles_dir: Path | None, stem: str, out_dir: Path) -> None:
    """Make a printable worksheet and its answer key (A4 PDF and stand-alone HTML; Word with --format docx).

    No question on a sheet gives another's answer away: the questions are chosen so that none prints
    another's answer (or a spelling the bank accepts) in its text, choices or note, no two come from one
    sentence of an article, and a note that would show its own answer stays in the key.

    \b
    Examples:
      quizgen worksheet --count 15 --types choice,truefalse,cloze --variants 2 --seed 7
      quizgen worksheet --story 2024-lavrov-beijing --priority core --points 5 --answer-sheet
      quizgen worksheet --ids a004-sco-chair,a002-six-years --format docx
      quizgen worksheet --article 004 --choice a004-which-war
    writes worksheets/worksheet-A.pdf, worksheet-A-key.pdf, … and the same as HTML.

    PDFs (and the font embedded in the HTML) need the optional `pdf` extra (WeasyPrint, fontTools), Word
    files the `docx` extra; without them quizgen prints the pip line that adds them.
    """
    from quizgen.atomic import check_targets
    from quizgen.errors import DependencyError
    from quizgen.generators.worksheet import (
        SIMPLE_EXERCISES,
        Exercise,
        WorksheetOptions,
        build_worksheet,
        parse_points,
        parse_types,
    )
    from quizgen.generators.worksheet.write import Format, check_stem, plan_formats, planned_files, timeline_file, write_worksheet

    chosen_seed = seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    wanted_ids, excluded = _id_list(ids, "--ids"), _id_list(exclude, "--exclude")
    # --ids is exactly these questions: no matching or timeline exercise takes one's place unless --types names it
    # (hostile25: a matching exercise of posts no id asks left a004-sco-chair off the sheet, in silence)
    qtypes = parse_types(types) if types else SIMPLE_EXERCISES if wanted_ids else tuple(Exercise)
    options = WorksheetOptions(count=count if count is not None else len(wanted_ids) or 20, types=qtypes,
                               lang=Lang(lang), variants=variants, title=title, furigana=furigana, seed=chosen_seed,
                               points=parse_points(points) if points is not None else Points(), answer_sheet=answer_sheet,
                               exam=exam, time_limit=time_limit, paper=Paper(paper), vary_items=vary_items,
                               choice=_id_list(choice, "--choice"))
    options.check()  # before loading the bank: a typo in an option is reported at once
    check_stem(stem)
    wanted, lacking = plan_formats(formats)  # PDF asked for without the pdf extra: the pip line, exit 2
    reading(bank_path, output=out_dir, articles=articles_dir)
    bank = load(bank_path)
    selection = replace(selection, ids=wanted_ids, exclude_ids=excluded)
    items = selection.take(bank)
    texts = article_texts(bank, bank_path or resources.bank_dir(), articles_dir)
    ws = build_worksheet(bank, items, options, random.Random(chosen_seed), build_time().date(), texts)
    chrono = _chronology_page(bank, items, ws) if timeline_page else None  # refused before anything is written
    unread = _warn(bank, items, ws, qtypes if types else (), texts)
    if lacking:
        click.echo(f"note: {lacking}", err=True)
    check_targets([*planned_files(ws.options, out_dir, stem, wanted),
                   *(timeline_file(out_dir, stem, f) for f in wanted if chrono is not None and f is not Format.DOCX)])
    try:
        paths = write_worksheet(bank, ws, out_dir, stem, wanted)
    except DependencyError as exc:
        for p in getattr(exc, "paths", ()):
            click.echo(f"wrote {p}")
        raise
    if chrono is not None:
        paths += _timeline_page(bank, chrono, ws, out_dir, stem, wanted)
    for p in paths:
        click.echo(f"wrote {p}")
    if unread is not None:  # after the files: a sheet without the texts is still made (review 9, s3)
        click.echo(f"note: {unread}", err=True)
    click.echo(f"{ws.count} questions, {ws.total} points, {plural(len(ws.variants), 'version')} "
               f"({', '.join(v.label for v in ws.variants)}); seed {chosen_seed} "
               f"(rebuild the same sheets with --seed {chosen_seed})")


def _warn(bank: Bank, items: Sequence[Item], ws: Worksheet, named: tuple[Exercise, ...],
          texts: Mapping[str, str] | None) -> str | None:
    """Say on standard error, one `warning:` line each, what the sheet gives way on: the exercise types named with
    --types (`named`; none for the default) that it lacks, a named one-item type with no question (newuser13), one
    type over half the sheet, a rule the selection could not keep (review 9, s3); the note on article texts not
    found, to say after the files."""
    from quizgen.generators.worksheet.choose import absent_types, crowding
    from quizgen.generators.worksheet.sheet import dropped_warning, lopsided_warning

    def say(line: str | None) -> None:
        if line is not None:
            click.echo(f"warning: {line.replace('{types}', FLAGS['types']).replace('{count}', FLAGS['count'])}", err=True)

    say(dropped_warning(ws.dropped, named))
    say(absent_types(bank, items, ws.variants[0].questions(), named, ws.options.lang))
    lopsided = lopsided_warning(ws, named, sum(1 for i in items if i.truefalse))
    say(lopsided)
    crowded, unread = crowding(bank, items, ws.variants[0].questions(), ws.count, texts, ws.options.types,
                               lopsided is not None)
    say(crowded)
    return unread


def _chronology_page(bank: Bank, items: tuple[Item, ...], ws: Worksheet) -> Chronology:
    """The chronology of the sheet's selection, titled with the sheet's title, without the sheet's answers (a
    UsageError when nothing is left for the page)."""
    from quizgen.generators.worksheet import TIMELINE_TITLE, chronology, without_answers

    own = ws.options.title
    title = Text(f"{own} 年表", f"{own}: timeline" if ws.lang is Lang.EN else TIMELINE_TITLE.en) if own else TIMELINE_TITLE
    return without_answers(chronology(bank, items, title), bank, ws)


def _timeline_page(bank: Bank, chrono: Chronology, ws: Worksheet, out_dir: Path, stem: str,
                   formats: tuple[Format, ...]) -> list[Path]:
    """The chronology page on the sheet's paper."""
    from quizgen.generators.worksheet.write import Format, timeline_file, write_timeline

    if chrono.left_out:
        click.echo(f"note: the chronology page leaves out {plural(chrono.left_out, 'event')} that answer a question "
                   "of the worksheet (the page says so)", err=True)
    return [write_timeline(bank, chrono, ws.lang, timeline_file(out_dir, stem, f), f, ws.options.paper,
                           ws.options.furigana)
            for f in formats if f is not Format.DOCX]


#: What separates ids in one --ids or --exclude value: a comma, white space (hostile17: ids pasted one per line), and
#: what a Japanese keyboard types for a comma or a semicolon types — 、，､ and ;； (hostile18: 「A、B」 was one unknown
#: id, and the message suggested B, an id already typed). No id holds any of them (`quizgen.bank.names`).
_ID_SEPARATORS = re.compile(r"[,\s、，､;；]+")


def _id_list(values: tuple[str, ...], option: str) -> tuple[str, ...]:
    """The ids `option` (--ids, --exclude, --choice) names, each once, separated by commas (or `_ID_SEPARATORS`). A value that
    names none ('' or ',,,', as a script gives an empty variable) is refused: it was taken as no --ids, and a sheet of
    the whole bank was written (hostile16 W16); so is one holding an invisible character (`invisible_in_name`)."""
    for value in values:
        if not _ID_SEPARATORS.sub("", value):
            raise UsageError(f"{option} {value!r} names no item id; give ids separated by commas "
                             "(`quizgen topics --items` lists them)")
        invisible_in_name(option, value)
    return tuple(dict.fromkeys(v for value in values for v in _ID_SEPARATORS.split(value) if v))


def article_texts(bank: Bank, bank_dir: Path, folder: Path | None) -> dict[str, str] | None:
    """The article texts by source id, from `folder` (an error when it is not a folder), the bank's own
    `articles/` and the default articles folder, in that order; sources whose file is in none are left out
    (the leak check then compares their quotes only). A file found but not plain UTF-8 text under the size limit
    (a FIFO, a device, too big, other bytes) is refused as `check` refuses it, through the one reader."""
    from quizgen.bank.articles import BANK_ARTICLES, ArticleFolders
    from quizgen.bank.files import Unread, read_utf8, unread_article

    if folder is not None and not folder.is_dir():
        raise UsageError(f"--articles {folder}: no such folder")
    found = [folder, bank_dir / BANK_ARTICLES, resources.default_articles_dir()]
    folders = ArticleFolders(tuple(f for f in found if f is not None and f.is_dir()), strict=False)
    if not folders.folders:
        return None
    texts = {}
    for s in bank.sources:
        path, _ = folders.find(s.file)
        if path is None:
            continue
        text = read_utf8(path)
        if isinstance(text, Unread):
            if text.message == "no such file":  # gone since it was found
                continue
            raise QuizgenError(f"source {s.id}: {unread_article(path, text)}")
        texts[s.id] = text.replace("\r\n", "\n").replace("\r", "\n")  # line ends as `read_text` gave them
    return texts
