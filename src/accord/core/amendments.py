"""Word-level amendments derived from the wording a delegation proposes.

A delegation never writes "insert X after Y"; it edits the paragraph, and the engine derives
the operations. Applying the derived amendment to the old text gives exactly the proposed
wording, character for character.
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise
from typing import cast

from rapidfuzz.distance import Indel

from accord.core.errors import (
    AmendmentDoesNotApply,
    AmendmentForOtherText,
    OverlappingOperations,
)
from accord.core.provisions import content_hash

# Words (with inner apostrophes or hyphens) and single punctuation marks, each with the white
# space that follows it, plus any leading white space: together they cover every character,
# so joining the tokens gives the text back. Keeping the space with its word stops the
# alignment from matching spaces instead of words.
_TOKEN = re.compile(r"\w+(?:['\u2019-]\w+)*\s*|[^\w\s]\s*|\s+")


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[str, ...]:
    """Words and punctuation, each with its following white space; they join back to ``text``.

    Cached: a compilation tokenizes each provision once for all the proposals on it.
    """
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
    return Amendment(base_hash=content_hash(old), ops=_ops(tokenize(old), tokenize(new)))


def _ops(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[WordOp, ...]:
    return tuple(
        WordOp(_kind(i1, i2, j1, j2), i1, i2, "".join(a[i1:i2]), "".join(b[j1:j2]))
        for i1, i2, j1, j2 in _changed_spans(a, b)
    )


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


def check_operations(ops: tuple[WordOp, ...]) -> None:
    """Raise `OverlappingOperations` unless the operations are in order and touch disjoint words.

    Two operations on the same words contradict each other; the engine refuses to pick one.
    Two insertions at the same point are ambiguous in order, so they are refused too.
    """
    for before, after in pairwise(ops):
        same_point = before.start == before.end == after.start
        if after.start < before.end or same_point:
            raise OverlappingOperations(first=before.start, second=after.start)


def apply_amendment(old: str, amendment: Amendment) -> str:
    """The text that results from applying ``amendment`` to ``old``.

    Raises `OverlappingOperations` for operations that contradict each other, and
    `AmendmentDoesNotApply` when the words an operation changes are not there, and
    `AmendmentForOtherText` when ``old`` is not the text the amendment was made on
    (`carry_amendment` restates an amendment on a later text).
    """
    check_operations(amendment.ops)
    tokens = tokenize(old)
    out: list[str] = []
    cursor = 0
    for op in amendment.ops:
        found = "".join(tokens[op.start : op.end])
        if op.end > len(tokens) or found != op.old:
            raise AmendmentDoesNotApply(expected=op.old, found=found)
        out.extend(tokens[cursor : op.start])
        out.append(op.new)
        cursor = op.end
    out.extend(tokens[cursor:])
    if content_hash(old) != amendment.base_hash:
        raise AmendmentForOtherText(expected=amendment.base_hash, found=content_hash(old))
    return "".join(out)


def redline_marks(old: str, amendment: Amendment) -> tuple[Mark, ...]:
    """``old`` with the amendment shown as deletions and insertions, in reading order."""
    return _marks(tokenize(old), amendment.ops)


def _marks(tokens: tuple[str, ...], ops: tuple[WordOp, ...]) -> tuple[Mark, ...]:
    marks: list[Mark] = []
    cursor = 0
    for op in ops:
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


def word_marks(old: str, new: str) -> tuple[Mark, ...]:
    """The redline of ``old`` against ``new``: kept, deleted and inserted runs in reading order.

    Joining the kept and deleted runs gives ``old``; joining the kept and inserted runs gives
    ``new``. Equal texts give one kept run (or none for two empty texts).
    """
    if old == new:
        return (Mark(MarkKind.SAME, old),) if old else ()
    if not old or not new:
        return (Mark(MarkKind.INSERTED, new),) if new else (Mark(MarkKind.DELETED, old),)
    a, b = tokenize(old), tokenize(new)
    # Straight from the spans to the marks: a version redline makes no operations.
    marks: list[Mark] = []
    cursor = 0
    for i1, i2, j1, j2 in _changed_spans(a, b):
        if i1 > cursor:
            marks.append(Mark(MarkKind.SAME, "".join(a[cursor:i1])))
        if i2 > i1:
            marks.append(Mark(MarkKind.DELETED, "".join(a[i1:i2])))
        if j2 > j1:
            marks.append(Mark(MarkKind.INSERTED, "".join(b[j1:j2])))
        cursor = i2
    if cursor < len(a):
        marks.append(Mark(MarkKind.SAME, "".join(a[cursor:])))
    return tuple(marks)


type Opcode = tuple[str, int, int, int, int]


def opcodes(a: tuple[str, ...], b: tuple[str, ...]) -> list[Opcode]:
    """rapidfuzz's Indel alignment of two token sequences as (tag, i1, i2, j1, j2) rows."""
    return cast(list[Opcode], Indel.opcodes(a, b).as_list())
