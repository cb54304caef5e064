"""Output files: written atomically, only onto a regular file or a new path, with nothing left behind.

- `atomic_path(target)` yields a temporary path beside `target`; when the block succeeds the file is
  flushed to disk and renamed over `target`, so a reader never sees a half-written file and a crash
  leaves the old one intact.
- Only a regular file or a new path is ever replaced. A FIFO, a device (`/dev/null`), a socket or a
  folder is refused with a clear message, even as root, and nothing is opened there (opening a FIFO
  would wait for a reader). An output is never written through a link (`Links.REFUSE`, the default):
  a link where an output would go is refused with one line naming it, and nothing is written (hostile8
  B19/B21: `-o` onto a link replaced /etc/passwd). A file the user keeps and quizgen edits in place (a bank
  file, a drafts file, the review database: `Links.FOLLOW`) is still written through its link; a file
  quizgen owns (`Links.REPLACE`, the bank cache) has the link itself replaced and what it leads to is never
  touched. A folder given with -o may be a link to a folder (the user named it); a link to a folder that
  does not exist is refused: no folder is made at the end of a link. Nothing is written in /dev, /proc or /sys, or
  through a link into them (`/dev/stderr` given as a path, whatever standard error goes to).
- Temporary files are removed on every exit path: success, error, Ctrl-C, and SIGTERM, which the CLI
  turns into an exception. SIGKILL cannot be caught, so each temporary file (`.NAME.quizgen-XXXX.tmp`)
  is locked while its writer lives, and every later write into the same folder removes the ones whose
  lock is free: a killed build's debris goes with the next build, and a running writer's file is kept.
  (A file is made as `.part`, locked, then renamed; a `.part` older than ten seconds is debris too.)
  `scratch_path` gives the same kind of file for work that is not the output itself (the Anki
  collection an .apkg is zipped from), removed when its block ends.
- OS errors become `OutputError` with the file named: "cannot write out/x.apkg: No space left on device".
- Nothing is written onto what the running command reads: within `reading(...)` (the CLI opens it for every
  command that writes outputs), a target inside the bank folder or the articles folder, or that is a file the
  command read, is refused (`export -o question_bank/sources.yaml` replaced the bank file it had just read).
- Nor over the user's data: within `reading(..., keep=...)` a file a keeper recognises (the CLI gives two: the
  quiz's review database, or any SQLite database, and a drafts file holding decisions made in review) is refused
  with what would be lost and what to do (`export -o reviews.db` replaced every saved answer). This is the one
  place that promise is kept: every output, of every writing command, goes through `check_target`.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import os
import signal
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from quizgen.errors import OutputError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock; temporary files are still removed on every exit path
    fcntl = None  # type: ignore[assignment]

_MARK = "quizgen-"  # in every temporary file's name: the sweep touches nothing else


class Links(enum.Enum):
    """What a write does with a link found where its file goes."""

    REFUSE = "refuse"  # an output: never written through a link (the default)
    FOLLOW = "follow"  # a file of the user's that quizgen edits in place (a bank or drafts file): its link is followed
    REPLACE = "replace"  # a file quizgen owns (the bank cache): the link itself is replaced, its target untouched


def link_refused(target: Path) -> OutputError:
    """The one wording for an output path that is a link."""
    return OutputError(f"{target} is a symbolic link; quizgen does not write through links — "
                       "remove it or choose another path")


def check_targets(paths: Iterable[Path]) -> None:
    """`check_target` on every file a command that writes a folder of outputs (`build`, `anki`, `worksheet`) is
    about to write, before it writes the first: a link, a FIFO or a folder where one of them would go is refused and
    nothing is written. Only those paths are looked at (hostile15: `-o DIR` walked every file under DIR, so `-o /`
    walked the whole file system and a link in a subfolder that no output touches was refused)."""
    for path in paths:
        check_target(path)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


#: What the running command reads, which none of its outputs may land on or in: (real path, how a message names
#: it, whether it is a folder). Process-wide rather than a context variable: worker threads write outputs too.
_inputs: tuple[tuple[Path, str, bool], ...] = ()

#: A user's data that no output may replace (the quiz's review database, a drafts file holding review decisions):
#: each looks at an existing regular file and says what replacing it would destroy, `(what it is, what to do)`, or
#: None. The CLI gives them (`reading`): this layer knows neither the database nor the drafts format.
Keeper = Callable[[Path], "tuple[str, str] | None"]
_keepers: tuple[Keeper, ...] = ()


@contextmanager
def reading(*inputs: tuple[Path, str], keep: tuple[Keeper, ...] = ()) -> Iterator[None]:
    """Within the block no output is written inside these folders or onto these files, each `(path, its name in a
    message)`: "the bank folder question_bank", "the article art.txt"; nor over a file one of `keep` says holds the
    user's data."""
    global _inputs, _keepers
    before, kept = _inputs, _keepers
    _inputs = (*before, *((Path(os.path.realpath(p)), what, Path(p).is_dir()) for p, what in inputs))
    _keepers = (*kept, *(k for k in keep if k not in kept))
    try:
        yield
    finally:
        _inputs, _keepers = before, kept


