"""Convergence analytics through the API: the same figures as the Chair's convergence page,
for those the process's rules let see them. Advisory only: nothing here writes."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from accord.api import problems
from accord.api.contract import TYPED_READ, errors
from accord.api.lookups import visible_version
from accord.core.convergence_audience import Audience, check_may_see
from accord.store import queries

router = Router(tags=["convergence"])

Cell = str | int | float | None
MAX_LIMIT = 10_000


class ConvergenceOut(Schema):
    document: str
    version: int
    advisory: str
    members: int
    positions: int
    cosponsorships: int
    groups: int
    silhouette: float | None
    figures: dict[str, list[dict[str, Cell]]]


@router.get(
    "/processes/{process}/documents/{document}/versions/{number}/convergence",
    response={200: ConvergenceOut, **errors(*TYPED_READ, 400, 403)},
)
def get_convergence(
    request: HttpRequest,
    process: str,
    document: str,
    number: int,
    section: str = "",
    group: int | None = None,
    limit: int = 100,
) -> object:
    """Opinion groups (``map``, ``groups``), paragraphs and proposals closest to consensus
    (``closest``), divisive paragraphs (``divisive``), bridging proposals (``bridging``) and
    convergence over the versions (``revisions``, ``objections``): see docs/convergence.md.
    ``section`` (a section's uid) and ``group`` (an opinion group, from 1) narrow the
    figures; ``limit`` (1 to 10,000) cuts the ranked lists. Chair and Bureau only, unless
    the process's rules say more (403 otherwise)."""
    version = visible_version(request, process, document, number)
    found = version.document.process
    check_may_see(queries.actor(request.user, found), Audience(found.convergence_audience))
    room = queries.convergence_of(version)
    if section and section not in {s.uid for s in room.sections}:
        raise problems.Problem(400, "unknown-section", _("This version has no such section."))
    if group is not None and not 1 <= group <= room.analysis.groups.count:
        raise problems.Problem(
            400, "unknown-group", _("There is no opinion group %(group)d.") % {"group": group}
        )
    if not 1 <= limit <= MAX_LIMIT:
        raise problems.Problem(
            400, "bad-limit", _("The limit is a number from 1 to %(most)d.") % {"most": MAX_LIMIT}
        )
    return {
        "document": version.document.slug,
        "version": version.number,
        "advisory": _(
            "Computed from the members' positions, the open proposals and their co-sponsors; "
            "these figures advise, they decide nothing and change no status or record."
        ),
        "members": len(room.names),
        "positions": room.positions,
        "cosponsorships": room.cosponsorships,
        "groups": room.analysis.groups.count,
        "silhouette": room.analysis.groups.silhouette,
        "figures": queries.convergence_tables(room, section=section, group=group, limit=limit),
    }
