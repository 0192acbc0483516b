"""Silence procedures and the letters breaking silence."""

from django.conf import settings
from django.db import models

from accord.core.silence import SilenceState
from accord.store.models.choices import enum_choices
from accord.store.models.decisions import Adoption
from accord.store.models.documents import Version
from accord.store.models.reference import Delegation


class SilenceProcedure(models.Model):
    """A version put under silence by the Chair until ``deadline``. ``state`` is "running"
    until it closes, at ``closed_at``, as "passed" or "broken" at the deadline, "superseded"
    by the revision ``superseded_by``, "withdrawn" by the Chair for ``reason``, or
    "closed-by-adoption" (see `accord.core.silence`). ``adoption`` links the adoption it ended
    in: by silence when it passed, the meeting's when it closed by adoption."""

    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="silences")
    launched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    launched_at = models.DateTimeField()
    deadline = models.DateTimeField(db_index=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(
        max_length=20, choices=enum_choices(SilenceState), default=SilenceState.RUNNING.value
    )
    reason = models.TextField(blank=True)
    superseded_by = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    adoption = models.OneToOneField(
        Adoption, null=True, blank=True, on_delete=models.PROTECT, related_name="silence"
    )

    class Meta:
        ordering = ["launched_at", "id"]

    @property
    def is_running(self) -> bool:
        return self.state == SilenceState.RUNNING


class SilenceBreak(models.Model):
    """A member delegation's letter breaking silence, naming the provisions (uids) of
    concern: a national view, always attributed."""

    procedure = models.ForeignKey(SilenceProcedure, on_delete=models.CASCADE, related_name="breaks")
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    letter = models.TextField()
    provisions = models.JSONField(default=list)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
