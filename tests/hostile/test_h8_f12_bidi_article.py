"""Hostile pass 8, F12: `add-article` took an article holding U+202E RIGHT-TO-LEFT OVERRIDE, which the bank refuses.

The refusal came later, draft by draft in `review`, located in the drafts file with no pointer to the article. Now
the article is refused when it is read (`add-article`, `extract`) with the bank's own wording, at file:line:column,
and nothing is copied or registered.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from harness import DATA, run

LINE = "中国の習近平国家主席は16日、北京でプーチン大統領と会談した。両首脳は共同声明に署名した。\n"


def test_add_article_refuses_a_bidi_override_at_its_place_and_registers_nothing(tmp_path: Path) -> None:
    shutil.copytree(DATA / "extract" / "bank", "class")
    before = sorted(str(p.relative_to("class")) for p in Path("class").rglob("*"))
    texts = {p: p.read_bytes() for p in Path("class").rglob("*") if p.is_file()}
    Path("bidi.txt").write_text(LINE + "北京で\u202eプーチン大統領と会談した。\n", encoding="utf-8")
    err = run("add-article", "bidi.txt", "--bank", "class", "--headline", "h", "--outlet", "o",
              "--date", "2024-05-16", "--url", "").fails_cleanly()
    assert err == ("Error: bidi.txt:2:4: invisible formatting character U+202E RIGHT-TO-LEFT OVERRIDE in the article; "
                   "remove it (it can show the text in another order than it is stored)\n")
    assert sorted(str(p.relative_to("class")) for p in Path("class").rglob("*")) == before
    assert all(p.read_bytes() == data for p, data in texts.items())
