"""quizgen: turn news articles into a question bank, Anki decks, worksheets and a quiz.

Library first: everything the CLI does is available from these modules
(`quizgen.bank.load.load_bank`, `quizgen.quiz.judge.is_correct`, the generators).
"""

__version__ = "0.1.0"
