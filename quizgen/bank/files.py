"""Reading the files the bank is made of or points to: bank files, drafts, deck recipes and articles.

Each is read only if it is a plain file (not a link to nothing, a FIFO, which would wait for a writer
without end, or a device, which never ends), of at most `MAX_BYTES` (a sparse file of gigabytes would
otherwise be read into memory whole), and UTF-8; whatever is wrong is said with its place, never raised.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# The sections a bank file holds, in order: the one list of their names (`quizgen.bank.load.SECTIONS` pairs each
# with its record). Named here so that a command's start can tell a bank folder without importing the loader and
# PyYAML (issue 19, the quiz's first question).
BANK_SECTIONS = ("sources", "stories", "entities", "items", "disagreements", "pools")
MAX_BYTES = 20 * 2**20  # 20 MiB: the whole bundled bank is 0.6 MiB, the longest article 0.02 MiB


@dataclass(frozen=True)
class Unread:
    """Why a file was not read, and where in it (line and column, 1-based; 1:1 for the whole file)."""

    message: str
    line: int = 1
    column: int = 1


def is_yaml(path: Path) -> bool:
    """A bank file, drafts file or deck recipe by its name: .yaml or .yml, in any case (.YAML too)."""
    return path.suffix.lower() in (".yaml", ".yml")


def not_a_bank(bank_dir: Path, sections: Iterable[str]) -> str | None:
    """Why `bank_dir` is plainly not a bank folder, or None. A bank folder holds at its top `sources.yaml`, or a
    .yaml/.yml file whose first key is a bank section (one of `sections`: a whole bank in one file, or one of its
    files): looked at before anything below it is read (`--bank /` or `--bank ~` must not walk the disk)."""
    try:
        tops = sorted((entry.name, entry.path) for entry in os.scandir(bank_dir) if is_yaml(Path(entry.name)))
    except OSError:
        tops = []
    if not tops:
        return "it has no .yaml file at its top"
    if any(Path(name).stem.lower() == "sources" for name, _ in tops):
        return None  # by its name, whatever it holds: its problems are the bank's to report
    wanted = tuple(sections)
    if any(_bank_like(first_key(Path(path)), wanted) for _, path in tops):
        return None
    shown = ", ".join(name for name, _ in tops[:5]) + (", …" if len(tops) > 5 else "")
    return f"no .yaml file at its top begins with a bank section ({shown})"


def _bank_like(key: str | None, sections: tuple[str, ...]) -> bool:
    """Whether a file's first key is a bank section or a slip of one (`itmes:`, `Items:`): a bank file whose
    mistake the loader names (「unknown section (did you mean 'items'?)」), not a folder that is no bank."""
    if key is None:
        return False
    if key in sections:
        return True
    import difflib  # a slip only: not on the quiz's start path

    return bool(difflib.get_close_matches(key.lower(), sections, n=1, cutoff=0.75))


_KEY = re.compile(r"""\{?\s*["']?([A-Za-z_]\w*)["']?\s*:""")


def first_key(path: Path) -> str | None:
    """The first top-level key of a YAML file, from its first 64 KiB (comments, `%` directives and `---` skipped);
    None for a file that is not plain (a FIFO is never opened) or begins otherwise."""
    if not_plain(path) is not None:
        return None
    try:
        with path.open("rb") as f:
            head = f.read(65536).decode("utf-8", "replace").removeprefix("\ufeff")
    except OSError:
        return None
    for line in head.splitlines():
        if line.startswith("---"):
            line = line[3:].strip()
        if not line.strip() or line.startswith(("#", "%")):
            continue
        match = _KEY.match(line)
        return match.group(1) if match else None
    return None


def not_plain(path: Path) -> str | None:
    """Why `path` is not a plain file to read (a link to nothing, a FIFO, a device, too big), or None."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return f"a link to {os.readlink(path)}, which does not exist" if path.is_symlink() else "no such file"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a link that leads in a loop (to itself, or through other links back to itself); " \
                   "point it at a file or remove it"
        return f"cannot read: {exc.strerror}"
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) \
            else "a folder" if stat.S_ISDIR(st.st_mode) else "a device"
        return f"not a regular file ({kind}); only plain text files are read"
    if st.st_size > MAX_BYTES:
        return f"the file is {st.st_size:,} bytes, more than the {MAX_BYTES:,} quizgen reads; split it"
    return None


def read_utf8(path: Path) -> str | Unread:
    """The text of `path`, or why it cannot be read (located at the first undecodable byte)."""
    why = not_plain(path)
    if why is not None:
        return Unread(why)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Unread(f"cannot read: {exc.strerror}")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return Unread(f"not UTF-8 text ({exc.reason}); save the file as UTF-8", line, column)


def read_bank_file(path: Path) -> str | Unread:
    """`read_utf8` of a file `bank_files` lists: a link to a folder outside the bank is said as such."""
    why = outside_link(path)
    return Unread(why) if why is not None else read_utf8(path)


def unread_article(path: Path, why: Unread) -> str:
    """Why the article at `path` cannot be read, as `check` and `worksheet --articles` say it."""
    if why.message == "no such file":
        return f"article file not found: {path}"
    return f"article {path}: {why.message}" + (f" (line {why.line}, column {why.column})" if why.line > 1 or why.column > 1
                                                 else "")


def bank_files(bank_dir: Path, *, loops: bool = False) -> list[Path]:
    """Every *.yaml/*.yml below `bank_dir` but folders: links to nothing, FIFOs and links to folders outside the bank
    too, for the reader to refuse; links that loop only with `loops` (`Path.resolve` raises on one: a caller that
    resolves the paths leaves them out; `load_bank` refuses them)."""
    return sorted(Path(entry.path) for entry in yaml_entries(bank_dir, loops=loops))


def yaml_entries(folder: Path | str, *, loops: bool = True, _inside: str | None = None) -> Iterator[os.DirEntry[str]]:
    """`bank_files`, unsorted, as directory entries (each one's `stat()` is one system call): folders are walked, but
    one named as a bank file (`sources.yaml/`) is yielded for the reader to refuse as a folder. A
    link to a folder inside the bank is not walked again (its files are read at their own place, once); a link to a
    folder outside it is yielded, whatever its name, for the reader to refuse with its path (`outside_link`: it was
    skipped without a word, issue 18, A22). Links that loop are yielded unless not `loops`."""
    if _inside is None:
        _inside = os.path.join(os.path.realpath(folder), "")
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name.lower()  # is_yaml, without a Path for each file (a 100k-item bank has 500)
        named = name.endswith((".yaml", ".yml")) and name not in (".yaml", ".yml")
        try:
            is_dir = entry.is_dir()
        except OSError:  # a link that loops: a bank file by its name, for the reader to refuse with its place
            if loops and named:
                yield entry
            continue
        try:
            if is_dir and named and not entry.is_symlink():
                yield entry  # a folder named as a bank file (sources.yaml made a folder): the reader says so, hostile19
            elif is_dir and not entry.is_symlink():
                yield from yaml_entries(entry.path, loops=loops, _inside=_inside)
            elif (named and not is_dir) or (is_dir and not _leads_inside(entry.path, _inside)):
                yield entry
        except OSError:
            continue


def _leads_inside(link: str, inside: str) -> bool:
    """Whether the folder `link` leads to is in the folder `inside` (a real path ending with a separator)."""
    return os.path.join(os.path.realpath(link), "").startswith(inside)


def outside_link(path: Path) -> str | None:
    """Why the bank entry `path`, a link to a folder outside the bank (as `yaml_entries` yields one), is not read;
    None for anything else."""
    try:
        if not (path.is_symlink() and path.is_dir()):
            return None
        target = os.readlink(path)
    except OSError:
        return None
    return (f"a link to the folder {target}, outside the bank folder; only what is inside the bank is read — "
            "move that folder into the bank, or remove the link")
