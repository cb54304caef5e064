"""`quizgen add-article` (register a new article) and `quizgen extract` (draft questions from it)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quizgen import resources
from quizgen.cli import cli
from quizgen.cli.common import OutputFile, bank_flag, bank_option, load, path_kind, plural, reading, stripped
from quizgen.errors import QuizgenError, UsageError
from quizgen.text import shell_word, terminal_safe

if TYPE_CHECKING:
    from quizgen.bank import Bank
    from quizgen.extract.article import Extraction


@cli.command("add-article")
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--headline", default=None, help="The article's headline (asked if not given).")
@click.option("--outlet", default=None, help="Who published it, e.g. 共同通信 (asked if not given; the page's own is offered).")
@click.option("--date", "published", default=None, metavar="YYYY-MM-DD",
              help="Its publication date (asked if not given; the date stamp in the text is offered).")
@click.option("--url", default=None, help="Its web address (asked if not given; Enter: none).")
@click.option("--headline-en", default=None, help="The headline in English (optional).")
@click.option("--outlet-en", default=None, help="The outlet in English (optional).")
@click.option("--source-id", default=None, metavar="ID", callback=stripped,
              help="Its id in the bank (default: the next free number).")
@bank_option
def add_article(article: Path, headline: str | None, outlet: str | None, published: str | None, url: str | None,
                headline_en: str | None, outlet_en: str | None, source_id: str | None, bank_path: Path | None) -> None:
    """Register a new Japanese ARTICLE (plain UTF-8 text) in the bank.

    Asks once for its headline, outlet (the one the page names is offered), date and web address
    (Enter keeps the suggestion in brackets, or leaves an optional answer out; - leaves a suggested
    outlet unknown), copies the text into the bank's articles folder (BANK/articles/, where
    `quizgen check` finds it) and writes its source entry to
    BANK/items/<id>.yaml. Then draft questions from it with `quizgen extract`.

      quizgen add-article kazan.txt
      quizgen add-article kazan.txt --headline "中ロ首脳、カザンで会談" --outlet 共同通信 --date 2024-10-22 --url ""
    """
    from quizgen.bank import Text
    from quizgen.extract import register as rg
    from quizgen.extract.article import read_article
    from quizgen.japanese.outlets import outlet_named

    rg.check_given(source_id, headline=headline, outlet=outlet, url=url, headline_en=headline_en, outlet_en=outlet_en)
    rg.check_file_name(article)
    bank_dir = bank_path or resources.bank_dir()
    _folders_free(bank_dir)
    bank = load(bank_dir)
    text = read_article(article)
    guess = rg.guess(text)
    unasked = tuple(flag for flag, value in (("--headline", headline), ("--outlet", outlet), ("--date", published),
                                             ("--url", url)) if value is None)  # what a script can give instead
    if unasked:
        from quizgen.cli.terminal import check_stdin_encoding

        check_stdin_encoding()  # before the first question: no answer could be typed (UTF-16)
    if headline is None:
        headline = _ask("見出し (headline)", guess.headline, unasked=unasked, required=True)
    if outlet is None:
        named = outlet_named(text)  # the masthead or copyright line's outlet, offered (- leaves it unknown)
        label = "媒体 (outlet; -: 不明)" if named else "媒体 (outlet; Enter: 不明)"
        outlet = _ask(label, named or "", unasked=unasked)
        outlet = "" if outlet == "-" else outlet
    if published is None:
        published = _ask("日付 YYYY-MM-DD (date)", guess.published or "", check=rg.check_date, unasked=unasked)
    if url is None:
        url = _ask("URL (Enter: なし)", "", check=rg.check_url, unasked=unasked)
    if not headline.strip():
        raise UsageError("the headline is needed: it names the article in every citation")
    if headline.strip() == "-":  # hostile27: `--headline -` registered "-" (the prompt refuses it)
        raise UsageError("--headline -: `-` stands for an unknown outlet, not a headline; give the article's headline "
                         "(it names the article in every citation)")
    done = rg.register(article, bank_dir, bank, headline=Text(headline.strip(), rg.english(headline_en)),
                       outlet=Text(outlet.strip(), rg.english(outlet_en)) if outlet.strip() else None,
                       published=published or None, url=url or None, source_id=source_id)
    s = done.source
    click.echo(terminal_safe(f"registered article {s.id}: {s.outlet.ja}「{s.headline.ja}」({s.published or '日付なし'})"))
    click.echo(f"  copied to {done.article}; its source entry is in {done.bank_file}")
    click.echo(f"next:  quizgen extract {shell_word(str(done.article))}{bank_flag(bank_path)} -o drafts-{s.id}.yaml")


#: The bank's folders add-article writes into, and what each is for.
_WRITES_INTO = {
    "articles": "the bank keeps the article texts in that folder, and add-article copies the article into it",
    "items": "the bank keeps its question files in that folder, and add-article writes the article's source entry into it",
}


def _folders_free(bank_dir: Path) -> None:
    """Refuse, before anything is asked, a bank whose `articles` or `items` is not a folder (a file, a FIFO, a link to
    nothing): mkdir said only 「File exists: b/articles」, after the teacher had typed the headline (hostile16 AA25,
    AA28, AA29)."""
    for name, why in _WRITES_INTO.items():
        folder = bank_dir / name
        if folder.is_symlink() and not folder.exists():
            what: str | None = f"a link to {os.readlink(folder)}, which does not exist"
        else:
            what = path_kind(folder)
        if what is not None and what != "a folder":
            raise QuizgenError(f"{folder} is {what}, not a folder: {why}; move or rename it, then run add-article again")


def _ask(label: str, default: str, check: Callable[[str], str] | None = None, *, unasked: tuple[str, ...],
         required: bool = False) -> str:
    """One question on the terminal; Enter keeps `default`; `check` validates a non-empty answer (asks again), and
    a `required` one is asked again when left empty (hostile19: an empty headline was refused only after the outlet,
    date and URL had been typed, and those answers lost) or given as `-`, which means "unknown" at the outlet only
    (hostile20: it was registered as the headline 「-」). When
    standard input ends (closed, /dev/null, a script short of answers) a usage error names the question and
    `unasked`, the options that give the answers without a prompt; nothing has been written then."""
    from quizgen.bank.limits import OTHER
    from quizgen.cli.terminal import ask

    while True:
        try:
            value = ask(label, OTHER, default=default, show_default=bool(default)).strip()
        except click.Abort as exc:
            if not isinstance(exc.__context__, EOFError):
                raise  # Ctrl-C
            flags = ", ".join(unasked[:-1]) + f" and {unasked[-1]}" if len(unasked) > 1 else unasked[0]
            raise UsageError(f"no answer to 「{label}」: standard input ended, so nothing was written. To register "
                             f"the article without questions, give {flags}"
                             + (' (--url "" for none)' if "--url" in unasked else "")) from None
        if value in ("", "-") and required:  # hostile20: `-` ("unknown" at the outlet) became the headline
            dash = f"{value} は媒体の「不明」に使う記号です。" if value else ""
            click.echo(f"  {dash}見出しは必須です (出典にいつも印刷されます)。記事の見出しを入力してください", err=True)
            continue
        if not value or check is None:
            return value
        try:
            return check(value)
        except UsageError as exc:
            click.echo(f"  {exc}", err=True)


@cli.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=OutputFile(stdout_default=True), default=None, metavar="FILE",
              help="Write the drafts here (default, or -: print them).")
@click.option("--max", "max_drafts", type=click.IntRange(min=1), default=None, metavar="N",
              help="How many drafts to keep at most: the default selection (the best, one per key fact: about "
                   "1.5 per sentence with a fact worth a question, 5 to 30, fewer where its rules let fewer in), "
                   "then, up to N, the best facts it left out only for their score or its size.")
@click.option("--all", "keep_all", is_flag=True, help="Keep every draft worth making, the best first.")
@click.option("--source-id", default=None, metavar="ID", callback=stripped,
              help="Id for an article that is not registered (default: the next free number).")
@bank_option
def extract(article: Path, output: Path | None, max_drafts: int | None, keep_all: bool, source_id: str | None,
            bank_path: Path | None) -> None:
    """Draft questions from a Japanese ARTICLE, in the bank's format, for `quizgen review`.

    At most about 20 drafts (more for a longer article, fewer where it has fewer facts worth a question), one per
    key fact (the actor, the date, the number, the forum, the stance) and one per sentence unless each prompt hides
    the other's answer, never a name the headline prints or one of the article's main actors (those with --all),
    in the article's order: each asks the fact in a sentence that
    names its event, its dates resolved from the article's date, with three wrong answers of the
    same kind, a true statement and, where the article contradicts it, a false one. Page clutter (datelines,
    photo credits, bylines, captions, links) is left out and reported. English texts are left as
    "TODO: translate" (optional; no output prints them). Register the article first with
    `quizgen add-article` so that its outlet and date are known.

    Needs the optional `extract` extra (SudachiPy and its dictionary); without it quizgen
    prints the pip line that adds it.
    """
    from quizgen.atomic import check_target, write_text
    from quizgen.extract.article import extract as run
    from quizgen.extract.article import provisional_source, read_article, vetted
    from quizgen.extract.nlp import load_analyzer
    from quizgen.extract.register import check_file_name, registered_source
    from quizgen.extract.review import refusals
    from quizgen.extract.session import held

    if keep_all and max_drafts is not None:
        raise UsageError("use either --max N or --all, not both")
    check_file_name(article)  # the drafts record its name, as the bank does (a name not UTF-8: a traceback before)
    _reading(article, bank_path, output)
    if output is not None:
        check_target(output)  # before the work: a FIFO, a folder or what the command reads is refused at once
    text = read_article(article)
    bank_dir = bank_path or resources.bank_dir()
    bank = load(bank_dir)
    source = registered_source(bank, bank_dir, article)
    if source is not None and source_id is not None and source_id != source.id:
        raise UsageError(f"{article.name} is registered as article {source.id}; leave out {{source_id}}",
                         names=["source_id"])
    registered = source is not None
    if source is None:
        source = provisional_source(text, article.name, bank, source_id)
    analyse = load_analyzer()
    result = run(text, source, bank, analyse, limit=max_drafts, keep_all=keep_all)
    shown = output if output is not None else Path("(drafts)")
    result, refused = vetted(result, article.name, lambda drafts: refusals(drafts, shown, bank_dir))
    for p in refused:  # an extractor fault: the draft is left out, never written for review to refuse
        click.echo(terminal_safe(f"left out a draft the bank's checks refuse: {p.field}: {p.message}"), err=True)
    _something_kept(result, keep_all)
    result = _decided_before(result, bank, bank_dir, output)
    report = result.cleaned.report()
    if output is None:
        _clutter(report)
        click.echo(terminal_safe(result.dumps(article.name)), nl=False)
    else:
        with held(output):  # never under a review session of that file; nor over its discards (`reading`)
            _not_over_cut_drafts(output, result)
            _clutter(report)
            write_text(output, result.dumps(article.name))
    _summary(result, output, keep_all, max_drafts)
    if not registered:
        from quizgen.extract.dating import page_dated

        relative = page_dated(text)
        guessed = f"its date was taken from the text ({source.published})" if source.published else \
            f"its date is unknown, so {''.join(f'「{w}」' for w in relative)} {'is' if len(relative) == 1 else 'are'} " \
            "not resolved" if relative else "its date is unknown"
        click.echo(f"note: {article.name} is not registered in the bank: its outlet is unknown and {guessed}.\n"
                   f"      Register it first:  quizgen add-article {shell_word(str(article))}{bank_flag(bank_path)}", err=True)
    if output is not None:
        click.echo(f"next:  quizgen review {shell_word(str(output))}{bank_flag(bank_path)}", err=True)


def _not_over_cut_drafts(output: Path, result: Extraction) -> None:
    """Refuse to write drafts back into the drafts file `output` from which the teacher cut them by hand (hostile18:
    the cut drafts came back without a word)."""
    from quizgen.errors import OutputError
    from quizgen.extract.decided import removed_by_hand

    gone = removed_by_hand(output, (i.id for i in result.items))
    if gone:
        shown = ", ".join(gone[:5]) + (f" and {len(gone) - 5} more" if len(gone) > 5 else "")
        raise OutputError(f"will not write {output}: {plural(len(gone), 'draft')} extract wrote there "
                          f"{'was' if len(gone) == 1 else 'were'} cut from it by hand ({shown}) and would come back; "
                          "review the file with `quizgen review` ([d] discards a draft with a reason), write to another "
                          "file, or delete it to start over")


def _clutter(report: str) -> None:
    if report:
        click.echo("left out as page clutter:", err=True)
        click.echo(terminal_safe("\n".join(f"  {line}" for line in report.splitlines())), err=True)


def _reading(article: Path, bank_path: Path | None, output: Path | None) -> None:
    """No -o onto the article or into the bank; but a drafts file may lie inside the bank (`check` reads its drafts,
    `review` knows it there), so then only the bank's other files are kept: a new file, or the drafts file itself."""
    import os

    from quizgen.bank.files import bank_files
    from quizgen.bank.records import display_path
    from quizgen.extract.decided import holds_drafts

    files: tuple[tuple[Path, str], ...] = ((article, f"the article {article}"),)
    bank_dir = bank_path or resources.bank_dir()
    into_bank = output is not None and Path(os.path.realpath(output)).is_relative_to(os.path.realpath(bank_dir))
    if into_bank:
        assert output is not None
        files += tuple((p, f"the bank file {display_path(p)}") for p in bank_files(bank_dir)
                       if not (os.path.realpath(p) == os.path.realpath(output) and holds_drafts(p)))
    reading(bank_path, files=files, whole_bank=not into_bank, drafts=True)


