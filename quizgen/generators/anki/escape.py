"""Bank text as safe card HTML: every piece of bank text on a card goes through `esc`.

Markup in the bank (a `<script>`, a stray `{{`) reaches the card as text; a control character never
reaches it at all (one `\\x1f`, Anki's field separator, would make the whole package unimportable);
`[` and `]` are written as character references, so Anki's `furigana:` filter reads only the readings
quizgen puts there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizgen.text import CONTROL_CHARS, CONTROL_RE

__all__ = ["esc", "esc_all", "plain"]

_SPECIAL = re.compile("[" + re.escape("&<>\"'{}[]\n" + CONTROL_CHARS) + "]")
# each special character's reference, `&` first (the others' references hold one) and the newline last (its <br>
# holds < and >): a chain of str.replace, in C, where str.translate with a table of strings went character by
# character in Python's slow path (23 µs for a long explanation with one quotation mark)
_REPLACE = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"), ("{", "&#123;"),
            ("}", "&#125;"), ("[", "&#91;"), ("]", "&#93;"), ("\n", "<br>"))


def esc(text: str) -> str:
    """Bank text -> safe HTML: escaped like html.escape, braces and brackets neutralised (no template, cloze or
    furigana syntax), newlines as <br>, control characters dropped."""
    return _escaped(text) if _SPECIAL.search(text) else text


def _escaped(text: str) -> str:
    if CONTROL_RE.search(text) is not None:
        text = CONTROL_RE.sub("", text)
    for char, ref in _REPLACE:
        if char in text:
            text = text.replace(char, ref)
    return text


def esc_all(*texts: str) -> tuple[str, ...]:
    """`esc` of each text; one regex scan when (as usual) none needs escaping."""
    if _SPECIAL.search("".join(texts)) is None:
        return texts
    return tuple(_escaped(t) if _SPECIAL.search(t) else t for t in texts)


def plain(texts: Iterable[str]) -> bool:
    """Whether `esc` leaves each of `texts` as it is: one regex scan of them all."""
    return _SPECIAL.search("".join(texts)) is None
