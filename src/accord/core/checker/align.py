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
# The piece running this many more words than the provision may be quoting another one.
_INSERTED = 6
# How many regions of a provision are aligned again, largest first.
_REGIONS = 3


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

    A first alignment over the whole provision finds the regions the piece matches; the
    alignment is then redone within each of the largest few, so that matches spread over two
    sentences that repeat each other are gathered in one, and the region matching the most
    words wins.
    """
    clusters = _clusters(piece, _blocks(piece, source))
    found: list[Located] = []
    for cluster in sorted(clusters, key=_size, reverse=True)[:_REGIONS]:
        lo = max(0, cluster[0][2] - cluster[0][0] - _NEAR)
        hi = min(len(source), cluster[-1][3] + len(piece) - cluster[-1][1] + _NEAR)
        located = _locate_in(piece, source[lo:hi], lo)
        if located is not None:
            found.append(located)
    return max(found, key=lambda f: (f.matched, f.b0 - f.b1, -f.b0), default=None)


Block = tuple[int, int, int, int]


def _blocks(piece: Sequence[int], source: Sequence[int]) -> list[Block]:
    return [
        (op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Indel.opcodes(piece, source)
        if op.tag == EQUAL
    ]


def _anchors(piece: Sequence[int], blocks: list[Block]) -> list[Block]:
    """Runs of two words or more; a one-word piece may anchor on one word."""
    anchors = [b for b in blocks if b[1] - b[0] >= 2]
    return anchors or (blocks if len(piece) == 1 else [])


def _size(cluster: list[Block]) -> int:
    return sum(b[1] - b[0] for b in cluster)


def _clusters(piece: Sequence[int], blocks: list[Block]) -> list[list[Block]]:
    """Anchors grouped into regions, cut where the provision jumps ahead of the piece."""
    anchors = _anchors(piece, blocks)
    if not anchors:
        return []
    clusters = [[anchors[0]]]
    for before, after in itertools.pairwise(anchors):
        skew = (after[2] - before[3]) - (after[0] - before[1])
        if skew > _JUMP or -skew > _INSERTED:
            clusters.append([])
        clusters[-1].append(after)
    return clusters


def _locate_in(piece: Sequence[int], source: Sequence[int], offset: int) -> Located | None:
    blocks = _blocks(piece, source)
    clusters = _clusters(piece, blocks)
    if not clusters:
        return None
    cluster = max(clusters, key=_size)
    chain = _chain(piece, source, blocks, cluster[0], cluster[-1])
    matched = sum(b[1] - b[0] for b in chain)
    return Located(chain[0][0], chain[-1][1], offset + chain[0][2], offset + chain[-1][3], matched)


def _chain(
    piece: Sequence[int], source: Sequence[int], blocks: list[Block], first: Block, last: Block
) -> list[Block]:
    """The matching blocks from ``first`` to ``last``, grown by the words right next to them
    and widened by single matching words nearby ("States" before "should not")."""
    head = _grow(piece, source, first, step=-1)
    tail = head if first == last else _grow(piece, source, last, step=1)
    if first == last:
        head = tail = _grow(piece, source, head, step=1)
    inner = [b for b in blocks if head[1] <= b[0] and b[1] <= tail[0] and head[3] <= b[2]]
    inner = [b for b in inner if b[3] <= tail[2]]
    before = [b for b in blocks if b[1] <= head[0] and b[3] <= head[2]]
    after = [b for b in blocks if b[0] >= tail[1] and b[2] >= tail[3]]
    chain = [head, *inner, *([tail] if tail != head else [])]
    while before and _near(before[-1], chain[0]):
        chain.insert(0, before.pop())
    while after and _near(chain[-1], after[0]):
        chain.append(after.pop(0))
    return chain


def _grow(piece: Sequence[int], source: Sequence[int], block: Block, *, step: int) -> Block:
    """``block`` extended while the next words of both are the same word."""
    a0, a1, b0, b1 = block
    if step < 0:
        while a0 > 0 and b0 > 0 and piece[a0 - 1] == source[b0 - 1]:
            a0, b0 = a0 - 1, b0 - 1
    else:
        while a1 < len(piece) and b1 < len(source) and piece[a1] == source[b1]:
            a1, b1 = a1 + 1, b1 + 1
    return (a0, a1, b0, b1)


def _near(before: Block, after: Block) -> bool:
    return after[0] - before[1] <= _NEAR and after[2] - before[3] <= _NEAR_SOURCE


def opcodes(piece: Sequence[int], source: Sequence[int], a0: int, b0: int) -> tuple[Op, ...]:
    """The alignment of ``piece`` with ``source``, positions offset by ``a0`` and ``b0``."""
    return tuple(
        Op(op.tag, a0 + op.src_start, a0 + op.src_end, b0 + op.dest_start, b0 + op.dest_end)
        for op in Indel.opcodes(piece, source)
    )