def _decided_before(result: Extraction, bank: Bank, bank_dir: Path, output: Path | None) -> Extraction:
    """`result` without the drafts the bank holds (accepted in review) and with those discarded in review in another
    drafts file (beside `output`, or in the bank) written discarded, each said on standard error (newuser4 #4: a
    second drafts file showed them undecided again)."""
    from quizgen.bank.files import bank_files
    from quizgen.extract.decided import earlier_discards

    held = {i.id for i in result.items if i.id in bank.item_by_id and not bank.item_by_id[i.id].draft}
    from quizgen.extract.decided import asked_already

    asked = asked_already(result.items, bank, held)
    if asked:  # newuser6: `--all` after a default run offered facts already accepted, under other ids
        result = result.without(set(asked))
        click.echo(f"left out {plural(len(asked), 'draft')} asking what the bank already asks (accepted in review): "
                   + ", ".join(f"{d} ({b})" for d, b in sorted(asked.items())), err=True)
        if not result.items:
            raise QuizgenError(f"every draft for article {result.source.id} asks what the bank already asks "
                               "(accepted in review), so nothing was written")
    if held and len(held) == len(result.items):
        raise QuizgenError(f"every draft for article {result.source.id} is already in the bank (accepted in review), "
                           "so nothing was written")
    if held:
        result = result.without(held)
        click.echo(f"left out {plural(len(held), 'draft')} the bank already holds (accepted in review): "
                   f"{', '.join(sorted(held))}", err=True)
    folder = output.parent if output is not None else Path.cwd()
    beside: list[Path] = []
    with contextlib.suppress(OSError):
        beside = sorted(p for p in folder.iterdir() if p.is_file())
    found = earlier_discards([*beside, *bank_files(bank_dir)], (i.id for i in result.items))
    if not found:
        return result
    for file in dict.fromkeys(d.file for d in found.values()):
        ids = sorted(k for k, d in found.items() if d.file == file)
        click.echo(terminal_safe(f"kept {plural(len(ids), 'discard')} made in review in {file}: {', '.join(ids)} "
                                 "(written discarded, with the reasons; review counts them as decided)"), err=True)
    return result.discarding({k: d.reason for k, d in found.items()})


