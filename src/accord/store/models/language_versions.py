"""Language versions: a version of a document in another official language."""

from django.conf import settings
from django.db import models

from accord.store.models.documents import Version


class LanguageVersion(models.Model):
    """A version in another official language, added by the Secretariat. ``renderings``
    holds, in reading order, each provision's ``uid``, its ``text`` in the language and the
    ``source``: the hash of the original text it renders (`accord.core.language_versions`)."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="language_versions")
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=300)
    renderings = models.JSONField()
    content_hash = models.CharField(max_length=64)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["version", "language"]
        constraints = [
            models.UniqueConstraint(fields=["version", "language"], name="language_version")
        ]
