"""Talking to a terminal: reading lines and single keys, printing safe, styled, wrapped text.

Everything read is checked to be UTF-8 (a Shift_JIS terminal or piped bytes get a message, never a
traceback); everything printed from files goes through `terminal_safe`; colour follows NO_COLOR; at a
terminal, long lines wrap at word boundaries (Japanese between any two characters, never before 。、」)
to the terminal's width. Scripted output (stdin or stdout not a terminal) is never wrapped.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from typing import Any

import click

from quizgen.errors import UsageError
from quizgen.text import terminal_safe, typed_problem, typed_problem_ja

__all__ = ["Input", "ask", "at_terminal", "check_stdin_encoding", "command_text", "display_width", "editor_streams",
           "japanese_refusals", "prepare_stdin", "say", "wrap"]

_SURROGATE_RE = re.compile("[\udc80-\udcff]")
NOT_UTF8 = ("  That line is not UTF-8 text (is the terminal set to Shift_JIS or EUC-JP?). "
            "Nothing was recorded; type the answer again.")


def at_terminal() -> bool:
    """Whether standard input is a terminal (a person typing), not a pipe, a file or closed: the one test of it, for
    line editing, single keys, the form's help, dropping keys typed ahead and how an editor is started."""
    stdin = sys.stdin
    return stdin is not None and not stdin.closed and stdin.isatty()


def line_editing() -> bool:
    """Whether a typed line can be edited in place (arrow keys, a line that starts as a field's text): Python's
    `input` uses readline only when standard input **and** standard output are terminals (newuser12: `review | tee`
    turned it off, and arrow keys printed ^[[C with nothing said)."""
    stdout = sys.stdout
    return at_terminal() and stdout is not None and not stdout.closed and stdout.isatty()


@contextlib.contextmanager
def editor_streams() -> Iterator[bool]:
    """Standard input (file descriptor 0) for an editor started within the block, such as `click.edit`: at a terminal
    the terminal as it is; when standard input is not one (a script piping decisions), the controlling terminal
    (/dev/tty; standard output too when it is not a terminal), or /dev/null when there is none. The editor never
    reads the decisions stream (hostile pass 12: vim, given the pipe, ate the script's next decisions, 3 accepts → 0,
    and would run `:!cmd` lines); quizgen's own buffered input is untouched, so what the script sends next is still
    read by quizgen. Yields whether the editor has a terminal to read keys from."""
    if at_terminal():
        yield True
        return
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
        tty = True
    except OSError:  # no controlling terminal (cron, CI, a container)
        fd = os.open(os.devnull, os.O_RDONLY)
        tty = False
    targets = [0] + ([1] if tty and not os.isatty(1) else [])
    saved = {t: os.dup(t) for t in targets}
    try:
        with contextlib.suppress(ValueError):
            sys.stdout.flush()
        for t in targets:
            os.dup2(fd, t)
        yield tty
    finally:
        for t, old in saved.items():
            os.dup2(old, t)
            os.close(old)
        os.close(fd)


def command_text(line: str) -> str:
    """A line as a command: full-width folded (ｑ, ！, １ from an IME), trimmed, lower case."""
    return unicodedata.normalize("NFKC", line).strip().lower()


