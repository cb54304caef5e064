"""Safe YAML reading that remembers where every value came from.

`load_located(text, file)` returns plain Python data in which mappings are `LocMap`
and sequences are `LocList`: ordinary dict/list subclasses that also carry the
`Loc` of themselves and of each key or element. Only the YAML safe schema is
accepted; any other tag (for example `!!python/object`) is reported as a
`Problem`, never constructed.

Hostile files cannot make the reader work without end: an aliased value is built again at
each alias, so aliases may repeat at most `MAX_REPEATS` values and `MAX_REPEAT_CHARS` characters in one
file (a "billion laughs" file, or a long text aliased thousands of times, stops at once; nothing more of
the file is read, so no false problem follows), a value that contains itself through an alias is a problem rather than
endless recursion, values nest at most `MAX_DEPTH` levels deep, and a file holds at most `MAX_NODES` values
(`too_many_values`, asked before anything is built: 9 million small numbers in 18 MB took libyaml and this reader
more than a minute and gigabytes of memory). The bank, the deck recipes
and the drafts files all read through here, so each gets these limits and the same messages.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import yaml

from quizgen.errors import Problem
from quizgen.text import code_point, find_control, quoted


@dataclass(frozen=True)
class Loc:
    file: str
    line: int  # 1-based
    column: int  # 1-based

    def problem(self, field: str, message: str) -> Problem:
        return Problem(self.file, self.line, self.column, field, message)


class LocMap(dict[str, Any]):
    loc: Loc
    key_locs: dict[str, Loc]
    value_locs: dict[str, Loc]

    def where(self, key: str) -> Loc:
        """Where the value of `key` is, or the mapping itself when the key is absent."""
        return self.value_locs.get(key, self.loc)


class LocList(list[Any]):
    loc: Loc
    item_locs: list[Loc]


class Unreadable:
    """The value of a scalar YAML's rules make but Python cannot hold, or of a tag the bank refuses; its problem is
    reported already."""

    def __repr__(self) -> str:
        return "(unreadable)"


UNREADABLE = Unreadable()


# libyaml's parser when PyYAML has it (about 10x faster); marks and errors are the same.
_COMPOSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_MERGE_TAG = "tag:yaml.org,2002:merge"


_TAG_NAMES = {"tag:yaml.org,2002:bool": "boolean (true or false)", "tag:yaml.org,2002:timestamp": "date (YYYY-MM-DD)",
              "tag:yaml.org,2002:int": "whole number", "tag:yaml.org,2002:float": "number"}

MAX_REPEATS = 10_000  # values that aliases may repeat in one file (a bank file needs none)
MAX_REPEAT_CHARS = 1_000_000  # characters of text that aliases may repeat in one file (each copy is checked)
MAX_DEPTH = 50  # levels of nesting (the bank's deepest value is about six levels down)
#: Values (mappings, lists, texts, numbers, …) in one file. The largest file of the 100,000-item benchmark bank
#: (bench/bigbank.py: 200 items, 620 KB) has 20,890 and the bundled bank's largest 1,206. A file just within the
#: budget is read (both paths) in about 3 s; libyaml reaches the budget of one far over it in about 0.2 s, where an
#: 18 MB file may hold 9 million.
MAX_NODES = 100_000
_NODE_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)


def too_many_values(text: str, file: str) -> Problem | None:
    """The problem of a file holding more than `MAX_NODES` values, at the first one too many, or None.

    Every value but the document's first comes after one of `:` `?` `,` `[` `{` (each at most two values: a key
    and its value) or `-` (one), so counting those characters bounds the values from above at the cost of a few
    scans of the text; only a file over the budget by that bound is counted exactly, value by value as libyaml
    parses it, and the count stops at the budget: a file of millions of values is refused in a fraction of a second.
    """
    bound = 1 + text.count("-") + 2 * (text.count(":") + text.count("?") + text.count(",") + text.count("[")
                                       + text.count("{"))
    if bound <= MAX_NODES:
        return None
    values = 0
    try:
        for event in yaml.parse(text, Loader=_COMPOSER):
            if isinstance(event, _NODE_EVENTS):
                values += 1
                if values > MAX_NODES:
                    mark = event.start_mark
                    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
                    return Problem(file, line, column, "(document)",
                                   f"more than {MAX_NODES:,} values in one file; split it into smaller files "
                                   "(a file of 200 items has about 21,000)")
    except yaml.YAMLError:  # a syntax error is the composer's to report, with its place
        return None
    return None


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.structural = False  # an alias or nesting problem: the data is not worth reading further
        self._constructor = yaml.SafeLoader("")
        self._built: set[int] = set()  # ids of the nodes built once (a node met again came through an alias)
        self._open: list[int] = []  # ids of the nodes being built, outermost first
        self._repeats = 0  # values built again through aliases
        self._repeat_chars = 0  # characters of the text values among them
        self._spent = False  # the alias budget is spent: nothing more is built
        self._repeat_root: tuple[yaml.Node, str] | None = None  # the outermost aliased value being repeated

    def loc(self, node: yaml.Node) -> Loc:
        return Loc(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def _refuse(self, node: yaml.Node, path: str, message: str) -> None:
        self.problems.append(self.loc(node).problem(path or "(document)", message))
        self.structural = True

    def build(self, node: yaml.Node, path: str) -> Any:
        """`node` as located data; at most once per alias problem, the value is None instead."""
        key = id(node)
        if self._spent:
            return None
        if key in self._open:
            self._refuse(node, path, "this value contains itself (a recursive alias)")
            return None
        if len(self._open) >= MAX_DEPTH:
            self._refuse(node, path, f"nested more than {MAX_DEPTH} levels deep")
            return None
        outermost = False
        if key in self._built:
            self._repeats += 1
            if isinstance(node, yaml.ScalarNode):
                self._repeat_chars += len(node.value)
            if self._repeat_root is None:
                self._repeat_root, outermost = (node, path), True
            over = f"{MAX_REPEATS:,} values" if self._repeats > MAX_REPEATS else \
                f"{MAX_REPEAT_CHARS:,} characters" if self._repeat_chars > MAX_REPEAT_CHARS else None
            if over is not None:
                root, root_path = self._repeat_root
                self._refuse(root, root_path, f"aliases repeat this value beyond {over} in all; "
                                              "write the values out (the bank needs no aliases)")
                self._spent = True
                return None
        self._built.add(key)
        self._open.append(key)
        try:
            return self._value(node, path)
        finally:
            self._open.pop()
            if outermost:
                self._repeat_root = None

    def _value(self, node: yaml.Node, path: str) -> Any:
        if node.tag not in _SAFE_TAGS:
            self.problems.append(
                self.loc(node).problem(
                    path or "(document)",
                    f"YAML tag {quoted(node.tag)} is not allowed; the bank is plain data (safe YAML only)",
                )
            )
            return UNREADABLE  # said here: not "nothing written" nor "missing" again
        if isinstance(node, yaml.MappingNode):
            out = LocMap()
            out.loc = self.loc(node)
            out.key_locs = {}
            out.value_locs = {}
            for knode, vnode in node.value:
                if knode.tag == _MERGE_TAG:  # `<<: *x`: the record's fields would come from elsewhere
                    self._refuse(knode, path, "merge keys (<<) are not supported in a bank file; write each record's "
                                              "fields out in full")
                    return None
                key = self.build(knode, path)
                if self._spent:
                    break
                kpath = f"{path}.{key}" if path else str(key)
                if not isinstance(key, str):
                    self.problems.append(self.loc(knode).problem(kpath, "keys must be text"))
                    continue
                if key in out:
                    self.problems.append(self.loc(knode).problem(kpath, "key appears twice in this mapping"))
                    continue
                out.key_locs[key] = self.loc(knode)
                out.value_locs[key] = self.loc(vnode)
                out[key] = self.build(vnode, kpath)
            return out
        if isinstance(node, yaml.SequenceNode):
            seq = LocList()
            seq.loc = self.loc(node)
            seq.item_locs = []
            for i, child in enumerate(node.value):
                seq.item_locs.append(self.loc(child))
                seq.append(self.build(child, f"{path}[{i}]"))
            return seq
        return self._scalar(node, path)

    def _scalar(self, node: yaml.Node, path: str) -> Any:
        """A plain value; one YAML's rules make but Python cannot hold (2025-13-45, 5000 digits) is a problem."""
        try:
            value = self._constructor.construct_object(node, deep=True)
            if too_long_integer(node, value):
                raise ValueError("too long")
            return value
        except ValueError as exc:
            if node.tag == "tag:yaml.org,2002:timestamp":
                message = (f"{quoted(node.value)} is not a date ({exc}); write YYYY-MM-DD, or quote it to keep it as text")
            elif node.tag == _INT_TAG and (digits := _digits(node.value)) > 0 and too_long_integer(node, None):
                message = f"a number of {digits} digits is too long to read; quote it to keep it as text"
            else:
                message = f"{quoted(node.value)} cannot be read ({exc}); quote it to keep it as text"
        except (KeyError, AttributeError):  # an explicit tag on a value that is none (!!bool maybe, !!timestamp soon)
            message = f"{quoted(node.value)} is not a {_TAG_NAMES.get(node.tag, node.tag)}; remove the tag or quote the value"
        self.problems.append(self.loc(node).problem(path or "(document)", message))
        return UNREADABLE


