"""`quizgen build`: write every output (decks, worksheets, exports) to one folder."""

from __future__ import annotations

from pathlib import Path

import click

from quizgen.cli import cli
from quizgen.cli.common import OutputFolder, bank_option, build_time, load, plural, reading, status
from quizgen.generators.build import STEP_NAMES


@cli.command()
@bank_option
@click.option("-o", "--out", "out_dir", type=OutputFolder(), default=Path("out"), show_default=True,
              help="Folder to write into.")
@click.option("--only", multiple=True, type=click.Choice(STEP_NAMES), help="Build only this step (repeatable).")
def build(bank_path: Path | None, out_dir: Path, only: tuple[str, ...]) -> None:
    """Build every output from the bank into OUT (default: out/).

    Set SOURCE_DATE_EPOCH for byte-identical, reproducible builds.
    """
    from quizgen.generators.build import build_all

    reading(bank_path, output=out_dir)
    bank = load(bank_path)
    results = build_all(bank, out_dir, build_time(), only, starting=lambda name: status(f"making {_MAKING.get(name, name)}…"))
    for res in results:
        for p in res.paths:
            click.echo(f"{res.name:<10} wrote {p}")
        if res.skipped:
            click.echo(f"{res.name:<10} skipped: {res.skipped}")
    built = sum(len(r.paths) for r in results)
    click.echo(f"built {plural(built, 'file')} in {out_dir}/")


_MAKING = {"anki": "the Anki decks", "worksheet": "the worksheets", "export": "the LMS exports"}
