"""Carrying an amendment from the version it targeted onto a later version.

An operation carries over when the words it touches (and, for an insertion, the words on
either side of the point) are unchanged in the later text; it then moves to where those
words are now. When they changed, the engine refuses and names the words, rather than guess.
"""

from accord.core.amendments import Amendment, WordOp, opcodes, tokenize
from accord.core.errors import AmendmentCannotBeCarried, AmendmentForOtherText
from accord.core.provisions import content_hash

type Block = tuple[int, int, int]  # old start, old end, new start of a run of unchanged words


def carry_amendment(amendment: Amendment, old: str, new: str) -> Amendment:
    """``amendment`` of ``old`` restated as an amendment of ``new``.

    Raises `AmendmentForOtherText` when ``old`` is not the text the amendment was made on, and
    `AmendmentCannotBeCarried` when the words an operation touched changed in ``new``.
    """
    if content_hash(old) != amendment.base_hash:
        raise AmendmentForOtherText(expected=amendment.base_hash, found=content_hash(old))
    if old == new:
        return amendment
    a, b = tokenize(old), tokenize(new)
    blocks = _blocks(a, b)
    ops = tuple(_carry(op, blocks, a, len(b)) for op in amendment.ops)
    return Amendment(base_hash=content_hash(new), ops=ops)


def untouched(amendment: Amendment, old: str, new: str) -> tuple[bool, ...]:
    """For each operation of ``amendment`` (on ``old``), whether the words it touches stand
    unchanged in ``new``: what carrying needs, and what a fate reads as "not taken up"."""
    a, b = tokenize(old), tokenize(new)
    blocks = _blocks(a, b)
    return tuple(any(_holds(op, k, len(a), len(b)) for k in blocks) for op in amendment.ops)


def _blocks(a: tuple[str, ...], b: tuple[str, ...]) -> list[Block]:
    return [(i1, i2, j1) for tag, i1, i2, j1, _ in opcodes(a, b) if tag == "equal"]


def _holds(op: WordOp, block: Block, n_old: int, n_new: int) -> bool:
    """Whether the unchanged run ``block`` holds the words ``op`` touches.

    An insertion needs both neighbouring words in the run, or the run to reach the same
    end of both texts: words the Chair added at an end would make its place ambiguous.
    """
    i1, i2, j1 = block
    if op.start < op.end:
        return i1 <= op.start and op.end <= i2
    at_start = op.start == i1 == j1 == 0
    at_end = op.start == i2 == n_old and j1 + (i2 - i1) == n_new
    return i1 < op.start < i2 or at_start or at_end


def _carry(op: WordOp, blocks: list[Block], a: tuple[str, ...], n_new: int) -> WordOp:
    for i1, i2, j1 in blocks:
        if _holds(op, (i1, i2, j1), len(a), n_new):
            shift = j1 - i1
            return WordOp(op.kind, op.start + shift, op.end + shift, op.old, op.new)
    context = "".join(a[max(op.start - 1, 0) : op.end + 1])
    raise AmendmentCannotBeCarried(start=op.start, words=op.old or context)
