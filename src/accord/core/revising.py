"""The Chair's draft of a revision, read against the current version before it is issued.

The Chair starts from the current text, takes in proposals paragraph by paragraph, rewrites
and merges freely, and settles the fate of every open proposal. Nothing here is stored: the
draft is read again from its text each time, exactly as `issue_revision` will read it.
"""

from dataclasses import dataclass, replace

from accord.core.draft_text import parse_draft, render_draft
from accord.core.errors import CannotTakeIn, ParagraphNotInDraft
from accord.core.fates import Fate, FateKind
from accord.core.identifiers import inherit_identifiers
from accord.core.lineage import Lineage, trace_lineage
from accord.core.proposals import Proposal, normalise_wording
from accord.core.provisions import Version

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


def take_in(draft: RevisionDraft, proposal: Proposal, option: int = 0) -> str:
    """The draft's text with ``proposal``'s wording (or its ``option``-th alternative) in place
    of the text of the paragraph it amends, wherever the draft now has that paragraph.

    Raises `ParagraphNotInDraft` when the draft no longer continues the paragraph, and
    `CannotTakeIn` for a proposal that adds, deletes or moves a paragraph, or names an
    alternative it does not offer: the Chair makes those changes in the text by hand.
    """
    if proposal.structure is not None or (option and option >= len(proposal.options)):
        raise CannotTakeIn(proposal.id)
    successors = draft.lineage.successors(proposal.provision_uid)
    if not successors:
        raise ParagraphNotInDraft(draft.old.provision(proposal.provision_uid).label)
    wording = normalise_wording(proposal.options[option] if proposal.options else proposal.wording)
    provisions = tuple(replace(p, text=wording) if p.uid == successors[0] else p for p in draft.new)
    return render_draft(Version(draft.new.title, provisions))


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
