"""Stable digests of plain data: what an output's inputs looked like.

``stamp(value)`` is a 16-byte BLAKE2b digest of a canonical encoding of ``value``
(model dataclasses, tuples, mappings, strings, dates…). Equal values give equal
stamps in every process, whatever ``PYTHONHASHSEED`` is, so stamps can be kept in
the on-disk cache. A frozen dataclass remembers its own stamp, since the model
never changes once built.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from enum import Enum
from pathlib import PurePath
from typing import Any

_MEMO = "_kimpress_stamp"
DIGEST_SIZE = 16


def stamp(value: Any) -> bytes:
    """The digest of ``value``; raises ``TypeError`` for a type it cannot encode faithfully."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _dataclass_stamp(value)
    hasher = hashlib.blake2b(digest_size=DIGEST_SIZE)
    _feed(hasher, value)
    return hasher.digest()


def stamp_all(*values: Any) -> bytes:
    """One digest of several values, in order."""
    return stamp(values)


def _dataclass_stamp(value: Any) -> bytes:
    memo = getattr(value, "__dict__", {}).get(_MEMO)
    if memo is not None:
        return memo
    hasher = hashlib.blake2b(digest_size=DIGEST_SIZE)
    hasher.update(type(value).__qualname__.encode())
    for field in dataclasses.fields(value):
        hasher.update(b"\x1f")
        _feed(hasher, getattr(value, field.name))
    digest = hasher.digest()
    params = getattr(value, "__dataclass_params__", None)
    if params is not None and params.frozen and hasattr(value, "__dict__"):
        value.__dict__[_MEMO] = digest  # frozen: the fields can never change
    return digest


def _feed(hasher: Any, value: Any) -> None:
    kind = type(value)
    if kind is str:
        data = value.encode("utf-8", "surrogatepass")
        hasher.update(b"s%d:" % len(data))
        hasher.update(data)
    elif kind is tuple or kind is list:
        hasher.update(b"(%d:" % len(value))
        try:  # most often a list of articles that know their stamps: join them in one go
            hasher.update(b"".join([b"D" + item.__dict__[_MEMO] for item in value]))
        except (AttributeError, KeyError):
            for item in value:
                _feed(hasher, item)
        hasher.update(b")")
    elif value is None:
        hasher.update(b"N")
    elif kind is bytes:
        hasher.update(b"b%d:" % len(value))
        hasher.update(value)
    elif kind is dict and all(type(key) is str for key in value):
        hasher.update(b"{%d:" % len(value))
        for key in value:  # in order: a theme that loops over a mapping shows its order
            _feed(hasher, key)
            _feed(hasher, value[key])
        hasher.update(b"}")
    elif "_kimpress_stamp" in getattr(value, "__dict__", ()):
        hasher.update(b"D")
        hasher.update(value.__dict__[_MEMO])
    else:
        _feed_other(hasher, value)


def _feed_other(hasher: Any, value: Any) -> None:
    update = hasher.update
    if value is True or value is False:
        update(b"T" if value else b"F")
    elif isinstance(value, str):
        _feed(hasher, str(value))
    elif isinstance(value, Enum):
        update(b"e")
        _feed(hasher, value.value)
    elif isinstance(value, (int, float)):
        update(b"n" + repr(value).encode() + b";")
    elif isinstance(value, bytes):
        update(b"b%d:" % len(value))
        update(value)
    elif isinstance(value, (tuple, list)):
        _feed(hasher, list(value))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        update(b"D")
        update(_dataclass_stamp(value))
    elif isinstance(value, Mapping):
        update(b"{%d:" % len(value))
        for key in value:  # in order, as for dicts
            _feed(hasher, key)
            _feed(hasher, value[key])
        update(b"}")
    elif isinstance(value, (set, frozenset)):
        update(b"<")
        for item in sorted(value, key=repr):
            _feed(hasher, item)
        update(b">")
    elif isinstance(value, (datetime, date, time)):
        update(b"d" + value.isoformat().encode() + b";")
        if isinstance(value, (datetime, time)):
            _feed(hasher, value.tzinfo)
    elif isinstance(value, tzinfo):
        update(b"z" + str(getattr(value, "key", value)).encode() + b";")
    elif isinstance(value, timedelta):
        update(b"t" + repr(value.total_seconds()).encode() + b";")
    elif isinstance(value, PurePath):
        _feed(hasher, value.as_posix())
    else:
        raise TypeError(f"cannot stamp a {type(value).__name__}")


_SCALARS = (str, int, float, bool, bytes, type(None))


def same(a: Any, b: Any) -> bool:
    """Whether ``a`` and ``b`` would get the same stamp, decided without digesting them.

    Stricter than ``==``: ``1``, ``1.0`` and ``True`` differ, and so do equal
    moments written with different time zones.
    """
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is float:
        return repr(a) == repr(b)  # 0.0 and -0.0 are equal but are stamped apart
    if kind in _SCALARS:
        return a == b
    if kind is tuple or kind is list:
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if kind is dict and all(type(key) is str for key in a) and all(type(key) is str for key in b):
        return list(a) == list(b) and all(same(value, b[key]) for key, value in a.items())
    fields = getattr(kind, "__dataclass_fields__", None)
    if fields is not None:
        memo_a, memo_b = a.__dict__.get(_MEMO), getattr(b, "__dict__", {}).get(_MEMO)
        if memo_a is not None and memo_b is not None:
            return memo_a == memo_b
        return all(same(getattr(a, name), getattr(b, name)) for name in fields)
    return stamp(a) == stamp(b)
