"""quizgen.bank.cache: the bank in SQLite, keyed by the bank's content; used when fresh, rebuilt after any change,
and never a way to run code."""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.bank import Selection, load_bank
from quizgen.bank import cache as bank_cache
from quizgen.bank.cache import BankCache, cache_path, open_catalog, with_readings
from quizgen.bank.catalog import MemoryCatalog
from quizgen.cli import cli

BANK = Path(__file__).parent / "data" / "quiz" / "bank"
EVERYTHING = Selection(include_drafts=True)


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    shutil.copytree(BANK, tmp_path / "bank")
    return tmp_path / "bank"


def cached(bank_dir: Path, cache: Path) -> BankCache:
    catalog = open_catalog(bank_dir, cache)
    assert isinstance(catalog, BankCache)
    return catalog


def no_rebuild(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise AssertionError("the bank was loaded again")

    monkeypatch.setattr(bank_cache, "_load", fail)


def test_the_cache_holds_the_bank_and_its_readings(bank_dir: Path, tmp_path: Path) -> None:
    bank = with_readings(load_bank(bank_dir))
    picked = cached(bank_dir, tmp_path / "cache").take(EVERYTHING)
    assert picked.items([i.id for i in bank.items]) == list(bank.items)
    assert [f.id for f in picked.facts()] == [i.id for i in bank.items]
    item = bank.item_by_id["t-forum"]
    mini = picked.bank_for([item])
    assert (mini.sources, mini.entities, mini.stories) == (bank.sources, bank.entities, bank.stories)
    assert mini.readings["上海協力機構"].kana == "しゃんはいきょうりょくきこう"  # the quiz's judge needs no dictionary
    memory = MemoryCatalog(bank).take(EVERYTHING)
    assert picked.answer_keys() == memory.answer_keys()
    ids = [i.id for i in bank.items] + ["no-such-item"]
    assert picked.categories_of(ids) == memory.categories_of(ids) == {i.id: i.category for i in bank.items}
    assert picked.count_of(["t-forum", "t-forum", "no-such-item"]) == memory.count_of(["t-forum", "no-such-item"]) == 1
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [cache_path(bank_dir, tmp_path / "cache").name]


def test_a_fresh_cache_is_read_without_loading_the_bank(bank_dir: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    cached(bank_dir, tmp_path / "cache").close()
    no_rebuild(monkeypatch)
    assert cached(bank_dir, tmp_path / "cache").take(EVERYTHING).count == 5


def test_a_changed_bank_invalidates_the_cache_even_with_its_old_modification_time(bank_dir: Path, tmp_path: Path) -> None:
    cached(bank_dir, tmp_path / "cache").close()
    yaml = bank_dir / "bank.yaml"
    before = yaml.stat()
    text = yaml.read_text(encoding="utf-8")
    edited = text.replace("和平案は何項目からなるか", "和平案は幾項目からなるか")  # the same number of bytes
    assert edited != text and len(edited.encode()) == len(text.encode())
    yaml.write_text(edited, encoding="utf-8")
    os.utime(yaml, ns=(before.st_atime_ns, before.st_mtime_ns))  # the old size and modification time
    (item,) = cached(bank_dir, tmp_path / "cache").take(EVERYTHING).items(["t-peace-plan-points"])
    assert item.prompt.ja == "中国が提案したウクライナ和平案は幾項目からなるか。"


def test_a_new_file_or_a_removed_one_invalidates_the_cache(bank_dir: Path, tmp_path: Path) -> None:
    cached(bank_dir, tmp_path / "cache").close()
    (bank_dir / "more.yaml").write_text("stories:\n  - {id: extra, title: {ja: 追加, en: extra}}\n", encoding="utf-8")
    assert [s.id for s in cached(bank_dir, tmp_path / "cache").parts().stories][-1:] == ["extra"]
    (bank_dir / "more.yaml").unlink()
    assert "extra" not in [s.id for s in cached(bank_dir, tmp_path / "cache").parts().stories]


def test_the_same_content_under_a_new_stamp_keeps_the_cache(bank_dir: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    cached(bank_dir, tmp_path / "cache").close()
    yaml = bank_dir / "bank.yaml"
    yaml.write_bytes(yaml.read_bytes())  # rewritten as it was: new times, same content
    no_rebuild(monkeypatch)
    assert cached(bank_dir, tmp_path / "cache").take(EVERYTHING).count == 5


MARKER = "planted-code-ran"


class _Planted:
    """Unpickling this runs a command that leaves a marker file: what a planted cache would do to a pickle reader."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def test_a_planted_cache_file_is_ignored_and_never_executed(bank_dir: Path, tmp_path: Path) -> None:
    """A file planted at the cache's path (or at the old pickle cache's) runs nothing: quiz, stats and due read the
    bank, and the planted file is replaced by a real cache."""
    cache = tmp_path / "cache"
    cache.mkdir()
    marker = tmp_path / MARKER
    payload = pickle.dumps(_Planted(marker))
    old = cache / f"bank-{zlib.crc32(str(bank_dir.resolve()).encode()):08x}.pickle"  # where quizgen 0.1 looked
    new = cache_path(bank_dir, cache)
    for path in (old, new):
        path.write_bytes(payload)
    env = {"QUIZGEN_CACHE_DIR": str(cache)}
    args = ["--bank", str(bank_dir), "--db", str(tmp_path / "r.db"), "--now", "2025-03-01T09:00"]
    for command, text in (["quiz", "12\nq\n"], ["stats", ""], ["due", ""]):
        res = CliRunner().invoke(cli, [command, *args], input=text, env=env, catch_exceptions=False)
        assert res.exit_code == 0, res.output
    assert not marker.exists()
    assert old.read_bytes() == payload  # never read
    with sqlite3.connect(new) as con:  # replaced by a cache of the bank
        assert con.execute("SELECT COUNT(*) FROM items").fetchone() == (5,)
    with pytest.raises(pickle.UnpicklingError):
        pickle.loads(new.read_bytes())


def test_a_planted_database_with_the_wrong_content_key_is_replaced(bank_dir: Path, tmp_path: Path) -> None:
    real = cached(bank_dir, tmp_path / "cache")
    path = cache_path(bank_dir, tmp_path / "cache")
    real.close()
    with sqlite3.connect(path) as con:  # someone else's items under this bank's name
        con.execute("UPDATE items SET prompt = 'planted'")
        con.execute("UPDATE item_data SET data = replace(data, '項目', 'planted')")
        con.execute("UPDATE meta SET value = 'another bank' WHERE key = 'content'")
        con.execute("UPDATE files SET ctime_ns = ctime_ns + 1")  # as if a file changed since
    con.close()
    picked = cached(bank_dir, tmp_path / "cache").take(EVERYTHING)
    assert "planted" not in {f.prompt for f in picked.facts()}


def test_a_damaged_cache_is_replaced(bank_dir: Path, tmp_path: Path) -> None:
    cached(bank_dir, tmp_path / "cache").close()
    path = cache_path(bank_dir, tmp_path / "cache")
    path.write_bytes(b"not a database" * 100)
    assert cached(bank_dir, tmp_path / "cache").take(EVERYTHING).count == 5


def test_a_cache_folder_that_cannot_be_written_leaves_the_bank_in_memory(bank_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("a file, not a folder", encoding="utf-8")
    assert isinstance(open_catalog(bank_dir, tmp_path / "cache"), MemoryCatalog)
    assert isinstance(open_catalog(bank_dir, None), MemoryCatalog)


def test_readings_degrade_to_what_the_bank_states_without_sudachi(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without SudachiPy and OpenCC the readings the bank states still segment the spellings; nothing is said."""
    from quizgen.bank import readings

    monkeypatch.setattr(readings, "analyser", lambda: None)
    monkeypatch.setattr(readings, "glyph_forms", lambda: None)
    bank = with_readings(load_bank(BANK))
    assert bank.readings["習近平国家主席"].segments == (("習近平", "しゅうきんぺい"), ("国家主席", ""))
    assert bank.readings["習近平国家主席"].variants == ()
    assert "上海協力機構" in bank.readings and bank.readings["上海協力機構"].kana == "しゃんはいきょうりょくきこう"


def test_looking_up_items_by_id_never_walks_every_item(tmp_path: Path) -> None:
    """A regression: with the index for counting, SQLite chose to pair every item with every id asked for (157 s of
    CPU for `stats` at 100,000 items). Asked for n ids, the cache does about n lookups, whatever the bank's size."""
    text = (BANK / "bank.yaml").read_text(encoding="utf-8")
    head, items = text.split("items:\n", 1)
    copies = "".join(items.replace("  - id: t-", f"  - id: t{k}-") for k in range(80))
    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "bank.yaml").write_text(f"{head}items:\n{copies}", encoding="utf-8")
    picked = cached(tmp_path / "bank", tmp_path / "cache").take(Selection())
    ids = [f.id for f in picked.facts()]
    assert len(ids) == 400

    def steps_for(n: int) -> int:
        steps = 0

        def tick() -> int:
            nonlocal steps
            steps += 1
            return 0

        picked.cache._con.set_progress_handler(tick, 100)
        try:
            assert picked.count_of(ids[:n]) == n and len(picked.facts_of(ids[:n])) == n
        finally:
            picked.cache._con.set_progress_handler(None, 100)
        return steps

    # 400 ids looked up take about a hundred ticks of 100 SQLite instructions; pairing them with the 400 items
    # (160,000 pairs) took thousands
    assert steps_for(400) < 1_000

    steps = 0

    def tick() -> int:
        nonlocal steps
        steps += 1
        return 0

    picked.cache._con.set_progress_handler(tick, 100)
    page = picked.ranked((-1, ""), 8)  # a page of the quiz's walk for new cards: read from the rank index
    picked.cache._con.set_progress_handler(None, 100)
    assert [f.rank for f in page] == sorted(f.rank for f in page) and len(page) == 8
    assert steps < 20  # sorting the 400 items for the page took over 50
