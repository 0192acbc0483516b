from datetime import timedelta

import pytest
from django.utils import timezone
from tests.builders import assert_refused_without_trace

from accord.actions.adoption import record_adoption
from accord.actions.checks import AlreadyAdopted
from accord.actions.proposals import submit_proposal
from accord.actions.silence import (
    SilenceAlreadyOpen,
    break_silence,
    close_due_silence_procedures,
    launch_silence,
)
from accord.core.errors import (
    DeadlinePassed,
    DeadlineTooShort,
    Missing,
    NoProvisionsNamed,
    NotPermitted,
    UnknownProvision,
)
from accord.core.participants import Reason
from accord.store import models, queries

pytestmark = pytest.mark.django_db


def _state():
    return (
        list(models.SilenceProcedure.objects.values_list("pk", "closed_at", "outcome")),
        list(models.SilenceBreak.objects.values_list("pk", flat=True)),
        models.Adoption.objects.count(),
        models.Event.objects.count(),
    )


def _launch(negotiation, hours=72):
    deadline = timezone.now() + timedelta(hours=hours, minutes=1)
    return launch_silence(negotiation.version, by=negotiation.chair, deadline=deadline)


def _pass_deadline(procedure):
    """Move the deadline into the past, as time passing would."""
    past = timezone.now() - timedelta(seconds=1)
    models.SilenceProcedure.objects.filter(pk=procedure.pk).update(deadline=past)
    procedure.refresh_from_db()
    return past


def test_the_chair_launches_a_silence_on_the_current_version(negotiation):
    procedure = _launch(negotiation)
    assert (procedure.version, procedure.launched_by, procedure.closed_at, procedure.outcome) == (
        negotiation.version,
        negotiation.chair,
        None,
        "",
    )
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.subject) == (
        "silence.launched",
        negotiation.chair,
        "document:report",
    )
    assert event.payload == {
        "procedure": procedure.pk,
        "document": "report",
        "version": 1,
        "content_hash": negotiation.version.content_hash,
        "deadline": procedure.deadline.isoformat(),
        "minimum_hours": 72,
    }


def test_a_deadline_shorter_than_the_rules_allow_is_refused(negotiation):
    deadline = timezone.now() + timedelta(hours=48)
    with pytest.raises(DeadlineTooShort) as refused:
        launch_silence(negotiation.version, by=negotiation.chair, deadline=deadline)
    assert refused.value.minimum_hours == 72.0
    assert 47.9 < refused.value.hours <= 48.0
    assert _state() == ([], [], 0, models.Event.objects.count())
    negotiation.process.silence_minimum_hours = 24
    negotiation.process.save()
    assert launch_silence(negotiation.version, by=negotiation.chair, deadline=deadline).pk


@pytest.mark.parametrize("who", ["secretariat", "brazil", "holy_see", "stakeholder"])
def test_only_the_chair_launches(negotiation, who):
    deadline = timezone.now() + timedelta(days=4)
    assert_refused_without_trace(
        NotPermitted(Reason.NOT_THE_CHAIR),
        _state,
        lambda: launch_silence(
            negotiation.version, by=getattr(negotiation, who), deadline=deadline
        ),
    )


def test_one_procedure_at_a_time_and_none_on_an_adopted_document(negotiation):
    _launch(negotiation)
    assert_refused_without_trace(
        SilenceAlreadyOpen("report"), _state, lambda: _launch(negotiation, hours=100)
    )
    models.SilenceProcedure.objects.update(closed_at=timezone.now(), outcome="broken")
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    assert_refused_without_trace(AlreadyAdopted("report"), _state, lambda: _launch(negotiation))


def test_a_member_breaks_silence_naming_paragraphs(negotiation):
    procedure = _launch(negotiation)
    row = break_silence(
        procedure,
        by=negotiation.brazil,
        letter="  Brazil cannot accept paragraphs 2 and 4.  ",
        provisions=["p2", "p4", "p2"],
    )
    assert (row.delegation.code, row.recorded_by, row.letter, row.provisions) == (
        "BRA",
        negotiation.brazil,
        "Brazil cannot accept paragraphs 2 and 4.",
        ["p2", "p4"],
    )
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.delegation.code) == (
        "silence.broken",
        negotiation.brazil,
        "BRA",
    )
    assert event.payload == {
        "procedure": procedure.pk,
        "document": "report",
        "version": 1,
        "delegation": "BRA",
        "provisions": ["p2", "p4"],
        "letter": "Brazil cannot accept paragraphs 2 and 4.",
    }


