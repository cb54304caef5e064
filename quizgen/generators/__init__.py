"""Generators: each reads a `Bank` and writes one kind of output (atomically, via `quizgen.atomic`).

`anki/` (.apkg decks), `worksheet/` (HTML and PDF sheets with keys), `exports/` (Moodle XML, GIFT,
Quizlet, Kahoot); they never import each other. `build.py` runs each one's `build_default` for
`quizgen build`.
"""
