"""Footnotes inside a provision's text.

A provision's text is one string, so a footnote travels inside it as an inline note in the
Pandoc Markdown form ``^[text of the note]``, where its reference mark stands. Every exporter
turns these back into real footnotes (Word footnotes, PDF footnotes, Akoma Ntoso
``authorialNote``); the text and its hash keep the note, so a note is negotiated like the rest.
"""

from dataclasses import dataclass

_OPEN = "^["


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a provision's text: plain words, or the text of a footnote."""

    text: str
    is_note: bool = False


def split_notes(text: str) -> tuple[Segment, ...]:
    """``text`` cut into plain runs and footnotes, in reading order."""
    if _OPEN not in text:
        return (Segment(text),) if text else ()
    segments: list[Segment] = []
    cursor = 0
    while (start := text.find(_OPEN, cursor)) != -1:
        end = _closing(text, start + 2)
        if end == -1:
            break
        if start > cursor:
            segments.append(Segment(text[cursor:start]))
        segments.append(Segment(text[start + 2 : end], is_note=True))
        cursor = end + 1
    if cursor < len(text):
        segments.append(Segment(text[cursor:]))
    return tuple(segments)


def _closing(text: str, index: int) -> int:
    """The index of the ``]`` that closes a note opened just before ``index``, or -1."""
    depth = 0
    for position in range(index, len(text)):
        char = text[position]
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return position
            depth -= 1
    return -1


def note(text: str) -> str:
    """The inline form of a footnote with this text."""
    return f"{_OPEN}{' '.join(text.split())}]"


def plain(text: str) -> str:
    """The text without its footnotes, as a reader of the body sees it."""
    return "".join(s.text for s in split_notes(text) if not s.is_note)


def without_notes(text: str) -> str:
    """``text`` with its footnotes left out (the words the checker compares)."""
    return " ".join("".join(s.text for s in split_notes(text) if not s.is_note).split())
