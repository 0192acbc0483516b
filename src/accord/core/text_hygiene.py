"""What may enter accord as text, decided once for the pages, the API and the command line.

Every action that takes text passes it through `clean_text` before anything is checked or
stored. The text is normalised to Unicode NFC, so that the same words are the same code
points whichever keyboard or word processor typed them, and a character that has no place in
the record is refused, naming it (`UnsafeCharacter`):

- control characters (C0, DEL and C1, NUL among them) — only tab and line breaks, and only in
  text that may span lines;
- lone surrogates (halves of a UTF-16 pair, which are not characters) and the Unicode
  non-characters (U+FDD0 to U+FDEF and every code point ending in FFFE or FFFF);
- bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which make
  text display in another order than the one stored and signed;
- invisible characters (format characters such as the zero-width space, the word joiner, the
  byte order mark, the soft hyphen and tag characters, and the Hangul fillers), which make two
  texts differ without looking different.

Two kinds of invisible character are let through because real text needs them: the zero-width
joiner and non-joiner between two letters (Persian, Arabic-script and Indic words are spelt
with them), and, in attributed prose only (`TextKind.PROSE`), the direction marks LRM, RLM and
ALM and the variation selectors. `visible` drops exactly those, so the checks for empty and
unchanged text compare what a reader sees.
"""

import dataclasses
import functools
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from accord.core.errors import Refusal
from accord.core.provisions import TitleBlock, Version


class TextKind(StrEnum):
    """What a field holds, which decides the characters it accepts."""

    LINE = "line"
    """One line: titles, labels, symbols, names. No tab, no line break."""
    WORDING = "wording"
    """Text under negotiation (a proposal's wording, a draft): may span lines."""
    PROSE = "prose"
    """Attributed free text (statements, letters, notes): may span lines and carry direction
    marks and variation selectors."""


class Unsafe(StrEnum):
    """Why a character was refused (`UnsafeCharacter.problem`)."""

    CONTROL = "control"
    LINE_BREAK = "line-break"
    SURROGATE = "surrogate"
    NONCHARACTER = "noncharacter"
    BIDI = "bidi-control"
    INVISIBLE = "invisible"


@dataclass(slots=True, unsafe_hash=True)
class UnsafeCharacter(Refusal):
    """Text given for ``field`` holds a character accord does not accept: ``codepoint`` at
    ``position`` (counted from 1 in the normalised text), refused as ``problem`` (`Unsafe`).
    ``where`` is the label of the provision whose text it is, when it is one of a draft's."""

    field: str
    codepoint: int
    position: int
    problem: str
    where: str = ""
    code = "unsafe-character"

    def params(self) -> dict[str, object]:
        return {
            "field": self.field,
            "character": f"U+{self.codepoint:04X}",
            "name": unicodedata.name(chr(self.codepoint), ""),
            "position": self.position,
            "problem": self.problem,
            "where": self.where,
        }


_LINE_BREAKS = frozenset("\t\n\r")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_JOINERS = frozenset("\u200c\u200d")
_DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")
# Format characters (category Cf) that are seen: the Arabic, Syriac and Kaithi signs written
# before a number, which are printed as signs.
_VISIBLE_FORMAT = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2")
_VISIBLE_FORMAT |= frozenset("\U000110bd\U000110cd")
# Default-ignorable characters that are not format characters: the combining grapheme joiner,
# the Hangul fillers and the Khmer inherent vowels, all shown as nothing.
_OTHER_INVISIBLE = frozenset("\u034f\u115f\u1160\u3164\uffa0\u17b4\u17b5")


def _is_variation_selector(char: str) -> bool:
    return "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"


def _is_noncharacter(char: str) -> bool:
    point = ord(char)
    return 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE


def _is_letter(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def _problem(text: str, index: int, kind: TextKind) -> Unsafe | None:
    """Why the character at ``index`` is refused in text of ``kind``, or None."""
    char = text[index]
    category = unicodedata.category(char)
    if char in _LINE_BREAKS or category in ("Zl", "Zp"):
        return Unsafe.LINE_BREAK if kind is TextKind.LINE else None
    if category == "Cc":
        return Unsafe.CONTROL
    if category == "Cs":
        return Unsafe.SURROGATE
    if _is_noncharacter(char):
        return Unsafe.NONCHARACTER
    if char in _BIDI_CONTROLS or (char in _DIRECTION_MARKS and kind is not TextKind.PROSE):
        return Unsafe.BIDI
    if char in _JOINERS:
        between = 0 < index < len(text) - 1
        joins = between and _is_letter(text[index - 1]) and _is_letter(text[index + 1])
        return None if joins else Unsafe.INVISIBLE
    if _is_variation_selector(char):
        return None if kind is TextKind.PROSE else Unsafe.INVISIBLE
    if char in _OTHER_INVISIBLE or (category == "Cf" and char not in _VISIBLE_FORMAT):
        return None if char in _DIRECTION_MARKS else Unsafe.INVISIBLE
    return None


def clean_text(text: str, *, field: str, kind: TextKind = TextKind.WORDING) -> str:
    """``text`` normalised to NFC; `UnsafeCharacter` naming the first character refused.

    ``field`` names the field the text was given for, so the refusal can say where it is.
    """
    normalised = unicodedata.normalize("NFC", text)
    for index in range(len(normalised)):
        problem = _problem(normalised, index, kind)
        if problem is not None:
            raise UnsafeCharacter(field, ord(normalised[index]), index + 1, problem)
    return normalised


def clean_trimmed(text: str, *, field: str, kind: TextKind = TextKind.PROSE) -> str:
    """`clean_text` without surrounding blanks; empty when a reader would see nothing in it
    (only direction marks, say), so the caller's check for empty text refuses it."""
    cleaned = clean_text(text, field=field, kind=kind).strip()
    return cleaned if visible(cleaned).strip() else ""


def clean_texts(texts: tuple[str, ...], *, field: str, kind: TextKind) -> tuple[str, ...]:
    """`clean_text` on each of ``texts`` (the alternatives of a proposal, say)."""
    return tuple(clean_text(text, field=field, kind=kind) for text in texts)


_ALLOWED_INVISIBLE = _JOINERS | _DIRECTION_MARKS


def visible(text: str) -> str:
    """``text`` without the invisible characters `clean_text` lets through, normalised to
    NFC: what the checks for empty and unchanged text compare."""
    kept = (c for c in text if c not in _ALLOWED_INVISIBLE and not _is_variation_selector(c))
    return unicodedata.normalize("NFC", "".join(kept))


def clean_version(version: Version) -> Version:
    """``version`` with its title and every provision's label and text cleaned
    (`clean_text`): a draft typed, pasted or imported from a file is text under negotiation.
    A refusal names the provision (`UnsafeCharacter.where`)."""
    provisions = []
    for provision in version.provisions:
        try:
            label = clean_text(provision.label, field="label", kind=TextKind.LINE)
            text = clean_text(provision.text, field="text")
        except UnsafeCharacter as refusal:
            raise dataclasses.replace(refusal, where=provision.label) from None
        provisions.append(dataclasses.replace(provision, label=label, text=text))
    title = clean_text(version.title, field="title", kind=TextKind.LINE)
    block = version.title_block
    if block is not None:
        line = functools.partial(clean_text, field="title", kind=TextKind.LINE)
        block = TitleBlock(
            line(block.body),
            line(block.session),
            line(block.agenda_item),
            tuple(line(s) for s in block.sponsors),
        )
    return Version(title=title, provisions=tuple(provisions), title_block=block)
