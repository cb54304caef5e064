"""Hostile pass 5, cause G: what `extract` says when it keeps nothing, and what `--all` would add.

It said `wrote 0 drafts for article 906 to d.yaml (); 4 more with --all` (exit 0) and wrote a drafts file headed
"The 0 best drafts"; with `--all` on a long article it still ended "…; 3515 more with --all". Now a run that keeps
no draft writes nothing, exits 1 and says why (no fact worth a question, or every fact is one the default
selection leaves out, which `--all` drafts); a run that keeps some says how many more `--all` would add at most,
and `--all` says how many facts only repeated a question already drafted.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from harness import EXTRACT, run

from quizgen.extract.fingerprint import stamped

pytestmark = pytest.mark.filterwarnings("ignore")


@pytest.fixture
def cls(tmp_path: Path) -> Path:
    pytest.importorskip("sudachipy")
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    return tmp_path / "cls"


def _article(name: str, text: str) -> Path:
    path = Path(name)
    path.write_text(text, encoding="utf-8")
    return path


def _extract(cls: Path, article: Path, *more: str) -> tuple[int, str]:
    res = run("extract", str(article), "--bank", str(cls), "--source-id", "907", *more)
    assert "Traceback" not in res.err
    return res.code, next(line for line in res.err.splitlines() if line.startswith(("wrote", "Error")))


def test_every_fact_left_out_by_the_default_writes_nothing_and_names_all(cls: Path) -> None:
    article = _article("b.txt", "習近平国家主席とプーチン大統領\n習近平国家主席とプーチン大統領が電話で会談した。\n")
    body = "items:\n- id: x-earlier\n  draft: true\n"
    earlier = stamped("", body) + body  # an earlier drafts file as extract writes it (no edits): replaced
    Path("d.yaml").write_text(earlier, encoding="utf-8")
    code, said = _extract(cls, article, "-o", "d.yaml")
    assert (code, said) == (1, "Error: no draft for article 907 in the default selection: the 2 facts worth a "
                               "question in it are all ones it leaves out (a name the headline prints, one of the "
                               "article's main actors, or a fact that needs the sentence before it), so nothing was "
                               "written. Run again with --all to draft them (up to 2 drafts)")
    assert Path("d.yaml").read_text(encoding="utf-8") == earlier
    code, said = _extract(cls, article, "--all", "-o", "d.yaml")
    assert code == 0 and said.startswith("wrote 2 drafts for article 907 to d.yaml (person 2), every fact worth a "
                                         "question"), said


def test_an_article_with_no_fact_worth_a_question(cls: Path) -> None:
    article = _article("n.txt", "両国の関係について\nそれについて両者は話し合いを続けることで一致したと伝えられているようだ。\n")
    for more in ((), ("--all",)):
        code, said = _extract(cls, article, *more, "-o", "d.yaml")
        assert (code, said) == (1, "Error: no draft for article 907: extract found no fact worth a question in it "
                                   "(an actor, a date, a number, a place, a forum or a stance), so nothing was "
                                   "written")
        assert not Path("d.yaml").exists()


def test_all_never_says_more_with_all_and_the_default_says_what_all_adds(cls: Path) -> None:
    random.seed(1)
    sentences = ["ロシアのプーチン大統領は{d}日、北京を訪問し、中国の習近平国家主席と会談した。",
                 "プーチン氏は翌{d}日、黒竜江省ハルビンを訪れ、中ロ博覧会の開幕式に出席した。",
                 "王毅外相は{d}日、ラブロフ外相と電話で会談した。"]
    body = "".join(random.choice(sentences).format(d=random.randint(1, 28)) + ("\n" if i % 5 == 4 else "")
                   for i in range(30))
    article = _article("long.txt", "中ロ関係\n2024年5月16日\n" + body)
    code, said = _extract(cls, article, "--all", "-o", "all.yaml")
    assert code == 0 and "more with --all" not in said, said
    assert re.fullmatch(r"wrote (\d+) drafts for article 907 to all\.yaml \([^)]+\), every fact worth a question; "
                        r"(\d+) more facts? only repeated one of these questions and were left out", said), said
    drafts = (EXTRACT / "dev" / "putin-beijing-2024-05.txt")
    code, said = _extract(cls, drafts, "-o", "some.yaml")
    found = re.fullmatch(r"wrote (\d+) drafts for article 907 to some\.yaml \([^)]+\); for more, --max N keeps these and "
                         r"then the best weaker facts up to N \(a middle way\), --all adds up to (\d+) more "
                         r"\(the weaker facts and those the default leaves out\)", said)
    assert code == 0 and found, said
    code, said = _extract(cls, drafts, "--all", "-o", "every.yaml")
    every = int(said.split()[1])
    assert code == 0 and int(found[1]) < every <= int(found[1]) + int(found[2]), said
