"""The `quizgen` command line. Click only: parse, call the library, map errors to messages.

One module per command under `quizgen/cli/`; each registers itself on `cli` when imported, which happens
when its command is asked for (`COMMANDS` says where each lives).
Heavy libraries (genanki, WeasyPrint, Jinja2) are imported inside the commands
that need them, so `quizgen quiz` starts fast.
"""

from __future__ import annotations

import importlib
import signal
from typing import Any

import click

from quizgen import __version__
from quizgen.cli import guards
from quizgen.cli.common import FLAGS
from quizgen.errors import BankError, QuizgenError
from quizgen.text import terminal_safe

# Which module defines each command: a command's module is imported only when that command runs (or help lists
# them all), so `quizgen quiz` does not pay for the others' imports at start-up. A test keeps this table true.
COMMANDS = {"add-article": "extract", "anki": "anki", "build": "build", "check": "check", "export": "export",
            "extract": "extract", "review": "review", "quiz": "quiz", "stats": "stats", "due": "stats", "leeches": "stats",
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
        except KeyboardInterrupt:  # Ctrl-C no command took as its own end: one line and 130, as SIGTERM's 143
            raise guards.Terminated(signal.SIGINT) from None  # (click would print a blank line, "Aborted!", exit 1)
        except click.Abort:
            if guards.interrupted():  # click's prompt turns Ctrl-C into Abort
                raise guards.Terminated(signal.SIGINT) from None
            raise
        except BankError as exc:
            click.echo(terminal_safe(exc.report()), err=True)
            ctx.exit(exc.exit_code)
        except QuizgenError as exc:
            click.echo(f"Error: {terminal_safe(exc.spelled(FLAGS))}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:  # a full disk, a read-only folder, a full standard output: one line, exit 1
            ctx.exit(guards.report_os_error(exc))
        except RuntimeError as exc:  # a stop Python wrapped (`guards.stop_within`)
            stop = guards.stop_within(exc)
            if stop is None:
                raise
            raise stop from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizgen")
def cli() -> None:
    """Learn from news articles: a question bank, Anki decks, worksheets and a spaced-repetition quiz."""


def main() -> None:
    """The `quizgen` program: the commands, with the process's guards (see `quizgen.cli.guards`)."""
    guards.install()
    try:
        cli(prog_name="quizgen")  # standalone: ends with SystemExit
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    except guards.Terminated as exc:
        click.echo(f"Error: {exc}", err=True)
        code = exc.exit_code
    except OSError as exc:  # --help or a usage message onto a full or closed standard output
        code = guards.report_os_error(exc)
    raise SystemExit(guards.finish(code))
