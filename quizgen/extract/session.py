"""One review session per drafts file at a time: a lock held for the whole session.

Two sessions on one file would each decide on the drafts as they read them, and one's write would replace the
other's decisions. So `quizgen review` holds the file from opening it to its last decision, with `flock` on a
hidden file beside it (`.NAME.review-lock`, holding the session's process id), and a second session — or an
`extract -o` onto the file — is refused at once, naming the session that holds it. The kernel frees the lock when
the session ends in any way (SIGKILL and a crash included), so a stale lock never blocks anyone; the lock file is
removed when the session ends (one left by a killed session is taken over and removed by the next).

Where no lock can be made (a file not there yet, a read-only folder, where no decision can be written anyway; Windows, without
`flock`), the session runs without one: the check that the file is unchanged before each write still refuses a
decision on a file another program changed.

The bank is held the same way, but only for the moment of one change (`bank_held`: `BANK/.bank-lock`): a
`review` accept or undo, which reads a bank items file, adds to it and writes it back, and `add-article`, which
chooses the next free article id and writes its source entry. Two such changes at once (two review sessions on two
drafts files of one article, two `add-article` runs) each read the bank as the other left it, so neither is lost;
the second waits for the first, and is refused with a message only if the bank stays held for `BANK_WAIT` seconds.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from quizgen.errors import QuizgenError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock
    fcntl = None  # type: ignore[assignment]


def lock_path(file: Path) -> Path:
    return file.with_name(f".{file.name}.review-lock")


@contextlib.contextmanager
def held(file: Path) -> Iterator[None]:
    """Hold `file` for a review session (or a write onto it); raises QuizgenError while another session holds it.

    Only a regular file is held (no session can be on a file that is not there yet)."""
    fd = _take(lock_path(file), file) if file.is_file() else None
    try:
        yield
    finally:
        if fd is not None:
            _let_go(lock_path(file), fd)  # while still locked: no session can hold the file being removed


BANK_WAIT = 30.0  # seconds a bank change waits for another one to end


def bank_lock_path(bank_dir: Path) -> Path:
    return bank_dir / ".bank-lock"


@contextlib.contextmanager
def bank_held(bank_dir: Path, wait: float = BANK_WAIT) -> Iterator[None]:
    """Hold the bank folder `bank_dir` for one change (read, add, write back); waits up to `wait` seconds while
    another change holds it, then raises QuizgenError. Where no lock can be made, runs without one."""
    path = bank_lock_path(bank_dir)
    fd = _take(path, bank_dir, wait=wait) if bank_dir.is_dir() else None
    try:
        yield
    finally:
        if fd is not None:
            _let_go(path, fd)


def _let_go(path: Path, fd: int) -> None:
    """Remove the lock file `path` if it is still the one `fd` holds (another program may have put a file of its own
    at that name meanwhile: hostile27, a user's file there was removed), then close `fd`."""
    with contextlib.suppress(OSError):
        if os.stat(path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino:
            path.unlink()
    os.close(fd)


_LOCK_TEXT = re.compile(rb"[0-9]{0,20}\n?")  # what a lock file holds: a process id and a newline, or nothing yet


def _not_a_lock(fd: int, path: Path, file: Path) -> QuizgenError | None:
    """Why the file at the lock's name is not a lock quizgen made (a link, a folder, a file holding other text), so
    it must not be truncated or removed; None for a lock file."""
    info = os.fstat(fd)
    text = os.pread(fd, 64, 0) if stat.S_ISREG(info.st_mode) else b"?"
    if _LOCK_TEXT.fullmatch(text) is not None:
        return None
    return QuizgenError(f"{path} is not a quizgen lock (it holds other data), and quizgen takes that name to hold "
                        f"{file} while it works; move or rename it, then run the command again")


def _open_lock(path: Path, file: Path) -> int | None:
    """The lock file `path` opened (made if need be), never through a link; None where it cannot be made."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)
    except OSError as exc:
        kind = {errno.ELOOP: "a link", errno.EISDIR: "a folder"}.get(exc.errno or 0)
        if kind is not None:  # not ours to write through, and no read-only folder (hostile28: a folder there ran
            # the session with no lock, so a second review of the file ran beside it)
            raise QuizgenError(f"{path} is {kind}, not a quizgen lock, and quizgen takes that name to hold {file} "
                               "while it works; move or rename it, then run the command again") from None
        return None


def _take(path: Path, file: Path, wait: float | None = None) -> int | None:
    """A descriptor of the lock file `path`, locked; `wait` seconds to wait for it (None: refuse at once)."""
    if fcntl is None:  # pragma: no cover
        return None
    deadline = time.monotonic() + (wait or 0.0)
    while True:
        fd = _open_lock(path, file)
        if fd is None:
            return None  # a read-only folder: nothing can be decided there anyway
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = _holder(fd)
            os.close(fd)
            if wait is not None:
                if time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                raise QuizgenError(f"the bank {file} is being changed by another quizgen command{holder} for more "
                                   f"than {wait:g} s; try again when it has finished") from None
            raise QuizgenError(f"{file} is open in another review session{holder}; finish that one first") from None
        try:
            current = os.stat(path).st_ino
        except FileNotFoundError:
            current = -1
        if current == os.fstat(fd).st_ino:
            if (refused := _not_a_lock(fd, path, file)) is not None:
                os.close(fd)
                raise refused
            break
        os.close(fd)  # the session that held it removed this lock file as it ended: take the one at the path now
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
    return fd


def _holder(fd: int) -> str:
    with contextlib.suppress(OSError, ValueError):
        pid = int(os.pread(fd, 32, 0).decode("ascii").strip())
        return f" (pid {pid})"
    return ""
