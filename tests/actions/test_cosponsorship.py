"""Co-sponsorship: invitations, consent, refusals that store nothing, and withdrawal."""

import pytest
from tests.builders import assert_refused_without_trace, make_user

from accord.actions.cosponsorship import accept_invitation, decline_invitation, invite_cosponsor
from accord.actions.processes import accredit
from accord.actions.proposals import submit_proposal, withdraw_proposal
from accord.core.cosponsorship import (
    AlreadyInvited,
    InviteeNotAMember,
    NotInvited,
    NotTheProposer,
    ProposalNotOpen,
)
from accord.core.errors import NotPermitted
from accord.core.participants import Reason, Role
from accord.store import models, queries

pytestmark = pytest.mark.django_db

WORDING_2 = (
    "States shall not conduct or knowingly support ICT activity contrary to their "
    "obligations under international law."
)


def _proposal(negotiation):
    return submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", wording=WORDING_2
    )


def _state():
    return (
        list(models.CoSponsorship.objects.values_list("delegation__code", "status")),
        models.Event.objects.count(),
    )


def _last_event():
    return models.Event.objects.order_by("-seq").first()


def test_the_proposer_invites_and_one_event_records_it(negotiation):
    proposal = _proposal(negotiation)
    before = models.Event.objects.count()
    row = invite_cosponsor(proposal, by=negotiation.brazil, invitee="DEU")
    assert (row.proposal, row.delegation.code, row.status, row.invited_by, row.answered_at) == (
        proposal,
        "DEU",
        "pending",
        negotiation.brazil,
        None,
    )
    assert models.Event.objects.count() == before + 1
    event = _last_event()
    assert (event.kind, event.actor, event.delegation.code, event.subject) == (
        "cosponsorship.invited",
        negotiation.brazil,
        "BRA",
        f"proposal:{proposal.pk}",
    )
    assert event.payload == {"proposal": proposal.pk, "provision": "p2", "invitee": "DEU"}


def test_an_invited_member_accepts_and_becomes_a_cosponsor(negotiation):
    proposal = _proposal(negotiation)
    invite_cosponsor(proposal, by=negotiation.brazil, invitee="DEU")
    invite_cosponsor(proposal, by=negotiation.brazil, invitee="FRA")
    before = models.Event.objects.count()
    row = accept_invitation(proposal, by=negotiation.germany)
    assert (row.delegation.code, row.status, row.answered_by) == (
        "DEU",
        "accepted",
        negotiation.germany,
    )
    assert row.answered_at is not None
    assert models.Event.objects.count() == before + 1
    event = _last_event()
    assert (event.kind, event.actor, event.delegation.code) == (
        "cosponsorship.accepted",
        negotiation.germany,
        "DEU",
    )
    assert event.payload == {"proposal": proposal.pk, "provision": "p2", "cosponsor": "DEU"}
    compiled = queries.compilation(negotiation.version)
    (found,) = [p for e in compiled.entries for p in e.proposals]
    # France was invited but has not answered: it is not a co-sponsor.
    assert [(c.delegation, c.delegation_name) for c in found.cosponsors] == [("DEU", "Germany")]


def test_an_invited_member_declines_and_is_not_a_cosponsor(negotiation):
    proposal = _proposal(negotiation)
    invite_cosponsor(proposal, by=negotiation.brazil, invitee="DEU")
    row = decline_invitation(proposal, by=negotiation.germany)
    assert (row.status, row.answered_by) == ("declined", negotiation.germany)
    event = _last_event()
    assert (event.kind, event.payload) == (
        "cosponsorship.declined",
        {"proposal": proposal.pk, "provision": "p2", "cosponsor": "DEU"},
    )
    compiled = queries.compilation(negotiation.version)
    assert [p.cosponsors for e in compiled.entries for p in e.proposals] == [()]
    assert_refused_without_trace(
        NotInvited(proposal.pk), _state, lambda: accept_invitation(proposal, by=negotiation.germany)
    )


