"""`quizgen check`: load and validate the whole bank, print ok and the counts."""

from __future__ import annotations

from pathlib import Path

import click

from quizgen import resources
from quizgen.bank.articles import ArticleFolders
from quizgen.cli import cli
from quizgen.cli.common import ARTICLES_FOLDER, bank_option, load, plural
from quizgen.text import terminal_safe


@cli.command()
@bank_option
@click.option("--articles", type=ARTICLES_FOLDER, default=None,
              help="Folder of the article files; every evidence quote must be found verbatim in it (or in "
                   "BANK/articles, where `quizgen add-article` copies new articles and which is always read).")
def check(bank_path: Path | None, articles: Path | None) -> None:
    """Validate the bank and report every problem as file:line:column: field: message.

    Exit status: 0 ok, 1 problems in the bank, 2 usage error.
    """
    from quizgen.bank import summarise

    bank = load(bank_path, articles)
    s = summarise(bank)
    stories = f"{plural(len(bank.stories), 'story', 'stories')}, " if bank.stories else ""
    click.echo(f"ok: {plural(s.items, 'item')}, {plural(len(bank.entities), 'entity', 'entities')}, "
               f"{plural(len(bank.sources), 'source')}, {stories}{len(bank.disagreements)} disagreements"
               + (f", {s.drafts} drafts" if s.drafts else ""))
    click.echo("by category:")
    for cat, t in s.categories:
        if t.items:
            click.echo(f"  {cat.value:<10} {t.items:>4}")
    click.echo("by priority:")
    for prio, n in s.priorities:
        click.echo(f"  {prio.value:<10} {n:>4}")
    if bank.stories:
        width = max(len(story.id) if story else 10 for story, _ in s.stories)
        click.echo("by story:")
        for story, t in s.stories:
            click.echo(f"  {story.id if story else '(no story)':<{width}} {t.items:>4}  ({t.core} core)")
    click.echo("by article:")
    for src, n in s.articles:
        click.echo(terminal_safe(f"  {src.id:<4} {n:>4}  ({src.published or 'no date'})"))
    folders = ArticleFolders.for_bank(bank_path or resources.bank_dir(), articles)
    if folders is None:
        click.echo("(quotes not checked against the articles: pass --articles DIR)")
    elif not folders.strict:
        found = sum(1 for s in bank.sources if folders.find(s.file)[0] is not None)
        if found < len(bank.sources):
            click.echo(f"(quotes of {found} of {len(bank.sources)} sources checked against {folders.describe()}; "
                       "pass --articles DIR for the others)")
