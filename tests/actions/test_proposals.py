import pytest
from tests.builders import assert_refused_without_trace

from accord.actions.proposals import submit_proposal
from accord.core.amendments import derive_amendment
from accord.core.errors import (
    EmptyText,
    NotAmendable,
    NotPermitted,
    TextTooLong,
    UnchangedText,
    UnknownProvision,
    VersionNotCurrent,
)
from accord.core.participants import Reason
from accord.core.provisions import content_hash
from accord.store import convert, models

pytestmark = pytest.mark.django_db

OLD_2 = (
    "States should not conduct or knowingly support ICT activity contrary to their "
    "obligations under international law."
)
NEW_2 = (
    "States shall not conduct or knowingly support ICT activity contrary to their "
    "obligations under international law and the Charter of the United Nations."
)


def _counts():
    return models.Proposal.objects.count(), models.Event.objects.count()


def test_a_delegate_proposes_new_wording_and_one_event_records_it(negotiation):
    events_before = models.Event.objects.count()
    proposal = submit_proposal(
        negotiation.version,
        by=negotiation.brazil,
        provision_uid="p2",
        wording=NEW_2,
        justification="  Firmer.  ",
    )

    assert (proposal.delegation.code, proposal.on_behalf_of, proposal.wording) == (
        "BRA",
        None,
        NEW_2,
    )
    assert proposal.justification == "Firmer."
    assert proposal.amendment == convert.amendment_json(derive_amendment(OLD_2, NEW_2))
    assert proposal.amendment["ops"][0] == {
        "kind": "replace",
        "start": 1,
        "end": 2,
        "old": "should ",
        "new": "shall ",
    }
    events = list(models.Event.objects.filter(pk__gt=0).order_by("id")[events_before:])
    assert len(events) == 1
    event = events[0]
    assert (event.kind, event.actor, event.delegation.code, event.process) == (
        "proposal.submitted",
        negotiation.brazil,
        "BRA",
        negotiation.process,
    )
    assert event.subject == f"proposal:{proposal.pk}"
    assert event.payload == {
        "proposal": proposal.pk,
        "document": "report",
        "version": 1,
        "provision": "p2",
        "label": "2",
        "on_behalf_of": None,
        "base_hash": content_hash(OLD_2),
        "wording_hash": content_hash(NEW_2),
    }


def test_a_delegate_holding_a_group_mandate_proposes_on_its_behalf(negotiation):
    proposal = submit_proposal(
        negotiation.version,
        by=negotiation.germany,
        provision_uid="p4",
        wording="The norms complement international law.",
        on_behalf_of="eu",
    )
    assert (proposal.delegation.code, proposal.on_behalf_of.code) == ("DEU", "eu")
    assert models.Event.objects.last().payload["on_behalf_of"] == "eu"


def test_a_sub_paragraph_can_be_amended(negotiation):
    proposal = submit_proposal(
        negotiation.version,
        by=negotiation.brazil,
        provision_uid="p3-a",
        wording="by designating national points of contact;",
    )
    assert proposal.amendment["ops"][0]["new"] == "national "
    assert proposal.wording == "by designating national points of contact;"


def _refused(negotiation, error, **kwargs):
    arguments = {"by": negotiation.brazil, "provision_uid": "p2", "wording": NEW_2} | kwargs
    version = arguments.pop("version", negotiation.version)
    assert_refused_without_trace(error, _counts, lambda: submit_proposal(version, **arguments))


@pytest.mark.parametrize(
    ("who", "reason"),
    [
        ("holy_see", Reason.NOT_A_DELEGATE),
        ("chair", Reason.NOT_A_DELEGATE),
        ("secretariat", Reason.NOT_A_DELEGATE),
        ("stakeholder", Reason.NOT_A_DELEGATE),
        ("outsider", Reason.NOT_A_DELEGATE),
    ],
)
def test_only_delegates_propose(negotiation, who, reason):
    _refused(negotiation, NotPermitted(reason), by=getattr(negotiation, who))


def test_an_observer_delegate_cannot_propose(negotiation):
    models.Accreditation.objects.filter(user=negotiation.holy_see).update(role="delegate")
    _refused(negotiation, NotPermitted(Reason.NOT_A_MEMBER), by=negotiation.holy_see)


def test_a_delegate_cannot_propose_for_another_delegation(negotiation):
    _refused(negotiation, NotPermitted(Reason.OTHER_DELEGATION), delegation="DEU")


def test_a_delegate_cannot_speak_for_a_group_without_its_mandate(negotiation):
    _refused(negotiation, NotPermitted(Reason.NO_GROUP_MANDATE), on_behalf_of="eu")


def test_unknown_provision(negotiation):
    _refused(negotiation, UnknownProvision("p99"), provision_uid="p99")


def test_section_headings_are_not_amendable(negotiation):
    _refused(negotiation, NotAmendable("s-a"), provision_uid="s-a")


@pytest.mark.parametrize("wording", ["", "   \n\t "])
def test_empty_wording(negotiation, wording):
    _refused(negotiation, EmptyText(), wording=wording)


def test_oversized_wording(negotiation):
    _refused(negotiation, TextTooLong(length=15_001, limit=15_000), wording="x" * 15_001)


def test_oversized_justification(negotiation):
    _refused(negotiation, TextTooLong(length=3_001, limit=3_000), justification="y" * 3_001)


def test_unchanged_wording_even_with_different_spacing(negotiation):
    _refused(negotiation, UnchangedText("p2"), wording=OLD_2.replace(" ", "  \n"))


def test_proposal_on_a_version_that_is_not_current(negotiation):
    zero = negotiation.version
    models.Version.objects.create(
        document=zero.document,
        number=2,
        label="Rev.1",
        title=zero.title,
        issued_at=zero.issued_at,
        content_hash=zero.content_hash,
    )
    _refused(negotiation, VersionNotCurrent(version="Zero draft", current="Rev.1"))


def _proposal(negotiation):
    return submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", wording=NEW_2
    )


def test_the_proposing_delegation_withdraws_its_proposal_with_one_event(negotiation):
    from accord.actions.proposals import withdraw_proposal

    proposal = _proposal(negotiation)
    withdrawn = withdraw_proposal(proposal, by=negotiation.brazil)
    assert withdrawn.status == "withdrawn"
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.delegation.code, event.payload) == (
        "proposal.withdrawn",
        negotiation.brazil,
        "BRA",
        {"proposal": proposal.pk, "provision": "p2"},
    )


@pytest.mark.parametrize("who", ["germany", "chair", "holy_see", "outsider"])
def test_nobody_else_withdraws_it(negotiation, who):
    from accord.actions.proposals import withdraw_proposal

    proposal = _proposal(negotiation)
    before = _counts()
    with pytest.raises(NotPermitted):
        withdraw_proposal(proposal, by=getattr(negotiation, who))
    assert _counts() == before
    proposal.refresh_from_db()
    assert proposal.status == "open"


def test_a_withdrawn_proposal_cannot_be_withdrawn_again(negotiation):
    from accord.actions.proposals import NotOpen, withdraw_proposal

    proposal = _proposal(negotiation)
    withdraw_proposal(proposal, by=negotiation.brazil)
    before = _counts()
    with pytest.raises(NotOpen) as raised:
        withdraw_proposal(proposal, by=negotiation.brazil)
    assert raised.value == NotOpen(proposal.pk, "withdrawn")
    assert _counts() == before
