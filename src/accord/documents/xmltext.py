"""Escaping text for XML and HTML written as strings (faster than building trees), and
making any value an exporter is given safe to write as XML."""

import dataclasses
import re
from enum import Enum
from typing import Any

# Characters XML 1.0 cannot carry at all (nor UTF-8, for the lone surrogates); they are
# dropped rather than written.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def esc(text: str) -> str:
    """``text`` safe inside an element or a double-quoted attribute."""
    return (
        _INVALID.sub("", text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def scrub[T](value: T) -> T:
    """``value`` with every string in it stripped of what XML cannot carry, walking
    dataclasses, tuples, lists and dicts; the very same object when nothing needed it.

    Text entering accord today is refused with such characters (`accord.core.text_hygiene`),
    but text stored before that rule may hold one, and an export must never fail on it.
    """
    return _scrub(value)  # type: ignore[no-any-return]


def _scrub(value: Any) -> Any:
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return _INVALID.sub("", value) if _INVALID.search(value) else value
    if isinstance(value, tuple | list | frozenset | set):
        items = [_scrub(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    if isinstance(value, dict):
        pairs = [(_scrub(k), _scrub(v)) for k, v in value.items()]
        if all(k is a and v is b for (k, v), (a, b) in zip(pairs, value.items(), strict=True)):
            return value
        return dict(pairs)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {}
        for field in dataclasses.fields(value):
            if field.init:
                old = getattr(value, field.name)
                new = _scrub(old)
                if new is not old:
                    changed[field.name] = new
        return dataclasses.replace(value, **changed) if changed else value
    return value
