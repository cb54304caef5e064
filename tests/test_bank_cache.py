"""quizgen.bank.cache: the quiz's bank cache is used when fresh and rebuilt after any edit."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from quizgen.bank import load_bank
from quizgen.bank.cache import load_cached, with_readings

BANK = Path(__file__).parent / "data" / "quiz" / "bank"


def test_cache_equals_the_bank_and_follows_edits(tmp_path: Path) -> None:
    bank_dir = tmp_path / "bank"
    shutil.copytree(BANK, bank_dir)
    cache = tmp_path / "cache"
    first = load_cached(bank_dir, cache)
    assert first == with_readings(load_bank(bank_dir))
    assert first.readings["上海協力機構"].kana == "しゃんはいきょうりょくきこう"  # the quiz's judge needs no dictionary
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
    assert load_cached(BANK, cache) == with_readings(load_bank(BANK))
    assert load_cached(BANK, None) == with_readings(load_bank(BANK))


def test_readings_degrade_to_what_the_bank_states_without_sudachi(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without SudachiPy and OpenCC the readings the bank states still segment the spellings; nothing is said."""
    from quizgen.bank import readings

    monkeypatch.setattr(readings, "analyser", lambda: None)
    monkeypatch.setattr(readings, "glyph_forms", lambda: None)
    bank = with_readings(load_bank(BANK))
    assert bank.readings["習近平国家主席"].segments == (("習近平", "しゅうきんぺい"), ("国家主席", ""))
    assert bank.readings["習近平国家主席"].variants == ()
    assert "上海協力機構" in bank.readings and bank.readings["上海協力機構"].kana == "しゃんはいきょうりょくきこう"
