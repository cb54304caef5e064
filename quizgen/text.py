"""Control characters in text: found (for `check`), stripped (for files) or escaped (for the terminal); pure, stdlib only.

The bank refuses them: C0 controls except tab and newline, DEL, C1 controls, and the noncharacters
U+FFFE and U+FFFF. Every output boundary removes or escapes them again, as defence in depth, because
each does harm somewhere: U+001F is Anki's field separator (one splits a note and the whole deck
fails to import), NUL ends strings in C code, ESC starts the escape sequences that clear a terminal
or set its title, and XML 1.0 can hold none of the C0 ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

#: Every character the bank refuses and the outputs remove: C0 but tab and newline, DEL, C1, U+FFFE, U+FFFF.
CONTROL_CHARS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF]))
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")  # CONTROL_CHARS as ranges: quick to compile


#: What ends a line: LF, CR, VT, FF, NEL and Unicode's line and paragraph separators.
LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"


def find_line_break(text: str) -> int | None:
    """The index of the first character of `text` that ends a line (`LINE_BREAKS`), or None."""
    return next((k for k, c in enumerate(text) if c in LINE_BREAKS), None)


def find_control(text: str) -> int | None:
    """The index of the first control character in `text`, or None when there is none."""
    m = CONTROL_RE.search(text)
    return m.start() if m else None


#: Characters that change how text shows without showing themselves, which the bank refuses: every format character
#: (Unicode category Cf, as of Unicode 14: bidi controls — U+202E RIGHT-TO-LEFT OVERRIDE makes a prompt read in
#: another order than it is stored —, zero-width spaces and joiners, the soft hyphen, invisible operators, tag
#: characters that can smuggle ASCII, interlinear annotation, musical format controls, the BOM), the whole tag
#: block U+E0000–E007F, and the default-ignorable fillers that are not Cf (U+034F COMBINING GRAPHEME JOINER, U+115F
#: and U+1160 Hangul choseong/jungseong fillers, U+17B4/U+17B5 Khmer inherent vowels, U+3164 HANGUL FILLER, U+FFA0
#: HALFWIDTH HANGUL FILLER); `tests/test_text.py` checks it against the running Python's Unicode data. Variation
#: selectors (U+FE00–FE0F, U+E0100–E01EF: a kanji's variant form 葛󠄀, an emoji's colour form) are not refused: they
#: belong to the character before them. Nor is U+200D ZERO WIDTH JOINER between two emoji (`_EMOJI`), where it joins
#: them into one picture (👨‍👩‍👧), which shows; anywhere else it shows nothing and is refused.
INVISIBLE_RE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e007f]")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZWJ = "\u200d"
#: Pictographs a ZWJ may join (the emoji blocks), each perhaps followed by U+FE0F or a skin-tone modifier.
_EMOJI = re.compile("[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff][\ufe0f\U0001f3fb-\U0001f3ff]?")


def find_invisible(text: str) -> int | None:
    """The index of the first invisible formatting character (`INVISIBLE_RE`) in `text`, or None when there is none;
    a ZWJ joining two emoji is not one."""
    for m in INVISIBLE_RE.finditer(text):
        at = m.start()
        if text[at] != _ZWJ or not _joins_emoji(text, at):
            return at
    return None


def _joins_emoji(text: str, at: int) -> bool:
    before = text[max(0, at - 2):at]
    return (_EMOJI.fullmatch(before) is not None or _EMOJI.fullmatch(before[-1:]) is not None) and \
        _EMOJI.match(text, at + 1) is not None


def invisible_problem(char: str) -> str:
    """The one wording for an invisible formatting character found where text is read (a bank file's value, an
    article), after its place: 'invisible formatting character U+202E RIGHT-TO-LEFT OVERRIDE; remove it (…)'."""
    name = unicodedata.name(char, "")
    return f"invisible formatting character {code_point(char)}{' ' + name if name else ''}; remove it ({invisible_why(char)})"


def invisible_why(char: str) -> str:
    """Why an invisible formatting character is refused: 'it does not show, so the text is not what it looks like'."""
    return "it can show the text in another order than it is stored" if char in _BIDI else \
        "it does not show, so the text is not what it looks like"


def invisible_at(text: str, at: int) -> str:
    """The invisible formatting character at `at` of `text` as a message says it where its place is known:
    'invisible formatting character U+202E RIGHT-TO-LEFT OVERRIDE at character 3; remove it (…)'."""
    what, fix = invisible_problem(text[at]).split("; ", 1)
    return f"{what} at character {at + 1}; {fix}"


def code_point(char: str) -> str:
    """'U+001F' for '\\x1f'."""
    return f"U+{ord(char):04X}"


_SURROGATE_RE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, as `surrogateescape` keeps them


def not_utf8(text: str) -> bool:
    """Whether a line read from standard input held bytes that were not UTF-8 (kept as lone surrogates)."""
    return _SURROGATE_RE.search(text) is not None


def find_not_utf8(text: str) -> int | None:
    """The index of the first byte of `text` that was not UTF-8 (a lone surrogate, as Python gives such a byte of a
    file name or a command-line argument), or None."""
    m = _SURROGATE_RE.search(text)
    return m.start() if m else None


def byte_shown(char: str) -> str:
    """'\\xff' for the lone surrogate that stands for the byte 0xFF (a name that was not UTF-8)."""
    return f"\\x{ord(char) - 0xDC00:02x}"


#: What a message shows escaped of a name or an id it quotes: the bytes that were not UTF-8, control characters,
#: tab and every line break, and the invisible formatting characters (none shows, or each breaks the line).
_UNSHOWN_RE = re.compile(f"[\udc80-\udcff\t{LINE_BREAKS}]|{CONTROL_RE.pattern}|{INVISIBLE_RE.pattern}")


def _shown(m: re.Match[str]) -> str:
    char = m.group()
    n = ord(char)
    if 0xDC80 <= n <= 0xDCFF:
        return byte_shown(char)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def visible(text: str) -> str:
    """`text` as a message can show it on one line with nothing hidden: a byte that was not UTF-8 as '\\xff', a control
    character or a line break as '\\x0a', an invisible formatting character as '\\u200b'; the rest (Japanese too) as
    it is. For a file name or an id that is refused because of such a character (hostile18: a file name's \\xff
    printed as \\udcff, an id's U+200B printed raw, so the message showed the same id as the suggestion)."""
    return _UNSHOWN_RE.sub(_shown, text)


def _typed_fault(text: str, limit: int) -> tuple[str, int] | None:
    """What is wrong with a typed line, first fault first: ("utf8", 0), ("control", at), ("invisible", at) or
    ("long", length); None when nothing is."""
    if not_utf8(text):
        return "utf8", 0
    at = find_control(text)
    if at is not None:
        return "control", at
    at = find_invisible(text)
    if at is not None:  # a bank text may hold none (`quizgen check`): hostile15, a discard reason with U+202E
        return "invisible", at
    return ("long", len(text)) if len(text) > limit else None


def _invisible_ja(text: str, at: int) -> str:
    char = text[at]
    name = unicodedata.name(char, "")
    why = "保存された順と違う順に表示されることがあります" if char in _BIDI else "表示されないので、見た目と違う文になります"
    return (f"見えない書式文字 {code_point(char)}{' ' + name if name else ''} ({at + 1}文字目) が入っています ({why})。"
            "消して入力し直してください。")


_Said = Callable[[str, int, int], str]  # (the line, where or how long, the limit) -> the message
_TYPED_EN: dict[str, _Said] = {
    "utf8": lambda _t, _at, _n: "That is not UTF-8 text (is the terminal set to Shift_JIS or EUC-JP?); type it again.",
    "control": lambda t, at, _n: (f"That holds a control character ({code_point(t[at])} at character {at + 1}: an arrow "
                                  "or function key?); type it again."),
    "invisible": lambda t, at, _n: f"That holds an {invisible_at(t, at)}; type it again.",
    "long": lambda _t, size, n: f"That is {size:,} characters, more than the {n:,} it may have; type a shorter one.",
}
_TYPED_JA: dict[str, _Said] = {
    "utf8": lambda _t, _at, _n: ("UTF-8 の文字ではありません (端末が Shift_JIS か EUC-JP になっていませんか)。"
                                 "入力し直してください。"),
    "control": lambda t, at, _n: (f"制御文字 ({code_point(t[at])}、{at + 1}文字目: 矢印キーかファンクションキー?) が"
                                  "入っています。入力し直してください。"),
    "invisible": lambda t, at, _n: _invisible_ja(t, at),
    "long": lambda _t, size, n: f"{size:,}文字です。この項目は{n:,}文字までなので、短くして入力し直してください。",
}


def typed_problem(text: str, limit: int) -> str | None:
    """Why a line typed at a prompt cannot be kept ("That is not UTF-8 text …"), or None: it must be UTF-8, hold
    no control character nor invisible formatting character, and have at most `limit` characters."""
    fault = _typed_fault(text, limit)
    return None if fault is None else _TYPED_EN[fault[0]](text, fault[1], limit)


def typed_problem_ja(text: str, limit: int) -> str | None:
    """`typed_problem` said in Japanese, for a prompt of a Japanese screen (review's edit form: hostile20, 「That is 13
    characters, more than the 12 it may have」 in the middle of it)."""
    fault = _typed_fault(text, limit)
    return None if fault is None else _TYPED_JA[fault[0]](text, fault[1], limit)


QUOTE_CHARS = 60  # how much of a long value a message quotes
_CUT_OVER = 80  # a value up to this long is quoted whole (cutting it would save little)


def quoted(value: object, *, escaped: bool = False) -> str:
    """`value` as a message quotes it (`repr`), a text of more than 80 characters cut to its first `QUOTE_CHARS`, saying
    how long it is: 'xxxx…' (19,000,000 characters). A 19 MB text where a list belongs made a 19 MB message line.

    `escaped` shows every character outside ASCII as its escape ('\\u0430004-…'): for a name that must be ASCII,
    where a look-alike letter (Cyrillic а for a) would otherwise read as the right one."""
    show = ascii if escaped else repr
    if isinstance(value, str) and len(value) > _CUT_OVER:
        head = show(value[:QUOTE_CHARS])
        return f"{head[:-1]}…{head[-1]} ({len(value):,} characters)"
    return show(value)


def first_non_ascii(text: str) -> str | None:
    """'U+0430 CYRILLIC SMALL LETTER A at character 1': the first character of `text` outside ASCII, or None."""
    at = next((i for i, char in enumerate(text) if not char.isascii()), None)
    if at is None:
        return None
    return f"{code_point(text[at])} {unicodedata.name(text[at], 'UNNAMED CHARACTER')} at character {at + 1}"


def strip_controls(text: str) -> str:
    """`text` without its control characters (tab and newline kept): for data files and note fields."""
    return CONTROL_RE.sub("", text)


def _escape(m: re.Match[str]) -> str:
    n = ord(m.group())
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


#: What a terminal would act on: the control characters above, plus the bidirectional overrides and isolates,
#: which make text display differently from what it is.
_TERMINAL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """`text` with each control character shown as its escape (ESC as \\x1b): for the terminal, which would obey it.

    Tab and newline are kept; everything else printable is unchanged.
    """
    return _TERMINAL_RE.sub(_escape, text)


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters with '…' (0: whole); text with spaces (English) is cut at a word
    boundary, never mid-word ("discussing the Ukraine c…")."""
    if not limit or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and text[limit - 1] != " ":
        head = cut.rsplit(" ", 1)[0]
        if len(head) >= limit // 2:
            cut = head
    return cut.rstrip(" ,;:") + "…"


#: What joins two values typed into one option or list entry where each wants its own (`--tag a,b`, `tags: [a、b]`):
#: a comma, 、, ，, a semicolon (ASCII or full-width), white space (a full-width space too), a slash or a bar (ASCII or
#: full-width) or a middle dot (・, ･): hostile20, 「ukraine/peace-plan」 suggested 'peace-plan', a value already typed.
_JOINERS = re.compile(r"[,、，;；\s/／|｜・･]+")


def joined_values(value: str) -> list[str]:
    """The values `value` holds when it is two or more joined by a comma, 、, ，, ;, white space, a slash, a bar or a
    middle dot (`_JOINERS`), in order; [] for one value."""
    parts = [part for part in _JOINERS.split(value) if part]
    return parts if len(parts) > 1 else []


def listed(values: list[str]) -> str:
    """"'a' and 'b'", "'a', 'b' and 'c'": values as a message names them."""
    shown = [repr(v) for v in values]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


#: A word a shell takes as it is: letters and digits of any script, and `@%+=:,./-_` (shlex's safe characters).
_SHELL_SAFE = re.compile(r"[\w@%+=:,./-]+")


def shell_word(text: str) -> str:
    """`text` as one word of a command line to paste into a shell (sh, bash, zsh): as it is when nothing in it is special
    to the shell (記事.txt), else quoted (`shlex.quote`: 'my article.txt'); one starting with - gets ./ before it, so
    it is not read as an option."""
    import shlex

    if text.startswith("-"):
        text = f"./{text}"
    return text if _SHELL_SAFE.fullmatch(text) else shlex.quote(text)


def common_ends(a: str, b: str) -> tuple[int, int]:
    """How many characters `a` and `b` share at their start, and then at their end (the two never overlap): what
    lies between is where they differ (a typed slip, a false statement's change)."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail

