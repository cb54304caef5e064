"""`quizgen review` says a text that differs little from one shown above it by its changes (issue 17: newuser15 read
about 43,000 characters for 15 questions, because a draft's screen printed its sentence as the explanation and again as
the quote): 「解説  正文の「国家主席」→「胡錦濤国家主席」」, 「根拠  解説の「2008年5月23日」→「23日」」."""

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
     "正文の「国家主席」→「胡錦濤国家主席」"),
    ("2008年5月7日に就任した大統領は2008年5月23日、北京を訪れ、国家主席と会談しました。",
     "今月7日に就任した大統領は23日、北京を訪れ、国家主席と会談しました。",
     "正文の「2008年5月7日」→「今月7日」、「2008年5月23日」→「23日」"),
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


def test_the_review_screen_shows_the_explanation_and_quote_by_their_changes(tmp_path: Path) -> None:
    """The first draft of holdout_v30's broadcaster page: its explanation restores the name another draft asks, its
    quote writes the dates as the page does. Each was a full sentence on the screen."""
    shutil.copytree(DATA / "bank", tmp_path / "bank")
    bank = str(tmp_path / "bank")
    r = CliRunner().invoke(cli, ["add-article", str(PAGE), "--bank", bank, "--headline", "メドベージェフ大統領が初訪中",
                                 "--outlet", "あさぎりテレビ", "--date", "2008-05-23", "--url", ""])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["extract", str(PAGE), "--bank", bank, "-o", str(tmp_path / "d.yaml")])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["review", str(tmp_path / "d.yaml"), "--bank", bank], input="q\n")
    first = r.output.split("── 2/", 1)[0]
    assert "解説  正文の「国家主席」→「胡錦濤国家主席」" in first, first
    assert "根拠  解説の「2008年5月7日」→「今月7日」、「2008年5月23日」→「23日」" in first, first
