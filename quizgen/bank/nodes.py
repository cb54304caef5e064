"""The fast path of reading the bank: typed records straight from libyaml's nodes, without locations.

`load.py` reads each file here first. A file that is entirely right becomes its records at about the
cost of `yaml.load` alone: each record type's fields are resolved once (`compiled`), every value is
converted by a function made for its type hint, and no location is kept. At the first thing this path
does not take as it stands (a problem of any kind, an alias, a tag outside the safe schema, a repeated
key) it raises `Slow`, and `load.py` reads that file again through the located reader (`located.py`
and `records.Reader`), which reports every problem with its file, line and column. What this path
accepts, the located reader accepts too and builds into equal records; `tests/test_bank_fast.py`
holds the two paths to that.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
import unicodedata
from collections.abc import Callable
from enum import Enum
from typing import Any

import yaml

from quizgen.bank.located import too_long_integer, too_many_values
from quizgen.text import CONTROL_RE, INVISIBLE_RE

__all__ = ["Slow", "compiled", "compose", "records"]


class Slow(Exception):
    """This file needs the located reader: it has a problem to report, or something this path does not take."""


_COMPOSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_Scalar, _Mapping, _Sequence = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode
_constructor = yaml.SafeLoader("")

Convert = Callable[[yaml.Node], Any]


def compose(text: str) -> yaml.Node:
    """The file's one document as libyaml's nodes; `Slow` for anything the located reader must say (a syntax
    error, an empty file, an alias, more values than a file may hold)."""
    if too_many_values(text, "") is not None:
        raise Slow
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except Exception:  # whatever it is, the located reader says it with its place
        raise Slow from None
    if node is None:
        raise Slow
    if "&" in text:  # an anchor may be in it: aliases are the located reader's to count and limit
        _no_shared_nodes(node)
    return node


def _no_shared_nodes(root: yaml.Node) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise Slow
        seen.add(id(node))
        if node.__class__ is _Mapping:
            for k, v in node.value:
                stack.extend((k, v))
        elif node.__class__ is _Sequence:
            stack.extend(node.value)


def records(node: yaml.Node, sections: dict[str, type[Any]]) -> dict[str, list[Any]]:
    """A file's records by section (every section present, in the order of `sections`)."""
    part: dict[str, list[Any]] = {k: [] for k in sections}
    written = False  # a section with something under it, if only `[]`: a file of `items:` alone is a problem
    for key, value in _pairs(node):
        cls = sections.get(key)
        if cls is None:
            raise Slow
        if value.__class__ is _Scalar and value.tag == _NULL:
            continue
        written = True
        if value.__class__ is not _Sequence or value.tag != _SEQ:
            raise Slow
        build = compiled(cls)
        part[key].extend(build(entry) for entry in value.value)
    if not written:
        raise Slow
    return part


def _pairs(node: yaml.Node) -> list[tuple[str, yaml.Node]]:
    """A mapping's (text key, value node) pairs; `Slow` for a key that is not plain text or comes twice."""
    if node.__class__ is not _Mapping or node.tag != _MAP:
        raise Slow
    out = []
    seen = set()
    for k, v in node.value:
        if k.__class__ is not _Scalar or k.tag != _STR or k.value in seen:
            raise Slow
        seen.add(k.value)
        out.append((k.value, v))
    return out


# --------------------------------------------------------------------------- converters, one per type hint


_COMPILED: dict[type[Any], Convert] = {}


def compiled(cls: type[Any]) -> Convert:
    """The converter of a mapping node to a `cls` record, its fields resolved once."""
    if cls not in _COMPILED:
        _COMPILED[cls] = _compile(cls)
    return _COMPILED[cls]


