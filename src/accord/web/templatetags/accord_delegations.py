"""The searchable delegation picker: the names and codes of a process's delegations, once a
page, for every field of the page that takes delegations."""

from django import template

from accord.core.participants import ParticipantKind
from accord.store import models
from accord.web.forms import PICKER_LIST

register = template.Library()


@register.inclusion_tag("accord/_delegation_picker.html")
def delegation_picker(process: models.Process) -> dict[str, object]:
    """The member and observer delegations of ``process`` by name, with their codes: a field
    offers them as the person types a name or a code ("Bra…", "BRA")."""
    found = (
        models.Delegation.objects.filter(
            participation__process=process,
            participation__kind__in=[ParticipantKind.MEMBER, ParticipantKind.OBSERVER],
        )
        .order_by("name")
        .values_list("code", "name")
    )
    return {"picker_list": PICKER_LIST, "delegations": list(found)}
