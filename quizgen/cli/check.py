"""`quizgen check`: load and validate the whole bank, print ok and the counts."""

from __future__ import annotations

from pathlib import Path

import click

from quizgen.cli import cli
from quizgen.cli.common import bank_option, load, plural


@cli.command()
@bank_option
@click.option("--articles", type=click.Path(path_type=Path), default=None,
              help="Folder of the article files; every evidence quote must be found verbatim in it.")
def check(bank_path: Path | None, articles: Path | None) -> None:
    """Validate the bank and report every problem as file:line:column: field: message.

    Exit status: 0 ok, 1 problems in the bank, 2 usage error.
    """
    from quizgen.bank import counts

    bank = load(bank_path, articles)
    per_cat, per_art = counts(bank)
    total = sum(per_cat.values())
    drafts = sum(1 for i in bank.items if i.draft)
    click.echo(f"ok: {plural(total, 'item')}, {plural(len(bank.entities), 'entity', 'entities')}, "
               f"{plural(len(bank.sources), 'source')}, {len(bank.disagreements)} disagreements"
               + (f", {drafts} drafts" if drafts else ""))
    click.echo("by category:")
    for cat, n in sorted(per_cat.items()):
        click.echo(f"  {cat:<10} {n:>4}")
    click.echo("by article:")
    for art, n in per_art.items():
        src = bank.source_by_id.get(art)
        date = (src.published or "no date") if src else "?"
        click.echo(f"  {art:<4} {n:>4}  ({date})")
    if articles is None:
        click.echo("(quotes not checked against the articles: pass --articles DIR)")
