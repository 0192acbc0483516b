"""Work in progress outside the record: the working draft of a revision and export jobs."""

from django.conf import settings
from django.db import models

from accord.store.models.documents import Document, Version


class WorkingDraft(models.Model):
    """The draft of a document's next revision, as the Chair and those preparing it with the
    Chair left it: stored so that it survives sign-out and is shared with the Bureau and the
    Secretariat, who edit it when ``others_may_edit``. ``choices`` holds the fates chosen so
    far (proposal id as text → ``{"fate": kind, "merged_with": [ids]}``). Never public and
    not part of the record: no event is written for it, and it is deleted when the revision
    is issued."""

    document = models.OneToOneField(
        Document, on_delete=models.CASCADE, related_name="working_draft"
    )
    text = models.TextField()
    label = models.CharField(max_length=80, blank=True)
    choices = models.JSONField(default=dict)
    others_may_edit = models.BooleanField(default=False)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField()


class ExportJob(models.Model):
    """A file rendered in the background (a long PDF): what was asked for, how far the
    rendering has got (``done`` of ``total`` parts), and the file once it is ready, or the
    error that stopped it. Not part of the negotiation's record: no event is written."""

    class Status(models.TextChoices):
        PENDING = "pending"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="export_jobs")
    against = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    view = models.CharField(max_length=20)
    format = models.CharField(max_length=10)
    language = models.CharField(max_length=10, default="en")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    content = models.BinaryField(null=True, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    media_type = models.CharField(max_length=100, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        indexes = [models.Index(fields=["status", "updated_at"])]
