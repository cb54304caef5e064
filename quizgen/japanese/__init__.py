"""Japanese text, pure and bank-free: kana and romaji (`kana`), numbers with counters (`numbers`),
dates as learners type them (`dates`), titles and honorifics around a name (`titles`), and the
comparison key of a typed answer (`normalise`). Standard library only: the quiz imports it at start-up.
"""
