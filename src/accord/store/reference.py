"""The UN member states, observers and groups that accord ships as reference data."""

import json
from functools import cache
from importlib import resources
from typing import Any

from django.db import transaction
from django.utils.translation import get_language

from accord.store.models import Delegation, Group


def reference_data() -> dict[str, Any]:
    text = resources.files("accord.data").joinpath("un_members.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _names_by_code() -> dict[str, dict[str, str]]:
    data = reference_data()
    entries = (
        *data["members"],
        *data["observer_states"],
        *data["observer_organisations"],
        *data["regional_groups"],
        *data["groups"],
    )
    return {entry["code"]: {"en": entry["name"], **entry.get("names", {})} for entry in entries}


def local_name(code: str, default: str = "", language: str | None = None) -> str:
    """The short name of the delegation or group ``code`` in ``language`` (the reader's by
    default), as the UN writes it in its six official languages; ``default``, or the code,
    for one the reference data does not list. Pages only: the record keeps codes and the
    English names it was signed with."""
    names = _names_by_code().get(code)
    if names is None:
        return default or code
    return names.get(language or get_language() or "en") or names["en"]


def every_name() -> dict[str, str]:
    """Every delegation and group by each of its six names, lower-cased: its code."""
    return {
        name.lower(): code for code, names in _names_by_code().items() for name in names.values()
    }


@transaction.atomic
def load_reference_data() -> None:
    """Create or update every delegation and group from the shipped file (idempotent)."""
    data = reference_data()
    regional = {
        g["code"]: Group.objects.update_or_create(
            code=g["code"], defaults={"name": g["name"], "kind": Group.Kind.REGIONAL}
        )[0]
        for g in data["regional_groups"]
    }
    delegations: dict[str, Delegation] = {}
    for entries, kind in (
        (data["members"], Delegation.Kind.MEMBER_STATE),
        (data["observer_states"], Delegation.Kind.OBSERVER_STATE),
        (data["observer_organisations"], Delegation.Kind.OBSERVER_ORGANISATION),
    ):
        for entry in entries:
            group = regional.get(entry.get("regional_group", ""))
            delegations[entry["code"]], _ = Delegation.objects.update_or_create(
                code=entry["code"],
                defaults={"name": entry["name"], "kind": kind, "regional_group": group},
            )
    for group in regional.values():
        group.members.set(d for d in delegations.values() if d.regional_group_id == group.pk)
    for entry in data["groups"]:
        group, _ = Group.objects.update_or_create(
            code=entry["code"], defaults={"name": entry["name"], "kind": Group.Kind.POLITICAL}
        )
        group.members.set(delegations[c] for c in entry["members"])