class Input:
    """Reads lines from a terminal (with line editing) or, scripted, from stdin; None at the end.

    A line that is not UTF-8 is refused with a message and read again; a closed stdin is the end of the input.
    At a terminal, `key` reads one key press without Enter.
    """

    def __init__(self) -> None:
        stdin = sys.stdin
        self.closed = stdin is None
        self.tty = at_terminal()
        check_stdin_encoding()
        if not self.closed:
            with contextlib.suppress(AttributeError, ValueError):  # a replaced stdin may not reconfigure
                # undecodable bytes arrive as lone surrogates
                stdin.reconfigure(errors="surrogateescape")  # type: ignore[union-attr]
        if self.tty:
            with contextlib.suppress(ImportError):  # Windows has no readline
                import readline  # noqa: F401  (line editing for input(); wide characters erase correctly)

    def read(self, prompt: str) -> str | None:
        while True:
            line = self._read(prompt)
            if line is None or not _SURROGATE_RE.search(line):
                return line
            click.echo(NOT_UTF8)

    def _read(self, prompt: str) -> str | None:
        if self.closed:
            return None
        if self.tty:
            try:
                return input(prompt)
            except EOFError:
                click.echo()
                return None
        line = sys.stdin.readline()
        if not line:
            return None
        line = line.rstrip("\r\n")
        click.echo(prompt + terminal_safe(_SURROGATE_RE.sub("\ufffd", line)))
        return line

    def key(self, prompt: str) -> str | None:
        """One key press at a terminal ("" for Enter; None for Ctrl-D), echoed; a line when scripted."""
        if not self.tty:
            return self.read(prompt)
        import termios
        import tty

        fd = sys.stdin.fileno()
        old = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd, termios.TCSANOW)  # before the prompt, and keeping what was typed ahead
            click.echo(prompt, nl=False)
            data = _read_key(fd)
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, old)
        if data in (b"", b"\x04"):
            click.echo()
            return None
        text = data.decode("utf-8", "replace")
        shown = "" if text in ("\r", "\n") else text if text.isprintable() else ""
        click.echo(shown)
        return "" if text in ("\r", "\n") else text


def drop_typed_ahead() -> None:
    """At a terminal, forget the keys typed before now (those pressed while the last decision was being saved
    must never decide what the user has not seen yet). Piped input is kept: a script means every line."""
    if not at_terminal():
        return
    with contextlib.suppress(ImportError, OSError, ValueError):
        import termios

        with contextlib.suppress(termios.error):
            termios.tcflush(sys.stdin.fileno(), termios.TCIFLUSH)


def _read_key(fd: int) -> bytes:
    """The bytes of one key: a UTF-8 character (full-width ４ is three bytes), or an escape sequence, whole."""
    import select

    data = os.read(fd, 1)
    if not data:
        return data
    first = data[0]
    if first >= 0xC0:
        data += os.read(fd, 1 if first < 0xE0 else 2 if first < 0xF0 else 3)
    elif first == 0x1B:  # arrow keys and the like: take the rest of the sequence so it is not read as keys
        while select.select([fd], [], [], 0.02)[0]:
            data += os.read(fd, 16)
    return data


def say(text: str = "", *, end: str = "", **style: Any) -> None:
    """Print one line: file-borne text made harmless (`terminal_safe`), wrapped at a terminal, then styled
    unless NO_COLOR is set; `end` follows unstyled."""
    text = terminal_safe(text)
    end = terminal_safe(end)
    width = _width()
    if width and display_width(text + end) > width:
        lines = wrap(text + end, width)
        text, end = "\n".join(lines), ""
    if style and not os.environ.get("NO_COLOR"):
        text = click.style(text, **style)
    click.echo(text + end)


def _width() -> int | None:
    """The terminal's width when stdout is a terminal (else None: scripted output is never wrapped)."""
    if not sys.stdout.isatty():
        return None
    import shutil

    return max(20, shutil.get_terminal_size((80, 24)).columns - 3)  # room for a hanging 。 or 」


def display_width(text: str) -> int:
    """Columns `text` takes on a terminal: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 0 if unicodedata.combining(c) else 1
               for c in text)


_TOKEN_RE = re.compile(r"[!-~\u00a0-\u024f]+|\s+|.", re.DOTALL)
_NO_LINE_START = set("。、，．・：；？！）」』】〕〉》ー…‥ぁぃぅぇぉっゃゅょァィゥェォッャュョ,.;:!?)]}")


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, keeping its indent: Latin words whole, Japanese broken between
    characters but never before closing punctuation or a small kana."""
    indent = re.match(r"\s*", text).group(0)  # type: ignore[union-attr]
    room = max(10, width - display_width(indent))
    lines: list[str] = []
    line = ""
    for token in _TOKEN_RE.findall(text[len(indent):]):
        # fits, or closing punctuation, which hangs on the line it closes (。」 may go a little over)
        if display_width(line + token) <= room or not line.strip() or (len(token) == 1 and token in _NO_LINE_START):
            line += token
            continue
        lines.append(line.rstrip())
        line = token.lstrip()
    if line.strip():
        lines.append(line.rstrip())
    return [indent + ln for ln in lines] or [text]


