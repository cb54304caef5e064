"""newuser6: a sea asked as a place was offered アフガニスタン among its wrong answers. A place whose name says what
kind of place it is (…海, …海峡, …州) gets wrong answers of that kind, or none (no choice form) where there are none."""

from __future__ import annotations

import random
from pathlib import Path

from quizgen.bank import load_bank
from quizgen.bank.model import EntityType, ItemKind
from quizgen.extract.distractors import Named, Pools, choose

DATA = Path(__file__).parent / "data" / "extract"


def _named(*names: str) -> Pools:
    return Pools(named=tuple(Named(n, "TODO: translate", EntityType.PLACE) for n in names))


def test_a_sea_gets_seas() -> None:
    bank = load_bank(DATA / "bank")
    pools = _named("ベーリング海", "アフガニスタン", "チュクチ海", "アラスカ", "日本海", "オホーツク海")
    got = choose(ItemKind.PLACE, "ベーリング海", (), "（　　）で米沿岸警備隊が確認した。", pools, bank, random.Random(1))
    names = [t.ja for t in got.texts]
    assert names and all(n.endswith("海") for n in names), names
    assert "アフガニスタン" not in names and "アラスカ" not in names


def test_a_place_of_no_stated_kind_keeps_the_article_s_places() -> None:
    bank = load_bank(DATA / "bank")
    got = choose(ItemKind.PLACE, "アラスカ", (), "（　　）沖で確認された。", _named("アラスカ", "ハルビン", "チュクチ海"),
                 bank, random.Random(1))
    assert [t.ja for t in got.texts][:2] == ["ハルビン", "チュクチ海"]
