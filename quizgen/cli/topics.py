"""`quizgen topics`: what the filters can choose, with counts (for teachers choosing a selection)."""

from __future__ import annotations

from pathlib import Path

import click

from quizgen.bank import Lang
from quizgen.cli import cli
from quizgen.cli.common import bank_option, load, plural


@cli.command()
@bank_option
@click.option("--lang", type=click.Choice([Lang.JA.value, Lang.EN.value]), default="ja", show_default=True,
              help="Language of story titles and category names.")
@click.option("--items", "show_items", is_flag=True,
              help="Also list every item: its id (for worksheet --ids/--exclude), priority, story and prompt.")
def topics(bank_path: Path | None, lang: str, show_items: bool) -> None:
    """List what --story, --category, --priority, --article and --tag can select, with how many items each
    holds and how many of them are core (drafts are not counted).

    \b
    Example: a worksheet of the core facts of one story
      quizgen topics
      quizgen worksheet --story 2024-lavrov-beijing --priority core
    """
    from quizgen.bank import summarise
    from quizgen.citations import source_label

    bank = load(bank_path)
    s = summarise(bank)
    drafts = f" ({plural(s.drafts, 'draft')} not counted)" if s.drafts else ""
    click.echo(f"{plural(s.items, 'item')}, {s.priorities[0][1]} core{drafts}")
    if bank.stories:
        click.echo("\nStories (--story ID):")
        width = max(len(story.id) if story else 10 for story, _ in s.stories)
        for story, t in s.stories:
            title = getattr(story.title, lang) if story else ""
            when = story.when if story and story.when else ""
            name = story.id if story else "(no story)"
            click.echo(f"  {name:<{width}}  {when:<10} {_tally(t.items, t.core)}  {title}".rstrip())
    click.echo("\nCategories (--category):")
    for cat, t in s.categories:
        click.echo(f"  {cat.value:<10} {_tally(t.items, t.core)}  {getattr(cat.label, lang)}")
    click.echo("\nPriorities (--priority):")
    for prio, n in s.priorities:
        click.echo(f"  {prio.value:<10} {n:>3} {'item' if n == 1 else 'items'}")
    click.echo("\nArticles (--article ID):")
    for src, n in s.articles:
        click.echo(f"  {src.id:<10} {n:>3} {'item ' if n == 1 else 'items'}  {getattr(source_label(bank, src.id), lang)}")
    if s.tags:
        click.echo("\nTags (--tag):")
        click.echo("\n".join(_wrap([f"{tag} {n}" for tag, n in s.tags], " · ", 100)))
    if show_items:
        live = bank.live_items()
        click.echo("\nItems (worksheet --ids/--exclude):")
        width = max((len(it.id) for it in live), default=0)
        for it in live:
            click.echo(f"  {it.id:<{width}}  {it.priority.value:<6}  {getattr(it.prompt, lang)}")


def _tally(items: int, core: int) -> str:
    """'  1 item,   1 core' / ' 12 items,  8 core': counts that line up in columns."""
    return f"{items:>3} {'item, ' if items == 1 else 'items,'} {core:>2} core"


def _wrap(parts: list[str], sep: str, width: int) -> list[str]:
    """`parts` joined by `sep` in lines of at most `width` characters (indented two), never splitting a part."""
    lines: list[str] = []
    line = ""
    for part in parts:
        if line and len(line) + len(sep) + len(part) > width - 2:
            lines.append(f"  {line}{sep.rstrip()}")
            line = part
        else:
            line = f"{line}{sep}{part}" if line else part
    return [*lines, f"  {line}"] if line else lines
