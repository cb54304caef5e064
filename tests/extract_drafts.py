"""Drafts the extractor makes from a made-up sentence, for the rule tests (`test_extract_*`): answer -> prompt."""

from __future__ import annotations

import dataclasses

import pytest

from quizgen.bank import Bank, Text
from quizgen.extract.article import extract, provisional_source


def drafts(text: str, bank: Bank, headline: str = "見出し", keep_all: bool = False) -> dict[str, str]:
    """`text` as the body of a page dated 2024-10-22 under `headline`: each draft's answer and prompt."""
    pytest.importorskip("sudachipy")
    from quizgen.extract.nlp import load_analyzer

    text = f"2024年10月22日 23時41分\n{text}\n"
    src = dataclasses.replace(provisional_source(text, "a.txt", bank), headline=Text(headline, "headline"),
                              published="2024-10-22")
    return {i.answer.ja: i.prompt.ja for i in extract(text, src, bank, load_analyzer(), keep_all=keep_all).items}
