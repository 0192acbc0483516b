"""The agreed-language checker's corpus."""

from django.db import models

from accord.core.checker.corpus import SourceStatus
from accord.core.checker.languages import DEFAULT, LANGUAGES
from accord.store.models.choices import enum_choices


class CorpusEntry(models.Model):
    """One provision of the agreed-language checker's corpus, as imported from a file.

    ``batch`` is the content hash of the file it came from; ``line`` its line in that file.
    """

    document = models.CharField(max_length=300)
    provision = models.CharField(max_length=300)
    status = models.CharField(max_length=20, choices=enum_choices(SourceStatus))
    holder = models.CharField(max_length=300, blank=True)
    date = models.DateField(null=True, blank=True)
    text = models.TextField()
    language = models.CharField(
        max_length=2, choices=[(code, code) for code in LANGUAGES], default=DEFAULT, db_index=True
    )
    batch = models.CharField(max_length=64, db_index=True)
    line = models.PositiveIntegerField()
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]
