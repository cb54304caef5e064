"""What the `quizgen` process does about its surroundings: signals, closed or full standard streams, OS errors.

- SIGTERM and SIGHUP raise `Terminated` where the program is, so every `finally` and `with` on the
  way out runs: temporary files and folders are removed (see `quizgen.atomic`) and the quiz's
  database is closed. The process then exits 128 + the signal number with a one-line message, and
  only that line: a stop that lands in a finaliser is not reported as "Exception ignored".
- Ctrl-C (SIGINT) ends a command the same way, with `Error: stopped by SIGINT` and 130, unless the command takes
  it as its own way to end (the quiz: like `q`, exit 0; `review`: what it saved, exit 130).
- A closed standard input reads as empty (a prompt then ends as at Ctrl-D), instead of failing.
- A terminal in a legacy encoding (Shift_JIS, EUC-JP, CP932, latin-1) shows each character it lacks (·, –, ✓) as
  '?', instead of the command ending in a UnicodeEncodeError traceback at the first one (hostile pass 16). A
  file written to standard output (`export -o -`) is not text for the terminal: see `common.write_file_out`.
- A closed standard output fails at the first thing written to it, as a full one does: one line on
  standard error and exit 1, so no command says it is done having shown nothing (or asks a question
  nobody sees).
- An OS error no command turned into a message (a full disk, a read-only folder, a standard
  output on /dev/full) is one line on standard error and exit 1; a reader that went away (a broken
  pipe, as with `| head`) ends the program quietly with 141 (128 + SIGPIPE), as `yes | head` and
  `git log | head` do: never 1, which says the data has a problem.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import click

from quizgen.errors import describe_os_error
from quizgen.text import terminal_safe

_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(BaseException):  # like KeyboardInterrupt: not caught by `except Exception`
    """The process was asked to stop by a signal; raised where it was, so cleanups run on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    def __str__(self) -> str:
        return f"stopped by {signal.Signals(self.signum).name}"


_received: list[int] = []  # every stop signal that came, in order


def _raise_terminated(signum: int, _frame: FrameType | None) -> None:
    _received.append(signum)
    raise Terminated(signum)


def _raise_interrupt(signum: int, _frame: FrameType | None) -> None:
    _received.append(signum)
    raise KeyboardInterrupt


def stop_within(exc: BaseException) -> Terminated | None:
    """The stop a signal raised that another exception wraps (Python 3.11 turns a Ctrl-C that lands inside a class's
    `__set_name__`, as a command's module loads, into a RuntimeError caused by it: hostile23, a traceback), or None."""
    seen: BaseException | None = exc.__cause__ or exc.__context__
    for _ in range(20):
        if seen is None:
            return None
        if isinstance(seen, Terminated):
            return seen
        if isinstance(seen, KeyboardInterrupt):
            return Terminated(signal.SIGINT)
        seen = seen.__cause__ or seen.__context__
    return None


def interrupted() -> bool:
    """Whether Ctrl-C (SIGINT) came and no command took it as its own way to end."""
    return signal.SIGINT in _received


def interrupt_handled() -> None:
    """The command ended on Ctrl-C as it promises to (the quiz's session ends like `q`): `finish` must not report
    the SIGINT as a stop ("Aborted!", exit status 1)."""
    _received[:] = [sig for sig in _received if sig != signal.SIGINT]


class _ClosedStdout(io.TextIOBase):
    """What `sys.stdout` is when the process started with its standard output closed: every write fails."""

    encoding = "utf-8"

    def _closed(self) -> OSError:
        return OSError(errno.EBADF, "it is closed (use >/dev/null to throw away what quizgen prints)")

    def write(self, s: str) -> int:
        raise self._closed()

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise self._closed()

    @property
    def buffer(self) -> io.BufferedWriter:
        raise self._closed()


def _quiet_stops(previous: Callable[[Any], object]) -> Callable[[Any], object]:
    """An unraisable-exception hook that drops a stop (Terminated, KeyboardInterrupt) raised where Python cannot
    deliver it, inside a finaliser (WeasyPrint's `FontConfiguration.__del__` in a build's PDF phase): the signal is
    noted, and `finish` reports it in one line; Python printed "Exception ignored in … Traceback" first."""

    def hook(unraisable: Any) -> object:
        if isinstance(unraisable.exc_value, (Terminated, KeyboardInterrupt)) and _received:
            return None
        return previous(unraisable)

    return hook


