"""The candidate rules of `quizgen extract`, one family per module; each finds `Candidate`s in a sentence.

`candidate` (the `Candidate` every rule returns), `dates` (dates and numbers), `actors` (people, titles,
organisations, forums, meetings), `positions` (speakers, stances, quotations), `phrases` (key phrases,
noun chunks). `quizgen.extract.candidates` runs them all and merges their finds.
"""
