"""Draft questions from a new article: clutter -> sentences -> candidates -> key facts -> selection -> drafts.

`quizgen.extract.article.extract(text, source, bank, analyse)` runs every step; `register` adds a new
article to a bank (`quizgen add-article`); `review` decides on drafts, each decision written as it is
made. The NLP backend (SudachiPy) is optional and imported lazily by `quizgen.extract.nlp.load_analyzer`.
"""

# The bank's two protagonists: "which country?" about them is a coin toss, so their blanks are skipped or rank low.
PROTAGONISTS = frozenset({"china", "russia"})
