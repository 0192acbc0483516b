"""What a page needs to follow the record live."""

from functools import cache

from django import template
from django.db.models import Max
from django.utils.translation import get_language

from accord.store import models
from accord.store.reference import local_name, reference_data

register = template.Library()


@register.simple_tag
def latest_event_seq(process: models.Process) -> int:
    """The sequence number of the process's latest event: a live page asks for what follows."""
    found: int | None = models.Event.objects.filter(process=process).aggregate(last=Max("seq"))[
        "last"
    ]
    return found or 0


@register.simple_tag
def delegation_names() -> dict[str, str]:
    """Every delegation of the shipped reference data by its code, in the reader's language:
    a live notice names the delegation that acted ("New proposal by Argentina …"), where the
    event carries its code."""
    return _names_in(get_language())


@cache
def _names_in(language: str) -> dict[str, str]:
    data = reference_data()
    entries = (*data["members"], *data["observer_states"], *data["observer_organisations"])
    return {entry["code"]: local_name(entry["code"], language=language) for entry in entries}
