"""Writing events: the one place that appends to the log."""

from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from accord.store import models


def record(
    kind: str,
    *,
    by: User | None,
    process: models.Process | None,
    subject: str,
    payload: dict[str, Any],
    delegation: models.Delegation | None = None,
) -> models.Event:
    """Append one event. ``by`` is None only for acts of the instance itself (setup)."""
    return models.Event.objects.create(
        kind=kind,
        actor=by,
        process=process,
        delegation=delegation,
        subject=subject,
        payload=payload,
        occurred_at=timezone.now(),
    )
