"""`quizgen review` shows a short card first and says an explanation that differs little from the true statement by
its changes (issue 17: newuser15 read about 43,000 characters for 15 questions, because a draft's screen printed its
sentence as the explanation and again as the quote; newuser16 read about 57,000 and asked for a card of the question,
its answer and its wrong answers alone): 「解説  (正文と同じ文、ただし「国家主席」→「胡錦濤国家主席」)」."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from quizgen.cli import cli
from quizgen.cli.review_show import change_spans, changes

DATA = Path(__file__).parent / "data" / "extract"
PAGE = DATA / "holdout_v30" / "medvedev-beijing-state-visit-2008-05.txt"


@pytest.mark.parametrize("shown, text, said", [
    ("大統領は23日、中国の北京を訪れ、国家主席と首脳会談を行った。",
     "大統領は23日、中国の北京を訪れ、胡錦濤国家主席と首脳会談を行った。",
     "(正文と同じ文、ただし「国家主席」→「胡錦濤国家主席」)"),
    ("2008年5月7日に就任した大統領は2008年5月23日、北京を訪れ、国家主席と会談しました。",
     "今月7日に就任した大統領は23日、北京を訪れ、国家主席と会談しました。",
     "(正文と同じ文、ただし「2008年5月7日」→「今月7日」、「2008年5月23日」→「23日」)"),
])
def test_a_text_close_to_one_shown_is_said_by_its_changes(shown: str, text: str, said: str) -> None:
    assert changes("正文", shown, text) == said


@pytest.mark.parametrize("shown, text", [
    ("中国は反対した。", "ロシアは賛成した。"),  # most of it changed: whole
    ("中国は反対した。", "中国は反対した。"),  # the same: said as such elsewhere
    ("a、b、c、d、e、f、g、h、i、j、k、l。", "A、b、C、d、E、f、G、h、i、j、k、l。"),  # four places
])
def test_a_text_far_from_one_shown_reads_whole(shown: str, text: str) -> None:
    assert changes("正文", shown, text) is None


_CHARS = st.sampled_from(list("中国ロシア北京会談した2008年5月23日、。はにをの胡錦濤主席ab "))


@given(st.text(_CHARS, max_size=40), st.text(_CHARS, max_size=40))
def test_the_changes_turn_the_shown_text_into_the_other(a: str, b: str) -> None:
    """Applying the spans to `a` gives `b`: what the reviewer is told is exactly the difference."""
    spans = change_spans(a, b)
    out, at = [], 0
    for i1, i2, j1, j2 in spans:
        assert at <= i1 <= i2
        out += [a[at:i1], b[j1:j2]]
        at = i2
    assert "".join(out) + a[at:] == b
    assert all(s[1] <= t[0] and s[3] <= t[2] for s, t in itertools.pairwise(spans))


def _reviewed(tmp_path: Path, keys: str) -> str:
    """What `quizgen review` prints for holdout_v30's broadcaster page, registered and drafted, given `keys`."""
    shutil.copytree(DATA / "bank", tmp_path / "bank")
    bank = str(tmp_path / "bank")
    r = CliRunner().invoke(cli, ["add-article", str(PAGE), "--bank", bank, "--headline", "メドベージェフ大統領が初訪中",
                                 "--outlet", "あさぎりテレビ", "--date", "2008-05-23", "--url", ""])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["extract", str(PAGE), "--bank", bank, "-o", str(tmp_path / "d.yaml")])
    assert r.exit_code == 0, r.output
    return CliRunner().invoke(cli, ["review", str(tmp_path / "d.yaml"), "--bank", bank], input=keys).output


