"""Long PDFs made in the background: asking queues a task that the worker runs, the job's
progress goes from nothing to every part, the file is a PDF holding the text, a failure is
shown and keeps no file, and a job whose worker stopped fails."""

import io
import re
from datetime import timedelta
from functools import partial

import pytest
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader
from tests.tasks import run_ready_tasks

from accord.actions import export_jobs
from accord.actions.export_jobs import (
    fail_abandoned_export_jobs,
    forget_finished_export_jobs,
    render_export,
    request_export,
    run_export_job,
)
from accord.actions.proposals import submit_proposal
from accord.documents import pdf_export, typst_export
from accord.documents.model import Format, View
from accord.store import exports, models

pytestmark = pytest.mark.django_db

Status = models.ExportJob.Status


@pytest.fixture
def in_parts(monkeypatch, negotiation):
    """The compilation set two entries a part (four parts for the test draft and its
    proposal), so progress has several steps."""
    submit_proposal(
        negotiation.version,
        by=negotiation.brazil,
        provision_uid="p1",
        wording="The working group met in four substantive sessions and held informal "
        "consultations.",
    )
    monkeypatch.setattr(
        typst_export,
        "compilation_parts",
        partial(typst_export.compilation_parts, size=2),
    )
    return negotiation


def _job(negotiation, **kwargs):
    return request_export(
        negotiation.version, by=negotiation.brazil, view=View.COMPILATION, fmt=Format.PDF, **kwargs
    )


def _seen_progress(monkeypatch, job, fail_at=None):
    """Each part's rendering first notes the job's (done, total) as stored at that moment."""
    seen = []
    real = pdf_export.typeset

    def noting(data):
        row = models.ExportJob.objects.get(pk=job.pk)
        seen.append((row.status, row.done, row.total))
        if fail_at is not None and len(seen) == fail_at:
            raise RuntimeError("the typesetter ran out of paper")
        return real(data)

    monkeypatch.setattr(pdf_export, "typeset", noting)
    return seen


def test_a_job_reports_each_part_and_keeps_a_pdf_of_the_compilation(in_parts, monkeypatch):
    events = models.Event.objects.count()
    job = _job(in_parts)
    assert (job.status, job.done, job.total, job.requested_by) == (
        Status.PENDING,
        0,
        0,
        in_parts.brazil,
    )
    seen = _seen_progress(monkeypatch, job)
    finished = run_export_job(job.pk)
    assert seen == [("running", n, 4) for n in range(4)]
    assert (finished.status, finished.done, finished.total, finished.error) == ("done", 4, 4, "")
    assert finished.filename == "report-zero-draft-compilation.pdf"
    assert finished.media_type == "application/pdf"
    pages = PdfReader(io.BytesIO(bytes(finished.content))).pages
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in pages))
    for provision in in_parts.version.provisions.order_by("position"):
        assert re.sub(r"\s+", "", provision.text)[:30] in text
    assert "Brazil" in "".join(p.extract_text() for p in pages)
    assert models.Event.objects.count() == events
    assert run_export_job(job.pk) is None  # done: nobody runs it twice


def test_a_failing_job_says_why_and_keeps_no_file(in_parts, monkeypatch, client):
    job = _job(in_parts)
    _seen_progress(monkeypatch, job, fail_at=3)
    failed = run_export_job(job.pk)
    assert (failed.status, failed.done, failed.total) == ("failed", 2, 4)
    assert failed.error == "RuntimeError: the typesetter ran out of paper"
    assert failed.content is None
    assert failed.filename == ""
    args = ["wg", "report", 1, job.pk]
    page = client.get(reverse("web:export-job", args=args)).content.decode()
    assert '<div class="errors" role="alert">The file could not be made: RuntimeError: the ' in page
    assert 'http-equiv="refresh"' not in page
    assert client.get(reverse("web:export-file", args=args)).status_code == 404


