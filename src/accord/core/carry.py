"""Carrying an amendment from the version it targeted onto a later version, and a proposal
that stays open across revisions onto the current version.

An operation carries over when the words it touches (and, for an insertion, the words on
either side of the point) are unchanged in the later text; it then moves to where those
words are now. When they changed, the engine refuses and names the words, rather than guess.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace

from accord.core.amendments import Amendment, WordOp, derive_amendment, opcodes, tokenize
from accord.core.errors import AmendmentCannotBeCarried, AmendmentForOtherText, UnknownProvision
from accord.core.lineage import Lineage
from accord.core.proposals import Carried, Proposal, TargetChange
from accord.core.provisions import Version, content_hash
from accord.core.structure import AddProvision, DeleteProvision, MoveProvision, StructuralOp

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


@dataclass(frozen=True, slots=True)
class Revision:
    """One revision of a document: the version it replaced, the version it issued, and the
    lineage between them."""

    old: Version
    new: Version
    lineage: Lineage


def carry_proposal(
    proposal: Proposal, made_on: tuple[int, str], revisions: Sequence[Revision]
) -> Proposal:
    """``proposal``, made on ``revisions[0].old`` (its number and label are ``made_on``),
    restated on the version the last revision issued, so that it can be read, taken in and
    settled there like a proposal made on it.

    It moves to the provision that now continues its target (the first part of a split),
    its amendment is carried onto today's wording or, where a revision rewrote the words it
    touched, derived afresh from its wording; its whole-provision operation names the
    provisions that continue the ones it named. ``carried`` says where it was made and how
    its target changed. Raises `UnknownProvision` when a revision deleted a provision it
    names: such a revision gives it a final fate (see `accord.core.fates.settle_fates`).
    """
    made = revisions[0].old.provision(proposal.provision_uid)
    uid, changes = _follow(proposal.provision_uid, revisions)
    today = revisions[-1].new.provision(uid).text
    try:
        amendment = carry_amendment(proposal.amendment, made.text, today)
    except AmendmentCannotBeCarried:
        amendment = derive_amendment(today, proposal.wording)
        changes = (TargetChange.WORDS, *changes)
    carried = Carried(made_on[0], made_on[1], made.uid, made.label, changes)
    structure = _restated(proposal.structure, revisions)
    return replace(
        proposal, provision_uid=uid, amendment=amendment, structure=structure, carried=carried
    )


def _follow(
    uid: str, revisions: Sequence[Revision], *, last: bool = False
) -> tuple[str, tuple[TargetChange, ...]]:
    """The uid that continues ``uid`` after ``revisions`` (the last part of a split when
    ``last``, else the first), and whether it was split or merged on the way."""
    changes: list[TargetChange] = []
    for revision in revisions:
        successors = revision.lineage.successors(uid)
        if not successors:
            raise UnknownProvision(uid)
        if len(successors) > 1:
            changes.append(TargetChange.SPLIT)
        uid = successors[-1] if last else successors[0]
        if len(revision.lineage.predecessors(uid)) > 1:
            changes.append(TargetChange.MERGED)
    return uid, tuple(dict.fromkeys(changes))


def _restated(op: StructuralOp | None, revisions: Sequence[Revision]) -> StructuralOp | None:
    """``op`` on the provisions that continue the ones it names; an anchor follows the last
    part of a split, so that what comes after it still comes after all of it."""
    if isinstance(op, AddProvision):
        return AddProvision(_follow(op.after, revisions, last=True)[0], op.text)
    if isinstance(op, DeleteProvision):
        return DeleteProvision(_follow(op.uid, revisions)[0])
    if isinstance(op, MoveProvision):
        after = _follow(op.after, revisions, last=True)[0]
        return MoveProvision(_follow(op.uid, revisions)[0], after)
    return op
