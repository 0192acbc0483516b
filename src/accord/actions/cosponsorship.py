"""Co-sponsorship: a proposal's delegation invites members; each invited member consents or not."""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.core.cosponsorship import (
    InvitationStatus,
    check_may_answer,
    check_may_invite,
)
from accord.core.participants import ParticipantKind
from accord.core.proposals import ProposalStatus
from accord.store import models, queries


def _locked(proposal: models.Proposal) -> models.Proposal:
    """The proposal, locked against a concurrent withdrawal or answer."""
    return (
        models.Proposal.objects.select_for_update()
        .select_related("version__document__process", "delegation")
        .get(pk=proposal.pk)
    )


@transaction.atomic
def invite_cosponsor(
    proposal: models.Proposal, *, by: User, invitee: str, delegation: str | None = None
) -> models.CoSponsorship:
    """Invite the member delegation ``invitee`` to co-sponsor ``proposal``, for the proposing
    delegation (``delegation`` may name it, and must be the acting user's). Writes one
    ``cosponsorship.invited`` event. Raises `NotPermitted`, `NotTheProposer`,
    `ProposalNotOpen`, `InviteeNotAMember` or `AlreadyInvited`."""
    locked = _locked(proposal)
    process = locked.version.document.process
    members = frozenset(
        process.participations.filter(kind=ParticipantKind.MEMBER).values_list(
            "delegation__code", flat=True
        )
    )
    invited = frozenset(locked.invitations.values_list("delegation__code", flat=True))
    check_may_invite(
        queries.actor(by, process),
        proposal=locked.pk,
        proposer=locked.delegation.code,
        is_open=locked.status == ProposalStatus.OPEN,
        status=locked.status,
        invitee=invitee,
        members=members,
        invited=invited,
        delegation=delegation,
    )
    invitation = models.CoSponsorship.objects.create(
        proposal=locked,
        delegation=models.Delegation.objects.get(code=invitee),
        status=InvitationStatus.PENDING,
        invited_by=by,
        invited_at=timezone.now(),
    )
    record(
        "cosponsorship.invited",
        by=by,
        process=process,
        delegation=locked.delegation,
        subject=f"proposal:{locked.pk}",
        payload={"proposal": locked.pk, "provision": locked.provision_uid, "invitee": invitee},
    )
    return invitation


def _answer(
    proposal: models.Proposal, *, by: User, delegation: str | None, status: InvitationStatus
) -> models.CoSponsorship:
    locked = _locked(proposal)
    process = locked.version.document.process
    pending = {
        i.delegation.code: i
        for i in locked.invitations.select_related("delegation").filter(
            status=InvitationStatus.PENDING
        )
    }
    answering = check_may_answer(
        queries.actor(by, process),
        proposal=locked.pk,
        is_open=locked.status == ProposalStatus.OPEN,
        status=locked.status,
        pending=frozenset(pending),
        delegation=delegation,
    )
    invitation = pending[answering]
    invitation.status = status
    invitation.answered_by = by
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_by", "answered_at"])
    record(
        f"cosponsorship.{status}",
        by=by,
        process=process,
        delegation=invitation.delegation,
        subject=f"proposal:{locked.pk}",
        payload={"proposal": locked.pk, "provision": locked.provision_uid, "cosponsor": answering},
    )
    return invitation


@transaction.atomic
def accept_invitation(
    proposal: models.Proposal, *, by: User, delegation: str | None = None
) -> models.CoSponsorship:
    """Consent, for the acting user's delegation, to co-sponsor ``proposal``. Writes one
    ``cosponsorship.accepted`` event. Raises `NotPermitted`, `ProposalNotOpen` or
    `NotInvited`."""
    return _answer(proposal, by=by, delegation=delegation, status=InvitationStatus.ACCEPTED)


@transaction.atomic
def decline_invitation(
    proposal: models.Proposal, *, by: User, delegation: str | None = None
) -> models.CoSponsorship:
    """Decline, for the acting user's delegation, to co-sponsor ``proposal``. Writes one
    ``cosponsorship.declined`` event. Raises `NotPermitted`, `ProposalNotOpen` or
    `NotInvited`."""
    return _answer(proposal, by=by, delegation=delegation, status=InvitationStatus.DECLINED)
