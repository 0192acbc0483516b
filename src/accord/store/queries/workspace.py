"""Work in progress outside the record: the working draft of a revision, export jobs."""

from accord.store import models


def working_draft(document: models.Document) -> models.WorkingDraft | None:
    """The stored draft of ``document``'s next revision, with who saved it last."""
    return models.WorkingDraft.objects.select_related("saved_by").filter(document=document).first()


def export_job_file(job: models.ExportJob) -> bytes:
    """The file a finished export job made (read apart: pages about the job skip it)."""
    content = models.ExportJob.objects.values_list("content", flat=True).get(pk=job.pk)
    return bytes(content or b"")
