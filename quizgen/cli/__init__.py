"""The `quizgen` command line. Click only: parse, call the library, map errors to messages.

One module per command under `quizgen/cli/`; each registers itself on `cli` when imported, which happens
when its command is asked for (`COMMANDS` says where each lives).
Heavy libraries (genanki, WeasyPrint, Jinja2) are imported inside the commands
that need them, so `quizgen quiz` starts fast.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from typing import Any

import click

from quizgen import __version__
from quizgen.cli.common import FLAGS
from quizgen.errors import BankError, QuizgenError

# Which module defines each command: a command's module is imported only when that command runs (or help lists
# them all), so `quizgen quiz` does not pay for the others' imports at start-up. A test keeps this table true.
COMMANDS = {"anki": "anki", "build": "build", "check": "check", "export": "export", "extract": "extract",
            "review": "extract", "quiz": "quiz", "stats": "stats", "due": "stats", "leeches": "stats",
            "timeline": "timeline", "topics": "topics", "worksheet": "worksheet"}


class _Group(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            importlib.import_module(f"{__name__}.{COMMANDS[cmd_name]}")  # registers itself on `cli`
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BankError as exc:
            click.echo(exc.report(), err=True)
            ctx.exit(exc.exit_code)
        except QuizgenError as exc:
            click.echo(f"Error: {exc.spelled(FLAGS)}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizgen")
def cli() -> None:
    """Learn from news articles: a question bank, Anki decks, worksheets and a spaced-repetition quiz."""


def main() -> None:
    try:
        cli(prog_name="quizgen")
    except OSError as exc:  # click handles a closed pipe itself; a full disk or an I/O error on stdout ends here
        if not _stdout_broken(exc):
            raise
        click.echo(f"Error: cannot write to standard output: {exc.strerror or exc}", err=True)
        _discard_stdout()
        sys.exit(1)


def _stdout_broken(exc: OSError) -> bool:
    """Did `exc` come from writing to standard output? (The innermost frame was writing to it.)"""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    streams = (sys.stdout, getattr(sys.stdout, "buffer", None))
    return tb is not None and any(v is s for v in tb.tb_frame.f_locals.values() for s in streams if s is not None)


def _discard_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())