def check_not_input(target: Path) -> None:
    """Raise OutputError when `target` (after its links) is, or is inside, something the running command reads, or
    is a file holding the user's data (see `reading`)."""
    if not _inputs and not _keepers:
        return
    real = Path(os.path.realpath(target))  # realpath, not resolve: a link that loops is not an error here
    for place, what, folder in _inputs:
        if real == place:
            other = "folder" if folder else "file name"
            raise OutputError(f"will not write {target}: it is {what}, which this command reads; give another {other}")
        if folder and real.is_relative_to(place):
            raise OutputError(f"will not write {target}: it is inside {what}, which this command reads; "
                              "write outside that folder")
    if _keepers and real.is_file():
        for keeper in _keepers:
            if (kept := keeper(real)) is not None:
                what, fix = kept
                raise OutputError(f"will not write {target}: it {what}; {fix}")


_SYSTEM = tuple(Path(p) for p in ("/dev", "/proc", "/sys"))
_SHARED_MEMORY = Path("/dev/shm")  # an ordinary tmpfs, for files


def destination(target: Path) -> Path:
    """Where a write to `target` lands: the file at the end of its links; OutputError for a system folder."""
    try:
        real = target.resolve()
    except (OSError, RuntimeError) as exc:  # a loop of links
        raise OutputError(f"cannot write {target}: its links lead in a loop") from exc
    for where, how in ((target.absolute(), "is in"), (real, "leads into")):
        for root in _SYSTEM:
            if where.is_relative_to(root) and not where.is_relative_to(_SHARED_MEMORY):
                raise OutputError(f"will not write {target}: it {how} {root}, a system folder; give a file path")
    return real if target.is_symlink() else target


def check_target(target: Path, links: Links = Links.REFUSE) -> None:
    """Raise OutputError unless `target` (after its links, with `Links.FOLLOW`; refused as a link otherwise) is a
    regular file or does not exist yet, and is not something the running command reads (see `reading`)."""
    check_not_input(target)
    if links is not Links.FOLLOW and target.is_symlink():
        destination(target)  # a link in /dev (/dev/stderr) says it is in a system folder
        raise link_refused(target)
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        if (dangling := _link_to_nothing(target, folder=False)) is not None:
            raise OutputError(dangling) from None
        destination(target)
        return
    except NotADirectoryError as exc:
        raise OutputError(f"cannot write {target}: part of its folder path is a file") from exc
    except OSError as exc:
        raise OutputError.from_os(exc, f"cannot write {target}") from exc
    if stat.S_ISDIR(mode):
        raise OutputError(f"cannot write {target}: it is a folder; give a file name")
    if not stat.S_ISREG(mode):
        raise OutputError(f"will not write {target}: it is {_kind(mode)}, not a regular file; "
                          "quizgen writes only regular files")
    destination(target)


