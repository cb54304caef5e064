"""`quizgen export`: one file a teacher can import into Moodle, Quizlet or Kahoot."""

from __future__ import annotations

import random
from pathlib import Path

import click

from quizgen.bank import Lang, Selection
from quizgen.cli import cli
from quizgen.cli.common import STDOUT, OutputFile, bank_option, load, plural, reading, selection_options, write_file_out
from quizgen.errors import UsageError

FORMATS = ("moodle-xml", "gift", "quizlet-csv", "kahoot-xlsx", "kahoot-csv")


@cli.command("export")
@bank_option
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="moodle-xml and gift: Moodle question bank; quizlet-csv: Quizlet's Import box; "
                   "kahoot-xlsx: Kahoot's quiz spreadsheet (Create > Import spreadsheet); "
                   "kahoot-csv: the same rows as CSV.")
@selection_options
@click.option("--lang", type=click.Choice([lang.value for lang in Lang]), default="ja", show_default=True,
              help="Language of questions and answers (both: Japanese with English).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed for choice order and which true/false statement is asked.")
@click.option("-o", "--output", type=OutputFile(), default=None,
              help="File to write (default: out/quizgen.<format ending>; '-' or /dev/stdout for standard output).")
def export_cmd(bank_path: Path | None, fmt: str, selection: Selection, lang: str, seed: int,
               output: Path | None) -> None:
    """Export questions for Moodle (XML or GIFT), Quizlet or Kahoot.

    Warnings about questions a format cannot express go to standard error; a summary
    of what was written goes to standard output.

    \b
    Examples:
      quizgen export --format moodle-xml
      quizgen export --format gift --category dates --article 001 -o dates.gift.txt
      quizgen export --format kahoot-xlsx --lang en --seed 3
    """
    from quizgen.atomic import check_target
    from quizgen.generators.exports import ExportFormat, default_path, export, write_export

    reading(bank_path, output=output)
    bank = load(bank_path)
    items = selection.take(bank)
    if output is not None and output.is_dir():
        raise UsageError(f"-o {output}: is a folder; give a file name")
    if output is not None and str(output) not in STDOUT:
        check_target(output)  # before the work: a FIFO or a device is refused at once

    exp = export(bank, ExportFormat(fmt), rng=random.Random(seed), items=items, lang=Lang(lang))
    for w in exp.warnings:
        click.echo(f"warning: {w}", err=True)
    if output is not None and str(output) in STDOUT:
        write_file_out(exp.data if exp.data is not None else exp.text)  # text as UTF-8, whatever the terminal's encoding
        click.echo(f"{fmt}: {exp.summary()} from {len(items)} items", err=True)
        return
    path = write_export(exp, output or default_path(ExportFormat(fmt)))
    click.echo(f"wrote {path}: {exp.summary()} from {len(items)} items"
               + (f" ({plural(len(exp.warnings), 'warning')})" if exp.warnings else ""))
