"""Worksheets after the newuser2 teacher's first sheet: a title or exam name that prints an answer is refused
(#7), and a refusal for too few questions that fit lists what to leave out (#6)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import cli

FLOWERS = Path(__file__).parent / "data" / "worksheet_flowers"
THREE = ["--ids", "t-flower-01,t-flower-02,t-neutral", "--types", "short", "--seed", "1", "--format", "html"]


def invoke(bank: Path, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["worksheet", "--bank", str(bank), *args])
    return res.exit_code, res.output


def test_a_title_that_prints_an_answer_is_refused_naming_the_question_and_the_words(tmp_path: Path) -> None:
    """newuser2 #7: 「中ロ首脳会談と「一帯一路」フォーラム」 printed 問5's answer at the top of page 1."""
    code, out = invoke(FLOWERS, *THREE, "--title", "第一式典とアカシア", "-o", str(tmp_path))
    assert (code, out) == (2, "Error: --title gives answers away: 「アカシア」 answers 問1 (t-flower-01); leave these "
                              "words out of the title (nothing was written)\n")
    assert list(tmp_path.iterdir()) == []


def test_an_exam_name_that_prints_answers_is_refused_on_every_version(tmp_path: Path) -> None:
    code, out = invoke(FLOWERS, *THREE, "--variants", "2", "--exam", "ベルガモットとアカシアの小テスト",
                       "-o", str(tmp_path))
    assert code == 2
    assert out.startswith("Error: --exam gives answers away: ")
    assert "「ベルガモット」 answers 問" in out and "of version A (t-flower-02)" in out and "of version B (t-flower-02)" in out
    assert "「アカシア」 answers 問" in out and "(t-flower-01)" in out
    assert out.endswith("leave these words out of the exam name (nothing was written)\n")
    assert list(tmp_path.iterdir()) == []


def test_a_title_without_answers_still_makes_the_sheet(tmp_path: Path) -> None:
    code, out = invoke(FLOWERS, *THREE, "--title", "式典の花", "--exam", "1学期 小テスト", "-o", str(tmp_path))
    assert code == 0, out
    assert "式典の花" in (tmp_path / "worksheet-A.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- #6: a refusal to act on

WORDS = ("アカシア", "ベルガモット", "カモミール", "ダリア", "エリカ", "フリージア", "ガーベラ", "ハイビスカス", "アイリス",
         "ジャスミン", "ラベンダー", "マーガレット", "ナスタチウム", "オリーブ", "ポピー", "ローズマリー", "スミレ",
         "チューリップ", "ヒマワリ", "コスモス", "ツツジ", "サザンカ", "アジサイ", "キキョウ", "リンドウ")
PAIRS = len(WORDS)  # 25 facts, each given away by its twin's prompt: 25 fit, 25 are left off


def _pairs_bank(tmp_path: Path) -> Path:
    bank = tmp_path / "bank"
    bank.mkdir()
    items = []
    for n, word in enumerate(WORDS, 1):
        for twin, answer, prompt in (("f", word, f"第{n}式典で飾られた花は何か。"),
                                     ("g", f"会場{n}", f"{word}が飾られた第{n}式典の会場はどこか。")):
            items.append(f"""  - id: {twin}{n:02d}
    category: positions
    kind: stance
    prompt: {{ja: "{prompt}", en: "Question {twin}{n:02d}?"}}
    answer: {{ja: "{answer}", en: "answer {twin}{n:02d}"}}
    explanation: {{ja: 説明。, en: Explanation.}}
    evidence: [{{article: "001", quote: "文{twin}{n:02d}"}}]
""")
    (bank / "bank.yaml").write_text(
        'sources:\n  - {id: "001", file: a.txt, headline: {ja: 見出し, en: Headline}, outlet: {ja: テスト新聞, en: Test}}\n'
        "items:\n" + "".join(items), encoding="utf-8")
    return bank


def test_a_refusal_lists_every_question_left_off_and_the_options_that_make_the_rest(tmp_path: Path) -> None:
    """newuser2 #6: 「…4 listed… and 23 more」, the rest found by trial with --exclude. Now each question left off
    is on a line of its own with what it clashes with (a screenful: 20, then how many more), and the last line
    is the options that make a sheet of the rest, which work as printed."""
    bank = _pairs_bank(tmp_path)
    code, out = invoke(bank, "--types", "short", "--count", str(2 * PAIRS), "--seed", "3", "--format", "html",
                       "-o", str(tmp_path / "no"))
    assert code == 2 and not (tmp_path / "no").exists()
    head, listed, *lines = out.rstrip("\n").split("\n")
    assert head == (f"Error: only {PAIRS} questions of the types short can be made from this selection without one "
                    f"giving another away ({2 * PAIRS} asked for); use a smaller --count, widen the selection or add "
                    "--types.")
    assert listed == ("Left off because they would give another question away or be given away (fix or discard them "
                      "in `quizgen review`, or leave them out):")
    *clashes, more, fit = lines
    assert len(clashes) == 20 and more == f"  … and {PAIRS - 20} more"
    for line in clashes:  # each pair's left-off twin, with the clash named
        twin = line.split(":")[0].strip()
        n = int(twin[1:])
        assert line == (f"  {twin}: g{n:02d}'s prompt shows 「{WORDS[n - 1]}」, the answer to f{n:02d}")
    assert fit.startswith(f"To make a sheet of the {PAIRS} questions that fit, add: --exclude ")
    assert fit.endswith(f" --count {PAIRS} --seed 3")
    left = fit.split("--exclude ")[1].split(" ")[0].split(",")
    assert len(left) == PAIRS and {line.split(":")[0].strip() for line in clashes} <= set(left)
    assert all({f"f{n:02d}", f"g{n:02d}"} - set(left) for n in range(1, PAIRS + 1))  # one twin of each pair stays
    code, out = invoke(bank, "--types", "short", *fit.split("add: ")[1].split(" "), "--format", "html",
                       "-o", str(tmp_path / "yes"))
    assert code == 0, out
    assert f"{PAIRS} questions, {PAIRS} points" in out
