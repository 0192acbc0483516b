"""A person's own things, outside the record: API tokens and desk visits."""

from django.conf import settings
from django.db import models

from accord.store.models.processes import Process


class ApiToken(models.Model):
    """A personal token for programs, stored as a hash; shown to its owner once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    # The public part, for finding the token and for showing it in lists.
    prefix = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    read_only = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class DeskVisit(models.Model):
    """The last event of a process a person has seen on their desk: what "changed since my
    last visit" counts from. Personal bookkeeping, not an act of the negotiation, so it is
    not an event of the record."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="+")
    seen_seq = models.PositiveBigIntegerField(default=0)
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "process"], name="one_desk_visit_per_user")
        ]


class Profile(models.Model):
    """A person's preferences, outside the record: the language of the interface they chose
    with the switcher in the page header (empty: their browser's)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    language = models.CharField(max_length=10, blank=True, default="")
