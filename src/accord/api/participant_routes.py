"""Who takes part in a process, its groups, and one provision through the versions."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from accord.api.contract import PAGED_READ, READ, errors
from accord.api.lookups import visible_process
from accord.api.pagination import DEFAULT_LIMIT, Cursor, Limit, page
from accord.core.participants import ParticipantKind
from accord.store import models, queries

router = Router(tags=["participants"])


class MemberOut(Schema):
    """A participant: a delegation and the kind of its participation (only members count
    for consensus)."""

    code: str
    name: str
    kind: ParticipantKind
    regional_group: str | None


class MemberPage(Schema):
    items: list[MemberOut]
    next: str | None


class GroupOut(Schema):
    """A group and those of its members that take part in the process."""

    code: str
    name: str
    kind: str
    members: list[str]


class GroupPage(Schema):
    items: list[GroupOut]
    next: str | None


class MarkOut(Schema):
    kind: str
    text: str


class ProvisionStepOut(Schema):
    """The provision in one version; ``label``, ``kind`` and ``text`` are null where the
    version does not have it. ``marks`` are the words changed since its previous appearance
    (empty for the first appearance)."""

    number: int
    version_label: str
    label: str | None
    kind: str | None
    text: str | None
    changed: bool
    marks: list[MarkOut]


class ProvisionHistoryOut(Schema):
    document: str
    provision: str
    versions: list[ProvisionStepOut]


@router.get("/processes/{process}/members", response={200: MemberPage, **errors(*PAGED_READ)})
def list_members(
    request: HttpRequest,
    process: str,
    kind: ParticipantKind | None = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict[str, object]:
    """The process's participants (members, observers, stakeholders) with their regional
    group, optionally of one ``kind``."""
    rows = queries.participations(visible_process(request, process))
    if kind is not None:
        rows = rows.filter(kind=kind)
    items, following = page(rows, cursor=cursor, limit=limit)
    return {
        "items": [
            {
                "code": row.delegation.code,
                "name": row.delegation.name,
                "kind": row.kind,
                "regional_group": (
                    row.delegation.regional_group.code if row.delegation.regional_group else None
                ),
            }
            for row in items
        ],
        "next": following,
    }


@router.get("/processes/{process}/groups", response={200: GroupPage, **errors(*PAGED_READ)})
def list_groups(
    request: HttpRequest, process: str, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT
) -> dict[str, object]:
    """The groups (regional groups, the EU, …) with members taking part in the process, and
    the codes of those members."""
    rows = queries.groups_with_participants(visible_process(request, process))
    items, following = page(rows, cursor=cursor, limit=limit)
    return {
        "items": [
            {
                "code": group.code,
                "name": group.name,
                "kind": group.kind,
                "members": [d.code for d in group.participants],  # type: ignore[attr-defined]
            }
            for group in items
        ],
        "next": following,
    }


@router.get(
    "/processes/{process}/documents/{document}/provisions/{uid}/history",
    response={200: ProvisionHistoryOut, **errors(*READ)},
)
def provision_history(
    request: HttpRequest, process: str, document: str, uid: str
) -> dict[str, object]:
    """One provision in every version of the document, oldest first, with the words changed
    since its previous appearance."""
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    history = queries.provision_history(found, uid)
    if not any(entry.provision for entry in history):
        raise Http404
    steps = []
    for entry in history:
        row, previous = entry.provision, entry.previous
        steps.append(
            {
                "number": entry.version.number,
                "version_label": entry.version.label,
                "label": row.label if row else None,
                "kind": row.kind if row else None,
                "text": row.text if row else None,
                "changed": bool(row and previous and row.text != previous.text),
                "marks": [{"kind": m.kind.value, "text": m.text} for m in entry.marks],
            }
        )
    return {"document": found.slug, "provision": uid, "versions": steps}