def install() -> None:
    """Make SIGTERM/SIGHUP (and SIGINT) exceptions that are noted; a closed standard input reads as empty, a closed
    standard output fails at the first write.

    Python can lose an exception raised by a signal handler: one raised while C code calls Python
    and then clears any error (`hasattr` on a computed attribute does) never arrives. The command then
    runs to its end, cleaning up as usual, and `finish` still reports the stop in the exit status.
    """
    for sig in _SIGNALS:
        signal.signal(sig, _raise_terminated)
    sys.unraisablehook = _quiet_stops(sys.unraisablehook)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when started with SIGINT ignored
        signal.signal(signal.SIGINT, _raise_interrupt)
    if sys.stdin is None:  # started with stdin closed (`<&-`)
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        sys.stdout = _ClosedStdout()
    _replace_what_the_terminal_lacks(sys.stdout)


def _replace_what_the_terminal_lacks(stream: object) -> None:
    """A standard output that refuses what its encoding lacks (the default, "strict") writes '?' for it instead; so does
    one set to "surrogateescape" in a legacy encoding (hostile17: `PYTHONIOENCODING=shift_jis:surrogateescape`, which
    cannot write · or –). UTF-8 with "surrogateescape" (Python's own choice in the C locale) writes every character and
    is left as it is."""
    if not isinstance(stream, io.TextIOWrapper):
        return
    utf8 = codecs.lookup(stream.encoding).name == "utf-8"
    if stream.errors == "strict" or (stream.errors == "surrogateescape" and not utf8):
        with contextlib.suppress(ValueError, OSError):  # closed
            stream.reconfigure(errors="replace")


BROKEN_PIPE = 128 + 13  # the status of a process SIGPIPE ended: what a shell shows for `yes | head`


def _stdout_error() -> OSError | None:
    """Why standard output cannot take what is written to it (a full device, a closed pipe), or None."""
    if sys.stdout is None:
        return None
    try:
        sys.stdout.flush()
    except OSError as exc:
        return exc
    except ValueError:  # closed
        return None
    return None


def stdout_failed() -> bool:
    """True when standard output cannot take what is written to it (a full device, a closed pipe)."""
    return _stdout_error() is not None


def _broken_pipe(exc: BaseException | None) -> bool:
    return isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE)


def silence_stdout() -> None:
    """Point standard output at /dev/null, so what is still buffered cannot fail again when Python exits."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


#: What a write to a stream fails with. Files are written through `quizgen.atomic`, which names them, so such
#: an error with no file name comes from standard output.
_STREAM_ERRORS = {errno.EBADF, errno.ENOSPC, errno.EIO, errno.EPIPE, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def report_os_error(exc: OSError) -> int:
    """Say what went wrong in one line on standard error; the exit status, 1 (a broken pipe: nothing said, 141)."""
    pending = _stdout_error()
    if pending is not None or (exc.filename is None and exc.errno in _STREAM_ERRORS):
        silence_stdout()
        if _broken_pipe(exc) or _broken_pipe(pending):
            return BROKEN_PIPE
        message = f"cannot write to standard output: {describe_os_error(exc)}"
    else:
        where = f": {exc.filename}" if exc.filename else ""
        message = f"{describe_os_error(exc)}{where}"
    with contextlib.suppress(OSError, ValueError):
        click.echo(f"Error: {terminal_safe(message)}", err=True)
    return 1


def finish(code: int) -> int:
    """The exit status once what is left on standard output is written (a full device fails only now), and
    a stop signal whose exception Python lost is reported as if it had arrived."""
    pending = _stdout_error()
    if pending is not None:
        silence_stdout()
        if _broken_pipe(pending):
            return BROKEN_PIPE
        with contextlib.suppress(OSError, ValueError):
            click.echo("Error: cannot write to standard output", err=True)
        code = code or 1
    if code == 0 and _received:
        lost = _received[0]
        with contextlib.suppress(OSError, ValueError):
            click.echo(f"Error: {Terminated(lost)}", err=True)
        code = Terminated(lost).exit_code
    return code
