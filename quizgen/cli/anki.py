"""`quizgen anki`: build Anki decks (.apkg) from deck recipes."""

from __future__ import annotations

from pathlib import Path

import click

from quizgen.cli import cli
from quizgen.cli.common import Folder, OutputFolder, bank_option, build_time, load, reading


@cli.command()
@bank_option
@click.argument("recipes", nargs=-1, metavar="[RECIPE]...")
@click.option("-o", "--out", "out_dir", type=OutputFolder(), default=Path("out"), show_default=True,
              help="Folder to write the .apkg files into.")
@click.option("--decks", "decks_dir", type=Folder("the folder of deck recipes (the *.yaml files)"), default=None,
              help="Folder of deck recipes (default: the bundled decks/).")
def anki(bank_path: Path | None, recipes: tuple[str, ...], out_dir: Path, decks_dir: Path | None) -> None:
    """Build Anki decks from deck recipes into OUT (default: out/).

    RECIPE is a recipe file, or the name of one in the decks folder (e.g.
    china-russia); with none, every recipe is built.

    Notes keep their identity across builds, so re-importing an updated deck
    updates the cards in place and keeps review history. Anki accepts an
    update only if it is newer: builds are stamped with the current time, or
    with SOURCE_DATE_EPOCH if set (then two builds are byte-identical).
    """
    from quizgen import resources
    from quizgen.generators.anki import build_decks, load_recipes, resolve

    reading(bank_path, output=out_dir)
    bank = load(bank_path)
    paths = resolve(recipes, decks_dir or resources.decks_dir())
    loaded = load_recipes(paths, bank)
    for b in build_decks(bank, loaded, out_dir, build_time()):
        forms = ", ".join(f"{f.value} {n}" for f, n in b.cards.items())
        click.echo(f"wrote {b.path}: {b.recipe.name}: {b.total_notes} notes, {b.total_cards} cards ({forms})")
        for deck, n in b.cards_per_deck.items():
            click.echo(f"  {n:>5} cards  {deck}")