_INT_TAG = "tag:yaml.org,2002:int"


def _digits(literal: str) -> int:
    """How many digits an integer literal of YAML writes (sign, base prefix, `_` and `:` not counted)."""
    body = literal.lstrip("+-").replace("_", "").replace(":", "")
    if body[:2].lower() in ("0x", "0b", "0o"):
        body = body[2:]
    return len(body) if body.isalnum() else 0


def too_long_integer(node: yaml.Node, value: Any) -> bool:
    """Whether `node` is an integer literal whose value Python cannot write out in decimal (more than
    `sys.get_int_max_str_digits()` digits), in any form YAML reads: decimal, `0x`, `0b`, `0o`, 1.1 octal `0777`,
    sexagesimal `1:30`. `value` is what it was built into, or None when building it failed. The one check of it:
    the located reader and the fast path (`nodes.py`) both ask here, so no such number reaches a message or a deck."""
    if node.tag != _INT_TAG:
        return False
    if value is None:  # decimal literals past the limit fail to build at all
        return _digits(node.value) > 0
    if isinstance(value, bool) or not isinstance(value, int) or value.bit_length() <= 3 * _MAX_STR_DIGITS:
        return False
    try:
        str(value)
    except ValueError:
        return True
    return False


_MAX_STR_DIGITS = sys.get_int_max_str_digits() or 10**9


