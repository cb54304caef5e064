"""Japanese text, pure and bank-free: kana and romaji (`kana`), numbers with counters and how they are read
(`numbers`), dates as learners type them (`dates`), titles and honorifics around a name (`titles`), the
comparison key of a typed answer (`normalise`), the widths an IME types (`width`), a spelling's reading
segment by segment (`readings`), and English answers' spelling variants (`latin`). Only `titles` is on the
quiz's start-up path (the bank model uses it); the rest, and jaconv, load at the first answer.
"""