def _compile(cls: type[Any]) -> Convert:
    hints = typing.get_type_hints(cls)
    fields = {}
    required = set()
    for f in dataclasses.fields(cls):
        is_required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        fields[f.name] = (_converter(hints[f.name], f.name), is_required)
        if is_required:
            required.add(f.name)
    n_required = len(required)

    def build(node: yaml.Node) -> Any:
        if node.__class__ is not _Mapping or node.tag != _MAP:
            raise Slow
        kwargs: dict[str, Any] = {}
        for k, v in node.value:
            if k.__class__ is not _Scalar or k.tag != _STR:
                raise Slow
            name = k.value
            spec = fields.get(name)
            if spec is None or name in kwargs:
                raise Slow
            convert, is_required = spec
            if is_required and v.__class__ is _Scalar and v.tag == _NULL:
                raise Slow
            kwargs[name] = convert(v)
        if n_required and sum(1 for name in required if name in kwargs) != n_required:
            raise Slow
        return cls(**kwargs)

    return build


def _converter(tp: Any, name: str) -> Convert:
    """How a node becomes a value of type `tp` (a field's type hint) as `records.Reader.value` would make it."""
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        return _union(tp, name)
    if origin is tuple:
        return _tuple(_converter(typing.get_args(tp)[0], ""))
    if dataclasses.is_dataclass(tp):
        return compiled(typing.cast(type[Any], tp))
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _choice(tp)
    if tp is str:
        return _text(name.endswith(("id", "article")))
    if tp is bool:
        return _bool
    if tp is int:
        return _int
    raise TypeError(f"unsupported field type {tp!r}")  # pragma: no cover - programming error


def _union(tp: Any, name: str) -> Convert:
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    record = next((a for a in args if dataclasses.is_dataclass(a)), None)
    plain = [a for a in args if not dataclasses.is_dataclass(a)]
    as_record = _converter(record, name) if record is not None else None
    as_plain = _converter((plain or args)[0], name)

    def convert(node: yaml.Node) -> Any:
        if node.__class__ is _Scalar and node.tag == _NULL:
            return None
        if as_record is not None and node.__class__ is _Mapping:
            return as_record(node)
        return as_plain(node)

    return convert


def _tuple(inner: Convert) -> Convert:
    def convert(node: yaml.Node) -> Any:
        if node.__class__ is _Sequence and node.tag == _SEQ:
            return tuple([inner(child) for child in node.value])
        if node.__class__ is _Scalar and node.tag == _NULL:
            return ()
        raise Slow

    return convert


def _choice(tp: type[Enum]) -> Convert:
    members = {m.value: m for m in tp}

    def convert(node: yaml.Node) -> Any:
        if node.__class__ is _Scalar and node.tag == _STR:
            member = members.get(node.value)
            if member is not None:
                return member
        raise Slow

    return convert


def _text(id_like: bool) -> Convert:
    search = CONTROL_RE.search
    invisible = INVISIBLE_RE.search
    nfc = functools.partial(unicodedata.normalize, "NFC")

    def convert(node: yaml.Node) -> Any:
        if node.__class__ is not _Scalar:
            raise Slow
        if node.tag == _STR:
            value: str = node.value
            if search(value) is not None or invisible(value) is not None or not value.strip():
                raise Slow
            return nfc(value)  # as `records.Reader` reads it: one Unicode form
        if node.tag == _INT and not id_like:
            return str(_scalar(node))
        if node.tag == _TIMESTAMP:
            date = _scalar(node)
            assert isinstance(date, dt.date)
            return date.isoformat()
        raise Slow

    return convert


def _bool(node: yaml.Node) -> Any:
    if node.__class__ is _Scalar and node.tag == _BOOL:
        return _scalar(node)
    raise Slow


def _int(node: yaml.Node) -> Any:
    if node.__class__ is _Scalar and node.tag == _INT:
        return _scalar(node)
    raise Slow


def _scalar(node: yaml.Node) -> Any:
    """A scalar of the safe schema as PyYAML builds it; `Slow` when Python cannot hold it (2025-13-45, 5000 digits)."""
    try:
        value = _constructor.yaml_constructors[node.tag](_constructor, node)
    except Exception:  # the located reader says what is wrong with it
        raise Slow from None
    if too_long_integer(node, value):  # 0xfff… past what Python writes out: the located reader says so
        raise Slow
    return value
