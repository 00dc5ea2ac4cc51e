"""Indented JSON text, as ``json.dumps(obj, indent=2, ensure_ascii=False,
allow_nan=False)`` writes it, byte for byte, about four times faster.

The standard library encodes in C only without ``indent``; with it, every
value goes through nested Python generators, which made rendering 5 800
findings of a large corpus take two seconds. Here each container is one
function call that joins its parts, and strings are escaped by the same C
function the standard encoder uses.
"""
from __future__ import annotations

import json.encoder
from typing import Any

_escape = json.encoder.encode_basestring  # the C escaper when available; non-ASCII kept
_float_repr = float.__repr__
_int_repr = int.__repr__
_INFINITY = float("inf")


def dumps(obj: Any, indent: int = 2) -> str:
    """``obj`` (dicts with string keys, lists, tuples, strings, numbers, booleans,
    None) as JSON text indented by ``indent`` spaces; NaN and infinities are refused."""
    parts: list[str] = []
    _value(obj, parts, "\n", " " * indent)
    return "".join(parts)


def _value(obj: Any, parts: list[str], newline: str, step: str) -> None:
    kind = type(obj)
    if kind is dict:
        _object(obj, parts, newline, step)
    elif kind is list or kind is tuple:
        _array(obj, parts, newline, step)
    elif isinstance(obj, dict):
        _object(obj, parts, newline, step)
    elif isinstance(obj, (list, tuple)):
        _array(obj, parts, newline, step)
    else:
        parts.append(_scalar(obj))


def _scalar(obj: Any) -> str:
    kind = type(obj)
    if kind is str:
        return _escape(obj)
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, int):
        return _int_repr(obj)
    if isinstance(obj, float):
        if obj != obj or obj == _INFINITY or obj == -_INFINITY:
            raise ValueError(f"Out of range float values are not JSON compliant: {obj!r}")
        return _float_repr(obj)
    if isinstance(obj, str):
        return _escape(obj)
    raise TypeError(f"Object of type {kind.__name__} is not JSON serializable")


# The keys of a report are few and repeated thousands of times: escaped once each.
_KEYS: dict[str, str] = {}


def _key(key: Any) -> str:
    if type(key) is not str and not isinstance(key, str):
        raise TypeError(f"keys must be str, not {type(key).__name__}")
    text = _KEYS.get(key)
    if text is None:
        text = _escape(key) + ": "
        if len(_KEYS) < 4096:
            _KEYS[key] = text
    return text


def _object(obj: dict, parts: list[str], newline: str, step: str) -> None:
    if not obj:
        parts.append("{}")
        return
    inner = newline + step
    separator = "," + inner
    append = parts.append
    append("{" + inner)
    first = True
    for key, value in obj.items():
        if first:
            first = False
        else:
            append(separator)
        text = _KEYS.get(key) if type(key) is str else None
        append(text if text is not None else _key(key))
        kind = type(value)
        if kind is str:
            append(_escape(value))
        elif kind is dict or kind is list or kind is tuple or isinstance(value, (dict, list, tuple)):
            _value(value, parts, inner, step)
        else:
            append(_scalar(value))
    append(newline + "}")


def _array(obj: list | tuple, parts: list[str], newline: str, step: str) -> None:
    if not obj:
        parts.append("[]")
        return
    inner = newline + step
    separator = "," + inner
    append = parts.append
    append("[" + inner)
    first = True
    for value in obj:
        if first:
            first = False
        else:
            append(separator)
        kind = type(value)
        if kind is str:
            append(_escape(value))
        elif kind is dict or kind is list or kind is tuple or isinstance(value, (dict, list, tuple)):
            _value(value, parts, inner, step)
        else:
            append(_scalar(value))
    append(newline + "]")
