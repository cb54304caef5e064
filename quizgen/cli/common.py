"""Options and helpers shared by several commands."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import stat
import sys
import time
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from quizgen import resources
from quizgen.bank.model import Category, Priority, Selection
from quizgen.errors import UsageError

if TYPE_CHECKING:
    from quizgen.bank.catalog import Catalog
    from quizgen.bank.model import Bank
    from quizgen.quiz.store import Store

F = TypeVar("F", bound=Callable[..., Any])

#: How the CLI spells the library's parameter names in messages (see `QuizgenError.spelled`).
FLAGS = {
    "count": "--count",
    "variants": "--variants",
    "types": "--types",
    "title": "--title",
    "stem": "--name",
    "exam": "--exam",
    "time_limit": "--time-limit",
    "points": "--points",
    "vary_items": "--vary-items",
    "timeline_page": "--timeline-page",
    "ids": "--ids",
    "choice": "--choice",
    "seed": "--seed",
    "exclude_ids": "--exclude",
    "items": "--category/--priority/--story/--article/--tag",
    "categories": "--category",
    "priorities": "--priority",
    "stories": "--story",
    "articles": "--article",
    "tags": "--tag",
    "source_id": "--source-id",
    "headline": "--headline",
    "headline_en": "--headline-en",
    "outlet": "--outlet",
    "outlet_en": "--outlet-en",
    "url": "--url",
    "new_per_day": "--new",
    "limit": "--limit",
    "db_path": "--db",
}


#: What `-o` takes for standard output, for every command that writes one text file (hostile 8, H07).
STDOUT = ("-", "/dev/stdout")


def write_file_out(data: bytes | str) -> None:
    """A file's content written to standard output (`export -o -`, `timeline --format html`): its bytes, text as
    UTF-8, whatever the terminal's encoding (hostile pass 16).

    Such output is a file, not a message: it goes into `> quiz.gift.txt` or a pipe to Moodle, and each of these formats
    is UTF-8 (Moodle XML and the HTML page even say so in their first lines). Encoded for a Shift_JIS terminal it
    would be a different file from the one `-o FILE` writes, with '?' where the terminal lacks a character (·, –) —
    a question changed without a word. Refusing would stop the common case, a redirect into a file, for the sake of
    the rare one, reading an export on the terminal itself; that user sees the Japanese garbled, not lost.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    sys.stdout.flush()  # what was printed before comes first
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()


class OutputFile(click.Path):
    """`-o FILE` of a command that writes one file: a name ending with / names a folder and is refused (it was
    written as a file of that name). With `stdout_default` (the command prints when -o is not given: `extract`,
    `timeline`), `-o -` and `-o /dev/stdout` are that default: None."""

    def __init__(self, *, stdout_default: bool = False, **kwargs: Any) -> None:
        super().__init__(path_type=Path, **kwargs)
        self.stdout_default = stdout_default

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if self.stdout_default and isinstance(value, str) and value in STDOUT:
            return None
        if isinstance(value, str) and not value.strip():  # hostile15 O15: -o '' was taken as the folder .
            raise UsageError(f"{_given(param, ctx)} was given an empty path; give a file name")
        if isinstance(value, str) and len(value) > 1 and value.endswith(("/", os.sep)):
            self.fail(f"-o {value}: ends with /, so it names a folder; give a file name ({value}NAME)", param, ctx)
        return super().convert(value, param, ctx)


class Folder(click.Path):
    """A folder option (--bank, --articles, --decks, -o of a command that writes a folder of files): a path that is
    there but is not a folder (a file, a device, a FIFO, a link to nothing) is refused at once, before any work, saying
    what it is and what the option `takes`; "not found" is left for a path where nothing is. The one check of every
    folder option (a test finds them all)."""

    def __init__(self, takes: str, **kwargs: Any) -> None:
        super().__init__(path_type=Path, **kwargs)
        self.takes = takes

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():  # hostile15 O15: '' was taken as the folder .
            raise UsageError(f"{_given(param, ctx)} was given an empty path; it takes {self.takes}")
        path = Path(os.fsdecode(super().convert(value, param, ctx)))
        what = path_kind(path)
        if what is None or what == "a folder":
            return path
        raise UsageError(f"{path} is {what}; {_given(param, ctx)} takes {self.takes}")


def _given(param: click.Parameter | None, ctx: click.Context | None) -> str:
    """How a message names `param`: its environment variable when read from there, else its first flag (-o)."""
    if param is None or param.name is None:
        return "this option"
    if ctx is not None and isinstance(param, click.Option) and isinstance(param.envvar, str) \
            and ctx.get_parameter_source(param.name) is click.core.ParameterSource.ENVIRONMENT:
        return param.envvar
    return param.opts[0]


