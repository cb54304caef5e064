"""A cache of the loaded bank, so `quizgen quiz` starts fast.

Parsing and validating the YAML bank and reading every spelling a learner may type
(`bank/readings.py`: SudachiPy and OpenCC, when installed) takes about a second; unpickling
the resulting `Bank` takes a few milliseconds, and no dictionary is loaded. The cache key lists every bank file's path,
size and modification time plus the quizgen version and the sources of the model
and loader; it is stored with the bank and compared in full, so any edit to the
bank (or to quizgen) rebuilds it. A cache that
cannot be read or written is ignored: the bank is then loaded normally.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import zlib
from pathlib import Path

from quizgen import __version__
from quizgen.bank.files import is_yaml
from quizgen.bank.model import Bank
from quizgen.errors import OutputError

__all__ = ["cache_key", "load_cached", "with_readings"]

_HERE = Path(__file__).parent
# the bank package (model, reader, loader, readings, this cache) and the Japanese text code readings use
_CODE = sorted([*_HERE.glob("*.py"), *(_HERE.parent / "japanese").glob("*.py")])


def readings_available() -> str:
    """Which optional libraries the readings can be computed with: installing them refreshes the cache.
    (A look at sys.path, not importlib.util.find_spec, which would cost the quiz's start-up a few milliseconds.)"""
    import sys

    found = [m for m in ("sudachipy", "sudachidict_core", "opencc")
             if any(os.path.isdir(os.path.join(p or ".", m)) for p in sys.path)]
    return ",".join(found)


def cache_key(bank_dir: Path) -> str:
    parts = [f"quizgen {__version__}", str(bank_dir.resolve()), f"readings by: {readings_available()}"]
    files = sorted(p for p in bank_dir.rglob("*") if is_yaml(p))
    for p in [*_CODE, *files]:
        try:
            st = p.stat()
        except OSError:
            continue
        parts.append(f"{p}\0{st.st_size}\0{st.st_mtime_ns}")
    return "\n".join(parts)


def load_cached(bank_dir: Path, cache_dir: Path | None) -> Bank:
    """The bank in `bank_dir`, from `cache_dir` when it is fresh there (None: no cache)."""
    if cache_dir is None:
        return _load(bank_dir)
    key = cache_key(bank_dir)
    path = cache_dir / f"bank-{zlib.crc32(str(bank_dir.resolve()).encode()):08x}.pickle"
    try:
        stored_key, bank = pickle.loads(path.read_bytes())
        if stored_key == key and isinstance(bank, Bank):
            return bank
    except Exception:  # missing, stale or damaged cache: rebuild it
        pass
    bank = _load(bank_dir)
    try:
        from quizgen.atomic import write_bytes

        plain = dataclasses.replace(bank)  # a fresh copy: every field, none of the cached lookups
        write_bytes(path, pickle.dumps((key, plain), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, OutputError):
        pass
    return bank


def _load(bank_dir: Path) -> Bank:
    from quizgen.bank.load import load_bank

    return with_readings(load_bank(bank_dir))


def with_readings(bank: Bank) -> Bank:
    """The bank with the readings of every spelling a learner may type (see `bank/readings.py`)."""
    from quizgen.bank.readings import compute_readings

    return dataclasses.replace(bank, reading_blob=pickle.dumps(compute_readings(bank), protocol=pickle.HIGHEST_PROTOCOL))