@pytest.mark.parametrize(
    ("who", "letter", "provisions", "error"),
    [
        ("holy_see", "Words.", ["p2"], NotPermitted(Reason.NOT_A_DELEGATE)),
        ("stakeholder", "Words.", ["p2"], NotPermitted(Reason.NOT_A_DELEGATE)),
        ("chair", "Words.", ["p2"], NotPermitted(Reason.NOT_A_DELEGATE)),
        ("outsider", "Words.", ["p2"], NotPermitted(Reason.NOT_A_DELEGATE)),
        ("brazil", "   ", ["p2"], Missing("letter")),
        ("brazil", "Words.", [], NoProvisionsNamed()),
        ("brazil", "Words.", ["p99"], UnknownProvision("p99")),
    ],
)
def test_bad_letters_are_refused_and_store_nothing(negotiation, who, letter, provisions, error):
    procedure = _launch(negotiation)
    assert_refused_without_trace(
        error,
        _state,
        lambda: break_silence(
            procedure, by=getattr(negotiation, who), letter=letter, provisions=provisions
        ),
    )


def test_silence_cannot_be_broken_after_the_deadline(negotiation):
    procedure = _launch(negotiation)
    _pass_deadline(procedure)
    assert_refused_without_trace(
        DeadlinePassed(procedure.deadline.isoformat()),
        _state,
        lambda: break_silence(procedure, by=negotiation.brazil, letter="Late.", provisions=["p2"]),
    )
    close_due_silence_procedures(timezone.now())
    assert_refused_without_trace(
        DeadlinePassed(procedure.deadline.isoformat()),
        _state,
        lambda: break_silence(procedure, by=negotiation.brazil, letter="Late.", provisions=["p2"]),
    )


def test_unbroken_silence_adopts_the_version_at_the_deadline(negotiation):
    procedure = _launch(negotiation)
    deadline = _pass_deadline(procedure)
    now = timezone.now()
    assert close_due_silence_procedures(now) == [procedure]
    procedure.refresh_from_db()
    adoption = procedure.adoption
    text = queries.version_value(negotiation.version)
    assert (procedure.outcome, procedure.closed_at) == ("adopted", now)
    assert (adoption.version, adoption.adopted, adoption.method, adoption.decided_at) == (
        negotiation.version,
        True,
        "silence",
        deadline,
    )
    assert (adoption.recorded_by, adoption.objections, adoption.disassociations) == (None, [], {})
    hashes = {p.uid: p.content_hash for p in text if p.is_amendable}
    assert adoption.provision_hashes == hashes
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.subject) == ("silence.closed", None, "document:report")
    assert event.payload == {
        "procedure": procedure.pk,
        "document": "report",
        "version": 1,
        "outcome": "adopted",
        "broken_by": [],
        "paragraphs": {},
        "letters_not_counted": [],
        "content_hash": text.content_hash,
        "provision_hashes": hashes,
    }
    report = queries.consensus_report(negotiation.version.document)
    assert report is not None
    assert report["adoption"] == adoption
    with pytest.raises(AlreadyAdopted):
        submit_proposal(
            negotiation.version, by=negotiation.brazil, provision_uid="p4", wording="Other."
        )


def test_broken_silence_adopts_nothing_and_names_who_broke_it_on_what(negotiation):
    procedure = _launch(negotiation)
    break_silence(procedure, by=negotiation.brazil, letter="Para 2.", provisions=["p2"])
    break_silence(procedure, by=negotiation.germany, letter="Para 3.", provisions=["p3", "p3-a"])
    break_silence(procedure, by=negotiation.brazil, letter="Para 4 too.", provisions=["p4", "p2"])
    now = procedure.deadline
    assert close_due_silence_procedures(now) == [procedure]
    procedure.refresh_from_db()
    assert (procedure.outcome, procedure.adoption, procedure.closed_at) == ("broken", None, now)
    assert models.Adoption.objects.count() == 0
    payload = models.Event.objects.last().payload
    assert (payload["outcome"], payload["broken_by"], payload["paragraphs"]) == (
        "broken",
        ["BRA", "DEU"],
        {"BRA": ["p2", "p4"], "DEU": ["p3", "p3-a"]},
    )
    assert payload["provision_hashes"] == {}
    assert _launch(negotiation).pk  # a new procedure may follow


def test_a_procedure_before_its_deadline_stays_open_and_closing_twice_does_nothing(negotiation):
    procedure = _launch(negotiation)
    assert close_due_silence_procedures(procedure.deadline - timedelta(seconds=1)) == []
    assert _state()[0] == [(procedure.pk, None, "")]
    assert close_due_silence_procedures(procedure.deadline) == [procedure]
    after = _state()
    assert close_due_silence_procedures(procedure.deadline + timedelta(days=1)) == []
    assert _state() == after


def test_a_silence_on_a_version_superseded_meanwhile_lapses(negotiation):
    procedure = _launch(negotiation)
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    closed = close_due_silence_procedures(procedure.deadline)
    assert [(p.pk, p.outcome, p.adoption) for p in closed] == [(procedure.pk, "lapsed", None)]
    assert models.Adoption.objects.count() == 1
