from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone
from tests.builders import DRAFT, assert_refused_without_trace

from accord.actions.adoption import record_adoption
from accord.actions.preconditions import AlreadyAdopted
from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.actions.silence import (
    SilenceAlreadyOpen,
    break_silence,
    close_due_silence_procedures,
    launch_silence,
    withdraw_silence,
)
from accord.core.errors import (
    DeadlinePassed,
    DeadlineTooShort,
    Missing,
    NoProvisionsNamed,
    NotPermitted,
    ProposalsFrozen,
    SilenceClosed,
    SilenceClosedByAdoption,
    SilenceNotAllowed,
    SilenceSuperseded,
    SilenceWithdrawn,
    TextTooLong,
    UnknownProvision,
)
from accord.core.participants import Reason
from accord.core.silence import MAX_LETTER_CHARS
from accord.store import models, queries

pytestmark = pytest.mark.django_db


def _state():
    return (
        list(models.SilenceProcedure.objects.values_list("pk", "closed_at", "state", "reason")),
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
    assert (procedure.version, procedure.launched_by, procedure.closed_at, procedure.state) == (
        negotiation.version,
        negotiation.chair,
        None,
        "running",
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
    models.SilenceProcedure.objects.update(closed_at=timezone.now(), state="broken")
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
        SilenceClosed(procedure.deadline.isoformat()),
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
    assert (procedure.state, procedure.closed_at) == ("passed", now)
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
        "state": "passed",
        "outcome": "adopted",
        "broken_by": [],
        "paragraphs": {},
        "letters_not_counted": [],
        "content_hash": text.content_hash,
        "provision_hashes": hashes,
    }
    report = queries.consensus_report(negotiation.version.document)
    assert report is not None
    assert report.adoption == adoption
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
    assert (procedure.state, procedure.adoption, procedure.closed_at) == ("broken", None, now)
    assert models.Adoption.objects.count() == 0
    payload = models.Event.objects.last().payload
    assert (payload["state"], payload["outcome"], payload["broken_by"], payload["paragraphs"]) == (
        "broken",
        "broken",
        ["BRA", "DEU"],
        {"BRA": ["p2", "p4"], "DEU": ["p3", "p3-a"]},
    )
    assert payload["provision_hashes"] == {}
    assert _launch(negotiation).pk  # a new procedure may follow


def test_a_procedure_before_its_deadline_stays_open_and_closing_twice_does_nothing(negotiation):
    procedure = _launch(negotiation)
    assert close_due_silence_procedures(procedure.deadline - timedelta(seconds=1)) == []
    assert _state()[0] == [(procedure.pk, None, "running", "")]
    assert close_due_silence_procedures(procedure.deadline) == [procedure]
    after = _state()
    assert close_due_silence_procedures(procedure.deadline + timedelta(days=1)) == []
    assert _state() == after


# The lifecycle: a procedure closes once, as passed, broken, superseded, withdrawn or closed
# by adoption, and only a running one on the current text of a document not adopted takes a
# letter. These run at fixed moments.

LAUNCHED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
REVISED = LAUNCHED + timedelta(days=1)
REV1 = DRAFT.replace("three substantive sessions", "four substantive sessions")


def _launch_at_fixed_time(negotiation):
    with time_machine.travel(LAUNCHED, tick=False):
        return launch_silence(
            negotiation.version, by=negotiation.chair, deadline=LAUNCHED + timedelta(days=3)
        )


def _revise(negotiation):
    with time_machine.travel(REVISED, tick=False):
        return issue_revision(
            negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1"
        )


def _letter(procedure, negotiation):
    return lambda: break_silence(
        procedure, by=negotiation.brazil, letter="Para 2.", provisions=["p2"]
    )


def test_a_revision_supersedes_the_procedure_running_on_the_version_it_replaces(negotiation):
    procedure = _launch_at_fixed_time(negotiation)
    break_silence(procedure, by=negotiation.brazil, letter="Para 2.", provisions=["p2"])
    revision = _revise(negotiation)
    procedure.refresh_from_db()
    assert (procedure.state, procedure.closed_at, procedure.superseded_by, procedure.adoption) == (
        "superseded",
        REVISED,
        revision,
        None,
    )
    events = list(models.Event.objects.order_by("-seq")[:2])
    assert [e.kind for e in events] == ["silence.superseded", "revision.issued"]
    assert (events[0].actor, events[0].subject) == (negotiation.chair, "document:report")
    assert events[0].payload == {
        "procedure": procedure.pk,
        "document": "report",
        "version": 1,
        "state": "superseded",
        "breaks": 1,
        "revision": 2,
    }
    # Silence follows the text: a new procedure on the revision may be launched, and the
    # superseded one never closes again at its old deadline.
    with time_machine.travel(REVISED, tick=False):
        again = launch_silence(revision, by=negotiation.chair, deadline=REVISED + timedelta(days=3))
    assert again.state == "running"
    assert close_due_silence_procedures(procedure.deadline) == []


def test_a_superseded_procedure_takes_no_letter(negotiation):
    procedure = _launch_at_fixed_time(negotiation)
    _revise(negotiation)
    with time_machine.travel(REVISED, tick=False):
        assert_refused_without_trace(
            SilenceSuperseded("report"), _state, _letter(procedure, negotiation)
        )


def test_an_adoption_at_a_meeting_closes_the_running_procedure(negotiation):
    procedure = _launch_at_fixed_time(negotiation)
    with time_machine.travel(REVISED, tick=False):
        adoption = record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    procedure.refresh_from_db()
    assert (procedure.state, procedure.closed_at, procedure.adoption) == (
        "closed-by-adoption",
        REVISED,
        adoption,
    )
    event = models.Event.objects.last()
    assert (event.kind, event.actor) == ("silence.ended", negotiation.chair)
    assert event.payload == {
        "procedure": procedure.pk,
        "document": "report",
        "version": 1,
        "state": "closed-by-adoption",
        "breaks": 0,
        "adoption": adoption.pk,
    }
    with time_machine.travel(REVISED, tick=False):
        assert_refused_without_trace(
            SilenceClosedByAdoption("report"), _state, _letter(procedure, negotiation)
        )
    assert close_due_silence_procedures(procedure.deadline) == []
    assert models.Adoption.objects.count() == 1


def test_an_objection_at_a_meeting_leaves_the_procedure_running(negotiation):
    procedure = _launch_at_fixed_time(negotiation)
    with time_machine.travel(REVISED, tick=False):
        record_adoption(negotiation.version, by=negotiation.chair, objections=["BRA"], confirm=True)
        _letter(procedure, negotiation)()
    procedure.refresh_from_db()
    assert (procedure.state, procedure.closed_at) == ("running", None)


def test_the_chair_withdraws_a_running_procedure_with_a_reason(negotiation):
    procedure = _launch_at_fixed_time(negotiation)
    with time_machine.travel(REVISED, tick=False):
        withdrawn = withdraw_silence(
            procedure, by=negotiation.chair, reason="  Consultations resume on paragraph 3.  "
        )
    assert (withdrawn.state, withdrawn.closed_at, withdrawn.reason) == (
        "withdrawn",
        REVISED,
        "Consultations resume on paragraph 3.",
    )
    assert models.Adoption.objects.count() == 0
    event = models.Event.objects.last()
    assert (event.kind, event.actor) == ("silence.withdrawn", negotiation.chair)
    assert event.payload == {
        "procedure": procedure.pk,
        "document": "report",
        "version": 1,
        "state": "withdrawn",
        "breaks": 0,
        "reason": "Consultations resume on paragraph 3.",
    }
    with time_machine.travel(REVISED, tick=False):
        assert_refused_without_trace(
            SilenceWithdrawn("report"), _state, _letter(procedure, negotiation)
        )
        assert_refused_without_trace(
            SilenceWithdrawn("report"),
            _state,
            lambda: withdraw_silence(procedure, by=negotiation.chair, reason="Again."),
        )
        # Withdrawn, it no longer blocks a new procedure.
        assert _launch(negotiation).state == "running"


@pytest.mark.parametrize(
    ("who", "reason", "error"),
    [
        ("brazil", "Reason.", NotPermitted(Reason.NOT_THE_CHAIR)),
        ("secretariat", "Reason.", NotPermitted(Reason.NOT_THE_CHAIR)),
        ("chair", "   ", Missing("withdrawal")),
        (
            "chair",
            "x" * (MAX_LETTER_CHARS + 1),
            TextTooLong(MAX_LETTER_CHARS + 1, MAX_LETTER_CHARS),
        ),
    ],
)
def test_bad_withdrawals_are_refused_and_store_nothing(negotiation, who, reason, error):
    procedure = _launch_at_fixed_time(negotiation)
    with time_machine.travel(REVISED, tick=False):
        assert_refused_without_trace(
            error,
            _state,
            lambda: withdraw_silence(procedure, by=getattr(negotiation, who), reason=reason),
        )


def test_a_closed_procedure_cannot_be_withdrawn(negotiation):
    procedure = _launch_at_fixed_time(negotiation)
    close_due_silence_procedures(procedure.deadline)
    assert_refused_without_trace(
        SilenceClosed(procedure.deadline.isoformat()),
        _state,
        lambda: withdraw_silence(procedure, by=negotiation.chair, reason="Too late."),
    )


def test_a_procedure_left_running_on_a_text_decided_otherwise_adopts_nothing_at_its_deadline(
    negotiation,
):
    # Written past the actions, as a decision recorded without closing the procedure would be.
    procedure = _launch_at_fixed_time(negotiation)
    models.Adoption.objects.create(
        version=negotiation.version, adopted=True, decided_at=REVISED, recorded_by=None
    )
    with time_machine.travel(REVISED, tick=False):
        assert_refused_without_trace(
            SilenceClosedByAdoption("report"), _state, _letter(procedure, negotiation)
        )
    [closed] = close_due_silence_procedures(procedure.deadline)
    assert (closed.state, closed.adoption) == ("closed-by-adoption", None)
    assert models.Event.objects.last().payload["outcome"] == "closed-by-adoption"
    assert models.Adoption.objects.count() == 1


def test_a_procedure_left_running_on_a_replaced_version_is_superseded_at_its_deadline(
    negotiation,
):
    procedure = _launch_at_fixed_time(negotiation)
    models.Version.objects.create(
        document=negotiation.version.document,
        number=2,
        label="Rev.1",
        title=negotiation.version.title,
        issued_at=REVISED,
        content_hash="x",
    )
    with time_machine.travel(REVISED, tick=False):
        assert_refused_without_trace(
            SilenceSuperseded("report"), _state, _letter(procedure, negotiation)
        )
    [closed] = close_due_silence_procedures(procedure.deadline)
    assert closed.state == "superseded"
    assert models.Adoption.objects.count() == 0


def _proposal():
    return (models.Proposal.objects.count(), models.Event.objects.count())


def test_proposals_on_a_text_under_silence_are_allowed_by_default(negotiation):
    _launch_at_fixed_time(negotiation)
    with time_machine.travel(REVISED, tick=False):
        proposal = submit_proposal(
            negotiation.version, by=negotiation.brazil, provision_uid="p4", wording="Other."
        )
    assert proposal.pk


def test_where_the_rules_freeze_proposals_none_is_made_while_silence_runs(negotiation):
    negotiation.process.proposals_under_silence = "frozen"
    negotiation.process.save()
    procedure = _launch_at_fixed_time(negotiation)

    def propose():
        return submit_proposal(
            negotiation.version, by=negotiation.brazil, provision_uid="p4", wording="Other."
        )

    with time_machine.travel(REVISED, tick=False):
        assert_refused_without_trace(ProposalsFrozen("report"), _proposal, propose)
        withdraw_silence(procedure, by=negotiation.chair, reason="Back to consultations.")
        assert propose().pk


@pytest.mark.parametrize("decision_rule", ["consensus", "vote-two-thirds"])
def test_no_silence_procedure_where_the_rules_do_not_provide_for_one(negotiation, decision_rule):
    models.Process.objects.filter(pk=negotiation.process.pk).update(decision_rule=decision_rule)
    negotiation.version.document.process.refresh_from_db()
    assert_refused_without_trace(SilenceNotAllowed(), _state, lambda: _launch(negotiation))
