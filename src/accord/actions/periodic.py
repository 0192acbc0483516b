"""Periodic jobs: what the instance does by itself when a deadline passes, without anyone
visiting a page. Each job is an action that takes the current time and returns what it
changed, each change written as its own event.

Each job is also a task of Django's tasks framework (`django.tasks`, kept in the database by
`django-tasks-db`), run by `accord worker`. The schedule (`SCHEDULE`) says how often each
job runs: `enqueue_due` queues the next run of each job that has none waiting, to run one
period later, and `accord worker` calls it every second. Jobs are idempotent: a closed
procedure is never closed again, so two workers, or two runs queued at once, do no harm.
`run_due` runs every job at once, in this process (the tests, `accord worker --once`).
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accord.actions.export_jobs import fail_abandoned_export_jobs, forget_finished_export_jobs
from accord.actions.silence import close_due_silence_procedures
from accord.actions.stakeholders import decide_due_stakeholder_requests
from accord.store import tree

log = logging.getLogger(__name__)

# A checkpoint is signed when events were appended since the last one, and at least this
# often even when none were, so that a kept checkpoint shows how fresh the log it saw was.
CHECKPOINT_AT_LEAST_EVERY = timedelta(minutes=5)
# How long a finished task's result is kept, for the pages and for an operator to look at.
TASK_RESULTS_KEPT_FOR = timedelta(days=7)
# A task still running this long after a worker took it was cut short: its worker was killed
# (the longest task, a compilation's PDF, takes about a minute).
TASK_ABANDONED_AFTER = timedelta(hours=1)


class WorkerStopped(Exception):
    """The worker running a task stopped before the task finished."""


def sign_due_checkpoint(now: datetime) -> list[object]:
    """Sign a checkpoint of the Merkle tree over the events (`accord.store.tree`), when one
    is due. A checkpoint is a signature over the log, not a change of state: it writes no
    event of its own (an event would need a checkpoint in turn)."""
    made = tree.sign_checkpoint(now, every=CHECKPOINT_AT_LEAST_EVERY)
    return [made] if made else []


def forget_finished_task_results(now: datetime) -> list[str]:
    """Delete the results of tasks that finished more than `TASK_RESULTS_KEPT_FOR` before
    ``now``; their ids."""
    old = DBTaskResult.objects.filter(
        status__in=(TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED),
        finished_at__lt=now - TASK_RESULTS_KEPT_FOR,
    )
    forgotten = [str(pk) for pk in old.values_list("pk", flat=True)]
    DBTaskResult.objects.filter(pk__in=forgotten).delete()
    return forgotten


def fail_abandoned_tasks(now: datetime) -> list[str]:
    """Fail the tasks that a worker took more than `TASK_ABANDONED_AFTER` before ``now`` and
    never finished (its worker was killed: a worker stopped with SIGTERM finishes its task
    first); their ids. A failed task's result says so, and the queue's figures no longer
    count it as running."""
    abandoned = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - TASK_ABANDONED_AFTER
    )
    failed = [str(pk) for pk in abandoned.values_list("pk", flat=True)]
    DBTaskResult.objects.filter(pk__in=failed, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        return_value=None,
        exception_class_path=f"{WorkerStopped.__module__}.{WorkerStopped.__qualname__}",
        traceback=f"{WorkerStopped.__qualname__}: {WorkerStopped.__doc__}\n",
    )
    return failed


@dataclass(frozen=True, slots=True)
class Job:
    name: str
    run: Callable[[datetime], Sequence[object]]


JOBS: list[Job] = [
    Job("close-silence-procedures", close_due_silence_procedures),
    Job("decide-stakeholder-requests", decide_due_stakeholder_requests),
    Job("fail-abandoned-export-jobs", fail_abandoned_export_jobs),
    Job("forget-finished-export-jobs", forget_finished_export_jobs),
    Job("fail-abandoned-tasks", fail_abandoned_tasks),
    Job("forget-finished-tasks", forget_finished_task_results),
    # Last, so that the checkpoint covers what the jobs before it recorded.
    Job("sign-checkpoint", sign_due_checkpoint),
]
_BY_NAME = {job.name: job for job in JOBS}


def run_due(now: datetime | None = None, jobs: Sequence[Job] | None = None) -> dict[str, int]:
    """Run every job once at ``now`` (the current time by default); how many things each
    changed. A job that fails is logged and the others still run."""
    when = now or timezone.now()
    done = {}
    for job in JOBS if jobs is None else jobs:
        try:
            done[job.name] = len(job.run(when))
        except Exception:
            log.exception("periodic job %s failed", job.name)
            done[job.name] = 0
    return done


@task()
def run_job(name: str) -> dict[str, int]:
    """The task of one periodic job, run at the worker's current time: how many things it
    changed, by the job's name. An error fails the task, and the task's result keeps it."""
    job = _BY_NAME[name]
    return {job.name: len(job.run(timezone.now()))}


@dataclass(frozen=True, slots=True)
class Every:
    """A job run every ``period``."""

    job: str
    period: timedelta


SCHEDULE: tuple[Every, ...] = (
    Every("close-silence-procedures", timedelta(seconds=5)),
    Every("decide-stakeholder-requests", timedelta(seconds=5)),
    Every("fail-abandoned-export-jobs", timedelta(minutes=1)),
    Every("forget-finished-export-jobs", timedelta(hours=1)),
    Every("fail-abandoned-tasks", timedelta(minutes=5)),
    Every("forget-finished-tasks", timedelta(hours=1)),
    Every("sign-checkpoint", timedelta(seconds=5)),
)


def _waiting() -> set[str]:
    """The jobs that have a run queued and not started."""
    queued = DBTaskResult.objects.filter(
        task_path=run_job.module_path, status=TaskResultStatus.READY
    ).values_list("args_kwargs", flat=True)
    return {str(args["args"][0]) for args in queued if args.get("args")}


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Queue the next run of each scheduled job that has none waiting, one period after
    ``now``; the jobs queued."""
    when = now or timezone.now()
    waiting = _waiting()
    queued = []
    for every in SCHEDULE:
        if every.job not in waiting:
            run_job.using(run_after=when + every.period).enqueue(every.job)
            queued.append(every.job)
    return queued


def enqueue_all_now() -> list[str]:
    """Queue one run of every job, to run at once, in the order of `JOBS`; their task ids."""
    return [run_job.enqueue(job.name).id for job in JOBS]
