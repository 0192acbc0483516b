"""Co-sponsorship in the JSON API: invite, accept, decline, and my pending invitations."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from accord.actions.cosponsorship import accept_invitation, decline_invitation, invite_cosponsor
from accord.api.auth import AUTH, writer
from accord.api.contract import BARE_WRITE, PAGED_READ, WRITE, errors
from accord.api.lookups import visible_process, visible_version
from accord.api.pagination import DEFAULT_LIMIT, Cursor, Limit, page
from accord.api.schemas import Identifier, StrictSchema, example
from accord.core.cosponsorship import InvitationStatus
from accord.core.proposals import ProposalStatus
from accord.store import models, queries

router = Router(tags=["co-sponsorship"])

PROPOSAL = "/processes/{process}/documents/{document}/versions/{number}/proposals/{proposal}"


class InvitationIn(StrictSchema):
    model_config = example(delegation="DEU")

    delegation: Identifier


class InvitationOut(Schema):
    proposal: int
    document: str
    version: int
    provision: str
    proposer: str
    proposer_name: str
    delegation: str
    delegation_name: str
    status: str
    invited_at: str
    answered_at: str | None


class InvitationPage(Schema):
    items: list[InvitationOut]
    next: str | None


def invitation_body(row: models.CoSponsorship) -> dict[str, object]:
    """Needs the proposal with its delegation and version's document, and the delegation."""
    proposal = row.proposal
    return {
        "proposal": proposal.pk,
        "document": proposal.version.document.slug,
        "version": proposal.version.number,
        "provision": proposal.provision_uid,
        "proposer": proposal.delegation.code,
        "proposer_name": proposal.delegation.name,
        "delegation": row.delegation.code,
        "delegation_name": row.delegation.name,
        "status": row.status,
        "invited_at": row.invited_at.isoformat(),
        "answered_at": row.answered_at.isoformat() if row.answered_at else None,
    }


def _proposal(
    request: HttpRequest, process: str, document: str, number: int, proposal: int
) -> models.Proposal:
    version = visible_version(request, process, document, number)
    return get_object_or_404(
        models.Proposal.objects.select_related("delegation", "version__document"),
        pk=proposal,
        version__document=version.document,
    )


def _row(pk: int) -> models.CoSponsorship:
    return models.CoSponsorship.objects.select_related(
        "delegation", "proposal__delegation", "proposal__version__document"
    ).get(pk=pk)


@router.post(f"{PROPOSAL}/invitations", response={201: InvitationOut, **errors(*WRITE)}, auth=AUTH)
def invite(
    request: HttpRequest,
    process: str,
    document: str,
    number: int,
    proposal: int,
    body: InvitationIn,
) -> Status[dict[str, object]]:
    """Invite a member delegation to co-sponsor your delegation's open proposal. It becomes a
    co-sponsor only once it accepts."""
    by = writer(request)
    found = _proposal(request, process, document, number, proposal)
    row = invite_cosponsor(found, by=by, invitee=body.delegation.upper())
    return Status(201, invitation_body(_row(row.pk)))


@router.post(
    f"{PROPOSAL}/invitations/accept",
    response={200: InvitationOut, **errors(*BARE_WRITE)},
    auth=AUTH,
)
def accept(
    request: HttpRequest, process: str, document: str, number: int, proposal: int
) -> dict[str, object]:
    """Consent, for your delegation, to co-sponsor a proposal you were invited to."""
    by = writer(request)
    found = _proposal(request, process, document, number, proposal)
    return invitation_body(_row(accept_invitation(found, by=by).pk))


@router.post(
    f"{PROPOSAL}/invitations/decline",
    response={200: InvitationOut, **errors(*BARE_WRITE)},
    auth=AUTH,
)
def decline(
    request: HttpRequest, process: str, document: str, number: int, proposal: int
) -> dict[str, object]:
    """Decline, for your delegation, an invitation to co-sponsor a proposal."""
    by = writer(request)
    found = _proposal(request, process, document, number, proposal)
    return invitation_body(_row(decline_invitation(found, by=by).pk))


@router.get(
    "/processes/{process}/invitations",
    response={200: InvitationPage, **errors(*PAGED_READ, 403)},
    auth=AUTH,
)
def my_invitations(
    request: HttpRequest, process: str, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT
) -> dict[str, object]:
    """The invitations to co-sponsor that await your delegation's answer, oldest first."""
    found = visible_process(request, process)
    delegation = queries.actor(request.user, found).delegation
    rows = models.CoSponsorship.objects.filter(
        proposal__version__document__process=found,
        delegation__code=delegation or "",
        status=InvitationStatus.PENDING,
        proposal__status=ProposalStatus.OPEN,
    ).select_related("delegation", "proposal__delegation", "proposal__version__document")
    items, following = page(rows, cursor=cursor, limit=limit)
    return {"items": [invitation_body(r) for r in items], "next": following}
