"""The process's events, as the record pages read them."""

from django.db.models import Q

from accord.store import models


def process_events(process: models.Process, *, before: int | None) -> list[models.Event]:
    """Up to 101 events of ``process``, newest first, older than ``before`` if given (one more
    than a page, to tell whether an older page exists)."""
    events = models.Event.objects.filter(process=process).select_related("actor", "delegation")
    if before is not None:
        events = events.filter(seq__lt=before)
    return list(events.order_by("-seq")[:101])


def deciding_event(adoption: models.Adoption) -> int | None:
    """The number of the event that recorded ``adoption``'s decision: the adoption at a
    meeting, or the silence procedure closing with the text adopted."""
    version = adoption.version
    decided = Q(kind="adoption.recorded", payload__adopted=True) | Q(
        kind="silence.closed", payload__outcome="adopted"
    )
    return (
        models.Event.objects.filter(
            decided,
            process_id=version.document.process_id,
            payload__document=version.document.slug,
            payload__version=version.number,
        )
        .order_by("-seq")
        .values_list("seq", flat=True)
        .first()
    )
