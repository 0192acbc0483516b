"""Convergence analytics read from the record: the stance matrix of a version, its opinion
groups and rankings (see `accord.core.convergence`), and the paragraphs' statuses per
version. Advisory only: nothing here writes."""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime

import numpy as np
from django.core.cache import cache

from accord.core import convergence as cv
from accord.core import provisions as pv
from accord.core import status as st
from accord.core.participants import ParticipantKind
from accord.core.positions import Position, Stance
from accord.core.proposals import ProposalStatus
from accord.store import convert, models
from accord.store.queries.decisions import adopted_version
from accord.store.queries.kept import CACHED_FOR_S, record_position
from accord.store.queries.versions import version_values


@dataclass(frozen=True, slots=True)
class Section:
    uid: str
    label: str
    heading: str


@dataclass(frozen=True, slots=True, eq=False)
class RoomConvergence:
    """What the convergence page of ``version`` shows: the analysis, the members' names,
    the negotiating groups each belongs to (EU, African Group, …: codes), the groups'
    names, the sections of the text, the paragraphs' labels by uid, what it was computed
    from (counts) and the convergence over the document's versions up to ``version``."""

    version: models.Version
    analysis: cv.Analysis
    names: dict[str, str]
    memberships: dict[str, tuple[str, ...]]
    group_names: dict[str, str]
    sections: tuple[Section, ...]
    labels: dict[str, str]
    positions: int
    cosponsorships: int
    over_time: cv.Convergence


def _sections(text: pv.Version) -> tuple[list[tuple[cv.Item, str]], tuple[Section, ...]]:
    paragraphs: list[tuple[cv.Item, str]] = []
    sections: list[Section] = []
    for provision in text:
        if not provision.is_amendable:
            sections.append(Section(provision.uid, provision.label, provision.text))
            continue
        section = sections[-1].uid if sections else ""
        item = cv.Item(cv.ItemKind.PARAGRAPH, provision.uid, provision.label, section)
        paragraphs.append((item, provision.content_hash))
    return paragraphs, tuple(sections)


def _members(process: models.Process) -> dict[str, str]:
    rows = (
        process.participations.filter(kind=ParticipantKind.MEMBER)
        .order_by("delegation__code")
        .values_list("delegation__code", "delegation__name")
    )
    return dict(rows)


def _groups(
    members: dict[str, str],
) -> tuple[dict[str, tuple[str, ...]], dict[str, str], dict[str, frozenset[str]]]:
    """Each member's groups (codes), the groups' names, and each group's members."""
    rows = models.Group.objects.values_list("code", "name", "members__code").order_by("name")
    names: dict[str, str] = {}
    within: dict[str, set[str]] = defaultdict(set)
    of: dict[str, list[str]] = defaultdict(list)
    for code, name, member in rows:
        names[code] = name
        if member is not None:
            within[code].add(member)
            if member in members:
                of[member].append(code)
    return (
        {code: tuple(found) for code, found in of.items()},
        names,
        {code: frozenset(found) for code, found in within.items()},
    )


def _proposals(
    version: models.Version, sections: dict[str, str], groups: dict[str, frozenset[str]]
) -> tuple[list[cv.OpenProposal], int]:
    """The proposals open on ``version`` (on the current version, those made earlier and
    still open too; on an earlier one, those made on it) with the delegations behind each,
    and how many accepted co-sponsorships they hold."""
    later = version.document.versions.filter(number__gt=version.number).exists()
    rows = models.Proposal.objects.filter(version__document=version.document_id).exclude(
        status=ProposalStatus.WITHDRAWN
    )
    rows = rows.filter(version=version) if later else rows.filter(status=ProposalStatus.OPEN)
    found = list(
        rows.order_by("submitted_at", "id").values_list(
            "pk", "provision_uid", "delegation__code", "on_behalf_of__code"
        )
    )
    accepted: dict[int, set[str]] = defaultdict(set)
    # The proposals as a subquery: a list of thousands of numbers makes a long query to parse.
    for proposal, code in models.CoSponsorship.objects.filter(
        proposal__in=rows.values("pk"), status="accepted"
    ).values_list("proposal_id", "delegation__code"):
        accepted[proposal].add(code)
    proposals = [
        cv.OpenProposal(
            str(pk),
            str(pk),
            uid,
            frozenset({code} | accepted[pk] | groups.get(group or "", frozenset())),
            sections.get(uid, ""),
        )
        for pk, uid, code, group in found
    ]
    return proposals, sum(len(codes) for codes in accepted.values())


