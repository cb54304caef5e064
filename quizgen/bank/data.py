"""Records as plain data and back: what the bank cache stores (JSON) and what `dumps_yaml` writes. No YAML here,
so the quiz's start-up reads its cached items without importing a YAML parser."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any

__all__ = ["fields_of", "from_data", "to_data"]

_FIELDS: dict[type[Any], tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]] = {}


def fields_of(cls: type[Any]) -> tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]:
    """A record type's resolved type hints and its fields by name: worked out once per type, not per record."""
    if cls not in _FIELDS:
        _FIELDS[cls] = typing.get_type_hints(cls), {f.name: f for f in dataclasses.fields(cls)}
    return _FIELDS[cls]


def to_data(obj: Any) -> Any:
    """Model -> plain YAML-able data, omitting fields left at their defaults."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            val = getattr(obj, f.name)
            if f.default is not dataclasses.MISSING and val == f.default:
                continue
            out[f.name] = to_data(val)
        return out
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, tuple | list):
        return [to_data(v) for v in obj]
    return obj


def from_data(cls: type[Any], data: Any) -> Any:
    """Plain data made by `to_data` -> the `cls` record again (for data quizgen wrote itself: the bank cache).
    Data of another shape raises TypeError, ValueError or KeyError."""
    return _from_data(cls)(data)


_FROM: dict[Any, Callable[[Any], Any]] = {}


def _from_data(tp: Any) -> Callable[[Any], Any]:
    if tp not in _FROM:
        _FROM[tp] = _make_from_data(tp)
    return _FROM[tp]


def _make_from_data(tp: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        record = next((a for a in args if dataclasses.is_dataclass(a)), None)
        plain = next((a for a in args if not dataclasses.is_dataclass(a)), record)
        as_record = _from_data(record) if record is not None else None
        as_plain = _from_data(plain)
        return lambda v: None if v is None else as_record(v) if as_record is not None and isinstance(v, dict) else as_plain(v)
    if origin is tuple:
        inner = _from_data(typing.get_args(tp)[0])
        return lambda v: tuple([inner(x) for x in v]) if isinstance(v, list) else _wrong(tp, v)
    if dataclasses.is_dataclass(tp):
        cls = typing.cast(type[Any], tp)
        hints, _ = fields_of(cls)
        fields = {name: _from_data(hint) for name, hint in hints.items()}
        return lambda v: cls(**{k: fields[k](x) for k, x in v.items()}) if isinstance(v, dict) else _wrong(tp, v)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return typing.cast(Callable[[Any], Any], tp)
    if tp in (str, int, bool):
        return lambda v: v if type(v) is tp else _wrong(tp, v)
    raise TypeError(f"unsupported field type {tp!r}")  # pragma: no cover - programming error


def _wrong(tp: Any, value: Any) -> Any:
    raise TypeError(f"expected {tp!r}, not {value!r}")
