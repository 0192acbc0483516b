"""Provision status: open, bracketed, agreed ad referendum, agreed pending, reopened, adopted.

Status follows from the members' current positions and the Chair's recorded acts. "Nothing
is agreed until everything is agreed": an agreement ad referendum stays provisional until the
whole text is adopted.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from accord.core.errors import NotAmendable, Refusal
from accord.core.positions import Position, Stance, current_positions
from accord.core.provisions import Provision, Version


class ProvisionStatus(StrEnum):
    """Where a provision stands in the negotiation."""

    OPEN = "open"
    BRACKETED = "bracketed"
    AGREED_AD_REF = "agreed-ad-ref"
    AGREED_PENDING = "agreed-pending"
    REOPENED = "reopened"
    ADOPTED = "adopted"


class ActKind(StrEnum):
    """The Chair's acts that move a provision's status."""

    AGREED = "agreed"  # the Chair gavels the provision ad referendum
    AGREED_PENDING = "agreed-pending"  # agreed, but named delegations still have to confirm
    REOPENED = "reopened"


@dataclass(frozen=True, slots=True)
class ChairAct:
    """The Chair's recorded act on a provision, bound to the text it covered."""

    kind: ActKind
    provision_uid: str
    text_hash: str
    pending: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class StatusOutcome:
    """A provision's status with who makes it so.

    ``pending``: members reserving pending capital; ``objecting``: members objecting;
    ``provisional``: True until the whole text is adopted.
    """

    status: ProvisionStatus
    pending: frozenset[str] = frozenset()
    objecting: frozenset[str] = frozenset()
    provisional: bool = True


def provision_status(
    provision: Provision,
    positions: Iterable[Position],
    acts: Iterable[ChairAct],
    *,
    members: frozenset[str],
    open_proposals: int = 0,
    text_adopted: bool = False,
) -> StatusOutcome:
    """The status of ``provision`` from members' current positions and the Chair's acts.

    ``acts`` are in the order they were recorded; ``text_adopted`` says the whole text was
    adopted, which makes every provision of it adopted and no longer provisional.
    """
    if text_adopted:
        return StatusOutcome(ProvisionStatus.ADOPTED, provisional=False)
    current = current_positions(positions, provision, members)
    pending = frozenset(d for d, p in current.items() if p.stance is Stance.RESERVE)
    objecting = frozenset(d for d, p in current.items() if p.stance is Stance.OBJECT)
    last = None
    for act in acts:
        if act.provision_uid == provision.uid:
            last = act
    if last is not None and last.text_hash != provision.content_hash:
        last = None  # the act covered a text the provision no longer has
    if last is None:
        disputed = objecting or open_proposals
        status = ProvisionStatus.BRACKETED if disputed else ProvisionStatus.OPEN
    elif last.kind is ActKind.REOPENED:
        status = ProvisionStatus.REOPENED
    else:
        pending |= last.pending
        status = ProvisionStatus.AGREED_PENDING if pending else ProvisionStatus.AGREED_AD_REF
    return StatusOutcome(status, pending, objecting)


AGREED_STATUSES = frozenset({ProvisionStatus.AGREED_AD_REF, ProvisionStatus.AGREED_PENDING})


@dataclass(slots=True, unsafe_hash=True)
class PendingMismatch(Refusal):
    """Delegations still to confirm are named for "agreed pending", and only for it."""

    kind: str
    code = "pending-mismatch"


@dataclass(slots=True, unsafe_hash=True)
class PendingNotAMember(Refusal):
    """Only members of the process are named as still to confirm an agreement."""

    delegation: str
    code = "pending-not-a-member"


@dataclass(slots=True, unsafe_hash=True)
class NothingToReopen(Refusal):
    """The Chair reopens only a provision that stands agreed."""

    label: str
    code = "nothing-to-reopen"


def mark_status(
    provision: Provision,
    kind: ActKind,
    pending: Iterable[str],
    *,
    members: frozenset[str],
    current: ProvisionStatus,
) -> ChairAct:
    """The Chair's act ``kind`` on ``provision`` (whose status is ``current``), bound to its
    text. ``pending`` names the members that still have to confirm an "agreed pending".
    Raises `NotAmendable`, `PendingMismatch`, `PendingNotAMember` or `NothingToReopen`."""
    if not provision.is_amendable:
        raise NotAmendable(provision.uid)
    named = frozenset(pending)
    if bool(named) != (kind is ActKind.AGREED_PENDING):
        raise PendingMismatch(kind.value)
    for code in sorted(named - members):
        raise PendingNotAMember(code)
    if kind is ActKind.REOPENED and current not in AGREED_STATUSES:
        raise NothingToReopen(provision.label)
    return ChairAct(kind, provision.uid, provision.content_hash, named)


@dataclass(frozen=True, slots=True)
class Moment:
    """The state of a text's paragraphs just after one recorded event (``what``: the
    version issued, a status mark, or the adoption), counted by status."""

    at: datetime
    what: str
    label: str
    counts: tuple[tuple[ProvisionStatus, int], ...]

    def count(self, status: ProvisionStatus) -> int:
        return dict(self.counts).get(status, 0)


def tally(text: Version, acts: Sequence[ChairAct], *, adopted: bool) -> dict[ProvisionStatus, int]:
    """How many paragraphs of ``text`` stand in each status after ``acts`` (positions and
    proposals aside: this is the Chair's record)."""
    counts = dict.fromkeys(ProvisionStatus, 0)
    for provision in text:
        if provision.is_amendable:
            status = provision_status(
                provision, (), acts, members=frozenset(), text_adopted=adopted
            )
            counts[status.status] += 1
    return counts


def progress(
    versions: Sequence[tuple[datetime, str, Version]],
    acts: Sequence[tuple[datetime, ChairAct]],
    adopted_at: datetime | None,
) -> tuple[Moment, ...]:
    """The paragraphs' statuses over time: one `Moment` after each version issued (at, label,
    text; oldest first), each act of the Chair, and the adoption if any. At each moment the
    text is the latest version issued by then; a moment's label names the version, or the
    paragraph a mark was on (by its number then)."""
    events: list[tuple[datetime, int, object, str]] = [
        (at, 0, text, label) for at, label, text in versions
    ]
    events += [(at, 1, act, act.provision_uid) for at, act in acts]
    if adopted_at is not None:
        events.append((adopted_at, 2, None, ""))
    events.sort(key=lambda e: (e[0], e[1]))
    text: Version | None = None
    done: list[ChairAct] = []
    adopted = False
    moments = []
    for at, _order, item, label in events:
        if isinstance(item, Version):
            text, what = item, "version"
        elif isinstance(item, ChairAct):
            done.append(item)
            what = "mark"
            found = [p.label for p in text or () if p.uid == item.provision_uid]
            label = found[0] if found else label
        else:
            adopted, what = True, "adoption"
        if text is not None:
            counts = tally(text, done, adopted=adopted)
            moments.append(Moment(at, what, label, tuple(counts.items())))
    return tuple(moments)
