"""Escaping text for XML and HTML written as strings (faster than building trees)."""

import re

# Characters XML 1.0 cannot carry at all; they are dropped rather than written.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text: str) -> str:
    """``text`` safe inside an element or a double-quoted attribute."""
    return (
        _INVALID.sub("", text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )
