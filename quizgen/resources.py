"""Where the bundled bank, deck recipes, templates and font live.

In an installed wheel they are packaged under `quizgen/_data/`; in a source
checkout (editable install) they are the top-level folders of the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

_PKG = Path(__file__).resolve().parent
_REPO = _PKG.parent


def _data(name: str) -> Path:
    packaged = _PKG / "_data" / name
    return packaged if packaged.is_dir() else _REPO / name


def bank_dir() -> Path:
    return _data("question_bank")


def decks_dir() -> Path:
    return _data("decks")


def templates_dir() -> Path:
    return _data("templates")


def fonts_dir() -> Path:
    """IPAexGothic (`ipaexg.ttf`) with its licence (IPA Font License v1.0) and readme, unmodified."""
    return _data("fonts")


def default_articles_dir() -> Path | None:
    """The seed articles, if they can be found: $QUIZGEN_ARTICLES, else ../shared/seeds beside a checkout."""
    env = os.environ.get("QUIZGEN_ARTICLES")
    if env:
        return Path(env)
    for base in (Path.cwd(), _REPO):
        cand = base.parent / "shared" / "seeds"
        if cand.is_dir():
            return cand
    return None
