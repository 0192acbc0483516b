import pytest

from accord.actions.adoption import record_adoption
from accord.actions.preconditions import AlreadyAdopted
from accord.actions.processes import NotParticipating
from accord.actions.proposals import submit_proposal
from accord.core.errors import NotPermitted, UnknownProvision
from accord.core.provisions import content_hash
from accord.store import models

pytestmark = pytest.mark.django_db


def _counts():
    return (
        models.Adoption.objects.count(),
        models.ExplanationOfPosition.objects.count(),
        models.Event.objects.count(),
    )


def test_adopted_by_consensus_with_a_disassociation_and_explanations(negotiation):
    adoption = record_adoption(
        negotiation.version,
        by=negotiation.chair,
        disassociations={"FRA": ["p2"]},
        explanations={"BRA": "Brazil joins consensus and reads paragraph 4 as non-binding."},
        confirm=True,
    )
    assert adoption.adopted
    assert adoption.disassociations == {"FRA": ["p2"]}
    assert adoption.provision_hashes["p4"] == content_hash(
        "The voluntary, non-binding norms complement the application of international law."
    )
    assert set(adoption.provision_hashes) == {"p1", "p2", "p3", "p3-a", "p3-b", "p4"}
    assert list(adoption.explanations.values_list("delegation__code", flat=True)) == ["BRA"]
    event = models.Event.objects.last()
    assert (event.kind, event.actor) == ("adoption.recorded", negotiation.chair)
    assert {
        k: event.payload[k]
        for k in (
            "adopted",
            "blocking",
            "disassociations",
            "explanations",
            "objections_not_counted",
        )
    } == {
        "adopted": True,
        "blocking": [],
        "disassociations": {"FRA": ["p2"]},
        "explanations": ["BRA"],
        "objections_not_counted": [],
    }


def test_one_member_objecting_blocks_consensus_but_an_observer_does_not(negotiation):
    blocked = record_adoption(
        negotiation.version, by=negotiation.chair, objections=["DEU"], confirm=True
    )
    assert not blocked.adopted
    assert models.Event.objects.last().payload["blocking"] == ["DEU"]
    passed = record_adoption(
        negotiation.version, by=negotiation.chair, objections=["VAT"], confirm=True
    )
    assert passed.adopted
    assert models.Event.objects.last().payload["objections_not_counted"] == ["VAT"]


def test_once_adopted_nothing_more_is_proposed_or_adopted(negotiation):
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    before = _counts()
    with pytest.raises(AlreadyAdopted):
        record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    with pytest.raises(AlreadyAdopted):
        submit_proposal(
            negotiation.version, by=negotiation.brazil, provision_uid="p4", wording="Other words."
        )
    assert _counts() == before


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"objections": ["KEN"]}, NotParticipating("KEN")),
        ({"disassociations": {"FRA": ["p99"]}}, UnknownProvision("p99")),
    ],
)
def test_bad_records_are_refused_and_store_nothing(negotiation, kwargs, error):
    before = _counts()
    with pytest.raises(type(error)) as raised:
        record_adoption(negotiation.version, by=negotiation.chair, **kwargs, confirm=True)
    assert raised.value == error
    assert _counts() == before


@pytest.mark.parametrize("who", ["secretariat", "brazil"])
def test_only_the_chair_records_an_adoption(negotiation, who):
    before = _counts()
    with pytest.raises(NotPermitted):
        record_adoption(negotiation.version, by=getattr(negotiation, who), confirm=True)
    assert _counts() == before


def test_once_adopted_positions_and_withdrawals_are_refused_too(negotiation):
    from accord.actions.positions import record_position
    from accord.actions.proposals import withdraw_proposal
    from accord.core.positions import Stance

    proposal = submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p4", wording="Other words."
    )
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    before = _counts()
    with pytest.raises(AlreadyAdopted):
        record_position(
            negotiation.version, by=negotiation.brazil, provision_uid="p4", stance=Stance.SUPPORT
        )
    with pytest.raises(AlreadyAdopted):
        withdraw_proposal(proposal, by=negotiation.brazil)
    assert _counts() == before
    assert models.Position.objects.count() == 0
