"""Third adversarial pass, cause G: `extract` wrote drafts that `review` refused to open.

For a short registered article, the default and `--all` drafts carried problems the extractor made (a distractor
that is one of the answer entity's names, so an accepted answer; a `date_basis` whose quote does not show the
month), and `review` stopped with "3 problems in the question bank": nothing could be reviewed. Now every draft
extract writes passes the checks review runs, so review opens the file and shows draft 1.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import run

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = """ロシアのプーチン大統領は2024年5月16日、北京で中国の習近平国家主席と会談した。
両首脳は、ウクライナ危機の政治的解決が必要だとの認識で一致した。
会談後、両国は共同声明に署名し、エネルギー分野での協力を拡大することで合意した。
プーチン氏は翌17日、黒竜江省ハルビンを訪れ、中ロ博覧会の開幕式に出席した。
"""


@pytest.mark.parametrize("every", [False, True], ids=["default", "all"])
def test_review_opens_what_extract_wrote(tmp_path: Path, every: bool) -> None:
    pytest.importorskip("sudachipy")
    shutil.copytree(ROOT / "question_bank", tmp_path / "bank")
    Path("art.txt").write_text(ARTICLE, encoding="utf-8")
    assert run("add-article", "art.txt", "--bank", "bank", "--headline", "テスト見出し", "--outlet", "テスト新聞",
               "--date", "2024-05-17", "--url", "").code == 0
    made = run("extract", "bank/articles/art.txt", "--bank", "bank", "-o", "drafts.yaml", *(["--all"] if every else []))
    assert made.code == 0 and "Traceback" not in made.err
    shown = run("review", "drafts.yaml", "--bank", "bank", input="q\n")
    assert shown.err == "" and shown.code == 0
    assert "── 1/" in shown.out


def test_a_draft_the_checks_refuse_is_left_out_and_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The safety net under the two fixes: should the extractor make another faulty draft (here one is made to
    offer its own answer as a wrong answer), extract leaves it out and says so, and review opens the rest."""
    pytest.importorskip("sudachipy")
    from quizgen.bank.model import Text
    from quizgen.extract import drafts
    from quizgen.extract.distractors import Choice
    from quizgen.extract.distractors import choose as real
    faulty: list[str] = []

    def choose(kind: object, answer: str, *args: object, **kwargs: object) -> Choice:
        got = real(kind, answer, *args, **kwargs)  # type: ignore[arg-type]
        if faulty or not got.texts:
            return got
        faulty.append(answer)
        return Choice((Text(answer, "x"), *got.texts[1:]), got.from_article, got.title)

    monkeypatch.setattr(drafts, "choose", choose)
    shutil.copytree(ROOT / "question_bank", tmp_path / "bank")
    Path("art.txt").write_text(ARTICLE, encoding="utf-8")
    assert run("add-article", "art.txt", "--bank", "bank", "--headline", "テスト見出し", "--outlet", "テスト新聞",
               "--date", "2024-05-17", "--url", "").code == 0
    made = run("extract", "bank/articles/art.txt", "--bank", "bank", "-o", "drafts.yaml")
    assert made.code == 0 and faulty
    left_out = [line for line in made.err.splitlines() if line.startswith("left out a draft")]
    assert len(left_out) == 1
    assert left_out[0].endswith(f".distractors[0].ja: distractor {faulty[0]!r} is an accepted answer")
    assert left_out[0].startswith("left out a draft the bank's checks refuse: item a005-")
    shown = run("review", "drafts.yaml", "--bank", "bank", input="q\n")
    assert shown.err == "" and shown.code == 0 and "── 1/" in shown.out
