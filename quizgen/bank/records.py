"""Generic, located reading of YAML records into frozen dataclasses, and back.

`Reader.record(raw, cls, loc, path)` builds `cls` from a `LocMap` using its type
hints (str, int, bool, enums, optionals, tuples, nested dataclasses), collecting
every problem with its place instead of stopping at the first. The bank and
the deck recipes both read their files through it; `to_data` is the inverse.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import types
import typing
import unicodedata
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import Any

from quizgen.bank.data import fields_of as _fields
from quizgen.bank.located import UNREADABLE, Loc, LocList, LocMap
from quizgen.errors import Problem
from quizgen.text import QUOTE_CHARS, code_point, find_control, find_invisible, invisible_at, quoted

MISSING = object()

#: Where a record read without locations sits: (file number, section, position in it); `Reader.locate`
#: turns it into the record's located mapping when a problem must be reported (see `load.py`).
RecordRef = tuple[int, str, int]


# --------------------------------------------------------------------------- generic building


class Reader:
    """Turns located YAML data into model dataclasses, collecting problems."""

    def __init__(self, locate: Callable[[RecordRef], LocMap] | None = None) -> None:
        self.problems: list[Problem] = []
        # (kind, id) -> the record's mapping, or where to find it again, for locating cross-record problems later
        self.maps: dict[tuple[str, str], LocMap | RecordRef] = {}
        self._locate = locate
        self.dropped: set[tuple[str, str]] = set()  # (section, id) of the records that could not be built
        self.unread = False  # records could not be read at all (a file or a section), so their ids are not known

    def fail(self, loc: Loc, field: str, message: str) -> object:
        self.problems.append(loc.problem(field, message))
        return MISSING

    def mapping(self, kind: str, rid: str) -> LocMap:
        """The located mapping of record (kind, rid), read again with locations if it was read without."""
        node = self.maps[(kind, rid)]
        if isinstance(node, LocMap):
            return node
        assert self._locate is not None, "a record read without locations needs a `locate`"
        return self._locate(node)

    def at(self, kind: str, rid: str, *path: str | int) -> Loc:
        """Best location for a nested field of record (kind, rid): the deepest part of `path` that is there."""
        node: Any = self.mapping(kind, rid)
        loc: Loc = node.loc
        for step in path:
            if isinstance(node, LocMap) and isinstance(step, str) and step in node:
                loc, node = node.where(step), node[step]
            elif isinstance(node, LocList) and isinstance(step, int) and step < len(node):
                loc, node = node.item_locs[step], node[step]
            else:
                break
        return loc

    def flag(self, kind: str, rid: str, path: tuple[str | int, ...], message: str) -> None:
        """A problem in record (kind, rid) at `path`, shown as e.g. `item a001.evidence[0].quote`."""
        self.fail(self.at(kind, rid, *path), field_name(kind, rid, path), message)

    def value(self, raw: Any, tp: Any, loc: Loc, path: str) -> Any:
        """`raw` as a value of type `tp` (a field's type hint), or MISSING after recording why it is not one."""
        if raw is UNREADABLE:  # said by the YAML reader already
            return MISSING
        origin = typing.get_origin(tp)
        if origin in (types.UnionType, typing.Union):
            return None if raw is None else self.value(raw, _chosen(raw, tp), loc, path)
        if origin is tuple:
            (inner, _ellipsis) = typing.get_args(tp)
            return self._sequence(raw, inner, loc, path)
        if dataclasses.is_dataclass(tp):
            return self.record(raw, typing.cast(type[Any], tp), loc, path)
        if isinstance(tp, type) and issubclass(tp, Enum):
            return self._choice(raw, tp, loc, path)
        if tp is bool:
            return raw if isinstance(raw, bool) else self.fail(loc, path, f"must be true or false, not {quoted(raw)}")
        if tp is int:
            if isinstance(raw, int) and not isinstance(raw, bool):
                return raw
            return self.fail(loc, path, f"must be a whole number, not {kind_of(raw)}")
        if tp is str:
            return self._text(raw, loc, path)
        raise TypeError(f"unsupported field type {tp!r}")  # pragma: no cover - programming error

    def _sequence(self, raw: Any, inner: Any, loc: Loc, path: str) -> Any:
        if raw is None:
            return ()
        if not isinstance(raw, LocList):
            return self.fail(loc, path, f"must be a list, not {kind_of(raw)}")
        out = [self.value(v, inner, vloc, f"{path}[{i}]") for i, (v, vloc) in
               enumerate(zip(raw, raw.item_locs, strict=True))]
        return MISSING if MISSING in out else tuple(out)

    def _choice(self, raw: Any, tp: type[Enum], loc: Loc, path: str) -> Any:
        choices = [m.value for m in tp]
        if raw in choices:
            return tp(raw)
        hint = suggest(str(raw), choices)
        return self.fail(loc, path, f"must be one of {', '.join(choices)}, not {quoted(raw)}{hint}")

    def _text(self, raw: Any, loc: Loc, path: str) -> Any:
        if isinstance(raw, dt.date):
            return raw.isoformat()
        if isinstance(raw, int) and not isinstance(raw, bool):
            if path.endswith(("id", "article")):
                return self.fail(loc, path, f"must be text; write it in quotes (\"{raw:03d}\" or \"{raw}\")")
            return str(raw)
        if isinstance(raw, bool):
            return self.fail(loc, path, f"must be text, not {quoted(raw)} (YAML reads yes/no/on/off as true/false: quote it)")
        if not isinstance(raw, str):
            return self.fail(loc, path, f"must be text, not {kind_of(raw)}")
        if (at := find_control(raw)) is not None:
            return self.fail(loc, path, f"control character {code_point(raw[at])} at character {at + 1}; "
                                        "remove it (only tab and newline are allowed)")
        if (at := find_invisible(raw)) is not None:
            return self.fail(loc, path, invisible_at(raw, at))
        if not raw.strip():
            return self.fail(loc, path, "must not be empty")
        return unicodedata.normalize("NFC", raw)  # one spelling: an NFD answer (ク + U+3099) matched no IME's answer

    def record(self, raw: Any, cls: type[Any], loc: Loc, path: str) -> Any:
        if not isinstance(raw, LocMap):
            return self.fail(loc, path, f"must be a mapping, not {kind_of(raw)}")
        hints, fields = _fields(cls)
        ok = True
        for key in raw:
            if key not in fields:
                hint = suggest(key, list(fields))
                self.fail(raw.key_locs[key], _join(path, key), f"unknown key{hint}")
                ok = False
        kwargs: dict[str, Any] = {}
        for name, f in fields.items():
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if name not in raw:
                if required:
                    self.fail(raw.loc, _join(path, name), "required field is missing")
                    ok = False
                continue
            if raw[name] is None and required:
                self.fail(raw.where(name), _join(path, name), "required field is empty")
                ok = False
                continue
            val = self.value(raw[name], hints[name], raw.where(name), _join(path, name))
            if val is MISSING:
                ok = False
            else:
                kwargs[name] = val
        if not ok:
            return MISSING
        return cls(**kwargs)


_SINGULAR = {"sources": "source", "stories": "story", "entities": "entity", "items": "item",
              "disagreements": "disagreement", "pools": "pool"}


def singular(kind: str) -> str:
    """One record of a section: 'entity' for 'entities'."""
    return _SINGULAR.get(kind, kind)


def field_name(kind: str, rid: str, path: tuple[str | int, ...]) -> str:
    """How a problem names a field of a record: `item a001.prompt.ja`, `entity x.roles[0].quote`."""
    out = f"{singular(kind)} {rid if len(rid) <= 80 else rid[:QUOTE_CHARS] + '…'}"  # an id far too long is cut
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else f".{step}"
    return out


def _chosen(raw: Any, union: Any) -> Any:
    """Which type of an optional or union field (`Text | str | None`) `raw` is read as: a mapping as the
    record type, anything else as the first plain type."""
    args = [a for a in typing.get_args(union) if a is not type(None)]
    record = next((a for a in args if dataclasses.is_dataclass(a)), None)
    plain = [a for a in args if not dataclasses.is_dataclass(a)]
    return record if isinstance(raw, LocMap) and record is not None else (plain or args)[0]


def _join(path: str, key: str) -> str:
    """The field path of `key` inside `path` ('' for a top-level record)."""
    return f"{path}.{key}" if path else key


def kind_of(raw: Any) -> str:
    if isinstance(raw, LocMap):
        return "a mapping"
    if isinstance(raw, LocList):
        return "a list"
    if raw is None:
        return "empty"
    return f"{type(raw).__name__} {quoted(raw)}"


def suggest(word: str, choices: Iterable[str]) -> str:
    if len(word) > 100:  # no name is that long, and difflib would take its time to say so
        return ""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def display_path(path: Path) -> str:
    """`path` as a user names it: relative to the current folder where it is below it (a link as itself)."""
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def dumps_yaml(data: Any) -> str:
    """Plain data (see `to_data`) as YAML in the bank's style: Unicode kept, keys in order, lines never wrapped."""
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)

