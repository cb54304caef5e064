"""The comments of a YAML text, wherever they stand (pure).

A teacher writes notes into a drafts file as YAML comments — on a line of their own, indented under a draft, or
after a value (`answer: 外相  # 要確認`). The YAML reader drops them, so a command that writes such a file back
from its data must find them first to keep them (`quizgen review`), and a command that would replace the file must
see that they are there (`quizgen extract -o`: hostile pass 14 lost a teacher's comment that way).

A `#` starts a comment where it stands outside every token of the text (a quoted or block value holding `#` is no
comment) at the start of a line or after a space or tab, as the YAML spec has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Comment:
    line: int  # 1-based
    text: str  # from its `#` to the end of the line, trailing spaces left out
    alone: bool  # the only thing on its line


def comments(text: str) -> tuple[Comment, ...] | None:
    """Every comment of the YAML `text`, in order; None when `text` is not YAML the scanner reads."""
    covered: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.end_mark.index > token.start_mark.index:
                covered.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        return None
    out: list[Comment] = []
    spans = iter(covered)
    span = next(spans, None)
    start = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        for k, ch in enumerate(line):
            if ch != "#":
                continue
            at = start + k
            while span is not None and span[1] <= at:
                span = next(spans, None)
            if span is not None and span[0] <= at:
                continue  # inside a value
            if k == 0 or line[k - 1] in " \t":
                out.append(Comment(number, line[k:].rstrip("\r\n \t"), not line[:k].strip()))
                break
        start += len(line)
    return tuple(out)


_RECORD = re.compile(r"^\s*-\s+id:\s*['\"]?([^\s'\"#]+)")


def header(text: str) -> str:
    """Every comment of the YAML `text` as lines of a header, for a command that writes the file back from its
    data: a comment on a line of its own at the start of the line as it is; one indented or after a value with
    where it stood (the record it was in, by id) — kept, though no longer beside its value. Lines starting with
    `#` only, when the scanner cannot read `text`."""
    found = comments(text)
    if found is None:
        return "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
    lines = text.splitlines()
    out = []
    for c in found:
        if c.alone and lines[c.line - 1].startswith("#"):
            out.append(c.text)
            continue
        record = next((m.group(1) for m in map(_RECORD.match, reversed(lines[:c.line])) if m), None)
        where = f"{c.line}行目" + (f"、{record} の中" if record else "")
        out.append(f"# ({where}にあった注) {c.text[1:].strip()}")
    return "".join(line + "\n" for line in out)


def only_comments(text: str) -> bool:
    """Whether `text` holds comments and blank lines only (no YAML value)."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


__all__ = ["Comment", "comments", "header", "only_comments"]
