"""Word alignment of a piece of a passage with one provision.

The alignment is a longest-common-subsequence alignment (rapidfuzz's Indel opcodes) over
vocabulary ids. Stray single-word matches far from the quoted region ("the", "of") are set
aside: the quoted window of the provision runs from the first to the last run of at least two
matching words.
"""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

EQUAL = "equal"
# A single matching word this close to the quoted region belongs to it.
_NEAR = 2
_NEAR_SOURCE = 6
# The provision skipping this many more words than the passage starts another region.
_JUMP = 12


@dataclass(frozen=True, slots=True)
class Op:
    """Words ``a0:a1`` of the piece against words ``b0:b1`` of the provision."""

    tag: str
    a0: int
    a1: int
    b0: int
    b1: int


@dataclass(frozen=True, slots=True)
class Located:
    """Where a piece meets a provision: piece words ``a0:a1`` match inside window ``b0:b1``."""

    a0: int
    a1: int
    b0: int
    b1: int
    matched: int

    def similarity(self, length: int) -> float:
        """Share of matching words between ``length`` piece words and the window."""
        return 2 * self.matched / (length + self.b1 - self.b0) if length else 0.0


def locate(piece: Sequence[int], source: Sequence[int]) -> Located | None:
    """Where ``piece`` meets ``source``, or None when they share no run of two words.

    A first alignment finds the densest region; a second one, confined to that region, stops
    the alignment from pairing the piece's opening words with an earlier sentence.
    """
    first = _locate_in(piece, source, 0)
    if first is None:
        return None
    lo = max(0, first.b0 - first.a0 - _NEAR)
    hi = min(len(source), first.b1 + len(piece) - first.a1 + _NEAR)
    if (lo, hi) == (0, len(source)):
        return first
    return _locate_in(piece, source[lo:hi], lo) or first


Block = tuple[int, int, int, int]


def _locate_in(piece: Sequence[int], source: Sequence[int], offset: int) -> Located | None:
    blocks: list[Block] = [
        (op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Indel.opcodes(piece, source)
        if op.tag == EQUAL
    ]
    anchors = [b for b in blocks if b[1] - b[0] >= 2]
    if not anchors:
        if len(piece) > 1 or not blocks:
            return None
        anchors = blocks
    cluster = _densest(anchors)
    first, last = _widen(blocks, blocks.index(cluster[0]), blocks.index(cluster[-1]))
    a0, b0 = blocks[first][0], blocks[first][2]
    a1, b1 = blocks[last][1], blocks[last][3]
    matched = sum(b[1] - b[0] for b in blocks[first : last + 1])
    return Located(a0, a1, offset + b0, offset + b1, matched)


def _densest(anchors: list[Block]) -> list[Block]:
    """The run of anchors with the most words, cut where the provision jumps ahead."""
    clusters = [[anchors[0]]]
    for before, after in itertools.pairwise(anchors):
        if (after[2] - before[3]) - (after[0] - before[1]) > _JUMP:
            clusters.append([])
        clusters[-1].append(after)
    return max(clusters, key=lambda c: sum(b[1] - b[0] for b in c))


def _widen(blocks: list[tuple[int, int, int, int]], first: int, last: int) -> tuple[int, int]:
    """Take in single matching words just outside the anchors ("States" before "should not")."""
    while first > 0 and _near(blocks[first - 1], blocks[first]):
        first -= 1
    while last < len(blocks) - 1 and _near(blocks[last], blocks[last + 1]):
        last += 1
    return first, last


def _near(before: tuple[int, int, int, int], after: tuple[int, int, int, int]) -> bool:
    return after[0] - before[1] <= _NEAR and after[2] - before[3] <= _NEAR_SOURCE


def opcodes(piece: Sequence[int], source: Sequence[int], a0: int, b0: int) -> tuple[Op, ...]:
    """The alignment of ``piece`` with ``source``, positions offset by ``a0`` and ``b0``."""
    return tuple(
        Op(op.tag, a0 + op.src_start, a0 + op.src_end, b0 + op.dest_start, b0 + op.dest_end)
        for op in Indel.opcodes(piece, source)
    )
