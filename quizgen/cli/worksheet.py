"""`quizgen worksheet`: printable worksheets (HTML + PDF) with answer keys."""

from __future__ import annotations

import random
from pathlib import Path

import click

from quizgen.bank import Lang, Selection
from quizgen.cli import cli
from quizgen.cli.common import bank_option, build_time, load, plural, selection_options

TYPE_NAMES = "short, choice, truefalse, cloze, matching, timeline"


@cli.command()
@bank_option
@selection_options
@click.option("-n", "--count", type=int, default=20, show_default=True, help="Number of questions.")
@click.option("--types", "types", multiple=True, metavar="TYPES",
              help=f"Question types, comma-separated or repeated: {TYPE_NAMES} (default: all). "
                   "Matching and timeline are one exercise each of up to 5 parts.")
@click.option("--lang", type=click.Choice([lang.value for lang in Lang]), default="ja", show_default=True,
              help="Language of questions and instructions (both: Japanese with English beneath).")
@click.option("--seed", type=int, default=None,
              help="Random seed: the same seed gives the same worksheet (default: a new one, printed).")
@click.option("--variants", type=int, default=1, show_default=True,
              help="Number of versions (A, B, …) with the same questions in different orders.")
@click.option("--title", default=None, help="Title printed on the sheet (default: 記事内容 確認ワークシート).")
@click.option("--format", "formats", type=click.Choice(["html", "pdf"]), multiple=True,
              help="Output format, repeatable (default: both; HTML only without the pdf extra).")
@click.option("--furigana", is_flag=True, help="Add readings (ruby) above names written in kanji.")
@click.option("--name", "stem", default="worksheet", show_default=True, help="File name stem.")
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("worksheets"),
              show_default=True, help="Folder to write into.")
def worksheet(bank_path: Path | None, selection: Selection, count: int, types: tuple[str, ...], lang: str,
              seed: int | None, variants: int, title: str | None, formats: tuple[str, ...], furigana: bool, stem: str,
              out_dir: Path) -> None:
    """Make a printable worksheet and its answer key (A4 PDF and stand-alone HTML).

    \b
    Example:
      quizgen worksheet --count 15 --types choice,truefalse,cloze --variants 2 --seed 7
    writes worksheets/worksheet-A.pdf, worksheet-A-key.pdf, … and the same as HTML.

    PDFs (and the font embedded in the HTML) need the optional `pdf` extra (WeasyPrint, fontTools);
    without it the HTML is written alone and quizgen prints the pip line that adds it.
    """
    from quizgen.errors import DependencyError
    from quizgen.generators.worksheet import Exercise, WorksheetOptions, build_worksheet, parse_types
    from quizgen.generators.worksheet.write import check_stem, plan_formats, write_worksheet

    qtypes = parse_types(types) if types else tuple(Exercise)
    chosen_seed = seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    options = WorksheetOptions(count=count, types=qtypes, lang=Lang(lang), variants=variants, title=title,
                               furigana=furigana, seed=chosen_seed)
    options.check()  # before loading the bank: a typo in an option is reported at once
    check_stem(stem)
    wanted, lacking = plan_formats(formats)  # PDF asked for without the pdf extra: the pip line, exit 2
    bank = load(bank_path)
    items = selection.take(bank)
    ws = build_worksheet(bank, items, options, random.Random(chosen_seed), build_time().date())
    for note in (*ws.notes, *([lacking] if lacking else [])):
        click.echo(f"note: {note}", err=True)
    try:
        paths = write_worksheet(bank, ws, out_dir, stem, wanted)
    except DependencyError as exc:
        for p in getattr(exc, "paths", ()):
            click.echo(f"wrote {p}")
        raise
    for p in paths:
        click.echo(f"wrote {p}")
    click.echo(f"{ws.count} questions, {plural(len(ws.variants), 'version')} "
               f"({', '.join(v.label for v in ws.variants)}); seed {chosen_seed} "
               f"(rebuild the same sheets with --seed {chosen_seed})")
