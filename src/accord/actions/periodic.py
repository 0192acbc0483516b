"""Periodic jobs: what the instance does by itself when a deadline passes, without anyone
visiting a page. Each job is an action that takes the current time and returns what it
changed, each change written as its own event.

`run_due` runs every job once. ``accord worker`` repeats that every few seconds, and
``accord demo`` and ``accord serve`` run it beside the web server (`accord.cli.serve`).
Jobs are idempotent: a closed procedure is never closed again, so two workers may run.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from accord.actions.export_jobs import forget_finished_export_jobs, resume_export_jobs
from accord.actions.silence import close_due_silence_procedures
from accord.actions.stakeholders import decide_due_stakeholder_requests
from accord.store import tree

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    name: str
    run: Callable[[datetime], Sequence[object]]


# A checkpoint is signed when events were appended since the last one, and at least this
# often even when none were, so that a kept checkpoint shows how fresh the log it saw was.
CHECKPOINT_AT_LEAST_EVERY = timedelta(minutes=5)


def sign_due_checkpoint(now: datetime) -> list[object]:
    """Sign a checkpoint of the Merkle tree over the events (`accord.store.tree`), when one
    is due. A checkpoint is a signature over the log, not a change of state: it writes no
    event of its own (an event would need a checkpoint in turn)."""
    made = tree.sign_checkpoint(now, every=CHECKPOINT_AT_LEAST_EVERY)
    return [made] if made else []


JOBS: list[Job] = [
    Job("close-silence-procedures", close_due_silence_procedures),
    Job("decide-stakeholder-requests", decide_due_stakeholder_requests),
    Job("resume-export-jobs", resume_export_jobs),
    Job("forget-finished-export-jobs", forget_finished_export_jobs),
    # Last, so that the checkpoint covers what the jobs before it recorded.
    Job("sign-checkpoint", sign_due_checkpoint),
]


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
