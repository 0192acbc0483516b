"""The UN member states, observers and groups that accord ships as reference data."""

import json
from importlib import resources
from typing import Any

from django.db import transaction

from accord.store.models import Delegation, Group


def reference_data() -> dict[str, Any]:
    text = resources.files("accord.data").joinpath("un_members.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


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
