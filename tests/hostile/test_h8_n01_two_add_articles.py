"""Eighth adversarial pass, N01: two `add-article` runs at once into one bank.

Each run chose the next free article id from the bank it had read, then wrote BANK/items/<id>.yaml: both said
"registered article 001", one source entry replaced the other, and the other article stayed in BANK/articles with
no source entry (4 of 10 runs). Now the id is chosen, and the entry written, while the bank is held, from the bank
as it is then: the second run waits for the first and takes the next id.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path
from typing import Any

import yaml
from harness import EXTRACT

from quizgen.bank import load_bank
from quizgen.bank.model import Text
from quizgen.extract import register as rg


def _slowly(monkeypatch: Any) -> None:
    """Widen the window between choosing the id and writing the entry, as a busy machine does."""
    check = rg.loads_bank_files  # type: ignore[attr-defined]

    def slow(*args: Any, **kwargs: Any) -> Any:
        got = check(*args, **kwargs)
        time.sleep(0.5)
        return got

    monkeypatch.setattr(rg, "loads_bank_files", slow)


def test_two_runs_at_once_register_both_articles(tmp_path: Path, monkeypatch: Any) -> None:
    bank = tmp_path / "b"
    shutil.copytree(EXTRACT / "bank", bank)
    (tmp_path / "artA.txt").write_text("中国の王毅外相は10日、北京でロシアのラブロフ外相と会談した。\n", encoding="utf-8")
    (tmp_path / "artB.txt").write_text("中国の習近平国家主席は20日、モスクワでプーチン大統領と会談した。\n",
                                       encoding="utf-8")
    loaded = load_bank(bank)  # each run read the bank before the other wrote
    _slowly(monkeypatch)
    done: dict[str, str] = {}
    errors: list[BaseException] = []

    def add(name: str) -> None:
        try:
            headline = Text(f"見出し{name}", rg.english(None))
            done[name] = rg.register(tmp_path / name, bank, loaded, headline=headline, outlet=None, published=None,
                                     url=None).source.id
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(n,)) for n in ("artA.txt", "artB.txt")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert len(set(done.values())) == 2  # two ids, never the same one twice
    files = {s["file"] for f in (bank / "items").glob("*.yaml")
             for s in (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("sources") or []}
    assert {"artA.txt", "artB.txt"} <= files  # each registered article has its source entry
    assert load_bank(bank).source_by_id.keys() >= set(done.values())
    assert not (bank / ".bank-lock").exists()
