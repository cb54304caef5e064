"""quizgen: turn news articles into a question bank, Anki decks, worksheets and a quiz.

Library first: everything the CLI does is available from the packages (`quizgen.bank.load_bank`,
`quizgen.quiz.judge.is_correct`, `quizgen.generators.anki.build_deck`, ...); docs/architecture.md
maps them.
"""

__version__ = "0.1.0"
