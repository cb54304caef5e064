"""Japanese text, pure and bank-free: kana and romaji (`kana`), numbers with counters (`numbers`),
dates as learners type them (`dates`), titles and honorifics around a name (`titles`), the
comparison key of a typed answer (`normalise`), and the widths an IME types (`width`).
Standard library only: the quiz imports it at start-up.
"""