def test_a_card_is_short_until_v_is_pressed(tmp_path: Path) -> None:
    """The first card: question, answers, wrong answers, the false statement's change, the quote and what to check;
    the rest is named on one line, and `v` shows it on every card until `v` again."""
    out = _reviewed(tmp_path, "v\ns\nv\nq\n")
    short, full, second = out.split("── 1/", 2)[1], out.split("── 1/", 2)[2], out.split("── 2/", 2)[1]
    assert "問    " in short and "答    2008年5月23日" in short and "選択肢 " in short and "誤文  正文の「23」→「22」" in short
    assert "[v] 正文・穴埋め・日付・年表・解説も表示" in short
    assert "根拠  「今月7日に就任した" in short  # newuser17: the page's words, to judge the rewording by
    assert short.split("\n", 1)[0].split("──")[1].split()[0] == "日付", short[:80]  # newuser17: 「date (dates)」 was English
    assert not any(f"\n{label}" in short for label in ("正文  ", "穴埋め", "年表  ", "解説  "))
    assert "根拠  「今月7日に就任した" in full and "年表  " in full  # v: every text, the quote in full
    assert "根拠  「" in second  # still every text on the next card
    assert "短い表示に戻します" in out


def test_the_full_card_shows_the_explanation_by_its_changes(tmp_path: Path) -> None:
    """The first draft of holdout_v30's broadcaster page: its explanation restores the name another draft asks."""
    first = _reviewed(tmp_path, "v\nq\n").split("── 1/", 2)[2].split("── 2/", 1)[0]
    assert "解説  (正文と同じ文、ただし「国家主席」→「胡錦濤国家主席」)" in first, first
    assert "根拠  「今月7日に就任したロシアのメドベージェフ大統領は23日、" in first, first


def test_e_with_a_field_s_name_edits_that_field_alone(tmp_path: Path) -> None:
    """newuser16 walked the whole form (11-13 fields) to give a draft its wrong answers: `e 選択肢` asks that one."""
    import yaml

    out = _reviewed(tmp_path, "s\ne 選択肢\n江沢民/温家宝/李鵬\ny\nq\n")
    form = out.split("> e 選択肢", 1)[1].split("保存しました", 1)[0]
    assert "選択肢 (誤答、/区切り)" in form and "  問: " not in form and "  答: " not in form and "  正文: " not in form
    items = yaml.safe_load((tmp_path / "d.yaml").read_text(encoding="utf-8"))["items"]
    hu = next(i for i in items if i["answer"]["ja"] == "胡錦濤")
    assert [d["ja"] for d in hu["distractors"]] == ["江沢民", "温家宝", "李鵬"]
    assert hu.get("draft") is True  # saved, not accepted


def test_e_with_an_unknown_name_says_which_names_there_are(tmp_path: Path) -> None:
    out = _reviewed(tmp_path, "e 題名\nq\n")
    assert "「題名」: 項目の名前で (問 答 別解 選択肢 正文 誤文 穴埋め 解説 日付 注)。例: e 問 選択肢" in out


def test_e_with_the_question_alone_offers_the_new_wording_to_the_other_forms(tmp_path: Path) -> None:
    """newuser17: `e 問` left the true statement and the cloze with the old wording, and nothing said so."""
    import yaml

    reworded = ("2008年5月7日に就任したロシアのメドベージェフ大統領は、初の外国訪問で中国の北京を訪れ、（　　）国家主席と"
                "首脳会談を行いました。（　　）に入る人物は誰か。")
    out = _reviewed(tmp_path, f"s\ne 問\n{reworded}\ny\ny\nq\n")
    form = out.split("> e 問", 1)[1].split("保存しました", 1)[0]
    assert "問の書き換えを他の形にも:" in form, form
    items = yaml.safe_load((tmp_path / "d.yaml").read_text(encoding="utf-8"))["items"]
    hu = next(i for i in items if i["answer"]["ja"] == "胡錦濤")
    assert "初の外国訪問で" in hu["prompt"]["ja"] and "初の外国訪問で" in hu["statement"]["ja"], hu
    assert "初の外国訪問で" in hu["cloze"]["ja"] and "[[胡錦濤]]" in hu["cloze"]["ja"], hu


def test_e_with_the_question_alone_says_which_forms_keep_the_old_wording(tmp_path: Path) -> None:
    """A question rewritten so that no other form follows it: the card says the true statement and the cloze keep the
    old wording, and how to change them."""
    out = _reviewed(tmp_path, "s\ne 問\n胡錦濤主席と会ったのは誰か。（　　）に入る人物は誰か。\nn\nq\n")
    assert "! 正文・穴埋めは前の文のままです (直すなら e 正文 穴埋め)" in out, out.split("> e 問", 1)[1][:800]