def check_stdin_encoding() -> None:
    """A UsageError when standard input's encoding cannot read a line at all: one in which a line break is not the
    byte \\n, as UTF-16 and UTF-32 (`PYTHONIOENCODING=utf-16`, which sets standard input's encoding too). Every line
    typed then ended in a traceback (hostile18: 「UnicodeError: UTF-16 stream does not start with BOM」), which
    "surrogateescape" does not turn into the lone surrogates a Shift_JIS line gives."""
    import codecs

    encoding = getattr(sys.stdin, "encoding", None)
    if not isinstance(encoding, str):
        return
    try:
        reads = codecs.getincrementaldecoder(encoding)("strict").decode(b"ab\n", final=True) == "ab\n"
    except (LookupError, UnicodeError):
        reads = False
    if not reads:
        env = os.environ.get("PYTHONIOENCODING")
        where = f" (PYTHONIOENCODING={env})" if env else ""
        raise UsageError(f"standard input is read as {encoding}{where}, in which no typed line can be read; unset "
                         "PYTHONIOENCODING, or set it to your terminal's encoding (utf-8)")


def prepare_stdin() -> None:
    """Make standard input give undecodable bytes as lone surrogates (a Shift_JIS line gets a message, never a
    traceback) and, at a terminal, lines that can be edited (arrow keys move the cursor); one whose encoding cannot
    read a line (UTF-16) is a UsageError."""
    check_stdin_encoding()
    stdin = sys.stdin
    with contextlib.suppress(AttributeError, ValueError):  # a replaced stdin may not reconfigure
        stdin.reconfigure(errors="surrogateescape")  # type: ignore[union-attr]
    if at_terminal():
        with contextlib.suppress(ImportError):  # Windows has no readline
            import readline  # noqa: F401


def ask(label: str, limit: int, *, default: str = "", show_default: bool = False, prompt_suffix: str = ": ",
        prefill: str = "") -> str:
    """A line typed at a prompt (`click.prompt`), asked again, with the reason on standard error, while it is not
    UTF-8, holds a control character or is longer than `limit` without the white space around it (which every caller
    strips: hostile20, a date with the full-width spaces an IME leaves was too long); the reason is Japanese inside
    `japanese_refusals`. At a terminal the line can be edited (arrow keys move the cursor instead of typing escape
    sequences), and starts as `prefill` there (a field's text to change a word of, not to type again: newuser6);
    piped input never sees `prefill`."""
    prepare_stdin()
    problem_of = typed_problem_ja if _JAPANESE.get() else typed_problem
    while True:
        with _prefilled(prefill):
            value: str = click.prompt(label, default=default, show_default=show_default, prompt_suffix=prompt_suffix)
        problem = problem_of(value.strip(), limit)
        if problem is None:
            return value
        click.echo(f"  {problem}", err=True)


_JAPANESE: contextvars.ContextVar[bool] = contextvars.ContextVar("japanese_refusals", default=False)


@contextlib.contextmanager
def japanese_refusals() -> Iterator[None]:
    """Inside, a line `ask` refuses is said in Japanese (a screen in Japanese: review's edit form)."""
    token = _JAPANESE.set(True)
    try:
        yield
    finally:
        _JAPANESE.reset(token)


@contextlib.contextmanager
def _prefilled(text: str) -> Iterator[None]:
    """At a terminal with readline, the next line read starts as `text` (the cursor at its end); elsewhere nothing."""
    rl: Any = None
    if text and line_editing():
        with contextlib.suppress(ImportError):  # Windows has no readline
            import readline

            rl = readline
    if rl is None:
        yield
        return
    rl.set_startup_hook(lambda: rl.insert_text(text))
    try:
        yield
    finally:
        rl.set_startup_hook(None)


def yes_no(label: str) -> bool:
    """A yes/no question with no default: Enter (or anything but y/n) asks again, so an extra Enter never decides
    (newuser4 #8: an extra Enter saved an edit)."""
    while True:
        value = ask(f"{label} [y/n]", 8, prompt_suffix=": ").strip().lower()
        if value in ("y", "yes", "ｙ"):
            return True
        if value in ("n", "no", "ｎ"):
            return False
        click.echo("  y (はい) か n (いいえ) で答えてください", err=True)