def test_withdrawing_a_proposal_ends_its_pending_invitations(negotiation):
    proposal = _proposal(negotiation)
    invite_cosponsor(proposal, by=negotiation.brazil, invitee="DEU")
    invite_cosponsor(proposal, by=negotiation.brazil, invitee="FRA")
    accept_invitation(proposal, by=negotiation.germany)
    withdraw_proposal(proposal, by=negotiation.brazil)
    assert _state()[0] == [("DEU", "accepted"), ("FRA", "ended")]
    event = _last_event()
    assert (event.kind, event.payload) == (
        "proposal.withdrawn",
        {"proposal": proposal.pk, "provision": "p2", "ended_invitations": ["FRA"]},
    )
    assert queries.pending_invitations(negotiation.process, "FRA") == []


def test_invitations_are_refused_for_their_reasons_and_store_nothing(negotiation):
    proposal = _proposal(negotiation)
    invite_cosponsor(proposal, by=negotiation.brazil, invitee="FRA")
    cases = [
        (negotiation.germany, "FRA", None, NotTheProposer(proposal.pk)),
        (negotiation.chair, "DEU", None, NotPermitted(Reason.NOT_A_DELEGATE)),
        (negotiation.outsider, "DEU", None, NotPermitted(Reason.NOT_A_DELEGATE)),
        (negotiation.brazil, "DEU", "DEU", NotPermitted(Reason.OTHER_DELEGATION)),
        (negotiation.brazil, "VAT", None, InviteeNotAMember("VAT")),
        (negotiation.brazil, "BRA", None, InviteeNotAMember("BRA")),
        (negotiation.brazil, "CHN", None, InviteeNotAMember("CHN")),
        (negotiation.brazil, "FRA", None, AlreadyInvited("FRA")),
    ]
    for by, invitee, delegation, error in cases:
        assert_refused_without_trace(
            error,
            _state,
            lambda by=by, invitee=invitee, delegation=delegation: invite_cosponsor(
                proposal, by=by, invitee=invitee, delegation=delegation
            ),
        )


def test_nothing_is_co_sponsored_once_the_proposal_is_withdrawn(negotiation):
    proposal = _proposal(negotiation)
    invite_cosponsor(proposal, by=negotiation.brazil, invitee="DEU")
    withdraw_proposal(proposal, by=negotiation.brazil)
    error = ProposalNotOpen(proposal.pk, "withdrawn")
    for act in (
        lambda: invite_cosponsor(proposal, by=negotiation.brazil, invitee="FRA"),
        lambda: accept_invitation(proposal, by=negotiation.germany),
        lambda: decline_invitation(proposal, by=negotiation.germany),
    ):
        assert_refused_without_trace(error, _state, act)


def test_answers_are_refused_for_their_reasons_and_store_nothing(negotiation):
    proposal = _proposal(negotiation)
    invite_cosponsor(proposal, by=negotiation.brazil, invitee="DEU")
    french = make_user("fra")
    accredit(negotiation.process, by=None, user=french, role=Role.DELEGATE, delegation="FRA")
    cases = [
        (french, None, NotInvited(proposal.pk)),
        (negotiation.brazil, None, NotInvited(proposal.pk)),
        (negotiation.holy_see, None, NotPermitted(Reason.NOT_A_DELEGATE)),
        (negotiation.germany, "FRA", NotPermitted(Reason.OTHER_DELEGATION)),
    ]
    for by, delegation, error in cases:
        for act in (accept_invitation, decline_invitation):
            assert_refused_without_trace(
                error,
                _state,
                lambda act=act, by=by, delegation=delegation: act(
                    proposal, by=by, delegation=delegation
                ),
            )


def test_my_pending_invitations_are_those_on_open_proposals(negotiation):
    first = _proposal(negotiation)
    second = submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p4", wording="New text."
    )
    invite_cosponsor(first, by=negotiation.brazil, invitee="DEU")
    invite_cosponsor(second, by=negotiation.brazil, invitee="DEU")
    assert [i.proposal for i in queries.pending_invitations(negotiation.process, "DEU")] == [
        first,
        second,
    ]
    accept_invitation(first, by=negotiation.germany)
    assert [i.proposal for i in queries.pending_invitations(negotiation.process, "DEU")] == [second]
    assert queries.pending_invitations(negotiation.process, None) == []
