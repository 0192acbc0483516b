"""What an operator asks of an instance: is the database answering, is a worker running the
background tasks, how fresh is the latest checkpoint, how long is the queue."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import DatabaseError, connection
from django.db.models import Case, F, Max, Min, When
from django.db.models.functions import Greatest
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from accord.store import models

# A worker finishes a periodic task every few seconds; none for this long means none runs.
WORKER_SILENT_AFTER = timedelta(minutes=1)
# A checkpoint is signed at least every five minutes while a worker runs.
CHECKPOINT_STALE_AFTER = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class Check:
    ok: bool
    detail: str
    age_seconds: float | None = None


def _age(now: datetime, moment: datetime | None) -> float | None:
    return None if moment is None else round((now - moment).total_seconds(), 3)


def readiness(now: datetime) -> dict[str, Check]:
    """Each check of `/readyz` at ``now``: the database, the worker's last sign of life (the
    latest task it finished), the latest checkpoint's age."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = Check(True, "answering")
    except DatabaseError as error:
        failed = Check(False, f"not answering: {type(error).__name__}")
        return {"database": failed, "worker": failed, "checkpoint": failed}
    finished = DBTaskResult.objects.aggregate(last=Max("finished_at"))["last"]
    worker_age = _age(now, finished)
    if worker_age is None:
        worker = Check(False, "no background task has ever finished: is `accord worker` running?")
    elif worker_age > WORKER_SILENT_AFTER.total_seconds():
        worker = Check(False, "no background task finished lately", worker_age)
    else:
        worker = Check(True, "finishing tasks", worker_age)
    latest = models.Checkpoint.objects.order_by("-id").values_list("signed_at", flat=True).first()
    checkpoint_age = _age(now, latest)
    if checkpoint_age is None:
        checkpoint = Check(False, "no checkpoint signed yet")
    elif checkpoint_age > CHECKPOINT_STALE_AFTER.total_seconds():
        checkpoint = Check(False, "the latest checkpoint is old", checkpoint_age)
    else:
        checkpoint = Check(True, "fresh", checkpoint_age)
    return {"database": database, "worker": worker, "checkpoint": checkpoint}


@dataclass(frozen=True, slots=True)
class Figures:
    """The shared figures of the record and the task queue, as the metrics show them."""

    queue_depth: int
    oldest_ready_seconds: float
    running: int
    events: int
    checkpoint_age_seconds: float | None


def figures(now: datetime) -> Figures:
    """The task queue at ``now`` (ready tasks, and how long the oldest has waited since it
    could run), tasks running, events in the record and the checkpoint's age."""
    ready = DBTaskResult.objects.ready()
    # A task queued to run later has waited only since it could run.
    waited_since = ready.annotate(
        runnable_since=Case(
            When(run_after=get_date_max(), then=F("enqueued_at")),
            default=Greatest("enqueued_at", "run_after"),
        )
    ).aggregate(since=Min("runnable_since"))["since"]
    head = models.ChainHead.objects.filter(pk=1).values_list("seq", flat=True).first()
    latest = models.Checkpoint.objects.order_by("-id").values_list("signed_at", flat=True).first()
    return Figures(
        queue_depth=ready.count(),
        oldest_ready_seconds=_age(now, waited_since) or 0.0,
        running=DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count(),
        events=head or 0,
        checkpoint_age_seconds=_age(now, latest),
    )
