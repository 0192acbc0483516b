"""Documents, their versions and the provisions of each version."""

from django.db import models

from accord.core.provisions import ProvisionKind
from accord.store.models.choices import enum_choices
from accord.store.models.processes import Process


class Document(models.Model):
    """A work under negotiation (a report, a resolution); its text lives in its versions."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="documents")
    slug = models.SlugField(max_length=80)
    title = models.CharField(max_length=300)
    symbol = models.CharField(max_length=80, blank=True)
    language = models.CharField(max_length=8, default="en")
    """The language the document is negotiated in; its language versions are in others."""

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["process", "slug"], name="document_slug_per_process")
        ]

    def __str__(self) -> str:
        return self.title


class Version(models.Model):
    """One expression of a document: zero draft, Rev.1, ... The highest number is current."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    label = models.CharField(max_length=80)
    title = models.CharField(max_length=300)
    issued_at = models.DateTimeField()
    content_hash = models.CharField(max_length=64)
    # A resolution's or decision's title block (body, session, agenda_item, sponsors);
    # null for a report.
    title_block = models.JSONField(null=True, blank=True, default=None)

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="version_number")
        ]

    def __str__(self) -> str:
        return f"{self.document} — {self.label}"


class Provision(models.Model):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="provisions")
    uid = models.CharField(max_length=40)
    kind = models.CharField(max_length=20, choices=enum_choices(ProvisionKind))
    label = models.CharField(max_length=20)
    text = models.TextField()
    parent_uid = models.CharField(max_length=40, blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "uid"], name="provision_uid"),
            models.UniqueConstraint(fields=["version", "position"], name="provision_position"),
        ]