def convergence_of(version: models.Version, *, cached: bool = True) -> RoomConvergence:
    """The convergence analytics of ``version`` (see `RoomConvergence`).

    Computed once for each position of the process's record and then read from Django's
    cache (one query more): whatever changes the figures — a position, a proposal, a
    co-sponsor, a mark, a revision — is an event of the process, so the key moves on with
    the record and stale figures are never served. Computing them takes twelve queries
    whatever the size of the room (thirteen on a version after the first)."""
    if not cached:
        return _computed(version)
    position = record_position(version.document.process)
    key = f"accord-convergence:{version.pk}:{position}"
    found = cache.get(key)
    if isinstance(found, RoomConvergence):
        return replace(found, version=version)
    room = _computed(version)
    # The matrix itself is not shown: the cache keeps what the figures are made of.
    matrix = room.analysis.matrix
    slim = cv.StanceMatrix(matrix.delegations, matrix.items, np.empty((0, 0)))
    cache.set(key, replace(room, analysis=replace(room.analysis, matrix=slim)), CACHED_FOR_S)
    return room


def _computed(version: models.Version) -> RoomConvergence:
    document = version.document
    versions = list(document.versions.filter(number__lte=version.number).order_by("number"))
    texts = version_values(versions)
    text = texts[-1]
    paragraphs, sections = _sections(text)
    names = _members(document.process)
    memberships, group_names, groups = _groups(names)
    # Without a join: the delegations' codes are a small dictionary away.
    codes = dict(models.Delegation.objects.values_list("pk", "code"))
    positions = models.Position.objects.filter(document=document).order_by("recorded_at", "id")
    taken: list[tuple[str, str, str, str]] = [
        (codes[d], uid, s, h)
        for d, uid, s, h in positions.values_list(
            "delegation_id", "provision_uid", "stance", "text_hash"
        )
    ]
    by_uid = {item.key: item.section for item, _hash in paragraphs}
    proposals, cosponsorships = _proposals(version, by_uid, groups)
    matrix = cv.stance_matrix(list(names), paragraphs, taken, proposals)
    # Earlier versions are replayed from the positions recorded while each was current.
    earlier = (
        [
            (codes[d], uid, s, h, at)
            for d, uid, s, h, at in positions.filter(
                recorded_at__lt=versions[-1].issued_at
            ).values_list("delegation_id", "provision_uid", "stance", "text_hash", "recorded_at")
        ]
        if len(versions) > 1
        else []
    )
    over_time = _over_time(document, versions, texts, (earlier, taken), frozenset(names))
    return RoomConvergence(
        version,
        cv.analyse(matrix),
        names,
        memberships,
        group_names,
        sections,
        {item.key: item.label for item, _hash in paragraphs},
        sum(1 for d, *_rest in taken if d in names),
        cosponsorships,
        over_time,
    )


Taken = tuple[str, str, str, str, datetime]
# Only reservations and objections move a status (see `accord.core.status.provision_status`):
# the other positions need not be made into values to replay it.
_MOVING = frozenset({Stance.RESERVE.value, Stance.OBJECT.value})


def _over_time(
    document: models.Document,
    versions: list[models.Version],
    texts: list[pv.Version],
    taken: tuple[list[Taken], list[tuple[str, str, str, str]]],
    members: frozenset[str],
) -> cv.Convergence:
    """Each version's paragraphs as they stood when the next version was issued (the last
    one: as they stand now), from the positions, the Chair's marks and the proposals made on
    it recorded by then."""
    adopted = adopted_version(document)
    marks = [
        (row.recorded_at, convert.act_value(row))
        for row in document.status_marks.order_by("recorded_at", "id")
    ]
    proposed: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for version_id, uid in models.Proposal.objects.filter(
        version__in=versions, status__in=(ProposalStatus.OPEN, *_CLOSED)
    ).values_list("version_id", "provision_uid"):
        proposed[version_id][uid] += 1
    ends: list[datetime | None] = [v.issued_at for v in versions[1:]] + [None]
    found = []
    for version, text, end in zip(versions, texts, ends, strict=True):
        # Only each delegation's latest position on a paragraph counts.
        latest: dict[tuple[str, str], tuple[str, str]] = {}
        if end is None:
            for d, uid, s, h in taken[1]:
                latest[uid, d] = (s, h)
        else:
            for d, uid, s, h, at in taken[0]:
                if at < end:
                    latest[uid, d] = (s, h)
        positions: dict[str, list[Position]] = defaultdict(list)
        for (uid, d), (s, h) in latest.items():
            if s in _MOVING:
                positions[uid].append(Position(d, uid, Stance(s), h))
        acts: dict[str, list[st.ChairAct]] = defaultdict(list)
        for at, act in marks:
            if end is None or at < end:
                acts[act.provision_uid].append(act)
        states = []
        for read in text:
            if not read.is_amendable:
                continue
            provision = _Hashed(read.uid, read.kind, read.label, read.text, read.parent)
            outcome = st.provision_status(
                provision,
                positions[provision.uid],
                acts[provision.uid],
                members=members,
                open_proposals=proposed[version.pk][provision.uid],
                text_adopted=adopted is not None and adopted.pk == version.pk,
            )
            states.append(
                cv.ParagraphState(
                    provision.uid,
                    provision.label,
                    outcome.status.value,
                    len(outcome.objecting),
                    len(outcome.pending),
                )
            )
        found.append((version.label, states))
    return cv.convergence(found)


