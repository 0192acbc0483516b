"""Before recording an outcome the Chair sees what is outstanding and must confirm it; an
outcome with objections reads as not adopted, naming who objected."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accord.actions.adoption import record_adoption
from accord.actions.positions import record_position
from accord.actions.proposals import submit_proposal
from accord.actions.silence import launch_silence
from accord.actions.status import mark_provision_status
from accord.core.adoption import AdoptionNotConfirmed, Checklist, OpenProposal
from accord.core.positions import Stance
from accord.core.status import ActKind
from accord.store import models, queries
from accord.words.refusals import explain

pytestmark = pytest.mark.django_db

UIDS = ("p1", "p2", "p3", "p3-a", "p3-b", "p4")


def _state():
    return (
        models.Adoption.objects.count(),
        models.RecordedVote.objects.count(),
        models.ExplanationOfPosition.objects.count(),
        models.Event.objects.count(),
    )


def _agree_all(negotiation, *, but=()):
    for uid in UIDS:
        if uid not in but:
            mark_provision_status(
                negotiation.version, by=negotiation.chair, provision_uid=uid, kind=ActKind.AGREED
            )


def test_with_every_paragraph_agreed_nothing_is_outstanding(negotiation):
    _agree_all(negotiation)
    assert queries.adoption_checklist(negotiation.version) == Checklist((), (), 0, (), ())
    adoption = record_adoption(negotiation.version, by=negotiation.chair)
    assert adoption.adopted


def test_the_checklist_lists_everything_outstanding_on_the_document(negotiation):
    _agree_all(negotiation, but=("p2",))
    submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p4", wording="Other words."
    )
    record_position(
        negotiation.version, by=negotiation.germany, provision_uid="p1", stance=Stance.RESERVE
    )
    record_position(
        negotiation.version, by=negotiation.brazil, provision_uid="p3", stance=Stance.OBJECT
    )
    launch_silence(
        negotiation.version, by=negotiation.chair, deadline=timezone.now() + timedelta(days=30)
    )
    assert queries.adoption_checklist(negotiation.version) == Checklist(
        not_agreed=("2",),
        open_proposals=(OpenProposal("Brazil", "4", "Zero draft"),),
        silences_running=1,
        reserving=("Germany",),
        objecting=("Brazil",),
    )


def test_an_unconfirmed_adoption_over_outstanding_matters_stores_nothing(negotiation):
    _agree_all(negotiation, but=("p2", "p3"))
    before = _state()
    with pytest.raises(AdoptionNotConfirmed) as refused:
        record_adoption(negotiation.version, by=negotiation.chair, objections=["DEU"])
    assert _state() == before
    assert explain(refused.value) == (
        "Matters are outstanding. 2 paragraphs are not agreed. Confirm that you record the "
        "outcome all the same; nothing was recorded."
    )
    confirmed = record_adoption(
        negotiation.version, by=negotiation.chair, objections=["DEU"], confirm=True
    )
    assert not confirmed.adopted


def test_an_outcome_with_objections_reads_as_not_adopted_naming_who_objected(negotiation):
    record_adoption(
        negotiation.version, by=negotiation.chair, objections=["DEU", "FRA", "VAT"], confirm=True
    )
    [outcome] = queries.outcomes(negotiation.version.document)
    assert (outcome.adoption.adopted, outcome.objecting) == (False, ["Germany", "France"])
    reading = queries.reading_of(negotiation.version, negotiation.outsider)
    assert reading.adoption is None
    assert reading.not_adopted == [outcome]
