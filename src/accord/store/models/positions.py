"""Where the provisions stand: the delegations' positions and the Chair's marks."""

from django.conf import settings
from django.db import models

from accord.store.models.documents import Document, Version
from accord.store.models.reference import Delegation


class Position(models.Model):
    """A delegation's stance on a provision (by its stable uid), bound to the hash of the text
    it judged; a later position of the same delegation replaces it."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="positions")
    provision_uid = models.CharField(max_length=40)
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    stance = models.CharField(max_length=20)
    text_hash = models.CharField(max_length=64)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at", "id"]
        indexes = [models.Index(fields=["document", "provision_uid"])]


class StatusMark(models.Model):
    """The Chair's mark on a provision (by its stable uid): agreed ad referendum, agreed
    pending the named members, or reopened; bound to the hash of the text it covered, so a
    later change of that text lifts it."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="status_marks")
    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="status_marks")
    provision_uid = models.CharField(max_length=40)
    kind = models.CharField(max_length=20)
    pending = models.JSONField(default=list)
    text_hash = models.CharField(max_length=64)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at", "id"]
        indexes = [models.Index(fields=["document", "provision_uid"])]
