"""Long exports rendered in the background: a job per file asked for, its progress, its file.

The compilation's PDF of a large negotiation takes most of a minute to set, longer than a
page should make anyone wait. A page or endpoint asks for it with `request_export`, which
queues the task `render_export` in the same transaction as the job (`django.tasks` on the
database backend): once the request commits, `accord worker` — never the web server — renders
it and reports each part of the PDF as it is set on the job, which the pages show. The
periodic jobs fail the jobs whose worker stopped while rendering them
(`fail_abandoned_export_jobs`: asking again starts a new one) and forget finished jobs, file
and all, after `KEPT_FOR` (`forget_finished_export_jobs`).

An export reads the record and changes nothing in the negotiation, so a job writes no event.
"""

import logging
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accord.documents.model import Format, View
from accord.store import exports, models
from accord.words.documents import translated_words

logger = logging.getLogger(__name__)

Status = models.ExportJob.Status
UNFINISHED = (Status.PENDING, Status.RUNNING)
# A running job that has not reported progress for this long was cut short (its worker
# stopped while it ran): it fails, and asking again starts a new job.
STALE_AFTER = timedelta(minutes=10)
# How long a finished job, and its file, is kept.
KEPT_FOR = timedelta(days=7)


def request_export(
    version: models.Version,
    *,
    by: User | None,
    view: View,
    fmt: Format,
    against: models.Version | None = None,
) -> models.ExportJob:
    """A job making ``view`` of ``version`` in ``fmt`` (``against``: the older version of a
    redline); an unfinished job for the same file is reused rather than doubled. Its task is
    queued in the current transaction, so a worker sees both or neither. Raises
    `exports.NoSuchView` for a redline without ``against``."""
    if view is View.REDLINE and against is None:
        raise exports.NoSuchView(view.value)
    language = translation.get_language() or "en"
    same = models.ExportJob.objects.filter(
        version=version,
        view=view.value,
        format=fmt.value,
        against=against,
        language=language,
        status__in=UNFINISHED,
    ).first()
    if same is not None:
        return same
    now = timezone.now()
    job = models.ExportJob.objects.create(
        version=version,
        against=against,
        view=view.value,
        format=fmt.value,
        language=language,
        requested_by=by,
        requested_at=now,
        updated_at=now,
    )
    render_export.enqueue(job.pk)
    return job


@task()
def render_export(job_id: int) -> dict[str, object]:
    """The task rendering job ``job_id``: its number, status and parts done, or a status of
    ``skipped`` when the job was no longer pending."""
    job = run_export_job(job_id)
    if job is None:
        return {"job": job_id, "status": "skipped"}
    return {"job": job_id, "status": job.status, "done": job.done, "total": job.total}


def run_export_job(job_id: int) -> models.ExportJob | None:
    """Run job ``job_id`` if it is still pending (None otherwise: another worker has it).
    Progress is saved as each part of the file is set; the file is kept when done.
    On an error the job fails with the error's words and keeps no file."""
    now = timezone.now()
    claimed = models.ExportJob.objects.filter(pk=job_id, status=Status.PENDING).update(
        status=Status.RUNNING, started_at=now, updated_at=now, done=0
    )
    if not claimed:
        return None
    job = models.ExportJob.objects.select_related("version__document__process", "against").get(
        pk=job_id
    )
    rows = models.ExportJob.objects.filter(pk=job_id)

    def progress(done: int, total: int) -> None:
        rows.update(done=done, total=total, updated_at=timezone.now())

    try:
        with translation.override(job.language):
            exported = exports.export_view(
                job.version,
                View(job.view),
                Format(job.format),
                against=job.against,
                words=translated_words(),
                chair=_("Chair"),
                progress=progress,
            )
    except Exception as error:
        logger.exception("export job %s failed", job_id)
        finished = timezone.now()
        rows.update(
            status=Status.FAILED,
            error=f"{type(error).__name__}: {error}"[:1000],
            content=None,
            updated_at=finished,
            finished_at=finished,
        )
    else:
        finished = timezone.now()
        rows.update(
            status=Status.DONE,
            content=exported.content,
            filename=exported.filename,
            media_type=exported.media_type,
            updated_at=finished,
            finished_at=finished,
        )
    job.refresh_from_db()
    return job


def fail_abandoned_export_jobs(now: datetime) -> list[int]:
    """Fail the running jobs that have reported no progress for `STALE_AFTER` at ``now``
    (their worker stopped while rendering them); their numbers. For the periodic jobs."""
    abandoned = models.ExportJob.objects.filter(
        status=Status.RUNNING, updated_at__lt=now - STALE_AFTER
    )
    failed = list(abandoned.values_list("pk", flat=True))
    models.ExportJob.objects.filter(pk__in=failed).update(
        status=Status.FAILED,
        error=_("The worker stopped while making this file; ask for it again."),
        updated_at=now,
        finished_at=now,
    )
    return failed


def forget_finished_export_jobs(now: datetime) -> list[int]:
    """Delete the jobs, and their files, that finished more than `KEPT_FOR` before ``now``;
    their numbers. For the periodic worker."""
    old = models.ExportJob.objects.filter(
        status__in=(Status.DONE, Status.FAILED), finished_at__lt=now - KEPT_FOR
    )
    forgotten = list(old.values_list("pk", flat=True))
    models.ExportJob.objects.filter(pk__in=forgotten).delete()
    return forgotten