def _link_to_nothing(target: Path, *, folder: bool) -> str | None:
    """Why `target`, a link that leads nowhere, is not written through (quizgen makes no folders at the end of a
    link: a file's link needs its folder, a folder's link the folder itself), or None. The one wording of it, for
    file outputs (`-o` of `export`) and folder outputs (`-o` of `build`, `anki`, `worksheet`)."""
    if not target.is_symlink():
        return None
    try:
        end = target.resolve()
    except (OSError, RuntimeError):  # a loop of links: `destination` says so
        return None
    if end.exists() or (not folder and end.parent.is_dir()):
        return None
    whose = "whose folder does not exist" if not end.parent.is_dir() else "which does not exist"
    return (f"will not write {target}: it is a link to {os.readlink(target)}, {whose}; quizgen makes no folders "
            "at the end of a link")


def ensure_folder(folder: Path) -> Path:
    """`folder`, made (with its parents) if missing; OutputError if a file is in the way or it cannot be made."""
    check_not_input(folder)
    if (dangling := _link_to_nothing(folder, folder=True)) is not None:
        raise OutputError(dangling)
    if not folder.is_dir():
        destination(folder)  # never a new folder in /dev, /proc or /sys
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise OutputError(f"cannot use {folder} as a folder: a file of that name is in the way") from exc
    except OSError as exc:
        raise OutputError.from_os(exc, f"cannot make folder {folder}") from exc
    return folder


PART_AGE = 10.0  # seconds: a `.part` file is renamed microseconds after it is made; an older one is debris


def sweep(folder: Path) -> None:
    """Remove temporary files of quizgen writers that have died (their lock is free) from `folder`."""
    if fcntl is None:  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        entries = [e for e in os.scandir(folder) if e.name.startswith(".") and _MARK in e.name
                   and e.name.endswith((".tmp", ".part")) and e.is_file(follow_symlinks=False)]
        for entry in entries:
            with contextlib.suppress(OSError):
                if entry.name.endswith(".part") and time.time() - entry.stat().st_mtime < PART_AGE:
                    continue  # being made right now, and not locked yet
                fd = os.open(entry.path, os.O_RDONLY | os.O_NOFOLLOW)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError: its writer is alive
                    os.unlink(entry.path)
                finally:
                    os.close(fd)


_STOPS = {getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)}