class OutputFolder(Folder):
    """`-o FOLDER` of a command that writes a folder of files (`build`, `anki`, `worksheet`): `-o -` is refused, as
    standard output cannot take them (it made a folder named -)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(takes="the folder to write into (made if it is missing)", **kwargs)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and value in STDOUT:
            self.fail(f"-o {value}: this command writes a folder of files, which standard output cannot take; "
                      "give a folder name (-o out)", param, ctx)
        if isinstance(value, (str, Path)) and Path(value).is_symlink() and not Path(value).exists():
            return Path(value)  # a link to nothing: `atomic` says where it leads and makes no folder there
        return super().convert(value, param, ctx)


#: What --articles takes (`check`, `review`, `worksheet`).
ARTICLES_FOLDER = Folder("the articles folder (the folder of the article files)")


def bank_option(f: F) -> F:
    return click.option(
        "--bank", "bank_path", type=Folder("the bank folder (the folder holding sources.yaml)"), default=None,
        envvar="QUIZGEN_BANK", callback=_bank_folder,
        help="Question bank folder (default: the bundled bank; env QUIZGEN_BANK).",
    )(f)


def _bank_folder(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    """Refuse a --bank folder that holds no bank (one that is not a folder is refused by `Folder`)."""
    from quizgen.bank.files import BANK_SECTIONS, not_a_bank

    if value is not None and value.is_dir() and (why := not_a_bank(value, BANK_SECTIONS)) is not None:
        raise UsageError(f"{value} is not a question bank folder: {why}. A bank folder holds sources.yaml (the "
                         "articles) and the other bank files (stories, entities, items; see docs/bank-format.md)")
    return value


def path_kind(path: Path) -> str | None:
    """What is at `path` ("a file", "a folder", "a FIFO", ...), following links; None when nothing is there."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a link to a missing file" if path.is_symlink() else None
    except NotADirectoryError:  # a file where a folder of the path should be: nothing is at the path itself
        return None
    except OSError as exc:
        return f"unreadable ({exc.strerror})"
    kinds = ((stat.S_ISREG, "a file"), (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"),
             (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "not a file")


def stripped(_ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """An id or name given with an option (`--story`, `--tag`, `--undo-accept`, …) without the white space around it:
    a line copied with its line break, a space before it. hostile16 RE05b, W27, W28: `--undo-accept ' ID'` was
    refused with 「no accepted item  ID … (did you mean 'ID'?)」, the suggestion what the user saw they had typed.
    One holding an invisible character is refused (`invisible_in_name`)."""
    if isinstance(value, tuple):
        value = tuple(v.strip() if isinstance(v, str) else v for v in value)
    elif isinstance(value, str):
        value = value.strip()
    for v in value if isinstance(value, tuple) else (value,):
        if isinstance(v, str):
            invisible_in_name(param.opts[0] if param.opts else str(param.name), v)
    return value


def invisible_in_name(option: str, value: str) -> None:
    """A UsageError for an id or name given with `option` that holds an invisible formatting character (U+200B,
    U+FEFF, U+2060, as a copy from a web page or a chat brings), named as a deck recipe's `select.ids` names it, the
    value shown with it escaped. No id, story, article or tag holds one (`quizgen check`), and hostile18 found
    「--ids a001-…<U+200B>: no such item (did you mean 'a001-…'?)」: the character printed raw, the suggestion looking
    exactly like what was typed."""
    from quizgen.text import find_invisible, invisible_at

    at = find_invisible(value)
    if at is not None:
        raise UsageError(f"{option} {value!r} holds an {invisible_at(value, at)}")


def selection_options(f: F) -> F:
    """--category/--priority/--story/--article/--tag/--include-drafts, passed to the command as one
    `selection: Selection` (check it against the bank with `Selection.take`)."""

    @functools.wraps(f)
    def command(*args: Any, categories: tuple[str, ...], priorities: tuple[str, ...], stories: tuple[str, ...],
                articles: tuple[str, ...], tags: tuple[str, ...], include_drafts: bool, **kwargs: Any) -> Any:
        selection = Selection(categories=tuple(Category(c) for c in categories),
                              priorities=tuple(Priority(p) for p in priorities), stories=stories,
                              articles=articles, tags=tags, include_drafts=include_drafts)
        return f(*args, selection=selection, **kwargs)

    g: Any = command
    g = click.option("--include-drafts", is_flag=True, help="Also use items marked draft.")(g)
    g = click.option("--tag", "tags", multiple=True, metavar="TAG", callback=stripped,
                     help="Only items with this tag (repeatable).")(g)
    g = click.option("--article", "articles", multiple=True, metavar="ID", callback=stripped,
                     help="Only items citing this article, e.g. 000 (repeatable).")(g)
    g = click.option("--story", "stories", multiple=True, metavar="ID", callback=stripped,
                     help="Only items of this story (repeatable; `quizgen topics` lists them).")(g)
    g = click.option("--priority", "priorities", multiple=True, type=click.Choice([p.value for p in Priority]),
                     help="Only core facts (the ones that matter most) or only details (repeatable).")(g)
    g = click.option("--category", "categories", multiple=True,
                     type=click.Choice([c.value for c in Category]), help="Only this category (repeatable).")(g)
    return typing.cast(F, g)


def load(bank_path: Path | None, articles: Path | None = None) -> Bank:
    """The bank, loaded and checked, with a progress bar on a terminal while a big one is read."""
    from quizgen.bank import load_bank

    with progress_bar("Reading the bank") as progress:
        return load_bank(bank_path or resources.bank_dir(), articles, progress=progress)


def reading(bank_path: Path | None, *, output: Path | None = None, articles: Path | None = None,
            files: tuple[tuple[Path, str], ...] = (), whole_bank: bool = True,
            drafts: bool = False) -> None:
    """For the rest of the running command, no output lands in the bank folder or the articles folder, or on one of
    `files` ((path, its name in a message): what the command reads); `output` (the file or folder given with -o) is
    checked at once, before any work. Every command that writes outputs calls this first (not `add-article` and
    `review`, whose work is to write into the bank). Not `whole_bank`: only the bank files among `files` are kept
    (`extract` may write a drafts file into the bank). No output
    replaces a YAML file (`yaml_kept`) but, with `drafts` (`extract`, which writes one), a drafts file."""
    from quizgen import atomic
    from quizgen.bank.records import display_path

    bank_dir = bank_path or resources.bank_dir()
    inputs = (*(((bank_dir, f"the bank folder {display_path(bank_dir)}"),) if whole_bank else ()),
              *(((articles, f"the articles folder {display_path(articles)}"),) if articles is not None else ()), *files)
    from quizgen.extract.decided import decisions_kept

    yaml = drafts_yaml_kept if drafts else yaml_kept
    keep = (database_kept, decisions_kept, yaml, article_kept)
    click.get_current_context().with_resource(atomic.reading(*inputs, keep=keep))
    if output is not None and str(output) not in STDOUT:
        atomic.check_not_input(output)  # a folder of outputs: each file is checked once known (`atomic.check_targets`)


_SQLITE = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database


def database_kept(path: Path) -> tuple[str, str] | None:
    """What replacing `path` would destroy when it is an SQLite database (`quizgen.atomic.Keeper`): the quiz's
    review database (QUIZGEN_DB's or the default one: every saved answer), or any other, which quizgen never writes
    as an output; None for any other file."""
    from quizgen.quiz.store import default_db_path

    try:
        with path.open("rb") as fh:
            if fh.read(len(_SQLITE)) != _SQLITE:
                return None
    except OSError:
        return None
    env = os.environ.get("QUIZGEN_DB")
    ours = {os.path.realpath(p) for p in (env or default_db_path(),)}
    if os.path.realpath(path) in ours:
        what = "is the quiz's review database" + (" (QUIZGEN_DB)" if env else "") + ": every answer saved in it"
    else:
        what = "is an SQLite database (the quiz keeps its review history in one): all it holds"
    return f"{what} would be lost", "give another file name"


def article_kept(path: Path) -> tuple[str, str] | None:
    """What replacing `path` would destroy when it is a file in the default articles folder ($QUIZGEN_ARTICLES, or
    the seeds beside a checkout), which `check` and `worksheet` read even when the running command does not: an
    article the bank quotes (hostile27: `export -o` replaced a seed article with GIFT text); None for any other file."""
    folder = resources.default_articles_dir()
    if folder is None or not folder.is_dir() or not path.is_relative_to(os.path.realpath(folder)):
        return None
    named = "$QUIZGEN_ARTICLES" if os.environ.get("QUIZGEN_ARTICLES") else "the seed articles"
    return (f"is in the articles folder {folder} ({named}), which `check` and `worksheet` read: the article "
            "would be lost"), "give a file name outside that folder"


def yaml_kept(path: Path) -> tuple[str, str] | None:
    """What replacing `path` would destroy when it is a YAML file (by its name, .yaml/.yml, or by a bank section as
    its first key: a bank file, a drafts file, a deck recipe, another program's settings), which no command but
    `extract` writes (`quizgen.atomic.Keeper`); None for any other file, or an empty one (issue 18, hostile11 B16:
    `export -o` replaced another bank's file with GIFT text)."""
    from quizgen.bank.files import BANK_SECTIONS, first_key, is_yaml

    try:
        if path.stat().st_size == 0:
            return None
    except OSError:
        return None
    key = first_key(path)
    if key in BANK_SECTIONS:
        return (f"is a question-bank file (it begins with `{key}:`), which this command does not write: its records "
                "would be lost"), "give another file name"
    if is_yaml(path):
        return "is a YAML file, which this command does not write: what it holds would be lost", "give another file name"
    return None


def drafts_yaml_kept(path: Path) -> tuple[str, str] | None:
    """`yaml_kept` for `extract`, which writes a drafts file: an earlier drafts file (every item `draft: true`) may be
    replaced unless it holds edits (`edits_kept`; its review decisions are `decisions_kept`'s), any other YAML file
    not."""
    from quizgen.extract.decided import edits_kept, holds_drafts

    if yaml_kept(path) is None:
        try:
            empty = path.stat().st_size == 0
        except OSError:
            return None
        if empty:
            return None
        return ("is not a drafts file (not YAML that extract wrote): what it holds would be lost (an article, notes, a "
                "table)"), "give the drafts file a name of its own, such as drafts-001.yaml"  # hostile22: -o art/003.txt
    from quizgen.bank.comments import only_comments
    from quizgen.bank.files import read_utf8
    from quizgen.bank.located import load_located

    text = read_utf8(path)
    fix = "fix the line and run extract again (a drafts file only it wrote is replaced), or give another file name"
    if not isinstance(text, str):  # hostile18: a drafts file saved as Shift_JIS, or with one bad byte
        return (f"is not UTF-8 text (line {text.line}, column {text.column}: {text.message}), so it cannot be told "
                "from another file: what it holds would be lost"), "save it as UTF-8 and run extract again, or give "\
            "another file name"
    unreadable = next(iter(load_located(text, str(path))[1]), None)
    if unreadable is not None:  # hostile17: one typo in a hand-edited drafts file; hostile18: a key pasted twice
        field = "" if unreadable.field == "(document)" else f"{unreadable.field}: "
        return (f"does not read as YAML (line {unreadable.line}, column {unreadable.column}: {field}"
                f"{unreadable.message}), so it cannot be told from another file: what it holds would be lost"), fix
    if holds_drafts(path):
        return edits_kept(path)
    from quizgen.extract.fingerprint import cut_off

    cut = cut_off(text)
    if cut is not None:  # hostile20: a partial copy was 「not a drafts file」, naming no line
        return f"is {cut.said()} What it holds would be lost", "copy the whole file again, or give another file name"
    if only_comments(text):  # a drafts file review has emptied, the teacher's notes kept
        return ("holds only comments (a drafts file whose every draft was decided, with the notes typed in it): they "
                "would be lost"), "give another file name, or move the notes elsewhere first"
    return ("is a YAML file that is not a drafts file (not every item in it is `draft: true`): what it holds would be "
            "lost"), "give another file name"


def status(message: str) -> None:
    """A line about long work under way, on standard error when it is a terminal (nothing when it is piped)."""
    if sys.stderr.isatty():
        click.echo(message, err=True)


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 card', '2 cards'; `many` for irregular plurals ('2 entities')."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


# --now must leave room for the longest interval FSRS schedules (100 years) and for local-time arithmetic.
NOW_RANGE = (dt.datetime(1970, 1, 1, tzinfo=dt.UTC), dt.datetime(9899, 12, 31, 23, 59, 59, tzinfo=dt.UTC))


def parse_now(value: str | None) -> dt.datetime:
    """--now ISO-8601 (naive means UTC), else the real clock. The library never reads the clock; the CLI does."""
    if not value:
        return dt.datetime.now(dt.UTC)
    try:
        when = dt.datetime.fromisoformat(value)
        when = when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)
    except (ValueError, OverflowError) as exc:
        raise UsageError(f"--now must be an ISO-8601 date-time such as 2025-03-01T09:00, not {value!r}") from exc
    if not NOW_RANGE[0] <= when <= NOW_RANGE[1]:
        raise UsageError(f"--now must be between {NOW_RANGE[0]:%Y-%m-%d} and {NOW_RANGE[1]:%Y-%m-%d}, not {value!r}")
    return when


def build_time() -> dt.datetime:
    """The time stamped into built files: SOURCE_DATE_EPOCH if set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        last = int(dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC).timestamp())
        try:
            seconds = int(epoch)
            if not 0 <= seconds <= last:
                raise ValueError(epoch)
            return dt.datetime.fromtimestamp(seconds, dt.UTC)
        except (ValueError, OverflowError, OSError) as exc:
            raise UsageError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, from 0 to {last} "
                             f"(the year 9999), not {epoch!r}") from exc
    return dt.datetime.now(dt.UTC)


class DatabaseFile(click.Path):
    """`--db FILE`: an empty path is refused (hostile16: `--db ''` was the folder `.`, and a traceback), and so is
    SQLite's name for a database in memory (hostile18: `--db :memory:` was 「cannot switch :memory: to WAL mode (is
    it on a network drive?)」), which would keep no answer."""

    def __init__(self) -> None:
        super().__init__(path_type=Path, dir_okay=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            raise UsageError(f"{_given(param, ctx)} was given an empty path; give the review database's file name")
        if isinstance(value, str) and _in_memory(value):
            raise UsageError(f"{_given(param, ctx)} {value} names an in-memory database, which keeps nothing once the "
                             "command ends (no answer, no schedule); give a file path")
        return super().convert(value, param, ctx)


def _in_memory(value: str) -> bool:
    """Whether SQLite would open `value` as a database in memory: ':memory:', or a URI naming one
    ('file::memory:', 'file:x?mode=memory'; this SQLite reads a `file:` name as a URI)."""
    if value == ":memory:":
        return True
    if not value.startswith("file:"):
        return False
    path, _, query = value[len("file:"):].partition("?")
    return path == ":memory:" or "mode=memory" in query.split("&")


def db_option(f: F) -> F:
    return click.option("--db", "db_path", type=DatabaseFile(), envvar="QUIZGEN_DB",
                        default=None, help="Review history database (default: in your user data folder; env QUIZGEN_DB).")(f)


def now_option(f: F) -> F:
    return click.option("--now", "now_text", metavar="ISO-8601", default=None,
                        help="Pretend it is this time (UTC unless an offset is given), e.g. 2025-03-01T09:00.")(f)


def open_store(db_path: Path | None, *, read_only: bool = False, unsaved: str = "no answer could be saved") -> Store:
    """The review database; `read_only` for commands that only read it (a read-only file is then fine); `unsaved`
    says what a file that cannot be written costs a command that writes."""
    from quizgen.quiz.store import Store, default_db_path

    return Store(db_path or default_db_path(), read_only=read_only, unsaved=unsaved,
                 notes=lambda line: click.echo(f"note: {line}", err=True))


def load_bank_fast(bank_path: Path | None) -> Catalog:
    """The bank as a catalog, through the bank cache (QUIZGEN_CACHE_DIR overrides where; empty turns it off). The
    first start after an edit loads the bank, with a progress bar on a terminal."""
    from quizgen.bank.cache import open_catalog

    env = os.environ.get("QUIZGEN_CACHE_DIR")
    if env is None:
        from platformdirs import user_cache_path

        cache: Path | None = user_cache_path("quizgen", appauthor=False)
    else:
        cache = Path(env) if env else None
    with progress_bar("Reading the bank") as progress:
        return open_catalog(bank_path or resources.bank_dir(), cache, progress,
                            lambda line: click.echo(f"note: {line}", err=True))


def as_catalog(bank: Catalog | Bank) -> Catalog:
    """A catalog of `bank` (one in memory too)."""
    from quizgen.bank.catalog import MemoryCatalog
    from quizgen.bank.model import Bank

    return MemoryCatalog(bank) if isinstance(bank, Bank) else bank


@contextlib.contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A `progress(done, total)` for the library's long work: a bar on standard error when it is a terminal (and
    the work takes long enough to show one), nothing when it is not."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    bar: Any = None
    start = time.monotonic()

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            if time.monotonic() - start < 0.5 or done >= total:
                return
            bar = click.progressbar(length=total, label=label, file=sys.stderr, show_eta=True)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        yield progress
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def local(when: dt.datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def until(when: dt.datetime, now: dt.datetime) -> str:
    """'in 10 min', 'in 5 h', 'in 3 days', 'now'."""
    secs = (when - now).total_seconds()
    if secs <= 30:
        return "now"
    if secs < 3600:
        return f"in {max(1, round(secs / 60))} min"
    if secs < 86400:
        return f"in {round(secs / 3600)} h"
    days = round(secs / 86400)
    return f"in {plural(days, 'day')}"


def bank_flag(bank_path: Path | None) -> str:
    """The --bank option to repeat in a suggested next command ("" for the default bank), quoted for a shell."""
    from quizgen.text import shell_word

    return f" --bank {shell_word(str(bank_path))}" if bank_path is not None else ""
