"""`quizgen stats` and `quizgen due`: what the review history says."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quizgen.bank import Selection
from quizgen.cli import cli
from quizgen.cli.common import (
    as_catalog,
    bank_option,
    db_option,
    load_bank_fast,
    local,
    now_option,
    open_store,
    parse_now,
    plural,
    selection_options,
    stripped,
    until,
)
from quizgen.errors import UsageError
from quizgen.text import terminal_safe

if TYPE_CHECKING:
    from quizgen.bank.catalog import Picked


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
    from quizgen.quiz.cards import item_id_of
    from quizgen.quiz.session import LEECH_LAPSES
    from quizgen.quiz.stats import compute

    now = parse_now(now_text)
    picked = as_catalog(load_bank_fast(bank_path)).take(selection)
    with open_store(db_path, read_only=True) as store:
        tz = now.astimezone().tzinfo
        assert tz is not None
        dues, totals = store.dues(), store.totals()
        store.check_states()
    categories = picked.categories_of({item_id_of(k) for k in dues.keys() | totals.keys()})
    s = compute(categories, picked.count, dues, totals, now, tz, leech_lapses=LEECH_LAPSES)
    click.echo(f"Cards: {s.cards_studied} studied, {s.cards_new} new ({picked.count} selected)")
    click.echo(f"Due now: {s.due_now} · today: {s.due_today} · tomorrow: {s.due_tomorrow}")
    click.echo("Next 7 days: " + "  ".join(f"{d:%a %m-%d} {n}" for d, n in s.forecast))
    click.echo(f"Reviews: {s.total_reviews}")
    click.echo(f"True retention: {s.true_retention}")
    if s.leeches:
        click.echo(f"Leeches: {s.leeches} (failed {LEECH_LAPSES} times, left out of the quiz; see quizgen leeches)")
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
    from quizgen.quiz.cards import item_id_of
    from quizgen.quiz.stats import due_items

    now = parse_now(now_text)
    picked = as_catalog(load_bank_fast(bank_path)).take(selection)
    with open_store(db_path, read_only=True) as store:
        store.check_dues()  # damage is refused before anything is printed, as `stats` refuses it
        due_now = store.due_times(now)
        store.check_states(due_by=now)
        studied = {item_id_of(k) for k in store.card_ids()}
        rows = due_items(picked.facts_of({item_id_of(card) for card, _ in due_now}), due_now)
        click.echo(f"{plural(len(rows), 'card')} due now.")
        if rows:  # one write: a long history may have thousands due
            click.echo("\n".join(terminal_safe(f"  {local(when)}  {card:<36} {facts.prompt}") for facts, card, when in rows))
        new = picked.count - picked.count_of(studied)
        click.echo(f"{plural(new, 'new card')} not yet studied.")
        upcoming = _first_selected(picked, store.due_after(now))
    if upcoming is not None:
        click.echo(f"Next: {local(upcoming)} ({until(upcoming, now)}).")


def _first_selected(picked: Picked, dues: Iterator[tuple[str, dt.datetime]]) -> dt.datetime | None:
    """The first due time of `dues` (soonest first) of a card of a picked item."""
    from quizgen.quiz.cards import item_id_of

    while page := list(itertools.islice(dues, 256)):
        selected = picked.facts_of({item_id_of(card) for card, _ in page})
        for card, due in page:
            if item_id_of(card) in selected:
                return due
    return None


@cli.command()
@bank_option
@selection_options
@db_option
@now_option
@click.option("--reset", "reset_ids", multiple=True, metavar="CARD", callback=stripped,
              help="Bring this leech back (repeatable).")
@click.option("--reset-all", is_flag=True, help="Bring every leech back.")
def leeches(bank_path: Path | None, selection: Selection, db_path: Path | None, now_text: str | None,
            reset_ids: tuple[str, ...], reset_all: bool) -> None:
    """List the leeches (cards failed 8 times, left out of the quiz), or bring them back with --reset.

    A reset forgives the card's lapses so far: it is asked again when it is due.
    """
    from quizgen.quiz.cards import item_id_of
    from quizgen.quiz.session import LEECH_LAPSES

    now = parse_now(now_text)
    picked = as_catalog(load_bank_fast(bank_path)).take(selection)
    with open_store(db_path, read_only=not (reset_ids or reset_all), unsaved="no leech can be reset") as store:
        store.checked()  # a reset writes: a damaged file is refused first, whatever else is wrong
        lapsed = {c: n for c, n in store.lapses().items() if n >= LEECH_LAPSES}
        facts = picked.facts_of({item_id_of(c) for c in lapsed})
        found = {c: n for c, n in lapsed.items() if item_id_of(c) in facts}
        unknown = [c for c in reset_ids if c not in found]
        if unknown:
            raise UsageError(f"not a leech: {', '.join(unknown)} (quizgen leeches lists them)")
        for card in sorted(found) if reset_all else reset_ids:
            store.reset_leech(card, now)
            click.echo(f"Reset {card}: it is asked again when due.")
        if reset_ids or reset_all:
            return
    click.echo(f"{plural(len(found), 'leech', 'leeches')} (failed {LEECH_LAPSES} times or more; left out of the quiz).")
    for card, n in sorted(found.items()):
        prompt = facts[item_id_of(card)].prompt
        click.echo(terminal_safe(f"  {card:<36} {n} lapses  {prompt[:30] + ('…' if len(prompt) > 30 else '')}"))
    if found:
        click.echo("Bring one back with: quizgen leeches --reset CARD (or --reset-all).")