def load_located(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML document. Returns (data, problems); data is None when unreadable."""
    too_many = too_many_values(text, file)
    if too_many is not None:
        return None, [too_many]
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.reader.ReaderError as exc:
        return None, [_unreadable_character(text, file, exc)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        msg = f"YAML syntax error: {exc.problem or exc.context}"
        return None, [Problem(file, line, col, "(document)", msg)]
    except yaml.YAMLError as exc:
        return None, [Problem(file, 1, 1, "(document)", f"YAML error: {exc}")]
    except RecursionError:  # PyYAML's pure-Python parser (no libyaml) has no nesting limit of its own
        return None, [Problem(file, 1, 1, "(document)", f"nested more than {MAX_DEPTH} levels deep")]
    if node is None:
        return None, []
    builder = _Builder(file)
    data = builder.build(node, "")
    return (None if builder.structural else data), builder.problems


def _unreadable_character(text: str, file: str, exc: yaml.reader.ReaderError) -> Problem:
    """A character YAML does not allow in a file (a raw control character), at its line and column."""
    pos = exc.position
    if _COMPOSER is not yaml.SafeLoader:  # libyaml counts UTF-8 bytes, PyYAML characters
        pos = len(text.encode("utf-8")[:pos].decode("utf-8", errors="ignore"))
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)[:1] or "?"
    kind = "control character" if find_control(char) is not None else "character"
    return Problem(file, line, col, "(document)", f"{kind} {code_point(char)} is not allowed in YAML; remove it")


def plain(data: Any) -> Any:
    """Located data as plain dicts and lists, as `yaml.safe_load` gives them (to write a file back as it was)."""
    if isinstance(data, LocMap):
        return {k: plain(v) for k, v in data.items()}
    if isinstance(data, LocList):
        return [plain(v) for v in data]
    return data
