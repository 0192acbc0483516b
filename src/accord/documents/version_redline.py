"""A stopgap redline between two versions, made from what the core offers today.

Provisions are matched by their stable uid and compared word by word with the core's
amendment derivation. The engine's own version redline (lineage, moves, merges) replaces
this when it lands: the exporters take `ProvisionRedline` values and do not care which made
them.
"""

from accord.core.amendments import Mark, MarkKind, derive_amendment, redline_marks
from accord.core.provisions import Provision, Version
from accord.documents.model import ProvisionRedline


def provision_redlines(old: Version, new: Version) -> tuple[ProvisionRedline, ...]:
    """One entry per provision of either version: new order, deleted ones where they stood."""
    kept = {p.uid for p in new}
    out: list[ProvisionRedline] = []
    pending_deleted = [p for p in old if p.uid not in kept]
    old_by_uid = {p.uid: p for p in old}
    old_order = [p.uid for p in old]
    for provision in new:
        before = old_by_uid.get(provision.uid)
        if before is not None:
            position = old_order.index(provision.uid)
            while pending_deleted and old_order.index(pending_deleted[0].uid) < position:
                out.append(_deleted(pending_deleted.pop(0)))
        out.append(_changed(before, provision))
    out += [_deleted(p) for p in pending_deleted]
    return tuple(out)


def _deleted(provision: Provision) -> ProvisionRedline:
    return ProvisionRedline(
        provision.uid,
        provision.kind.value,
        "",
        (Mark(MarkKind.DELETED, provision.text),),
        old_label=provision.label,
        parent=provision.parent,
    )


def _changed(before: Provision | None, provision: Provision) -> ProvisionRedline:
    if before is None:
        marks: tuple[Mark, ...] = (Mark(MarkKind.INSERTED, provision.text),)
        return ProvisionRedline(
            provision.uid, provision.kind.value, provision.label, marks, parent=provision.parent
        )
    if before.text == provision.text:
        marks = (Mark(MarkKind.SAME, provision.text),)
    else:
        marks = redline_marks(before.text, derive_amendment(before.text, provision.text))
    return ProvisionRedline(
        provision.uid,
        provision.kind.value,
        provision.label,
        marks,
        old_label=before.label,
        parent=provision.parent,
    )
