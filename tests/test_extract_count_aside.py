"""A count after a case particle is never cut out of another draft's prompt (holdout_v10's teacher: 「決議は段落からなる
短いもので」 was left of 「決議は3つの段落からなる…」). A count before の that reads on as an aside (など8項目の支援策)
may still be cut. Sentences made up for the rule."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quizgen.bank import Bank, Text, load_bank
from quizgen.extract.article import extract, provisional_source

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


def _prompts(body: str, bank: Bank) -> list[str]:
    pytest.importorskip("sudachipy")
    from quizgen.extract.nlp import load_analyzer

    text = f"2024年10月22日 23時41分\n{body}\n"
    src = dataclasses.replace(provisional_source(text, "a.txt", bank), headline=Text("見出し", "headline"),
                              published="2024-10-22")
    return [i.prompt.ja for i in extract(text, src, bank, load_analyzer(), keep_all=True).items]


@pytest.mark.parametrize("body", [
    "決議は3つの段落からなる短いもので、「ロシアとウクライナの紛争」で失われた命を悼んだ。",
    "声明が5つの項目からなる文書で、両国の協力の拡大をうたった。",
])
def test_a_count_after_a_case_particle_stays_in_every_prompt(body: str, bank: Bank) -> None:
    prompts = _prompts(body, bank)
    assert prompts
    assert not any("は段落" in p or "が項目" in p for p in prompts), prompts
