from datetime import timedelta

import pytest
from django.utils import timezone

from accord.actions import periodic
from accord.actions.silence import break_silence, launch_silence
from accord.store import models

pytestmark = pytest.mark.django_db


def _launch(negotiation):
    deadline = timezone.now() + timedelta(hours=73)
    return launch_silence(negotiation.version, by=negotiation.chair, deadline=deadline)


def test_the_jobs_close_a_due_procedure_and_leaves_one_not_yet_due(negotiation):
    procedure = _launch(negotiation)
    early = periodic.run_due(procedure.deadline - timedelta(minutes=1))
    assert early == {
        "close-silence-procedures": 0,
        "decide-stakeholder-requests": 0,
        "resume-export-jobs": 0,
        "forget-finished-export-jobs": 0,
        "sign-checkpoint": 1,
    }
    procedure.refresh_from_db()
    assert procedure.closed_at is None
    assert periodic.run_due(procedure.deadline + timedelta(minutes=1)) == {
        "close-silence-procedures": 1,
        "decide-stakeholder-requests": 0,
        "resume-export-jobs": 0,
        "forget-finished-export-jobs": 0,
        "sign-checkpoint": 1,
    }
    procedure.refresh_from_db()
    assert (procedure.state, procedure.adoption.method) == ("passed", "silence")
    events = models.Event.objects.count()
    assert periodic.run_due(procedure.deadline + timedelta(days=2))["close-silence-procedures"] == 0
    assert models.Event.objects.count() == events


def test_a_failing_job_does_not_stop_the_others(negotiation):
    procedure = _launch(negotiation)

    def failing(now):
        raise RuntimeError("boom")

    jobs = [periodic.Job("failing", failing), periodic.JOBS[0]]
    assert periodic.run_due(procedure.deadline, jobs) == {
        "failing": 0,
        "close-silence-procedures": 1,
    }


def test_break_then_close_through_the_periodic_jobs(negotiation):
    procedure = _launch(negotiation)
    break_silence(procedure, by=negotiation.germany, letter="No.", provisions=["p1"])
    periodic.run_due(procedure.deadline)
    procedure.refresh_from_db()
    assert (procedure.state, procedure.adoption) == ("broken", None)
