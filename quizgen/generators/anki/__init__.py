"""Anki decks (.apkg) from deck recipes."""

from quizgen.generators.anki.apkg import DeckBuild, build_deck, build_decks, build_default, write_apkg

__all__ = ["DeckBuild", "build_deck", "build_decks", "build_default", "write_apkg"]
