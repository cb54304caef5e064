"""Exceptions. Every user-facing problem is a QuizgenError; only `quizgen/cli/` turns them into messages.

The library speaks of its own parameters, never of command-line flags: a message that names a
parameter writes it as `{name}` and lists it in `names`. `str(error)` shows the bare name
("count must be at least 1, not 0"); the CLI shows its flag instead through `spelled`
("--count must be at least 1, not 0").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in an input file."""

    file: str
    line: int
    column: int
    field: str
    message: str
    follows: bool = dataclasses.field(default=False, compare=False)  # follows from another problem: listed after the rest

    def __str__(self) -> str:
        """One line: a newline or tab in the file name or field (a key) is shown escaped, so none can start a line
        that reads as another problem."""
        return f"{_one_line(self.file)}:{self.line}:{self.column}: {_one_line(self.field)}: {self.message}"


def _one_line(text: str) -> str:
    return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


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
        self.problems = tuple(sorted(problems, key=lambda p: (p.follows, p)))
        n = len(self.problems)
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in the question bank")

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems) + f"\n{self}"


class DependencyError(QuizgenError):
    """A system library or optional package is missing; the message says what to install.

    `paths` lists what was still written before the missing part was needed (e.g. the HTML of a worksheet
    whose PDF could not be made).
    """

    def __init__(self, message: str, paths: Sequence[Path] = ()) -> None:
        super().__init__(message)
        self.paths = tuple(paths)

    def with_paths(self, paths: Sequence[Path], note: str = "") -> DependencyError:
        """The same error (same kind, same exit code), with `note` added and `paths` written all the same."""
        return type(self)(f"{self}{note}", paths)


class MissingExtraError(DependencyError):
    """An optional feature's packages (a quizgen extra) are not installed; the message gives the pip line.

    Built by `quizgen.extras`, which owns the map from feature to extra and the install line.
    """

    exit_code = 2


class OutputError(QuizgenError):
    """An output cannot be written where it was asked to go: not a regular file, no space, no permission, …"""

    @classmethod
    def from_os(cls, exc: OSError, doing: str) -> OutputError:
        """`doing` ("cannot write out/x.apkg") and what the system said, on one line."""
        return cls(f"{doing}: {describe_os_error(exc)}")


def describe_os_error(exc: OSError) -> str:
    """What the system said, without Python's decoration: 'No space left on device'."""
    return exc.strerror or str(exc) or type(exc).__name__
