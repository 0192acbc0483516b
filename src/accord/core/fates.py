"""Fates: what became of each open proposal when the Chair issued a revision.

The Chair records fates; the engine suggests one for every proposal the Chair has not yet
settled (analytics advise, never decide) and names every proposal that would otherwise
silently vanish from the record.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from accord.core.carry import untouched
from accord.core.errors import CannotStayPending, ProposalsWithoutFate, UnknownProposal
from accord.core.lineage import Lineage
from accord.core.proposals import Proposal, ProposalStatus
from accord.core.provisions import Version
from accord.core.structure import AddProvision, DeleteProvision, MoveProvision, touched


class FateKind(StrEnum):
    """What a revision did with a proposal."""

    REFLECTED = "reflected"
    PARTLY_REFLECTED = "partly-reflected"
    MERGED = "merged"
    NOT_TAKEN_UP = "not-taken-up"
    WITHDRAWN = "withdrawn"
    PENDING = "pending"


@dataclass(frozen=True, slots=True)
class Fate:
    """A proposal's fate in revision ``revision`` (its label; ``version`` its number, once
    issued).

    ``provisions`` are the uids in the revision that reflect it; ``merged_with`` the other
    proposals it was merged with. ``recorded`` is False for the engine's suggestion.
    """

    proposal_id: int
    kind: FateKind
    revision: str = ""
    provisions: tuple[str, ...] = ()
    merged_with: tuple[int, ...] = ()
    recorded: bool = True
    version: int = 0


def status_after(fate: Fate) -> ProposalStatus:
    """A proposal's status once a revision gave it ``fate``: still open while pending, else
    the final fate itself."""
    if fate.kind is FateKind.PENDING:
        return ProposalStatus.OPEN
    return ProposalStatus(fate.kind.value)


@dataclass(frozen=True, slots=True)
class FateReport:
    """Every proposal's fate, in proposal order, and the ones that would vanish."""

    fates: tuple[Fate, ...]
    vanishing: tuple[int, ...]


def suggest_fate(
    proposal: Proposal, old: Version, new: Version, lineage: Lineage, revision: str = ""
) -> Fate:
    """The engine's reading of what the revision ``new`` of ``old`` did with ``proposal``.

    A word operation counts as reflected when the revision changed the words it touched
    (aligned word by word, as carrying does) and its new words are in the successor text.
    """
    successors = lineage.successors(proposal.provision_uid)
    if proposal.status is ProposalStatus.WITHDRAWN:
        return Fate(proposal.id, FateKind.WITHDRAWN, revision, recorded=False)
    before = old.provision(proposal.provision_uid).text
    after = " ".join(new.provision(uid).text for uid in successors)
    done, total = _reflected(proposal, before, after, new, lineage)
    kind = FateKind.NOT_TAKEN_UP
    if done == total:
        kind = FateKind.REFLECTED
    elif done:
        kind = FateKind.PARTLY_REFLECTED
    where = _reflecting(proposal, successors, new) if done else ()
    return Fate(proposal.id, kind, revision, provisions=where, recorded=False)


def _reflecting(proposal: Proposal, successors: tuple[str, ...], new: Version) -> tuple[str, ...]:
    """The provisions of ``new`` that reflect ``proposal``: for an added paragraph, those that
    hold its text; for any other proposal, the successors of the provision it targets."""
    op = proposal.structure
    if isinstance(op, AddProvision):
        return tuple(p.uid for p in new if _added(op) in p.text)
    return successors


def _added(op: AddProvision) -> str:
    return " ".join(op.text.split())


def _reflected(
    proposal: Proposal, before: str, after: str, new: Version, lineage: Lineage
) -> tuple[int, int]:
    """How many of the proposal's changes show in ``after`` (the successors' text) or, for
    an added paragraph, anywhere in ``new``; out of how many."""
    op = proposal.structure
    if isinstance(op, DeleteProvision):
        return (0 if after else 1), 1
    if isinstance(op, MoveProvision):
        return int(any(link.moved for link in lineage.links if op.uid in link.old)), 1
    if isinstance(op, AddProvision):
        return int(any(_added(op) in p.text for p in new)), 1
    if proposal.options:
        return int(any(option in after for option in proposal.options)), 1
    if not after:
        return 0, 1
    ops = proposal.amendment.ops
    stood = untouched(proposal.amendment, before, after)
    shown = sum(not s and o.new.strip() in after for o, s in zip(ops, stood, strict=True))
    return shown, len(ops)


def settle_fates(
    proposals: Iterable[Proposal],
    old: Version,
    new: Version,
    lineage: Lineage,
    recorded: Mapping[int, Fate],
    revision: str = "",
) -> FateReport:
    """A fate for every proposal: the Chair's where recorded, the engine's suggestion otherwise.

    Raises `UnknownProvision` for a proposal on a provision the old version lacks or a fate
    pointing at a provision ``new`` lacks, `UnknownProposal` for a recorded fate (or a
    merger) naming a proposal that is not among ``proposals``, and `CannotStayPending` for a
    proposal left pending that names a provision the revision deletes (it could not be
    carried onto the revision). ``vanishing`` lists the open proposals with no recorded fate
    that the revision does not reflect at all.
    """
    proposals = tuple(proposals)
    for p in proposals:
        old.provision(p.provision_uid)
    known = {p.id: p for p in proposals}
    for fate in recorded.values():
        for proposal_id in (fate.proposal_id, *fate.merged_with):
            if proposal_id not in known:
                raise UnknownProposal(proposal_id)
        for uid in fate.provisions:
            new.provision(uid)
        if fate.kind is FateKind.PENDING:
            _check_may_stay(known[fate.proposal_id], old, lineage)
    fates = tuple(
        recorded.get(p.id) or suggest_fate(p, old, new, lineage, revision) for p in proposals
    )
    vanishing = tuple(
        f.proposal_id for f in fates if not f.recorded and f.kind is FateKind.NOT_TAKEN_UP
    )
    return FateReport(fates=fates, vanishing=vanishing)


def _check_may_stay(proposal: Proposal, old: Version, lineage: Lineage) -> None:
    named = (proposal.provision_uid, *(touched(proposal.structure) if proposal.structure else ()))
    for uid in named:
        if not lineage.successors(uid):
            raise CannotStayPending(proposal.id, old.provision(uid).label)


def check_settled(report: FateReport) -> None:
    """Raise `ProposalsWithoutFate` when any proposal would silently vanish."""
    if report.vanishing:
        raise ProposalsWithoutFate(report.vanishing)
