from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from tests.tasks import run_ready_tasks

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
        "fail-abandoned-export-jobs": 0,
        "forget-finished-export-jobs": 0,
        "fail-abandoned-tasks": 0,
        "forget-finished-tasks": 0,
        "sign-checkpoint": 1,
    }
    procedure.refresh_from_db()
    assert procedure.closed_at is None
    assert periodic.run_due(procedure.deadline + timedelta(minutes=1)) == {
        "close-silence-procedures": 1,
        "decide-stakeholder-requests": 0,
        "fail-abandoned-export-jobs": 0,
        "forget-finished-export-jobs": 0,
        "fail-abandoned-tasks": 0,
        "forget-finished-tasks": 0,
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


def _queued():
    return sorted(
        (row.args_kwargs["args"][0], row.run_after, row.status)
        for row in DBTaskResult.objects.filter(task_path="accord.actions.periodic.run_job")
    )


def test_the_schedule_queues_each_job_once_a_period_after_now():
    now = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    assert periodic.enqueue_due(now) == [every.job for every in periodic.SCHEDULE]
    assert _queued() == sorted(
        (every.job, now + every.period, TaskResultStatus.READY) for every in periodic.SCHEDULE
    )
    # A job with a run waiting gets no second one, however often the schedule is looked at.
    assert periodic.enqueue_due(now + timedelta(seconds=3)) == []
    assert len(_queued()) == len(periodic.SCHEDULE)


def test_a_silence_deadline_closes_through_the_worker_on_a_fixed_clock(negotiation):
    procedure = _launch(negotiation)
    with time_machine.travel(procedure.deadline - timedelta(seconds=5), tick=False):
        assert periodic.enqueue_due() == [every.job for every in periodic.SCHEDULE]
        assert run_ready_tasks() == 0  # nothing is due before its period has passed
    with time_machine.travel(procedure.deadline + timedelta(seconds=1), tick=False):
        # Five seconds on, the deadline jobs and the checkpoint are due; the hourly ones not.
        assert run_ready_tasks() == 3
        results = {
            row.args_kwargs["args"][0]: (row.status, row.return_value)
            for row in DBTaskResult.objects.exclude(status=TaskResultStatus.READY)
        }
        assert results == {
            "close-silence-procedures": (
                TaskResultStatus.SUCCESSFUL,
                {"close-silence-procedures": 1},
            ),
            "decide-stakeholder-requests": (
                TaskResultStatus.SUCCESSFUL,
                {"decide-stakeholder-requests": 0},
            ),
            "sign-checkpoint": (TaskResultStatus.SUCCESSFUL, {"sign-checkpoint": 1}),
        }
        # The next runs are queued a period after the worker's clock.
        assert periodic.enqueue_due() == [
            "close-silence-procedures",
            "decide-stakeholder-requests",
            "sign-checkpoint",
        ]
    procedure.refresh_from_db()
    assert (procedure.state, procedure.adoption.method) == ("passed", "silence")


def test_a_job_that_fails_fails_its_task_and_keeps_the_error(negotiation, monkeypatch):
    def failing(now):
        raise RuntimeError("the clock stopped")

    monkeypatch.setitem(
        periodic._BY_NAME, "sign-checkpoint", periodic.Job("sign-checkpoint", failing)
    )
    result = periodic.run_job.enqueue("sign-checkpoint")
    assert run_ready_tasks() == 1
    done = periodic.run_job.get_result(result.id)
    assert done.status == TaskResultStatus.FAILED
    assert done.errors[0].exception_class_path == "builtins.RuntimeError"
    assert "the clock stopped" in done.errors[0].traceback


def test_finished_task_results_are_forgotten_after_a_week(negotiation):
    now = timezone.now()
    periodic.run_job.enqueue("sign-checkpoint")
    assert run_ready_tasks() == 1
    waiting = periodic.run_job.enqueue("sign-checkpoint")
    finished = DBTaskResult.objects.get(status=TaskResultStatus.SUCCESSFUL)
    assert periodic.forget_finished_task_results(now + periodic.TASK_RESULTS_KEPT_FOR) == []
    later = finished.finished_at + periodic.TASK_RESULTS_KEPT_FOR + timedelta(seconds=1)
    assert periodic.forget_finished_task_results(later) == [str(finished.pk)]
    assert [str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)] == [waiting.id]


def test_a_task_whose_worker_was_killed_fails_after_an_hour(negotiation):
    taken_at = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    killed = periodic.run_job.enqueue("sign-checkpoint")
    waiting = periodic.run_job.enqueue("sign-checkpoint")
    # A worker took the first and was killed before finishing it: the row stays running.
    DBTaskResult.objects.filter(pk=killed.id).update(
        status=TaskResultStatus.RUNNING, started_at=taken_at, worker_ids=["gone-1"]
    )
    within = taken_at + periodic.TASK_ABANDONED_AFTER
    assert periodic.fail_abandoned_tasks(within) == []
    assert periodic.run_job.get_result(killed.id).status == TaskResultStatus.RUNNING

    after = within + timedelta(seconds=1)
    assert periodic.fail_abandoned_tasks(after) == [killed.id]
    failed = periodic.run_job.get_result(killed.id)
    assert (failed.status, failed.finished_at) == (TaskResultStatus.FAILED, after)
    assert failed.errors[0].exception_class_path == "accord.actions.periodic.WorkerStopped"
    assert failed.errors[0].traceback == (
        "WorkerStopped: The worker running a task stopped before the task finished.\n"
    )
    # The task not yet taken is left to the workers, and nothing is failed twice.
    assert periodic.run_job.get_result(waiting.id).status == TaskResultStatus.READY
    assert periodic.fail_abandoned_tasks(after + timedelta(hours=2)) == []
