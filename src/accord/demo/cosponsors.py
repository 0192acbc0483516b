"""Co-sponsors in the demo: proposers invite other members; most answer, one invitation
awaits Brazil's answer (the ``bra`` login)."""

from accord.actions.cosponsorship import accept_invitation, decline_invitation, invite_cosponsor
from accord.store import models

# (proposing delegation, paragraph of the zero draft, invited delegation, its answer or None)
INVITATIONS = (
    ("CAN", "4", "AUS", "accept"),
    ("CAN", "4", "GBR", "accept"),
    ("CAN", "4", "BRA", None),
    ("NLD", "8", "DEU", "accept"),
    ("NLD", "8", "FRA", "decline"),
    ("IRN", "13", "CUB", "accept"),
)


def add_demo_cosponsors(zero: models.Version) -> None:
    """Invite and answer through the actions, as the delegates would."""
    delegates = zero.document.process.accreditations.filter(role="delegate")
    users = {
        a.delegation.code: a.user
        for a in delegates.select_related("delegation", "user")
        if a.delegation is not None
    }
    uids = dict(zero.provisions.values_list("label", "uid"))
    for proposer, paragraph, invitee, answer in INVITATIONS:
        proposal = models.Proposal.objects.filter(
            version=zero, delegation__code=proposer, provision_uid=uids[paragraph]
        ).first()
        assert proposal is not None, (proposer, paragraph)
        invite_cosponsor(proposal, by=users[proposer], invitee=invitee)
        if answer == "accept":
            accept_invitation(proposal, by=users[invitee])
        elif answer == "decline":
            decline_invitation(proposal, by=users[invitee])
