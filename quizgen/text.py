"""Text from files made safe for a terminal (pure, stdlib only).

Bank text is data: an escape sequence in a prompt must not clear the learner's screen or set the window
title. `terminal_safe` is applied to every piece of file-borne text a command prints; `quizgen check` is
where such characters are reported, this is the defence in depth at the output.
"""

from __future__ import annotations

import re

__all__ = ["terminal_safe"]

# C0 controls except tab and newline, DEL, C1 controls (0x9b is a one-byte CSI on some terminals),
# and the bidirectional overrides and isolates that can make text display differently from what it is.
_UNSAFE_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with every control character that a terminal would act on shown as an escape (ESC -> \\x1b).

    Tab and newline are kept; everything else printable is unchanged.
    """
    return _UNSAFE_RE.sub(_visible, text)
