"""quizgen.bank.cache: the quiz's bank cache is used when fresh and rebuilt after any edit."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from quizgen.bank import load_bank
from quizgen.bank.cache import load_cached

BANK = Path(__file__).parent / "data" / "quiz" / "bank"


def test_cache_equals_the_bank_and_follows_edits(tmp_path: Path) -> None:
    bank_dir = tmp_path / "bank"
    shutil.copytree(BANK, bank_dir)
    cache = tmp_path / "cache"
    first = load_cached(bank_dir, cache)
    assert first == load_bank(bank_dir)
    (pickled,) = cache.glob("bank-*.pickle")
    assert load_cached(bank_dir, cache) == first  # from the cache
    yaml = bank_dir / "bank.yaml"
    text = yaml.read_text(encoding="utf-8").replace("和平案は何項目からなるか", "和平案はいくつの項目からなるか")
    yaml.write_text(text, encoding="utf-8")
    os.utime(yaml, ns=(pickled.stat().st_mtime_ns + 10**9,) * 2)
    edited = load_cached(bank_dir, cache)
    assert edited.item_by_id["t-peace-plan-points"].prompt.ja == "中国が提案したウクライナ和平案はいくつの項目からなるか。"
    assert list(cache.glob("bank-*.pickle")) == [pickled]


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(BANK, cache)
    (pickled,) = cache.glob("bank-*.pickle")
    pickled.write_bytes(b"not a pickle")
    assert load_cached(BANK, cache) == load_bank(BANK)
    assert load_cached(BANK, None) == load_bank(BANK)
