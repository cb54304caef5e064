"""The chronology: `forms.timeline`, `quizgen timeline` (text, HTML, PDF) and the page in `quizgen build`."""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path
from typing import cast

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from quizgen import forms
from quizgen.bank import Bank, Lang, Text, load_bank
from quizgen.cli import cli
from quizgen.errors import QuizgenError
from quizgen.generators.worksheet import chronology, timeline_text

DATA = Path(__file__).parent / "data"
WS_BANK = DATA / "worksheet"
QUIZ_BANK = DATA / "quiz" / "bank"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(WS_BANK)


def run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["timeline", *args])
    return res.exit_code, res.output


def test_text_lists_every_dated_event_oldest_first_with_its_basis_and_source() -> None:
    code, out = run("--bank", str(WS_BANK))
    assert code == 0
    assert out == """\
年表
出来事5件。日付はすべて記事によるもので、その根拠を併記しています。

2018年  ラブロフと習近平の前回の会談
    日付の根拠: 記事に明記 · 出典: テスト通信(日付記載なし)

2022年2月24日  ロシアがウクライナに侵攻
    日付の根拠: 記事に明記 · 出典: テスト新聞(2023年3月21日)

2023年2月24日  中国が12項目の和平案を発表
    日付の根拠: 記事に明記 · 出典: テスト新聞(2023年3月21日)

2023年3月20日  習近平がモスクワでプーチンと会談
    日付の根拠: 記事に明記 · 出典: テスト新聞(2023年3月21日)

2024年4月  ラブロフ外相が北京を訪問
    日付の根拠: 記事に明記 · 出典: テスト通信(日付記載なし)
"""


def test_english_and_both() -> None:
    code, out = run("--bank", str(WS_BANK), "--lang", "en", "--category", "dates")
    assert code == 0
    assert out.splitlines()[:5] == [
        "Timeline",
        "2 events. Every date comes from the articles; how it was found is shown with it.",
        "",
        "2018  Previous Lavrov–Xi meeting",
        "    date: stated in the article · source: Test Wire (no date given)",
    ]
    code, out = run("--bank", str(WS_BANK), "--lang", "both", "--category", "dates")
    assert out.splitlines()[4:8] == [
        "2018年  ラブロフと習近平の前回の会談",
        "2018  Previous Lavrov–Xi meeting",
        "    日付の根拠: 記事に明記 · 出典: テスト通信(日付記載なし)",
        "    date: stated in the article · source: Test Wire (no date given)",
    ]


def test_a_dated_item_without_an_event_is_no_timeline_entry(bank: Bank) -> None:
    first = bank.item_by_id["t-summit-place"]
    opinion = dataclasses.replace(first, id="t-dated-opinion", event=None)  # e.g. an analysis published that month
    chrono = chronology(bank, [*bank.items, opinion])
    assert "t-dated-opinion" not in [i for e in chrono.entries for i in e.items]
    assert chrono == chronology(bank, bank.items)


def test_items_of_one_event_are_one_entry_with_every_basis(bank: Bank) -> None:
    first = bank.item_by_id["t-summit-place"]
    assert first.event is not None
    twin = dataclasses.replace(first, id="t-summit-twin", event=Text(f" {first.event.ja}", "Xi meets Putin"))
    chrono = chronology(bank, [*bank.items, twin])
    (entry,) = [e for e in chrono.entries if e.when == "2023-03-20"]
    assert entry.items == ("t-summit-place", "t-summit-twin")  # one event: same date, same event text
    assert len(chrono.entries) == 5


_whens = st.builds(lambda y, m, d, n: str(y) if n == 0 else f"{y}-{m:02d}" if n == 1 else f"{y}-{m:02d}-{d:02d}",
                   st.integers(2018, 2025), st.integers(1, 12), st.integers(1, 28), st.integers(0, 2))


@given(st.lists(_whens, min_size=1, max_size=12))
def test_chronology_is_in_date_order_and_a_partial_date_comes_before_the_dates_inside_it(whens: list[str]) -> None:
    bank = load_bank(WS_BANK)
    base = bank.item_by_id["t-summit-place"]
    items = [dataclasses.replace(base, id=f"i{n}", when=w, event=Text(f"出来事{n}", f"event {n}"))
             for n, w in enumerate(whens)]
    events = forms.timeline(items)
    assert len(events) == len(items)

    def key(when: str) -> tuple[int, ...]:
        return tuple(int(p) for p in when.split("-"))

    for a, b in itertools.pairwise(events):
        assert key(a.when)[:len(key(b.when))] <= key(b.when)[:len(key(a.when))]  # in order where both are known
        if b.when.startswith(a.when) or a.when.startswith(b.when):
            assert len(a.when) <= len(b.when)  # 2024 before 2024-05 before 2024-05-16


def test_html_and_pdf_pages(tmp_path: Path) -> None:
    code, out = run("--bank", str(WS_BANK), "-o", str(tmp_path / "t.html"))
    assert (code, out) == (0, f"wrote {tmp_path / 't.html'}: 5 events\n")
    html = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert "data:font/woff2;base64," in html  # stands alone: the font subset is embedded
    assert "2023年2月24日" in html and "中国が12項目の和平案を発表" in html and "日付の根拠:" in html
    code, out = run("--bank", str(WS_BANK), "--lang", "both", "-o", str(tmp_path / "t.pdf"))
    assert code == 0, out
    reader = PdfReader(tmp_path / "t.pdf")
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))
    for entry in ("2018年", "ラブロフと習近平の前回の会談", "PreviousLavrov–Ximeeting", "記事に明記", "statedinthearticle"):
        assert entry in text
    fonts = {str(cast(DictionaryObject, ref.get_object())["/BaseFont"])
             for page in reader.pages
             for ref in cast(DictionaryObject, cast(DictionaryObject, page["/Resources"].get_object())["/Font"]).values()}
    assert len(fonts) == 1 and re.fullmatch(r"/[A-Z]{6}\+IPAexGothic", fonts.pop())  # the Japanese font, nothing else


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--format", "pdf"], 2, "Error: --format pdf needs a file: add -o FILE.pdf\n"),
    (["-o", "t.doc"], 2, "Error: -o t.doc: cannot tell the format from the ending; add --format text|html|pdf\n"),
    (["--story", "nope"], 2, "Error: --story nope: no such story; the bank has none\n"),
])
def test_usage_errors(args: list[str], code: int, message: str) -> None:
    assert run("--bank", str(WS_BANK), *args) == (code, message)


def test_a_selection_without_dated_events_says_so() -> None:
    assert run("--bank", str(QUIZ_BANK), "--tag", "visit") == (
        1, "Error: no dated events in the selection: only items with `when` go on the timeline\n")
    with pytest.raises(QuizgenError):
        chronology(load_bank(QUIZ_BANK), [])


def test_the_real_bank_every_dated_item_once_each_with_its_basis_and_no_article_number() -> None:
    from quizgen.resources import bank_dir

    real = load_bank(bank_dir())
    live = real.live_items()
    chrono = chronology(real, live)
    ids = [i for e in chrono.entries for i in e.items]
    assert sorted(ids) == sorted(i.id for i in live if i.when is not None and i.event is not None)  # every event, once
    assert all(e.bases and e.sources for e in chrono.entries)  # each date says how it was found, and where
    assert [e.when for e in chrono.entries] == sorted(e.when for e in chrono.entries)
    text = timeline_text(chrono, Lang.BOTH)
    assert not re.search(r"記事\s*\d|[Aa]rticle \d", text)
