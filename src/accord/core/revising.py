"""The Chair's draft of a revision, read against the current version before it is issued.

The Chair starts from the current text, takes in proposals paragraph by paragraph, rewrites
and merges freely, and settles the fate of every open proposal. The draft is read again from
its text each time, exactly as `issue_revision` will read it. The Bureau and the Secretariat
prepare it with the Chair: they read it, and edit it when the Chair allows.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from accord.core.draft_text import parse_draft, render_draft
from accord.core.errors import CannotTakeIn, NotPermitted, ParagraphNotInDraft
from accord.core.fates import Fate, FateKind, FateReport, settle_fates
from accord.core.identifiers import inherit_identifiers
from accord.core.lineage import Lineage, trace_lineage
from accord.core.participants import Reason, Role
from accord.core.proposals import Proposal, normalise_wording
from accord.core.provisions import Version
from accord.core.redline import Redline, compare_versions
from accord.core.structure import (
    AddProvision,
    DeleteProvision,
    MoveProvision,
    StructuralOp,
    apply_structure,
)

# Who prepares a revision: the Chair, with the Bureau and the Secretariat.
REVISION_TEAM = (Role.CHAIR, Role.BUREAU, Role.SECRETARIAT)

# The fates the Chair may record for an open proposal (withdrawal is the proponent's act).
CHAIR_FATES = (
    FateKind.REFLECTED,
    FateKind.PARTLY_REFLECTED,
    FateKind.MERGED,
    FateKind.NOT_TAKEN_UP,
    FateKind.PENDING,
)

# Fates that point at the provisions of the revision that reflect the proposal.
_REFLECTING = (FateKind.REFLECTED, FateKind.PARTLY_REFLECTED, FateKind.MERGED)


@dataclass(frozen=True, slots=True)
class RevisionDraft:
    """The draft text read as the next version of ``old``: ``new`` carries the uids it
    inherits, ``lineage`` links the two."""

    old: Version
    new: Version
    lineage: Lineage


def read_revision(old: Version, text: str) -> RevisionDraft:
    """Read ``text`` (numbered plain text) as the revision of ``old``; raises `MalformedDraft`."""
    typed = parse_draft(text)
    new = inherit_identifiers(old, typed, trace_lineage(old, typed))
    return RevisionDraft(old, new, trace_lineage(old, new))


@dataclass(frozen=True, slots=True)
class RevisionPreview:
    """What the Chair checks before issuing a draft: the ``new`` text, its ``redline``
    against the current version (with the old→new number map), every open proposal's fate
    in ``report`` (the Chair's where recorded, the engine's suggestion otherwise, with the
    ones that would vanish), and the engine's suggestion for each by proposal id."""

    new: Version
    redline: Redline
    report: FateReport
    suggested: dict[int, Fate]


def preview_revision(
    draft: RevisionDraft, open_: Sequence[Proposal], recorded: Mapping[int, Fate], label: str
) -> RevisionPreview:
    """``draft`` as the revision ``label`` would issue it, with the fates of the ``open_``
    proposals (``recorded`` by the Chair or suggested); raises what `settle_fates` raises."""
    report = settle_fates(open_, draft.old, draft.new, draft.lineage, recorded, revision=label)
    suggested = settle_fates(open_, draft.old, draft.new, draft.lineage, {}, revision=label)
    return RevisionPreview(
        new=draft.new,
        redline=compare_versions(draft.old, draft.new, draft.lineage),
        report=report,
        suggested=dict(zip((p.id for p in open_), suggested.fates, strict=True)),
    )


def take_in(draft: RevisionDraft, proposal: Proposal, option: int = 0) -> str:
    """The draft's text with ``proposal`` taken in, wherever the draft now has the paragraphs
    it names: its wording (or its ``option``-th alternative) in place of the text of the
    paragraph it amends; or the paragraph it adds, deletes or moves added, deleted or moved.

    Raises `ParagraphNotInDraft` when the draft no longer continues a paragraph the proposal
    names, and `CannotTakeIn` for an alternative the proposal does not offer.
    """
    if option and option >= len(proposal.options):
        raise CannotTakeIn(proposal.id)
    if proposal.structure is not None:
        op = _carried(draft, proposal.structure)
        return render_draft(apply_structure(draft.new, (op,)))
    where = _successor(draft, proposal.provision_uid)
    wording = normalise_wording(proposal.options[option] if proposal.options else proposal.wording)
    provisions = tuple(replace(p, text=wording) if p.uid == where else p for p in draft.new)
    return render_draft(replace(draft.new, provisions=provisions))


def _successor(draft: RevisionDraft, uid: str) -> str:
    """The provision of the draft that continues ``uid`` of the current version."""
    successors = draft.lineage.successors(uid)
    if not successors:
        raise ParagraphNotInDraft(draft.old.provision(uid).label)
    return successors[0]


def _carried(draft: RevisionDraft, op: StructuralOp) -> StructuralOp:
    """A whole-provision operation on the current version, restated on the draft."""
    if isinstance(op, AddProvision):
        return AddProvision(_successor(draft, op.after), op.text)
    if isinstance(op, DeleteProvision):
        return DeleteProvision(_successor(draft, op.uid))
    return MoveProvision(_successor(draft, op.uid), _successor(draft, op.after))


def check_may_read_draft(role: Role) -> None:
    """Raise `NotPermitted` unless ``role`` prepares revisions (Chair, Bureau, Secretariat):
    a draft is never public before it is issued."""
    if role not in REVISION_TEAM:
        raise NotPermitted(Reason.NOT_REVISION_TEAM)


def check_may_edit_draft(role: Role, *, others_may_edit: bool) -> None:
    """Raise `NotPermitted` unless ``role`` may change the draft: the Chair always, the
    Bureau and the Secretariat when the Chair allows (``others_may_edit``)."""
    check_may_read_draft(role)
    if role is not Role.CHAIR and not others_may_edit:
        raise NotPermitted(Reason.WORKSPACE_CLOSED)


def chair_fate(
    proposal: Proposal,
    kind: FateKind,
    draft: RevisionDraft,
    revision: str = "",
    merged_with: tuple[int, ...] = (),
) -> Fate:
    """The fate the Chair records for ``proposal``: a reflecting fate points at the
    paragraphs of the draft that continue the one it amends; only a merger keeps
    ``merged_with``."""
    where = draft.lineage.successors(proposal.provision_uid) if kind in _REFLECTING else ()
    merged = merged_with if kind is FateKind.MERGED else ()
    return Fate(proposal.id, kind, revision, provisions=where, merged_with=merged)
