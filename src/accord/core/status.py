"""Provision status: open, bracketed, agreed ad referendum, agreed pending, reopened, adopted.

Status follows from the members' current positions and the Chair's recorded acts. "Nothing
is agreed until everything is agreed": an agreement ad referendum stays provisional until the
whole text is adopted.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from accord.core.positions import Position, Stance, current_positions
from accord.core.provisions import Provision


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
    REOPENED = "reopened"


@dataclass(frozen=True, slots=True)
class ChairAct:
    """The Chair's recorded act on a provision, bound to the text it covered."""

    kind: ActKind
    provision_uid: str
    text_hash: str


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
    if last is None:
        disputed = objecting or open_proposals
        status = ProvisionStatus.BRACKETED if disputed else ProvisionStatus.OPEN
    elif last.kind is ActKind.REOPENED or last.text_hash != provision.content_hash:
        status = ProvisionStatus.REOPENED
    else:
        status = ProvisionStatus.AGREED_PENDING if pending else ProvisionStatus.AGREED_AD_REF
    return StatusOutcome(status, pending, objecting)
