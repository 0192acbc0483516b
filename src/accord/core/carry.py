"""Carrying an amendment from the version it targeted onto a later version.

An operation carries over when the words it touches (and, for an insertion, the words on
either side of the point) are unchanged in the later text; it then moves to where those
words are now. When they changed, the engine refuses and names the words, rather than guess.
"""

from accord.core.amendments import Amendment, WordOp, opcodes, tokenize
from accord.core.errors import AmendmentCannotBeCarried, AmendmentDoesNotApply
from accord.core.provisions import content_hash

type Block = tuple[int, int, int]  # old start, old end, new start of a run of unchanged words


def carry_amendment(amendment: Amendment, old: str, new: str) -> Amendment:
    """``amendment`` of ``old`` restated as an amendment of ``new``.

    Raises `AmendmentDoesNotApply` when ``old`` is not the text the amendment targeted, and
    `AmendmentCannotBeCarried` when the words an operation touched changed in ``new``.
    """
    if content_hash(old) != amendment.base_hash:
        raise AmendmentDoesNotApply(expected=amendment.base_hash, found=content_hash(old))
    a, b = tokenize(old), tokenize(new)
    blocks = [(i1, i2, j1) for tag, i1, i2, j1, _ in opcodes(a, b) if tag == "equal"]
    ops = tuple(_carry(op, blocks, a) for op in amendment.ops)
    return Amendment(base_hash=content_hash(new), ops=ops)


def _carry(op: WordOp, blocks: list[Block], a: tuple[str, ...]) -> WordOp:
    for i1, i2, j1 in blocks:
        inside = i1 <= op.start and op.end <= i2
        # An insertion needs both neighbours unchanged, unless it sits at an end of the text.
        if op.start == op.end:
            inside = (i1 < op.start < i2) or (op.start == i1 == j1 == 0) or op.start == i2 == len(a)
        if inside:
            shift = j1 - i1
            return WordOp(op.kind, op.start + shift, op.end + shift, op.old, op.new)
    context = "".join(a[max(op.start - 1, 0) : op.end + 1])
    raise AmendmentCannotBeCarried(start=op.start, words=op.old or context)
