"""Draft questions from a new article: clutter -> sentences -> candidates -> draft bank items.

`quizgen.extract.article.extract(text, file_name, bank, analyse)` runs every step;
`quizgen.extract.review` moves accepted drafts into the bank. The NLP backend
(SudachiPy) is optional and imported lazily by `quizgen.extract.nlp.load_analyzer`.
"""

REVIEW_BATCH = 40  # a sitting's worth of drafts: `quizgen extract --max 40` keeps the best 40 (see ranking.py)
# The bank's two protagonists: "which country?" about them is a coin toss, so their blanks are skipped or rank low.
PROTAGONISTS = frozenset({"china", "russia"})