def _something_kept(result: Extraction, keep_all: bool) -> None:
    """Refuse (exit 1, nothing written) a run that keeps no draft, saying why: a drafts file of no drafts would only
    say "The 0 best drafts"."""
    if result.items:
        return
    if not result.found or keep_all:
        raise QuizgenError(f"no draft for article {result.source.id}: extract found no fact worth a question in it "
                           "(an actor, a date, a number, a place, a forum or a stance), so nothing was written")
    raise QuizgenError(f"no draft for article {result.source.id} in the default selection: the "
                       f"{plural(result.found, 'fact')} worth a question in it are all ones it leaves out (a name the "
                       "headline prints, one of the article's main actors, or a fact that needs the sentence before "
                       "it), so nothing was written. Run again with --all to draft them "
                       f"(up to {plural(result.found, 'draft')})")



def _summary(result: Extraction, output: Path | None, keep_all: bool, max_drafts: int | None = None) -> None:
    """What was written, by kind, and what `--max N` and `--all` add (at most: drafts that repeat a question are left
    out) or, with `--all`, how many facts only repeated a question; with `--max N`, what it took and what is left."""
    counts: dict[str, int] = {}
    for it in result.items:
        counts[it.kind.value] = counts.get(it.kind.value, 0) + 1
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    where = f" to {output}" if output is not None else ""
    if keep_all:
        extra = ", every fact worth a question" + (
            f"; {plural(result.dropped, 'more fact')} only repeated one of these questions and were left out"
            if result.dropped else "")
    elif max_drafts is not None:  # the middle way taken: what it found, and what is left (newuser7 #7)
        short = (f", and the article had only {len(result.items)} worth keeping"
                 if len(result.items) < max_drafts else "")
        extra = (f"; --max {max_drafts}: the default's drafts, then the best weaker facts{short}"
                 + (f"; --all adds up to {result.dropped} more" if result.dropped else ""))
    else:
        extra = (f"; for more, --max N keeps these and then the best weaker facts up to N (a middle way), --all adds up to "
                 f"{result.dropped} more (the weaker facts and those the default leaves out)" if result.dropped else "")
    click.echo(f"wrote {plural(len(result.items), 'draft')} for article {result.source.id}{where} ({kinds}){extra}", err=True)
    if result.entities:
        names = "、".join(f"{e.ja}({e.reading})" for e in result.entities)
        click.echo(terminal_safe(f"{plural(len(result.entities), 'new person', 'new people')} proposed: {names}; "
                        "review asks you to confirm each reading"), err=True)
    unknown = sorted({m.removeprefix("reading of ").split(" ")[0] for i in result.items for m in i.missing
                      if m.startswith("reading of ")})
    if unknown:
        click.echo(terminal_safe(f"reading unknown (review asks for it): {'、'.join(unknown)}"), err=True)
