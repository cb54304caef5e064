"""Options and helpers shared by several commands."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from quizgen import resources
from quizgen.errors import UsageError
from quizgen.model import Bank, Category, Selection

F = TypeVar("F", bound=Callable[..., Any])


def bank_option(f: F) -> F:
    return click.option(
        "--bank", "bank_path", type=click.Path(path_type=Path), default=None, envvar="QUIZGEN_BANK",
        help="Question bank folder (default: the bundled bank; env QUIZGEN_BANK).",
    )(f)


def selection_options(f: F) -> F:
    """--category/--article/--tag/--include-drafts, collected into a `Selection` by `selection()`."""
    f = click.option("--include-drafts", is_flag=True, help="Also use items marked draft.")(f)
    f = click.option("--tag", "tags", multiple=True, metavar="TAG", help="Only items with this tag (repeatable).")(f)
    f = click.option("--article", "articles", multiple=True, metavar="ID",
                     help="Only items citing this article, e.g. 000 (repeatable).")(f)
    f = click.option("--category", "categories", multiple=True,
                     type=click.Choice([c.value for c in Category]), help="Only this category (repeatable).")(f)
    return f


def selection(categories: tuple[str, ...], articles: tuple[str, ...], tags: tuple[str, ...],
              include_drafts: bool) -> Selection:
    return Selection(categories=tuple(Category(c) for c in categories), articles=articles, tags=tags,
                     include_drafts=include_drafts)


def load(bank_path: Path | None, articles: Path | None = None) -> Bank:
    from quizgen.bank import load_bank

    return load_bank(bank_path or resources.bank_dir(), articles)


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 card', '2 cards'; `many` for irregular plurals ('2 entities')."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def parse_now(value: str | None) -> dt.datetime:
    """--now ISO-8601 (naive means UTC), else the real clock. The only clock read in quizgen."""
    if not value:
        return dt.datetime.now(dt.UTC)
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--now must be an ISO-8601 date-time such as 2025-03-01T09:00, not {value!r}") from exc
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)


def build_time() -> dt.datetime:
    """The time stamped into built files: SOURCE_DATE_EPOCH if set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except ValueError as exc:
            raise UsageError(f"SOURCE_DATE_EPOCH must be whole seconds, not {epoch!r}") from exc
    return dt.datetime.now(dt.UTC)
