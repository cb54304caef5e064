"""Bank text as safe card HTML: every piece of bank text on a card goes through `esc`.

Markup in the bank (a `<script>`, a stray `{{`) reaches the card as text; a control character never
reaches it at all (one `\\x1f`, Anki's field separator, would make the whole package unimportable);
`[` and `]` are written as character references, so Anki's `furigana:` filter reads only the readings
quizgen puts there.
"""

from __future__ import annotations

import re

from quizgen.text import CONTROL_CHARS

__all__ = ["esc", "esc_all"]

_SPECIAL = re.compile("[" + re.escape("&<>\"'{}[]\n" + CONTROL_CHARS) + "]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "{": "&#123;",
                          "}": "&#125;", "[": "&#91;", "]": "&#93;", "\n": "<br>", **dict.fromkeys(CONTROL_CHARS)})


def esc(text: str) -> str:
    """Bank text -> safe HTML: escaped like html.escape, braces and brackets neutralised (no template, cloze or
    furigana syntax), newlines as <br>, control characters dropped."""
    return text.translate(_ESCAPES) if _SPECIAL.search(text) else text


def esc_all(*texts: str) -> tuple[str, ...]:
    """`esc` of each text; one regex scan when (as usual) none needs escaping."""
    if _SPECIAL.search("".join(texts)) is None:
        return texts
    return tuple(t.translate(_ESCAPES) if _SPECIAL.search(t) else t for t in texts)
