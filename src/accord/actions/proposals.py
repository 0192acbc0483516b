"""Proposals: delegations ask for new wording of a provision."""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.actions.preconditions import check_not_adopted, require_open
from accord.actions.silence import check_proposals_allowed
from accord.core.cosponsorship import InvitationStatus
from accord.core.errors import NotPermitted, Refusal
from accord.core.participants import Reason, check_may_propose
from accord.core.proposals import (
    ProposalKind,
    ProposalStatus,
    check_justification,
    draft_proposal,
)
from accord.core.provisions import content_hash
from accord.store import convert, models, queries


@transaction.atomic
def submit_proposal(
    version: models.Version,
    *,
    by: User,
    provision_uid: str,
    wording: str = "",
    justification: str = "",
    on_behalf_of: str | None = None,
    delegation: str | None = None,
    kind: ProposalKind = ProposalKind.WORDING,
    options: tuple[str, ...] = (),
    after: str = "",
) -> models.Proposal:
    """Propose ``wording`` for provision ``provision_uid`` of the current ``version``.

    The proposal is the acting user's delegation's (``delegation`` may name it, and must be
    it), optionally on behalf of a group the delegation holds a mandate for. Writes one
    ``proposal.submitted`` event. Raises `NotPermitted`, `VersionNotCurrent`, `AlreadyAdopted`,
    `UnknownProvision`, `NotAmendable`, `EmptyText`, `TextTooLong` or `UnchangedText`.

    ``kind`` makes it offer ``options`` (alternatives), add a paragraph with ``wording``
    after ``provision_uid``, delete that provision, or move it after ``after`` (see
    `accord.core.proposals.draft_proposal`, which adds `TooFewOptions` and
    `ContradictoryOperations`); the event then also names the kind and what it concerns.
    """
    kind = ProposalKind(kind)
    process = version.document.process
    accredited = queries.accreditation(by, process)
    actor = queries.actor_of(accredited)
    for_delegation = delegation or actor.delegation
    if for_delegation is None:
        raise NotPermitted(Reason.NOT_A_DELEGATE)
    check_may_propose(actor, for_delegation=for_delegation, on_behalf_of=on_behalf_of)
    check_proposals_allowed(version, under_silence=require_open(version))
    text = queries.version_value(version)
    drafted = draft_proposal(
        text, provision_uid, kind, wording=wording, options=options, after=after
    )
    amendment = drafted.amendment
    # check_may_propose let only the actor's own delegation through.
    assert accredited is not None
    assert accredited.delegation is not None
    proposal = models.Proposal.objects.create(
        version=version,
        provision_uid=provision_uid,
        delegation=accredited.delegation,
        on_behalf_of=models.Group.objects.get(code=on_behalf_of) if on_behalf_of else None,
        submitted_by=by,
        wording=drafted.wording,
        amendment=convert.amendment_json(amendment),
        justification=check_justification(justification),
        submitted_at=timezone.now(),
        options=list(drafted.options),
        structure=convert.structure_json(drafted.structure),
    )
    shape: dict[str, object] = {}
    if kind is not ProposalKind.WORDING:
        shape = {"kind": str(kind), "structure": proposal.structure}
        shape |= {"option_hashes": [content_hash(o) for o in drafted.options]}
    record(
        "proposal.submitted",
        by=by,
        process=process,
        delegation=proposal.delegation,
        subject=f"proposal:{proposal.pk}",
        payload={
            "proposal": proposal.pk,
            "document": version.document.slug,
            "version": version.number,
            "provision": provision_uid,
            "label": text.provision(provision_uid).label,
            "on_behalf_of": on_behalf_of,
            "base_hash": amendment.base_hash,
            "wording_hash": content_hash(proposal.wording),
            **shape,
        },
    )
    return proposal


@transaction.atomic
def withdraw_proposal(proposal: models.Proposal, *, by: User) -> models.Proposal:
    """Withdraw an open proposal. Only a delegate of the proposing delegation may, and only
    while it is open — until a revision gives it a final fate, whatever version it was made
    on — and its document is not adopted; invitations to co-sponsor it still pending end
    (the event names their delegations). Writes one ``proposal.withdrawn`` event. Raises
    `NotPermitted`, `AlreadyAdopted` or `NotOpen`."""
    locked = (
        models.Proposal.objects.select_for_update()
        .select_related("version__document__process", "delegation")
        .get(pk=proposal.pk)
    )
    process = locked.version.document.process
    if queries.actor(by, process).delegation != locked.delegation.code:
        raise NotPermitted(Reason.OTHER_DELEGATION)
    check_not_adopted(locked.version.document)
    if locked.status != ProposalStatus.OPEN:
        raise NotOpen(locked.pk, locked.status)
    locked.status = ProposalStatus.WITHDRAWN
    locked.save(update_fields=["status"])
    pending = locked.invitations.filter(status=InvitationStatus.PENDING)
    ended = sorted(pending.values_list("delegation__code", flat=True))
    pending.update(status=InvitationStatus.ENDED)
    record(
        "proposal.withdrawn",
        by=by,
        process=process,
        delegation=locked.delegation,
        subject=f"proposal:{locked.pk}",
        payload={"proposal": locked.pk, "provision": locked.provision_uid}
        | ({"ended_invitations": ended} if ended else {}),
    )
    return locked


@dataclass(slots=True, unsafe_hash=True)
class NotOpen(Refusal):
    """Only an open proposal can be withdrawn."""

    proposal: int
    status: str
    code = "proposal-not-open"
