"""Width variants: every way an IME types an answer (quizgen.japanese.width)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from quizgen.japanese.width import full_width, half_width, standard_width, width_variants


def test_the_widths_a_student_types() -> None:
    assert width_variants("G7") == ("G7", "Ｇ７")
    assert width_variants("2023年3月21日") == ("2023年3月21日", "２０２３年３月２１日")
    assert width_variants("ラブロフ") == ("ラブロフ", "ﾗﾌﾞﾛﾌ")
    assert width_variants("習近平") == ("習近平",)
    assert standard_width("Ｇ７　ﾗﾌﾞﾛﾌ・ﾊﾟﾘ") == "G7 ラブロフ・パリ"
    assert half_width("ヴォルガ") == "ｳﾞｫﾙｶﾞ" and full_width("ｳﾞｫﾙｶﾞ") == "ヴォルガ"


_TEXT = st.text(alphabet=st.sampled_from(list("aZ09 ~=#{}:\\<>&*%[]-/ラブロフガパヴァー・「」。習日本ｶﾞﾊﾟﾗｰ　Ｇ７")), max_size=20)


@given(_TEXT)
def test_every_variant_reads_the_same(text: str) -> None:
    variants = width_variants(text)
    assert variants[0] == text and len(set(variants)) == len(variants)
    assert len({unicodedata.normalize("NFKC", v) for v in variants}) == 1


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_ascii_goes_to_full_width_and_back(text: str) -> None:
    assert half_width(full_width(text)) == standard_width(full_width(text)) == text