def test_an_unfinished_job_is_reused_and_a_redline_needs_an_older_version(in_parts):
    first = _job(in_parts)
    assert _job(in_parts).pk == first.pk
    with pytest.raises(exports.NoSuchView):
        request_export(in_parts.version, by=None, view=View.REDLINE, fmt=Format.PDF, against=None)
    assert models.ExportJob.objects.count() == 1


def test_asking_queues_a_task_that_the_worker_runs_to_a_result(in_parts):
    job = _job(in_parts)
    queued = DBTaskResult.objects.get()
    assert (queued.task_path, queued.args_kwargs, queued.status) == (
        "accord.actions.export_jobs.render_export",
        {"args": [job.pk], "kwargs": {}},
        TaskResultStatus.READY,
    )
    assert models.ExportJob.objects.get(pk=job.pk).status == Status.PENDING
    assert run_ready_tasks() == 1
    result = render_export.get_result(str(queued.pk))
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"job": job.pk, "status": "done", "done": 4, "total": 4}
    row = models.ExportJob.objects.get(pk=job.pk)
    assert (row.status, row.done, row.total) == (Status.DONE, 4, 4)
    assert bytes(row.content).startswith(b"%PDF-")
    # The same task queued twice renders once: the second finds the job no longer pending.
    render_export.enqueue(job.pk)
    assert run_ready_tasks() == 1
    again = DBTaskResult.objects.exclude(pk=queued.pk).get()
    assert again.return_value == {"job": job.pk, "status": "skipped"}


def test_a_job_whose_worker_stopped_fails_and_asking_again_starts_anew(in_parts):
    abandoned = _job(in_parts)
    fresh = request_export(in_parts.version, by=None, view=View.CLEAN, fmt=Format.HTML)
    waiting = request_export(in_parts.version, by=None, view=View.BRACKETED, fmt=Format.PDF)
    now = timezone.now()
    long_ago = now - export_jobs.STALE_AFTER - timedelta(seconds=1)
    models.ExportJob.objects.filter(pk=abandoned.pk).update(
        status=Status.RUNNING, updated_at=long_ago
    )
    models.ExportJob.objects.filter(pk=fresh.pk).update(
        status=Status.RUNNING, updated_at=now - export_jobs.STALE_AFTER
    )
    assert fail_abandoned_export_jobs(now) == [abandoned.pk]
    statuses = dict(models.ExportJob.objects.values_list("pk", "status"))
    assert statuses == {abandoned.pk: "failed", fresh.pk: "running", waiting.pk: "pending"}
    failed = models.ExportJob.objects.get(pk=abandoned.pk)
    assert failed.error == "The worker stopped while making this file; ask for it again."
    assert failed.finished_at == now
    assert fail_abandoned_export_jobs(now) == []
    assert _job(in_parts).pk not in statuses


def test_finished_jobs_are_forgotten_with_their_files_after_a_week(in_parts, client):
    done = run_export_job(_job(in_parts).pk)
    failed = request_export(in_parts.version, by=None, view=View.CLEAN, fmt=Format.PDF)
    running = request_export(in_parts.version, by=None, view=View.BRACKETED, fmt=Format.PDF)
    models.ExportJob.objects.filter(pk=failed.pk).update(
        status=Status.FAILED, finished_at=timezone.now()
    )
    models.ExportJob.objects.filter(pk=running.pk).update(status=Status.RUNNING)
    page = client.get(
        reverse("web:export-job", args=["wg", "report", in_parts.version.number, done.pk])
    )
    assert "The file is kept for 7 days after it is made" in page.content.decode()
    finished = models.ExportJob.objects.get(pk=done.pk).finished_at
    assert forget_finished_export_jobs(finished + export_jobs.KEPT_FOR) == []
    week_later = finished + export_jobs.KEPT_FOR + timedelta(seconds=1)
    assert sorted(forget_finished_export_jobs(week_later)) == sorted([done.pk, failed.pk])
    assert list(models.ExportJob.objects.values_list("pk", flat=True)) == [running.pk]


