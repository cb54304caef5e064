"""Every command has help text, and `--help` works without touching the bank or the network."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from quizgen.cli import COMMANDS as WHERE
from quizgen.cli import cli

COMMANDS = sorted(WHERE)


def test_all_expected_commands_exist() -> None:
    assert set(COMMANDS) >= {"check", "build", "anki", "worksheet", "quiz", "stats", "due", "export", "extract", "review",
                             "leeches", "timeline", "topics"}


def test_every_command_lives_where_the_table_says_and_nothing_else_is_registered() -> None:
    """Commands are imported on demand (start-up speed): the table must name every command and its module."""
    import importlib
    import pkgutil

    import quizgen.cli

    for mod in pkgutil.iter_modules(quizgen.cli.__path__):
        importlib.import_module(f"quizgen.cli.{mod.name}")
    assert sorted(cli.commands) == COMMANDS
    for name in COMMANDS:
        assert cli.commands[name].callback.__module__ == f"quizgen.cli.{WHERE[name]}"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    assert command.help and len(command.help.strip()) > 20, f"{name} needs a real help text"
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: cli {name}") or result.output.startswith(f"Usage: quizgen {name}")
    for param in command.params:
        if param.param_type_name == "option" and not getattr(param, "hidden", False):
            assert getattr(param, "help", None), f"{name} {param.opts} has no help"


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["frobnicate"])
    assert result.exit_code == 2
    assert "No such command 'frobnicate'" in result.output


def test_cli_choices_match_the_library_enums() -> None:
    """The CLI spells some choices out (to keep generator imports off its start-up path); they must not drift."""
    from quizgen.cli.export import FORMATS
    from quizgen.cli.worksheet import TYPE_NAMES
    from quizgen.generators.exports import ExportFormat
    from quizgen.generators.worksheet import Exercise

    assert list(FORMATS) == [f.value for f in ExportFormat]
    assert TYPE_NAMES.split(", ") == [t.value for t in Exercise]


def test_hand_kept_lists_cover_their_enums() -> None:
    """docs/architecture.md names these lists as kept by hand: a new member missing from one must fail here."""
    from quizgen.generators.exports.common import _NAME_SUFFIX, _SUFFIXES, ExportFormat, QuestionKind
    from quizgen.generators.worksheet.exercises import COMPOSITE_EXERCISES, SIMPLE_EXERCISES, Exercise

    assert sorted(SIMPLE_EXERCISES + COMPOSITE_EXERCISES) == sorted(Exercise)
    assert set(_SUFFIXES) == set(ExportFormat) and set(_NAME_SUFFIX) <= set(QuestionKind)
    suffixes = list(_NAME_SUFFIX.values())
    assert not any(a != b and b.endswith(a) for a in suffixes for b in suffixes), "no name suffix ends another"
