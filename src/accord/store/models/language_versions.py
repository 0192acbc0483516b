"""Language versions: a version of a document, or an entry of the Chair's summary, in another
official language."""

from django.conf import settings
from django.db import models

from accord.core.language_versions import NATIVE_NAMES, direction
from accord.store.models.documents import Version
from accord.store.models.statements import ChairSummaryEntry


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


class SummaryEntryTranslation(models.Model):
    """An entry of the Chair's summary in another official language, added by the
    Secretariat; ``source`` is the hash of the entry's text it renders."""

    entry = models.ForeignKey(
        ChairSummaryEntry, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(max_length=8)
    text = models.TextField()
    source = models.CharField(max_length=64)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["entry", "language"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "language"], name="summary_translation")
        ]

    @property
    def direction(self) -> str:
        return direction(self.language)

    @property
    def language_name(self) -> str:
        return NATIVE_NAMES.get(self.language, self.language)
