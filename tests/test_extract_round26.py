"""Issue 17, round 26 (holdout_v26's misses, seen after its one untuned measurement): a list of counts gives one
draft per count, each prompt with its own item alone (「参加規模は航空機（　　）」), since no prompt may print the others'
answers. Sentences made up for the rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_extract_round24 import _all, _run  # made-up articles dated 2025-01-10

from quizgen.bank import Bank, load_bank
from quizgen.bank.model import ItemKind
from quizgen.extract.drafts import other_items

DATA = Path(__file__).parent / "data" / "extract"

_LIST = "海軍省によると、参加規模は兵員約2万人、艦艇60隻以上、航空機約120機。"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


def _without(text: str, answer: str) -> str:
    at = text.index(answer)
    for a, b in sorted(other_items(text, at, at + len(answer)), reverse=True):
        text = text[:a] + text[b:]
    return text


def test_each_count_of_a_list_reads_alone() -> None:
    assert _without(_LIST, "約2万人") == "海軍省によると、参加規模は兵員約2万人。"
    assert _without(_LIST, "60隻以上") == "海軍省によると、参加規模は艦艇60隻以上。"
    assert _without(_LIST, "約120機") == "海軍省によると、参加規模は航空機約120機。"


@pytest.mark.parametrize("text, answer", [
    ("中国からは兵員約3200人のほか、各種の車両900以上が派遣された。", "約3200人"),  # のほか: no list of counts
    ("会談は約2時間に及び、両首脳は3つの文書に署名した。", "約2時間"),  # two clauses, not a list
    ("参加国は12か国。", "12か国"),  # one count
])
def test_a_count_outside_a_list_keeps_its_sentence(text: str, answer: str) -> None:
    assert _without(text, answer) == text


def test_a_list_of_counts_gives_a_draft_per_count_none_printing_another(bank: Bank) -> None:
    """holdout_v26: the counts of 「参加規模は兵員約30万人、航空機1000機以上、戦車など車両約3万6000台、艦艇最大80隻」 were
    left out but one ("same-sentence block"): each prompt printed the others."""
    ex = _run("北方艦隊は9日、北極海で大規模な演習を始めた。" + _LIST, bank)
    counts = {i.answer.ja: i for i in ex.items if i.kind.value == "number"}
    assert len(counts) >= 2, [i.answer.ja for i in ex.items]
    for answer, it in counts.items():
        others = [a for a in counts if a != answer]
        assert not any(a in it.prompt.ja or a in (it.statement.ja if it.statement else "") for a in others), it.prompt.ja
    every = _all("北方艦隊は9日、北極海で大規模な演習を始めた。" + _LIST, bank)
    assert {"約2万人", "60隻以上", "約120機"} <= {i.answer.ja for i in every}


_NOUNS = st.sampled_from(["兵員", "航空機", "艦艇", "戦車など車両", "火砲", "無人機"])
_COUNTS = st.tuples(st.sampled_from(["", "約", "最大", "計"]), st.integers(min_value=2, max_value=99999),
                    st.sampled_from(["人", "機", "隻", "台", "門", "機以上", "万人"]))


@given(st.lists(st.tuples(_NOUNS, _COUNTS), min_size=2, max_size=5, unique_by=lambda x: x[0]))
def test_any_list_of_counts_leaves_each_item_alone(items: list[tuple[str, tuple[str, int, str]]]) -> None:
    parts = [f"{noun}{pre}{n}{unit}" for noun, (pre, n, unit) in items]
    text = "参加規模は" + "、".join(parts) + "。"
    at = len("参加規模は")
    for part, (noun, (pre, n, unit)) in zip(parts, items, strict=True):
        start = text.index(part, at) + len(noun)
        spans = other_items(text, start, start + len(f"{pre}{n}{unit}"))
        kept = text
        for a, b in sorted(spans, reverse=True):
            kept = kept[:a] + kept[b:]
        assert kept == f"参加規模は{part}。", (text, part, spans)
        at = text.index(part, at) + len(part)


def test_a_chinese_province_is_a_place_never_an_organisation(bank: Bank) -> None:
    """holdout_v27's teacher: 「中国黒竜江省の黒河市」 was asked 「（　　）に入る組織はどこか」 (省 read as a ministry's)."""
    from quizgen.extract.rules.phrases import named_kind

    assert named_kind("中国黒竜江省") is ItemKind.PLACE and named_kind("中国福建省") is ItemKind.PLACE
    assert named_kind("中国外務省") is ItemKind.ORGANISATION and named_kind("ロシア国防省") is ItemKind.ORGANISATION
    kinds = {i.answer.ja: i.kind for i in _all("ロシア極東アムール州の州都と、中国黒竜江省の黒河市を結ぶ道路橋が10日、開通した。",
                                                  bank)}
    assert kinds.get("中国黒竜江省") in (None, ItemKind.PLACE), kinds
