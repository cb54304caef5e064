"""A cache of the loaded bank, so `quizgen quiz` starts fast.

Parsing and validating the YAML bank takes a few hundred milliseconds; unpickling
the resulting `Bank` takes a few. The cache key covers every bank file's path,
size and modification time plus the quizgen version and the sources of the model
and loader, so any edit to the bank (or to quizgen) rebuilds it. A cache that
cannot be read or written is ignored: the bank is then loaded normally.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from quizgen import __version__
from quizgen.model import Bank

__all__ = ["cache_key", "load_cached"]

_CODE = [Path(__file__).with_name(n) for n in ("model.py", "bank.py", "yamlloc.py", "bankcache.py")]


def cache_key(bank_dir: Path) -> str:
    h = hashlib.sha256(f"quizgen {__version__}\0{bank_dir.resolve()}\0".encode())
    files = sorted(p for p in bank_dir.rglob("*") if p.suffix in (".yaml", ".yml"))
    for p in [*_CODE, *files]:
        try:
            st = p.stat()
        except OSError:
            continue
        h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()[:32]


def load_cached(bank_dir: Path, cache_dir: Path | None) -> Bank:
    """The bank in `bank_dir`, from `cache_dir` when it is fresh there (None: no cache)."""
    if cache_dir is None:
        return _load(bank_dir)
    path = cache_dir / f"bank-{cache_key(bank_dir)}.pickle"
    try:
        bank = pickle.loads(path.read_bytes())
        if isinstance(bank, Bank):
            return bank
    except Exception:  # missing, stale or damaged cache: rebuild it
        pass
    bank = _load(bank_dir)
    try:
        from quizgen.atomic import write_bytes

        for old in cache_dir.glob("bank-*.pickle"):
            old.unlink(missing_ok=True)
        write_bytes(path, pickle.dumps(Bank(bank.sources, bank.entities, bank.items, bank.disagreements, bank.pools),
                                       protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
    return bank


def _load(bank_dir: Path) -> Bank:
    from quizgen.bank import load_bank

    return load_bank(bank_dir)
