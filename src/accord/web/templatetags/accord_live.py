"""What a page needs to follow the record live."""

from django import template
from django.db.models import Max

from accord.store import models

register = template.Library()


@register.simple_tag
def latest_event_seq(process: models.Process) -> int:
    """The sequence number of the process's latest event: a live page asks for what follows."""
    found: int | None = models.Event.objects.filter(process=process).aggregate(last=Max("seq"))[
        "last"
    ]
    return found or 0
