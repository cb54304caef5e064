"""`quizgen timeline`: the chronology of every dated event, with how each date was found."""

from __future__ import annotations

from pathlib import Path

import click

from quizgen.bank import Lang, Selection
from quizgen.cli import cli
from quizgen.cli.common import OutputFile, bank_option, load, reading, selection_options, write_file_out
from quizgen.errors import UsageError

FORMATS = ("text", "html", "pdf")


@cli.command()
@bank_option
@selection_options
@click.option("--lang", type=click.Choice([lang.value for lang in Lang]), default="ja", show_default=True,
              help="Language (both: Japanese with English beneath).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="text (default), html or pdf (an A4 page to print); by default taken from the -o file's ending.")
@click.option("-o", "--output", type=OutputFile(dir_okay=False, stdout_default=True), default=None,
              help="File to write (default, or -: standard output; pdf needs a file).")
def timeline(bank_path: Path | None, selection: Selection, lang: str, fmt: str | None, output: Path | None) -> None:
    """The chronology of China–Russia relations across the articles: every dated event once, oldest first,
    with its date, how the date was found (stated in the article, from the article's date, or counted from
    a year in it) and its sources.

    A date known only to the year or month comes before the exact dates inside it (2024 before 2024-05).

    \b
    Examples:
      quizgen timeline
      quizgen timeline --priority core --lang both
      quizgen timeline -o timeline.pdf
    """
    from quizgen.generators.worksheet.timeline import chronology, timeline_text

    fmt = fmt or (output.suffix.lstrip(".").lower() if output is not None and output.suffix else "text")
    if fmt not in FORMATS:
        raise UsageError(f"-o {output}: cannot tell the format from the ending; add --format {'|'.join(FORMATS)}")
    if fmt == "pdf" and output is None:
        raise UsageError("--format pdf needs a file: add -o FILE.pdf")
    from quizgen.bank.placeholders import refuse

    reading(bank_path, output=output)
    bank = load(bank_path)
    items = selection.take(bank)
    refuse(bank, [i for i in items if i.when is not None], Lang(lang))  # no TODO text on the page
    chrono = chronology(bank, items)
    if output is None:
        if fmt == "text":
            click.echo(timeline_text(chrono, Lang(lang)), nl=False)
        else:  # html to standard output: the font is left to the browser
            from quizgen.generators.worksheet.render import FONT_PLACEHOLDER, render_timeline

            write_file_out(render_timeline(bank, chrono, Lang(lang)).replace(FONT_PLACEHOLDER, "", 1))  # as UTF-8
        return
    if fmt == "text":
        from quizgen.atomic import write_text

        path = write_text(output, timeline_text(chrono, Lang(lang)))
    else:
        from quizgen.generators.worksheet.write import write_timeline

        path = write_timeline(bank, chrono, Lang(lang), output, fmt)
    click.echo(f"wrote {path}: {len(chrono.entries)} events")
