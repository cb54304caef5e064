"""Generators: each reads a `Bank` and writes one kind of output (atomically, via `quizgen.atomic`)."""
