"""Issue 17, round 23: facts no draft asked before (a year written in two digits, a gap of N years, a vote's count)
and the default filled by rank (the key phrase of a sentence with no draft yet, never the form of a meeting or a
phrase cut from its noun). Sentences made up for the rules they test."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quizgen.bank import Bank, Item, Text, load_bank
from quizgen.extract.article import Extraction, extract, provisional_source

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


def _run(body: str, bank: Bank, keep_all: bool = False) -> Extraction:
    pytest.importorskip("sudachipy")
    from quizgen.extract.nlp import load_analyzer

    text = f"2024年10月22日 23時41分\n{body}\n"
    src = dataclasses.replace(provisional_source(text, "a.txt", bank), headline=Text("見出し", "headline"),
                              published="2024-10-22")
    return extract(text, src, bank, load_analyzer(), keep_all=keep_all)


def _default(body: str, bank: Bank) -> dict[str, Item]:
    ex = _run(body, bank)
    return {i.answer.ja: i for i in ex.items[:ex.chosen]}


def test_a_year_in_two_digits_is_a_stated_date(bank: Bank) -> None:
    got = _default("米国は第1次トランプ政権下の18年にイラン核合意から離脱した。", bank)
    item = got["2018年"]
    assert item.when == "2018" and item.date_basis is not None and "18年" in item.date_basis.quotes[0]
    assert "（　　）に離脱" in item.prompt.ja or "（　　）にイラン" in item.prompt.ja


def test_a_year_and_month_in_two_digits_is_a_stated_date(bank: Bank) -> None:
    got = _default("バイデン米政権は23年12月、外国の金融機関を制裁対象にする大統領令を出した。", bank)
    assert got["2023年12月"].when == "2023-12"


def test_a_two_digit_year_after_the_page_s_year_or_a_span_is_no_date(bank: Bank) -> None:
    every = _run("両国は25年に新たな目標を掲げ、約20年にわたって協力してきた。", bank, keep_all=True)
    assert not any(i.answer.ja in ("2025年", "2020年") for i in every.items)


def test_a_gap_of_years_asks_its_count(bank: Bank) -> None:
    got = _default("インドのモディ首相と中国の習近平国家主席は23日に会談した。"
                   "インドと中国の首脳の正式な会談は約5年ぶりとなった。", bank)
    assert "約（　　）年ぶり" in got["5"].prompt.ja and "5年ぶり" in got["5"].accept


def test_how_many_countries_voted_is_asked(bank: Bank) -> None:
    assert "11カ国" in _default("国連安全保障理事会の採決では、15理事国のうち11カ国が賛成した。", bank)
    every = _run("国連安全保障理事会の決議案は、採択に必要な9カ国の賛成に届かなかった。", bank, keep_all=True)
    assert "9カ国" in {i.answer.ja for i in every.items}


def test_a_small_count_of_countries_that_did_not_vote_is_still_a_detail(bank: Bank) -> None:
    every = _run("演習にはアゼルバイジャンやパキスタンなど9カ国がオブザーバーとして参加した。", bank, keep_all=True)
    assert "9カ国" not in {i.answer.ja for i in every.items}


def test_the_key_phrase_of_a_sentence_with_no_draft_fills_the_default(bank: Bank) -> None:
    assert "紛争の早期終結" in _default("決議はロシアによる侵攻には触れず、紛争の早期終結を求める内容だった。", bank)


def test_the_form_of_a_meeting_does_not_fill_the_default(bank: Bank) -> None:
    got = _default("今回の訪問は、習近平国家主席がモスクワを国賓訪問した際の首脳間の合意を具体化する狙いがある。", bank)
    assert "国賓訪問" not in got


def test_a_phrase_cut_from_the_noun_it_qualifies_does_not_fill_the_default(bank: Bank) -> None:
    got = _default("北朝鮮の最大の後ろ盾を自任してきた中国は、条約への評価を避けた。", bank)
    assert "北朝鮮の最大" not in got


def test_the_readme_s_figures_for_the_seen_sets_are_what_the_evaluation_measures() -> None:
    """README: 「All seen sets: N drafts, recall H/E = …% (X% with `--all`), precision P%」 as bench/eval_extract.py
    measures them today (tuned figures: the judgements file holds a verdict on every default draft)."""
    pytest.importorskip("sudachipy")
    import importlib.util
    import re
    import sys

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("eval_extract", root / "bench" / "eval_extract.py")
    assert spec is not None and spec.loader is not None
    ev = importlib.util.module_from_spec(spec)
    sys.modules["eval_extract"] = ev  # its dataclasses look their module up
    spec.loader.exec_module(ev)
    from quizgen import resources
    from quizgen.extract.nlp import load_analyzer

    bank, analyse, judged = load_bank(resources.bank_dir()), load_analyzer(), ev.judgements()
    rows = [ev.evaluate(name, path, bank, analyse, judged, [], False)
            for name, label in ev.SETS.items() if label == "seen"
            for path in sorted((ev.DATA / name).glob("*.txt")) if path.with_suffix(".expected.tsv").is_file()]
    drafts, hit, expected = sum(r.drafts for r in rows), sum(r.hit for r in rows), sum(r.expected for r in rows)
    hit_all = sum(r.hit_all for r in rows)
    good, judged_n = sum(r.keep + r.light for r in rows), sum(r.keep + r.light + r.discard for r in rows)
    assert sum(r.unjudged for r in rows) == 0
    readme = re.sub(r"\s+", " ", (root / "README.md").read_text(encoding="utf-8"))
    assert (f"All seen sets: {drafts} drafts, recall {hit}/{expected} = {hit / expected:.0%} "
            f"({hit_all / expected:.0%} with `--all`), precision {good / judged_n:.0%}") in readme
