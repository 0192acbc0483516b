"""The delegations' positions on the provisions."""

from dataclasses import dataclass

from accord.core import positions as ps
from accord.core import provisions as pv
from accord.core.participants import ParticipantKind
from accord.store import models
from accord.store.queries.kept import kept, position_key, record_position


def position_values(
    document: models.Document, *, delegation: str = "", only: frozenset[str] | None = None
) -> list[ps.Position]:
    """Every position on ``document``'s provisions (``delegation``'s only, when a code is
    given; on the provisions whose uids are ``only``, when a set is given), in the order they
    were taken."""
    taken = document.positions.all()
    if delegation:
        taken = taken.filter(delegation__code=delegation)
    if only is not None:
        taken = taken.filter(provision_uid__in=only)
    rows = taken.order_by("recorded_at", "id").values_list(
        "delegation__code", "provision_uid", "stance", "text_hash", "note"
    )
    return [
        ps.Position(code, uid, ps.Stance(stance), text_hash, note)
        for code, uid, stance, text_hash, note in rows
    ]


@dataclass(frozen=True, slots=True)
class PositionsRow:
    """One paragraph on the positions board: the names of the members standing by each
    stance (in the order of `accord.core.positions.Stance`: support, can accept, reserve,
    object), and of those whose position went stale because the text changed since."""

    provision: pv.Provision
    stances: list[list[str]]
    stale: list[str]


def positions_board(version: models.Version, text: pv.Version) -> list[PositionsRow]:
    """For each paragraph of ``version``: the members' standing positions by stance, and the
    positions gone stale because the text changed since. Worked out once for each position
    of the process's record (see `accord.store.queries.kept`), then read from the cache."""
    position = record_position(version.document.process)
    key = position_key("positions", position, version.pk)
    return kept(key, lambda: _positions_board(version, text))


def _positions_board(version: models.Version, text: pv.Version) -> list[PositionsRow]:
    members = frozenset(
        version.document.process.participations.filter(kind=ParticipantKind.MEMBER).values_list(
            "delegation__code", flat=True
        )
    )
    taken: dict[str, list[ps.Position]] = {}
    for position in position_values(version.document):  # each provision reads only its own
        taken.setdefault(position.provision_uid, []).append(position)
    names = dict(models.Delegation.objects.values_list("code", "name"))
    board = []
    for provision in text:
        if not provision.is_amendable:
            continue
        own = taken.get(provision.uid, [])
        standing = ps.current_positions(own, provision, members)
        by_stance = [
            sorted(names[p.delegation] for p in standing.values() if p.stance is stance)
            for stance in ps.Stance
        ]
        stale = sorted({names[p.delegation] for p in ps.stale_positions(own, provision)})
        board.append(PositionsRow(provision, by_stance, stale))
    return board


@dataclass(frozen=True, slots=True)
class OwnPosition:
    """A delegation's latest stance on a provision, and whether the text changed since."""

    stance: str
    stale: bool


def own_positions(
    version: models.Version, text: pv.Version, delegation: str | None
) -> dict[str, OwnPosition]:
    """The delegation's latest position on each provision of ``version`` (by uid), and
    whether the text changed since it was taken (stale)."""
    if delegation is None:
        return {}
    present = {provision.uid for provision in text}
    latest = {
        p.provision_uid: p
        for p in position_values(version.document, delegation=delegation)
        if p.provision_uid in present
    }
    return {
        uid: OwnPosition(p.stance.value, p.is_stale(text.provision(uid)))
        for uid, p in latest.items()
    }
