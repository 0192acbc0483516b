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
from datetime import datetime

from django.utils import timezone

from accord.actions.export_jobs import forget_finished_export_jobs, resume_export_jobs
from accord.actions.silence import close_due_silence_procedures
from accord.actions.stakeholders import decide_due_stakeholder_requests

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    name: str
    run: Callable[[datetime], Sequence[object]]


JOBS: list[Job] = [
    Job("close-silence-procedures", close_due_silence_procedures),
    Job("decide-stakeholder-requests", decide_due_stakeholder_requests),
    Job("resume-export-jobs", resume_export_jobs),
    Job("forget-finished-export-jobs", forget_finished_export_jobs),
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
