"""`quizgen stats` and `quizgen due`: what the review history says."""

from __future__ import annotations

from pathlib import Path

import click

from quizgen.bank import Selection
from quizgen.cli import cli
from quizgen.cli.common import (
    bank_option,
    db_option,
    load_bank_fast,
    local,
    now_option,
    open_store,
    parse_now,
    plural,
    selection_options,
    until,
)
from quizgen.text import terminal_safe


@cli.command()
@bank_option
@selection_options
@db_option
@now_option
def stats(bank_path: Path | None, selection: Selection, db_path: Path | None, now_text: str | None) -> None:
    """Due today and tomorrow, a 7-day forecast, total reviews, true retention and accuracy per category.

    Days are local days; true retention is the share of reviews of already-learnt cards
    (FSRS review state) that were not rated Again.
    """
    from quizgen.quiz.stats import compute

    now = parse_now(now_text)
    bank = load_bank_fast(bank_path)
    items = selection.take(bank)
    with open_store(db_path, read_only=True) as store:
        tz = now.astimezone().tzinfo
        assert tz is not None
        s = compute(items, store.current(), store.reviews(), now, tz)
    click.echo(f"Cards: {s.cards_studied} studied, {s.cards_new} new ({len(items)} selected)")
    click.echo(f"Due now: {s.due_now} · today: {s.due_today} · tomorrow: {s.due_tomorrow}")
    click.echo("Next 7 days: " + "  ".join(f"{d:%a %m-%d} {n}" for d, n in s.forecast))
    click.echo(f"Reviews: {s.total_reviews}")
    click.echo(f"True retention: {s.true_retention}")
    if s.accuracy:
        click.echo("Accuracy by category:")
        for cat, ratio in s.accuracy:
            click.echo(f"  {cat.label.en:<10} {ratio}  {cat.label.ja}")


@cli.command()
@bank_option
@selection_options
@db_option
@now_option
def due(bank_path: Path | None, selection: Selection, db_path: Path | None, now_text: str | None) -> None:
    """List the cards due now (most overdue first), then how many new cards are waiting."""
    from quizgen.quiz.stats import due_items

    now = parse_now(now_text)
    bank = load_bank_fast(bank_path)
    items = selection.take(bank)
    with open_store(db_path, read_only=True) as store:
        cards = store.current()
    rows = due_items(items, cards, now)
    click.echo(f"{plural(len(rows), 'card')} due now.")
    for item, card in rows:
        click.echo(terminal_safe(f"  {local(card.due)}  {item.id:<36} {item.prompt.ja}"))
    new = sum(1 for i in items if i.id not in cards)
    click.echo(f"{plural(new, 'new card')} not yet studied.")
    upcoming = sorted(c.due for i in items if (c := cards.get(i.id)) is not None and c.due > now)
    if upcoming:
        click.echo(f"Next: {local(upcoming[0])} ({until(upcoming[0], now)}).")