@dataclass(frozen=True, slots=True)
class _Hashed(pv.Provision):
    """A provision that hashes its text once, however many positions ask."""

    hashed: str = field(init=False, default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "hashed", pv.content_hash(self.text))

    @property
    def content_hash(self) -> str:
        return self.hashed


# Proposals that were open while their version was current and closed by a later revision.
_CLOSED = (
    ProposalStatus.REFLECTED,
    ProposalStatus.PARTLY_REFLECTED,
    ProposalStatus.MERGED,
    ProposalStatus.NOT_TAKEN_UP,
)


Row = dict[str, str | int | float | None]
FIGURES = ("map", "groups", "closest", "divisive", "bridging", "revisions", "objections")


def _standing(room: RoomConvergence, standing: cv.Standing) -> Row:
    item = standing.item
    row: Row = {"kind": item.kind.value}
    if item.kind is cv.ItemKind.PROPOSAL:
        row |= {"proposal": int(item.key), "provision": item.paragraph}
    else:
        row |= {"provision": item.key}
    row |= {
        "label": room.labels.get(item.paragraph or item.key, ""),
        "section": item.section,
        "score": standing.score,
        "divide": standing.divide,
        "accepting": standing.accepting,
        "stated": standing.stated,
        "objecting": " ".join(standing.objecting),
        "reserving": " ".join(standing.reserving),
    }
    for g, share in enumerate(standing.shares):
        row[f"group_{g + 1}"] = share
    return row


def convergence_tables(
    room: RoomConvergence, *, section: str = "", group: int | None = None, limit: int | None = None
) -> dict[str, list[Row]]:
    """The figures of ``room`` as rows of plain values (codes, numbers; opinion groups
    numbered from 1), one list per figure named in `FIGURES`; ``section`` keeps the
    paragraphs (and proposals on them) of one section, ``group`` the delegations of one
    opinion group (numbered from 1), ``limit`` cuts the ranked lists."""
    analysis = room.analysis
    groups = analysis.groups
    wanted = group - 1 if group else None

    def kept(standing: cv.Standing) -> bool:
        return not section or standing.item.section == section

    points = []
    for i, code in enumerate(analysis.matrix.delegations):
        label = int(groups.labels[i])
        if wanted is not None and label != wanted:
            continue
        x, y = groups.coordinates[i].tolist()
        points.append(
            {
                "delegation": code,
                "name": room.names[code],
                "group": label + 1 if label >= 0 else None,
                "negotiating_groups": " ".join(room.memberships.get(code, ())),
                "x": round(x, 4),
                "y": round(y, 4),
            }
        )
    summary: list[Row] = [
        {
            "group": g + 1,
            "members": int((groups.labels == g).sum()),
            "defining": " ".join(room.labels.get(d.item.key, "") for d in analysis.defining[g]),
        }
        for g in range(groups.count)
        if wanted is None or g == wanted
    ]
    closest = [_standing(room, s) for s in analysis.closest if kept(s)][:limit]
    divisive = [_standing(room, s) for s in analysis.divisive if kept(s)][:limit]
    bridging = [
        _standing(room, b.standing)
        | {"groups": " ".join(str(g + 1) for g in b.groups), "sponsors": b.sponsors}
        for b in analysis.bridges
        if kept(b.standing) and (wanted is None or wanted in b.groups)
    ][:limit]
    revisions: list[Row] = [
        {
            "version": t.label,
            "paragraphs": t.total,
            "agreed": t.agreed,
            "bracketed": t.bracketed,
            "open": t.open,
            "reserved": t.reserved,
            "objections": t.objections,
            "remaining": t.remaining,
        }
        for t in room.over_time.tallies
    ]
    versions = [t.label for t in room.over_time.tallies]
    objections: list[Row] = [
        {"provision": uid, "label": label} | dict(zip(versions, counts, strict=True))
        for uid, label, counts in room.over_time.objections
        if any(counts)
    ]
    return {
        "map": points,
        "groups": summary,
        "closest": closest,
        "divisive": divisive,
        "bridging": bridging,
        "revisions": revisions,
        "objections": objections,
    }
