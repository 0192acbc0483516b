"""A person's desk: remembering what they have seen.

Not an act of the negotiation, so nothing here writes an event of the record.
"""

from django.contrib.auth.models import User
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone

from accord.store import models


def note_desk_visit(user: User, process: models.Process, *, seen_seq: int) -> None:
    """Remember that ``user`` has seen ``process``'s events up to ``seen_seq``. A later visit
    never moves the mark back (two tabs may report in any order)."""
    now = timezone.now()
    visit, created = models.DeskVisit.objects.get_or_create(
        user=user, process=process, defaults={"seen_seq": seen_seq, "seen_at": now}
    )
    if not created:
        models.DeskVisit.objects.filter(pk=visit.pk).update(
            seen_seq=Greatest(F("seen_seq"), seen_seq), seen_at=now
        )
