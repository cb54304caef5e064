"""`quizgen extract` (draft questions from a new article) and `quizgen review` (accept/edit/skip drafts)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quizgen import resources
from quizgen.cli import cli
from quizgen.cli.common import bank_option, load
from quizgen.errors import UsageError
from quizgen.extract import REVIEW_BATCH  # the package alone: keep the CLI's start-up light
from quizgen.text import terminal_safe

if TYPE_CHECKING:
    from quizgen.bank import Item
    from quizgen.extract.review import Drafts


@cli.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--source-id", default=None, metavar="ID",
              help="Id for the new article in the bank (default: the next free number, e.g. 005).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, metavar="FILE",
              help="Write the drafts here (default: print them). Put it inside the bank folder to have "
                   "`quizgen check` validate it with the bank.")
@click.option("--max", "max_drafts", type=click.IntRange(min=1), default=None, metavar="N",
              help=f"Keep only the best N drafts by quality score (e.g. {REVIEW_BATCH} for one sitting of review).")
@click.option("--all", "keep_all", is_flag=True, help="Keep every draft (the default).")
@bank_option
def extract(article: Path, source_id: str | None, output: Path | None, max_drafts: int | None, keep_all: bool,
            bank_path: Path | None) -> None:
    """Draft questions from a new Japanese ARTICLE (plain UTF-8 text) in the bank's YAML format.

    Page clutter is removed (and reported), then dates, numbers, people and titles, forums,
    meetings and positions are found and turned into draft items (`draft: true`) with a
    verbatim evidence quote. English texts are left as "TODO: translate" and listed under
    `missing`. Drafts are scored and written best first, so review can stop where
    quality drops; --max N keeps only the best N. Review the drafts with `quizgen review FILE`.

    Needs the optional `extract` extra (SudachiPy and its dictionary); without it quizgen
    prints the pip line that adds it.
    """
    from quizgen.atomic import check_target, write_text
    from quizgen.extract.article import extract as run
    from quizgen.extract.article import read_article
    from quizgen.extract.nlp import load_analyzer

    if keep_all and max_drafts is not None:
        raise UsageError("use either --max N or --all, not both")
    if output is not None:
        check_target(output)  # before the work: a FIFO or a folder is refused at once
    text = read_article(article)
    analyse = load_analyzer()
    bank = load(bank_path)
    result = run(text, article.name, bank, analyse, source_id, max_drafts=max_drafts)
    out = result.dumps(article.name)
    report = result.cleaned.report()
    if report:
        click.echo("dropped as page clutter:", err=True)
        click.echo("\n".join(f"  {line}" for line in report.splitlines()), err=True)
    counts: dict[str, int] = {}
    for it in result.items:
        counts[it.category.value] = counts.get(it.category.value, 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    new = f", {len(result.entities)} new people proposed" if result.entities else ""
    if result.dropped:
        click.echo(f"kept the best {len(result.items)} of {result.found} drafts; {result.dropped} dropped "
                   f"(without --max every draft is kept)", err=True)
    if output is None:
        click.echo(out, nl=False)
        click.echo(f"{len(result.items)} drafts for article {result.source.id} ({summary}){new}", err=True)
        return
    write_text(output, out)
    click.echo(f"wrote {len(result.items)} drafts for article {result.source.id} to {output} ({summary}){new}", err=True)
    click.echo(f"next: copy {article.name} into the articles folder, then  quizgen review {output}", err=True)


_FIELDS = ("prompt.en", "answer.en", "explanation.en", "cloze.en")


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@bank_option
@click.option("--articles", type=click.Path(path_type=Path), default=None,
              help="Folder of the article files, to check every evidence quote verbatim.")
@click.option("--inline", is_flag=True, help="Edit with prompts in the terminal instead of $EDITOR.")
def review(file: Path, bank_path: Path | None, articles: Path | None, inline: bool) -> None:
    """Go through the drafts in FILE: [a]ccept, [e]dit, [s]kip or [q]uit.

    Accepted and edited items lose `draft: true` and move, with their article's source entry
    and any new people they need, into BANK/items/<article>.yaml. Skipped items stay in FILE.
    On accepting, you are asked for each missing English text (Enter leaves it for later).
    """
    from quizgen.extract import review as rv

    bank_dir = bank_path or resources.bank_dir()
    drafts = rv.open_drafts(file, bank_dir, articles)
    todo = [i for i in drafts.items if i.draft]
    if not todo:
        click.echo(f"no drafts left in {file}")
        return
    decided = []
    for n, item in enumerate(todo, start=1):
        _show_draft(drafts, item, f"[{n}/{len(todo)}]")
        choice = click.prompt("  [a]ccept [e]dit [s]kip [q]uit", type=click.Choice(["a", "e", "s", "q"]),
                              default="s", show_choices=False)
        if choice == "q":
            break
        if choice == "s":
            continue
        if choice == "e":
            item = _edit(drafts, item, inline)
        english = {f: click.prompt(f"  {f} (Enter: later)", default="", show_default=False)
                   for f in rv.still_missing(item) if f in _FIELDS}
        decided.append(rv.accept(item, english))
    outcome = rv.apply(drafts, decided, articles)
    click.echo("")
    if not outcome.accepted:
        click.echo(f"nothing accepted; {outcome.remaining} drafts stay in {file}")
        return
    click.echo(f"accepted {outcome.accepted} items into {outcome.target}; {outcome.remaining} drafts left"
               + (f" (removed empty {file})" if outcome.file_removed else f" in {file}"))
    left = sum(1 for i in decided if rv.still_missing(i))
    if left:
        click.echo(f"{left} accepted items still have English placeholders (see their `missing` field)")


def _show_draft(drafts: Drafts, item: Item, counter: str) -> None:
    """A draft as the reviewer sees it; its texts escaped, so a control character cannot drive the terminal."""
    accepted_forms = [a for a in drafts.bank.accepted(item) if not a.startswith("TODO")]
    also = f"   (also: {', '.join(accepted_forms[1:6])})" if len(accepted_forms) > 1 else ""
    lines = [f"  問: {item.prompt.ja}", f"  答: {item.answer.ja}{also}", f"  根拠: 「{item.evidence[0].quote}」"]
    if item.missing:
        lines.append(f"  missing: {', '.join(item.missing)}")
    click.echo("")
    click.echo(click.style(terminal_safe(f"{counter} {item.id}  ({item.category.value}/{item.kind.value})"), bold=True))
    click.echo(terminal_safe("\n".join(lines)))


def _edit(drafts: Drafts, item: Item, inline: bool) -> Item:
    from quizgen.bank import Text
    from quizgen.bank.records import dumps_yaml, to_data
    from quizgen.extract import review as rv

    if inline:
        prompt = click.prompt("  問 (ja)", default=item.prompt.ja)
        answer = click.prompt("  答 (ja)", default=item.answer.ja)
        accept = click.prompt("  other accepted answers, comma-separated", default=", ".join(item.accept))
        return dataclasses.replace(item, prompt=Text(prompt, item.prompt.en), answer=Text(answer, item.answer.en),
                                   accept=tuple(a.strip() for a in accept.replace("、", ",").split(",") if a.strip()))
    edited = click.edit(dumps_yaml(to_data(item)), extension=".yaml")
    if edited is None:
        return item
    return rv.rebuild(drafts, item.id, edited)
