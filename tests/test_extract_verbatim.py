"""Every quote extract writes is the article's own words (README: review always opens what extract wrote):
evidence, date bases and a proposed person's role, for every article under tests/data/extract and the seeds,
and for made-up sentences whose names carry a reading in brackets (issue 17, newuser3 #1)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.bank import Bank, Text, load_bank
from quizgen.extract.article import Extraction, extract, provisional_source, read_article
from quizgen.resources import default_articles_dir

pytest.importorskip("sudachipy")
from quizgen.extract.nlp import load_analyzer

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


def quotes(ex: Extraction) -> list[tuple[str, str]]:
    """(where, quote) for every quote the drafts file holds."""
    out = [(f"{i.id}.evidence", e.quote) for i in ex.items for e in i.evidence]
    out += [(f"{i.id}.date_basis", q) for i in ex.items if i.date_basis is not None for q in i.date_basis.quotes]
    out += [(f"{e.id}.roles", r.quote) for e in ex.entities for r in e.roles]
    return out


def articles() -> list[Path]:
    seeds = default_articles_dir()
    return sorted(DATA.rglob("*.txt")) + (sorted(seeds.glob("*.txt")) if seeds is not None and seeds.is_dir() else [])


def test_every_quote_of_every_draft_is_verbatim_in_its_article(bank: Bank) -> None:
    analyse = load_analyzer()
    paths = articles()
    assert len(paths) >= 20
    wrong = []
    for path in paths:
        text = read_article(path)
        ex = extract(text, provisional_source(text, path.name, bank), bank, analyse, keep_all=True)
        wrong += [(path.name, where, q) for where, q in quotes(ex) if q not in text]
    assert wrong == []


def test_a_new_persons_role_is_quoted_with_the_reading_the_article_gives(bank: Bank) -> None:
    """newuser3: the role quote 李尚福国務委員 where the article has 李尚福(り・しょうふ)国務委員."""
    text = "2024年10月22日 23時41分\nロシアの国防相は18日、モスクワで中国の田中一郎(たなか・いちろう)防衛相と会談した。\n"
    src = dataclasses.replace(provisional_source(text, "a.txt", bank), headline=Text("見出し", "h"), published="2024-10-22")
    ex = extract(text, src, bank, load_analyzer(), keep_all=True)
    assert [r.quote for e in ex.entities for r in e.roles] == ["田中一郎(たなか・いちろう)防衛相"]


_SURNAMES = ("田中", "李", "張", "佐藤", "王", "陳", "山本", "劉")
_GIVEN = ("一郎", "尚福", "建国", "花子", "明", "志強", "健太")
_KANA = st.text(alphabet="あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわん", min_size=1,
                max_size=5)
_TITLES = ("国務委員", "外相", "防衛相", "国家主席", "首相", "大統領", "国務委員兼国防相", "報道官")


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_SURNAMES), st.sampled_from(_GIVEN), _KANA, _KANA, st.sampled_from(_TITLES),
       st.sampled_from(("(", "（")), st.integers(1, 21), st.sampled_from(("会談した", "電話で協議した", "共同声明に署名した")))
def test_made_up_names_with_readings_are_quoted_verbatim(bank: Bank, family: str, given_name: str, r1: str, r2: str,
                                                         title: str, bracket: str, day: int, verb: str) -> None:
    close = ")" if bracket == "(" else "）"
    body = (f"ロシアの外相は{day}日、モスクワで中国の{family}{given_name}{bracket}{r1}・{r2}{close}{title}と{verb}。"
            f"{family}氏は「協力を強化する」と述べた。")
    text = f"2024年10月22日 23時41分\n{body}\n"
    src = dataclasses.replace(provisional_source(text, "a.txt", bank), headline=Text("見出し", "h"), published="2024-10-22")
    ex = extract(text, src, bank, load_analyzer(), keep_all=True)
    assert [(where, q) for where, q in quotes(ex) if q not in text] == []
