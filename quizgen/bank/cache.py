"""A cache of the loaded bank, so `quizgen quiz` starts fast.

Parsing and validating the YAML bank takes a few hundred milliseconds; unpickling
the resulting `Bank` takes a few. The cache key lists every bank file's path,
size and modification time plus the quizgen version and the sources of the model
and loader; it is stored with the bank and compared in full, so any edit to the
bank (or to quizgen) rebuilds it. A cache that
cannot be read or written is ignored: the bank is then loaded normally.
"""

from __future__ import annotations

import dataclasses
import pickle
import zlib
from pathlib import Path

from quizgen import __version__
from quizgen.bank.model import Bank
from quizgen.errors import OutputError

__all__ = ["cache_key", "load_cached"]

_CODE = sorted(Path(__file__).parent.glob("*.py"))  # the bank package: model, reader, loader, this cache


def cache_key(bank_dir: Path) -> str:
    parts = [f"quizgen {__version__}", str(bank_dir.resolve())]
    files = sorted(p for p in bank_dir.rglob("*") if p.suffix in (".yaml", ".yml"))
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

    return load_bank(bank_dir)
