"""quizgen.text: what a terminal would act on is shown, never sent."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizgen.text import shorten, terminal_safe


def test_controls_are_shown_as_escapes_and_the_rest_is_kept() -> None:
    assert terminal_safe("習近平\x1b]0;title\x07 ok") == "習近平\\x1b]0;title\\x07 ok"
    assert terminal_safe("a\tb\nc\x9bd\x7f\u202e") == "a\tb\nc\\x9bd\\x7f\\u202e"
    assert terminal_safe("ｑ ゼレンスキー “quoted”") == "ｑ ゼレンスキー “quoted”"


@given(st.text())
def test_nothing_a_terminal_acts_on_survives(text: str) -> None:
    safe = terminal_safe(text)
    assert not any((ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F for c in safe)
    assert terminal_safe(safe) == safe.replace("\\", "\\") and (safe == text) == (terminal_safe(text) == text)


def test_shorten_cuts_english_at_a_word_and_japanese_at_the_limit() -> None:
    assert shorten("discussing the Ukraine crisis in Beijing", 24) == "discussing the Ukraine…"
    assert shorten("中ロ首脳会談でプーチン大統領が発言", 8) == "中ロ首脳会談で…"
    assert shorten("short", 0) == "short" and shorten("short", 5) == "short"


@given(st.text(min_size=1), st.integers(min_value=2, max_value=80))
def test_shorten_never_exceeds_its_limit_and_keeps_a_prefix(text: str, limit: int) -> None:
    cut = shorten(text, limit)
    assert len(cut) <= limit or cut == text
    if cut != text:
        assert cut.endswith("…") and text.startswith(cut[:-1])