def test_the_download_of_a_long_pdf_shows_progress_then_offers_the_file(
    in_parts, client, monkeypatch, settings
):
    settings.ACCORD_LONG_PDF = 3
    link = reverse("web:download", args=["wg", "report", 1, "compilation", "pdf"])
    response = client.get(link)
    job = models.ExportJob.objects.get()
    page_url = reverse("web:export-job", args=["wg", "report", 1, job.pk])
    assert (response.status_code, response["Location"]) == (302, page_url)
    waiting = client.get(page_url).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in waiting
    assert '<progress id="job-progress" max="1" value="0">0 / 0</progress>' in waiting
    assert "Not started yet." in waiting
    models.ExportJob.objects.filter(pk=job.pk).update(status=Status.RUNNING, done=2, total=5)
    running = client.get(page_url).content.decode()
    assert '<progress id="job-progress" max="5" value="2">2 / 5</progress>' in running
    assert "2 of 5 parts set." in running
    models.ExportJob.objects.filter(pk=job.pk).update(status=Status.PENDING)
    run_export_job(job.pk)
    done = client.get(page_url).content.decode()
    file_url = reverse("web:export-file", args=["wg", "report", 1, job.pk])
    assert f'<a href="{file_url}" download>Download report-zero-draft-compilation.pdf</a>' in done
    assert "refresh" not in done
    pdf = client.get(file_url)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(pdf.content)).pages) >= 1


def test_a_short_pdf_is_still_sent_at_once(in_parts, client):
    link = reverse("web:download", args=["wg", "report", 1, "compilation", "pdf"])
    response = client.get(link)
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert models.ExportJob.objects.count() == 0


def test_a_job_is_found_only_under_its_own_version(in_parts, client):
    job = _job(in_parts)
    for where in (["wg", "report", 2], ["wg", "other", 1]):
        assert client.get(reverse("web:export-job", args=[*where, job.pk])).status_code == 404


API = "/api/v1/processes/wg/documents/report/versions/1/export-jobs"


def test_the_api_starts_a_job_reports_progress_and_serves_the_file(in_parts, client):
    client.force_login(in_parts.brazil)
    response = client.post(f"{API}?view=compilation&format=pdf")
    assert response.status_code == 202
    body = response.json()
    job = body["id"]
    assert {k: body[k] for k in ("view", "format", "status", "done", "total", "file")} == {
        "view": "compilation",
        "format": "pdf",
        "status": "pending",
        "done": 0,
        "total": 0,
        "file": None,
    }
    not_ready = client.get(f"{API}/{job}/file")
    assert (not_ready.status_code, not_ready.json()["title"]) == (409, "export-not-ready")
    assert run_ready_tasks() == 1
    status = client.get(f"{API}/{job}").json()
    assert (status["status"], status["done"], status["total"]) == ("done", 4, 4)
    assert status["file"] == f"{API}/{job}/file"
    pdf = client.get(status["file"])
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF-")


def test_the_public_may_start_a_job_on_a_public_process_but_not_with_a_bad_token(in_parts, client):
    bad = client.post(f"{API}?view=clean&format=pdf", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    assert models.ExportJob.objects.count() == 0
    response = client.post(f"{API}?view=clean&format=pdf")
    assert response.status_code == 202
    assert models.ExportJob.objects.get().requested_by is None


def test_a_private_process_starts_no_job_for_the_public(client, db):
    from tests.builders import make_negotiation

    make_negotiation(is_public=False)
    assert client.post(f"{API}?view=clean&format=pdf").status_code == 404
    assert models.ExportJob.objects.count() == 0


def test_the_api_refuses_a_redline_job_without_an_older_version(in_parts, client):
    client.force_login(in_parts.brazil)
    assert client.post(f"{API}?view=redline&format=pdf").status_code == 404
    assert models.ExportJob.objects.count() == 0
