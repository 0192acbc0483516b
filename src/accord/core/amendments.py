"""Word-level amendments derived from the wording a delegation proposes.

A delegation never writes "insert X after Y"; it edits the paragraph, and the engine derives
the operations. Applying the derived amendment to the old text gives exactly the proposed
wording, character for character.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import Indel

from accord.core.errors import AmendmentDoesNotApply
from accord.core.provisions import content_hash

# Words (with inner apostrophes or hyphens) and single punctuation marks, each with the white
# space that follows it, plus any leading white space: together they cover every character,
# so joining the tokens gives the text back. Keeping the space with its word stops the
# alignment from matching spaces instead of words.
_TOKEN = re.compile(r"\w+(?:['\u2019-]\w+)*\s*|[^\w\s]\s*|\s+")


def tokenize(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text))


class OpKind(StrEnum):
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


@dataclass(frozen=True, slots=True)
class WordOp:
    """Replace tokens ``start:end`` of the old text (``old``) with ``new``."""

    kind: OpKind
    start: int
    end: int
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Amendment:
    """The operations that turn the text with hash ``base_hash`` into the proposed wording."""

    base_hash: str
    ops: tuple[WordOp, ...]

    @property
    def is_empty(self) -> bool:
        return not self.ops


class MarkKind(StrEnum):
    SAME = "same"
    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class Mark:
    """A run of text in a redline: kept, inserted (underlined) or deleted (struck through)."""

    kind: MarkKind
    text: str


def derive_amendment(old: str, new: str) -> Amendment:
    """The word-level operations that turn ``old`` into ``new``."""
    a, b = tokenize(old), tokenize(new)
    ops = tuple(
        WordOp(_kind(i1, i2, j1, j2), i1, i2, "".join(a[i1:i2]), "".join(b[j1:j2]))
        for i1, i2, j1, j2 in _changed_spans(a, b)
    )
    return Amendment(base_hash=content_hash(old), ops=ops)


def _kind(i1: int, i2: int, j1: int, j2: int) -> OpKind:
    if i1 == i2:
        return OpKind.INSERT
    if j1 == j2:
        return OpKind.DELETE
    return OpKind.REPLACE


def _changed_spans(a: tuple[str, ...], b: tuple[str, ...]) -> list[tuple[int, int, int, int]]:
    """Spans that differ, joining neighbours separated only by white space.

    A reader sees "~~should~~ __shall__ ~~be~~ __become__" as two edits of one phrase; joining
    them across the single space gives the redline negotiators expect.
    """
    spans: list[list[int]] = []
    last_equal: tuple[int, int] | None = None
    for op in Indel.opcodes(a, b):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            last_equal = (i1, i2)
            continue
        joinable = last_equal is None or all(t.isspace() for t in a[last_equal[0] : last_equal[1]])
        if spans and joinable and spans[-1][1] >= (last_equal or (i1, i1))[0]:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
        last_equal = None
    return [(s[0], s[1], s[2], s[3]) for s in spans]


def apply_amendment(old: str, amendment: Amendment) -> str:
    """The text that results from applying ``amendment`` to ``old``.

    Raises `AmendmentDoesNotApply` when the words an operation changes are not there.
    """
    tokens = tokenize(old)
    out: list[str] = []
    cursor = 0
    for op in amendment.ops:
        found = "".join(tokens[op.start : op.end])
        if op.start < cursor or op.end > len(tokens) or found != op.old:
            raise AmendmentDoesNotApply(expected=op.old, found=found)
        out.extend(tokens[cursor : op.start])
        out.append(op.new)
        cursor = op.end
    out.extend(tokens[cursor:])
    return "".join(out)


def redline_marks(old: str, amendment: Amendment) -> tuple[Mark, ...]:
    """``old`` with the amendment shown as deletions and insertions, in reading order."""
    tokens = tokenize(old)
    marks: list[Mark] = []
    cursor = 0
    for op in amendment.ops:
        if op.start > cursor:
            marks.append(Mark(MarkKind.SAME, "".join(tokens[cursor : op.start])))
        if op.old:
            marks.append(Mark(MarkKind.DELETED, op.old))
        if op.new:
            marks.append(Mark(MarkKind.INSERTED, op.new))
        cursor = op.end
    if cursor < len(tokens):
        marks.append(Mark(MarkKind.SAME, "".join(tokens[cursor:])))
    return tuple(marks)
