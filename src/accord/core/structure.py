"""Whole-provision operations: add a paragraph after another, delete one, move one.

A paragraph moves and goes with its sub-paragraphs. An added paragraph takes the number of
the one it follows with the next Latin suffix (7bis, 7ter, …) until the Chair renumbers. In a
resolution, a paragraph added after a preambular paragraph is preambular (PP3bis), and a
preambular paragraph cannot end up after an operative one (`PreambleOutOfOrder`).
"""

from dataclasses import dataclass, replace

from accord.core.errors import (
    ContradictoryOperations,
    EmptyText,
    NotAmendable,
    PreambleOutOfOrder,
)
from accord.core.provisions import Provision, ProvisionKind, Version

SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies")


@dataclass(frozen=True, slots=True)
class AddProvision:
    """A new paragraph with ``text``, after provision ``after`` (and its sub-paragraphs)."""

    after: str
    text: str


@dataclass(frozen=True, slots=True)
class DeleteProvision:
    """Delete ``uid`` with its sub-paragraphs."""

    uid: str


@dataclass(frozen=True, slots=True)
class MoveProvision:
    """Move ``uid`` (with its sub-paragraphs) to follow provision ``after``."""

    uid: str
    after: str


type StructuralOp = AddProvision | DeleteProvision | MoveProvision


def touched(op: StructuralOp) -> tuple[str, ...]:
    """The uids an operation needs to exist: the one it changes and its anchor."""
    if isinstance(op, AddProvision):
        return (op.after,)
    if isinstance(op, DeleteProvision):
        return (op.uid,)
    return (op.uid, op.after)


def apply_structure(version: Version, ops: tuple[StructuralOp, ...]) -> Version:
    """``version`` with the operations applied in order.

    Raises `UnknownProvision` for a uid the version lacks, `NotAmendable` for a section, and
    `ContradictoryOperations` when two operations change the same provision, or one anchors
    on a provision another deletes or on the provision it moves.
    """
    _check(version, ops)
    provisions = list(version.provisions)
    for op in ops:
        provisions = _apply(provisions, op)
    _check_preamble(provisions)
    return replace(version, provisions=tuple(provisions))


def _check_preamble(provisions: list[Provision]) -> None:
    """A resolution's preamble comes before its operative part: a preambular paragraph moves
    within the preamble, and no operative paragraph moves into it."""
    operative = False
    for p in provisions:
        if p.kind is ProvisionKind.PREAMBULAR and operative:
            raise PreambleOutOfOrder(p.uid)
        operative = operative or p.is_operative


def _check(version: Version, ops: tuple[StructuralOp, ...]) -> None:
    changed: set[str] = set()
    deleted: set[str] = set()
    for op in ops:
        for uid in touched(op):
            version.provision(uid)
        if isinstance(op, AddProvision):
            if not " ".join(op.text.split()):
                raise EmptyText()
            continue
        if not version.provision(op.uid).is_amendable:
            raise NotAmendable(op.uid)
        if op.uid in changed or (isinstance(op, MoveProvision) and op.after == op.uid):
            raise ContradictoryOperations(op.uid)
        changed.add(op.uid)
        if isinstance(op, DeleteProvision):
            deleted.add(op.uid)
    for op in ops:
        if not isinstance(op, DeleteProvision) and op.after in deleted:
            raise ContradictoryOperations(op.after)


def _block(provisions: list[Provision], uid: str) -> tuple[int, int]:
    """Start and end index of a provision with its sub-paragraphs."""
    start = next(k for k, p in enumerate(provisions) if p.uid == uid)
    end = start + 1
    while end < len(provisions) and provisions[end].parent == uid:
        end += 1
    return start, end


def _apply(provisions: list[Provision], op: StructuralOp) -> list[Provision]:
    if isinstance(op, DeleteProvision):
        start, end = _block(provisions, op.uid)
        return provisions[:start] + provisions[end:]
    if isinstance(op, MoveProvision):
        start, end = _block(provisions, op.uid)
        moving, rest = provisions[start:end], provisions[:start] + provisions[end:]
        _, at = _block(rest, op.after)
        return rest[:at] + moving + rest[at:]
    anchor = next(p for p in provisions if p.uid == op.after)
    # A paragraph cannot sit among another's sub-paragraphs: it follows their paragraph.
    anchor = next(p for p in provisions if p.uid == (anchor.parent or anchor.uid))
    _, at = _block(provisions, anchor.uid)
    # Earlier additions after the same anchor stay first, so 2bis reads before 2ter.
    while at < len(provisions) and _is_addition_to(provisions[at].uid, anchor.uid):
        _, at = _block(provisions, provisions[at].uid)
    return [*provisions[:at], _added(provisions, anchor, op.text), *provisions[at:]]


def _is_addition_to(uid: str, anchor: str) -> bool:
    rest = uid.removeprefix(anchor)
    return rest != uid and (rest in SUFFIXES or rest.startswith("add"))


def _added(provisions: list[Provision], anchor: Provision, text: str) -> Provision:
    uids = {p.uid for p in provisions}
    # Past the Latin suffixes, "add9", "add10", …: a bare number would read as another paragraph.
    numbered = (f"add{n}" for n in range(len(SUFFIXES) + 1, len(SUFFIXES) + len(uids) + 2))
    suffix = next(s for s in (*SUFFIXES, *numbered) if f"{anchor.uid}{s}" not in uids)
    # After a preambular paragraph, a preambular paragraph (PP3bis); else a paragraph.
    return Provision(
        f"{anchor.uid}{suffix}",
        anchor.kind,
        f"{anchor.label}{suffix}",
        " ".join(text.split()),
    )
