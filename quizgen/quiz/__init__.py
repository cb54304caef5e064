"""The terminal quiz, one concept per module, along the path of one answer:

    session (what to ask next) -> judge (is the typed answer right?) -> scheduling (FSRS: when again?)
    -> store (the append-only review log in SQLite) -> stats (what is due, how well it goes)

No printing and no clock reads: the CLI (`quizgen/cli/quiz.py`, `stats.py`) talks to the learner
and passes the time and a seeded random generator in. Nothing is imported here, so that
`import quizgen.quiz.judge` stays light.
"""
