"""Who takes part in a process: participants, accreditations, groups and stakeholders."""

from django.db.models import Prefetch, QuerySet

from accord.core.participants import ParticipantKind
from accord.store import models


def participants(process: models.Process) -> dict[str, list[models.Delegation]]:
    """The process's delegations by kind of participant (member, observer, stakeholder)."""
    rows = process.participations.select_related("delegation__regional_group").order_by(
        "delegation__name"
    )
    found: dict[str, list[models.Delegation]] = {kind.value: [] for kind in ParticipantKind}
    for row in rows:
        found[row.kind].append(row.delegation)
    return found


def participations(process: models.Process) -> QuerySet[models.Participation]:
    """The process's participants with their delegation and its regional group."""
    return process.participations.select_related("delegation__regional_group")


def members(process: models.Process) -> list[tuple[str, str]]:
    """(code, name) of the process's member delegations, by name."""
    return list(
        process.participations.filter(kind=ParticipantKind.MEMBER)
        .order_by("delegation__name")
        .values_list("delegation__code", "delegation__name")
    )


def member_names(process: models.Process) -> dict[str, str]:
    """The process's members: their names by code."""
    return dict(
        process.participations.filter(kind=ParticipantKind.MEMBER).values_list(
            "delegation__code", "delegation__name"
        )
    )


def accreditations(process: models.Process) -> QuerySet[models.Accreditation]:
    return (
        process.accreditations.select_related("user", "delegation")
        .prefetch_related("mandates")
        .order_by("role", "delegation__name", "user__username")
    )


def groups_with_participants(process: models.Process) -> QuerySet[models.Group]:
    """The groups with at least one member taking part in ``process``, each with those
    members (prefetched in one more query)."""
    taking_part = models.Delegation.objects.filter(
        pk__in=process.participations.values("delegation")
    ).order_by("code")
    return (
        models.Group.objects.filter(members__in=taking_part)
        .distinct()
        .prefetch_related(Prefetch("members", queryset=taking_part, to_attr="participants"))
    )


def group_codes(codes: list[str]) -> set[str]:
    """Which of ``codes`` name groups (the others name delegations)."""
    return set(models.Group.objects.filter(code__in=codes).values_list("code", flat=True))


def stakeholder_requests(process: models.Process) -> list[models.StakeholderRequest]:
    """The process's stakeholder requests, pending first then newest, with objections."""
    return list(
        process.stakeholder_requests.select_related("user", "proposed_by")
        .prefetch_related("objections__delegation")
        .order_by("decided_at", "-proposed_at", "-id")
    )
