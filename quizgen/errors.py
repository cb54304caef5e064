"""Exceptions. Every user-facing problem is a QuizgenError; only `quizgen/cli/` turns them into messages.

The library speaks of its own parameters, never of command-line flags: a message that names a
parameter writes it as `{name}` and lists it in `names`. `str(error)` shows the bare name
("count must be at least 1, not 0"); the CLI shows its flag instead through `spelled`
("--count must be at least 1, not 0").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in an input file."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {self.message}"


class QuizgenError(Exception):
    """Base class for every error a user can cause. `exit_code` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, message: str = "", *, names: Sequence[str] = ()) -> None:
        self.template = message
        self.names = tuple(names)
        super().__init__(self.spelled({}))

    def spelled(self, spelling: Mapping[str, str]) -> str:
        """The message with each named parameter spelled as `spelling` says (by its own name where it says nothing)."""
        text = self.template
        for name in self.names:
            text = text.replace(f"{{{name}}}", spelling.get(name, name))
        return text


class UsageError(QuizgenError):
    """Bad options or arguments."""

    exit_code = 2


class BankError(QuizgenError):
    """The bank has one or more problems; all of them are listed."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        n = len(self.problems)
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in the question bank")

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems) + f"\n{self}"


class DependencyError(QuizgenError):
    """A system library or optional package is missing; the message says what to install."""
