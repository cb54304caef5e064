"""The `quizgen` command line. Click only: parse, call the library, map errors to messages.

One module per command under `quizgen/cli/`; each registers itself on `cli`.
Heavy libraries (genanki, WeasyPrint, Jinja2) are imported inside the commands
that need them, so `quizgen quiz` starts fast.
"""

from __future__ import annotations

from typing import Any

import click

from quizgen import __version__
from quizgen.cli.common import FLAGS
from quizgen.errors import BankError, QuizgenError
from quizgen.text import terminal_safe


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BankError as exc:
            click.echo(terminal_safe(exc.report()), err=True)
            ctx.exit(exc.exit_code)
        except QuizgenError as exc:
            click.echo(f"Error: {terminal_safe(exc.spelled(FLAGS))}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizgen")
def cli() -> None:
    """Learn from news articles: a question bank, Anki decks, worksheets and a spaced-repetition quiz."""


def main() -> None:
    cli(prog_name="quizgen")


# Command modules register themselves on `cli` when imported.
from quizgen.cli import anki, build, check, export, extract, quiz, stats, timeline, topics, worksheet  # noqa: E402,F401
