"""quizgen.text: what a terminal would act on is shown, never sent."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizgen.text import terminal_safe


def test_controls_are_shown_as_escapes_and_the_rest_is_kept() -> None:
    assert terminal_safe("習近平\x1b]0;title\x07 ok") == "習近平\\x1b]0;title\\x07 ok"
    assert terminal_safe("a\tb\nc\x9bd\x7f\u202e") == "a\tb\nc\\x9bd\\x7f\\u202e"
    assert terminal_safe("ｑ ゼレンスキー “quoted”") == "ｑ ゼレンスキー “quoted”"


@given(st.text())
def test_nothing_a_terminal_acts_on_survives(text: str) -> None:
    safe = terminal_safe(text)
    assert not any((ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F for c in safe)
    assert terminal_safe(safe) == safe.replace("\\", "\\") and (safe == text) == (terminal_safe(text) == text)
