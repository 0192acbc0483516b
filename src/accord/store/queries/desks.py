"""A person's desk: what changed since their last visit and what awaits them."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User

from accord.core import provisions as pv
from accord.store import models
from accord.store.queries.access import accreditation
from accord.store.queries.positions import own_positions
from accord.store.queries.proposing import pending_invitations
from accord.store.queries.silence import open_silences
from accord.store.queries.versions import documents_with_current_version, version_value

DESK_CHANGES = 50


@dataclass(frozen=True, slots=True)
class StalePosition:
    """A delegation's position on a provision of a current ``version`` whose text changed
    since the position was taken."""

    version: models.Version
    provision: pv.Provision
    stance: str


@dataclass(frozen=True, slots=True)
class Desk:
    """What a person's desk shows for a process (see `desk`)."""

    last_visit: datetime | None
    changes: list[models.Event]
    change_count: int
    latest_seq: int
    stale_positions: list[StalePosition]
    invitations: list[models.CoSponsorship]
    open_silences: list[models.SilenceProcedure]


def desk(user: User, process: models.Process) -> Desk:
    """What a person's desk shows for ``process``: the events since their last visit (newest
    first, at most `DESK_CHANGES`, with how many there are in all); for a delegation, its
    positions that went stale because the text changed since they were taken and the
    invitations to co-sponsor awaiting its answer; and the open silence procedures with
    their deadlines."""
    visit = models.DeskVisit.objects.filter(user=user, process=process).first()
    seen = visit.seen_seq if visit else 0
    since = models.Event.objects.filter(process=process, seq__gt=seen)
    changes = list(since.select_related("actor", "delegation").order_by("-seq")[:DESK_CHANGES])
    accredited = accreditation(user, process)
    delegation = accredited.delegation.code if accredited and accredited.delegation else None
    stale = []
    for version in documents_with_current_version(process):
        text = version_value(version)
        for uid, position in own_positions(version, text, delegation).items():
            if position.stale:
                stale.append(StalePosition(version, text.provision(uid), position.stance))
    return Desk(
        last_visit=visit.seen_at if visit else None,
        changes=changes,
        change_count=len(changes) if len(changes) < DESK_CHANGES else since.count(),
        latest_seq=changes[0].seq if changes else seen,
        stale_positions=stale,
        invitations=pending_invitations(process, delegation),
        open_silences=open_silences(process),
    )