def _hold_signals() -> set[int | signal.Signals] | None:
    """Hold back SIGINT/SIGTERM/SIGHUP (they wait, pending) until `_release`; None where that cannot be done."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)


def _release(held: set[int | signal.Signals] | None) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


@contextmanager
def _locked_temp(beside: Path) -> Iterator[Path]:
    """A new, locked temporary file in `beside`'s folder, removed when the block ends (however it ends).

    Signals are held from its creation until the `finally` that removes it is in place, so a stop
    request can never fall between the two and leave the file behind.
    """
    import tempfile  # here, not at the top: the quiz's start imports this module and seldom writes a file

    folder = ensure_folder(beside.parent)
    sweep(folder)
    held = _hold_signals()
    try:
        fd, part = tempfile.mkstemp(prefix=f".{beside.name}.{_MARK}", suffix=".part", dir=folder)
    except OSError as exc:
        _release(held)
        raise OutputError.from_os(exc, f"cannot write {beside}") from exc
    tmp = Path(part).with_suffix(".tmp")
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.rename(part, tmp)  # only a locked file carries the name the sweep looks for
        _release(held)  # a signal that came meanwhile acts here, and the finally removes the file
        held = None
        yield tmp
    finally:
        _release(held)
        for name in (tmp, Path(part)):
            with contextlib.suppress(OSError):
                name.unlink()
        os.close(fd)


@contextmanager
def atomic_path(target: Path | str, *, links: Links = Links.REFUSE) -> Iterator[Path]:
    """Yield a temporary path to write; when the block succeeds it replaces `target` atomically.

    A link at `target` is refused (`Links.REFUSE`, an output), followed (`Links.FOLLOW`, a user's file edited in
    place) or replaced itself (`Links.REPLACE`, a file quizgen owns such as the bank cache: a link planted there
    cannot make quizgen replace the file it leads to)."""
    target = Path(target)
    own_link = links is Links.REPLACE and target.is_symlink()
    follow_links = links is Links.FOLLOW
    if not own_link:
        check_target(target, links)
    dest = target if own_link else destination(target)
    with _locked_temp(dest) as tmp:
        try:
            yield tmp
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.chmod(tmp, _mode_for(dest, own_link))
            if follow_links or not dest.is_symlink():
                check_target(dest, links)  # a FIFO (or a link) made meanwhile is not replaced either
            os.replace(tmp, dest)  # rename never follows a link at dest: it replaces the link
        except OSError as exc:
            raise OutputError.from_os(exc, f"cannot write {target}") from exc


NEW_MODE = 0o644


def _mode_for(dest: Path, own_link: bool) -> int:
    """The new file's permission bits: those of the regular file it replaces (at the end of a link too), made
    writable by its owner, so a private (0600) output stays private and a read-only one is left 0644 as any output
    is; NEW_MODE for a new file or a replaced link (hostile8 B22)."""
    if own_link:
        return NEW_MODE
    try:
        old = os.stat(dest)
    except OSError:
        return NEW_MODE
    return (stat.S_IMODE(old.st_mode) & 0o777) | stat.S_IWUSR if stat.S_ISREG(old.st_mode) else NEW_MODE


@contextmanager
def scratch_path(beside: Path | str) -> Iterator[Path]:
    """A temporary file beside `beside` for work on the way to it, removed when the block ends."""
    with _locked_temp(destination(Path(beside))) as tmp:
        yield tmp


@contextmanager
def atomic_open(target: Path | str, mode: str = "w", encoding: str | None = "utf-8",
                links: Links = Links.REFUSE) -> Iterator[IO[str]]:
    """Open a temporary file for text writing; it replaces `target` when the block succeeds."""
    with atomic_path(target, links=links) as tmp, open(tmp, mode, encoding=encoding if "b" not in mode else None) as fh:
        yield fh


def write_new(path: Path, text: str) -> Path:
    """Write `text` as a new file: `path`, or `NAME-2.txt`, `NAME-3.txt`… when something is there — never over a file,
    never through a link (hostile19: a second kept edit replaced the first), and whole or not at all: it is written
    beside, then linked to its name, which fails if the name was taken meanwhile. For copies kept for the user (an
    edit not saved, a review's drafts kept beside a file another program changed). Raises OSError."""
    try:
        with _locked_temp(path) as tmp:
            tmp.write_text(text, encoding="utf-8")
            os.chmod(tmp, NEW_MODE)
            for n in range(1, 1000):
                target = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
                try:
                    os.link(tmp, target)
                except FileExistsError:
                    continue
                return target
    except OutputError as exc:  # no temporary file could be made there (a read-only folder): what the system said
        cause = exc.__cause__
        raise cause if isinstance(cause, OSError) else OSError(errno.EIO, str(exc), str(path)) from None
    raise FileExistsError(errno.EEXIST, "too many kept copies", str(path))


def write_text(target: Path | str, text: str, links: Links = Links.REFUSE) -> Path:
    with atomic_open(target, links=links) as fh:
        fh.write(text)
    return Path(target)


def write_bytes(target: Path | str, data: bytes, links: Links = Links.REFUSE) -> Path:
    with atomic_path(target, links=links) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def temp_root() -> Path:
    """The system's temp folder (`tempfile.gettempdir`), found with stop signals held: the first call writes and
    removes a probe file with a random name there, and a SIGTERM between the two left it behind (hostile c11,
    flaky: 'TMPDIR/a28p0u76' after a stopped build)."""
    import tempfile  # not on the quiz's start path

    held = _hold_signals()
    try:
        return Path(tempfile.gettempdir())
    finally:
        _release(held)


BUILD_TEMP_PREFIX = "quizgen-build-"  # `quizgen-build-<pid>` in the system's temp folder: a build's own


def sweep_build_temps() -> None:
    """Remove the `quizgen-build-<pid>` folders (see `quizgen.generators.worksheet.pdf.build_temp`) of quizgen
    processes that are gone (killed mid-build: SIGKILL, the OOM killer); every build calls it as it starts."""
    if os.name != "posix":  # os.kill(pid, 0) is a probe on POSIX only (on Windows it ends the process)
        return
    import shutil

    for folder in temp_root().glob(f"{BUILD_TEMP_PREFIX}*"):
        pid = folder.name.removeprefix(BUILD_TEMP_PREFIX)
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:  # gone: nobody else removes it
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # alive, another user's (EPERM), or a pid too big for a process: leave it
            continue
