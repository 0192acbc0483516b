"""Co-sponsorship: the proposing delegation invites members to co-sponsor its proposal, and
only those that consent are named as co-sponsors.

An invitation is pending until the invited delegation accepts or declines it; withdrawing
the proposal ends the invitations still pending.
"""

from dataclasses import dataclass
from enum import StrEnum

from accord.core.errors import NotPermitted, Refusal
from accord.core.participants import Actor, Reason, Role


class InvitationStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    ENDED = "ended"  # the proposal was withdrawn before an answer


@dataclass(slots=True, unsafe_hash=True)
class NotTheProposer(Refusal):
    """Only the proposing delegation invites co-sponsors."""

    proposal: int
    code = "not-the-proposer"


@dataclass(slots=True, unsafe_hash=True)
class InviteeNotAMember(Refusal):
    """Only member delegations of the process co-sponsor (not the proposer itself)."""

    delegation: str
    code = "invitee-not-a-member"


@dataclass(slots=True, unsafe_hash=True)
class AlreadyInvited(Refusal):
    delegation: str
    code = "already-invited"


@dataclass(slots=True, unsafe_hash=True)
class NotInvited(Refusal):
    """The delegation has no pending invitation to co-sponsor this proposal."""

    proposal: int
    code = "not-invited"


@dataclass(slots=True, unsafe_hash=True)
class ProposalNotOpen(Refusal):
    """Co-sponsorship concerns only open proposals."""

    proposal: int
    status: str
    code = "cosponsorship-proposal-not-open"


def _check_delegate(actor: Actor, delegation: str | None) -> str:
    """The actor's delegation, if they are a delegate acting for ``delegation`` (or their own)."""
    if actor.role is not Role.DELEGATE or actor.delegation is None:
        raise NotPermitted(Reason.NOT_A_DELEGATE)
    if delegation is not None and delegation != actor.delegation:
        raise NotPermitted(Reason.OTHER_DELEGATION)
    return actor.delegation


def check_may_invite(
    actor: Actor,
    *,
    proposal: int,
    proposer: str,
    is_open: bool,
    status: str,
    invitee: str,
    members: frozenset[str],
    invited: frozenset[str],
    delegation: str | None = None,
) -> None:
    """Raise unless ``actor`` may invite ``invitee`` to co-sponsor proposal ``proposal``.

    The actor must be a delegate acting for their own delegation (``delegation``, if given,
    must be it), which must be the ``proposer``; the proposal must be open; the invitee a
    member other than the proposer, not already invited (whatever its answer). Raises
    `NotPermitted`, `NotTheProposer`, `ProposalNotOpen`, `InviteeNotAMember` or
    `AlreadyInvited`.
    """
    acting = _check_delegate(actor, delegation)
    if acting != proposer:
        raise NotTheProposer(proposal)
    if not is_open:
        raise ProposalNotOpen(proposal, status)
    if invitee not in members or invitee == proposer:
        raise InviteeNotAMember(invitee)
    if invitee in invited:
        raise AlreadyInvited(invitee)


def check_may_answer(
    actor: Actor,
    *,
    proposal: int,
    is_open: bool,
    status: str,
    pending: frozenset[str],
    delegation: str | None = None,
) -> str:
    """The delegation that answers: the actor's own, which must hold a pending invitation
    (``pending``) to co-sponsor the open proposal ``proposal``. Raises `NotPermitted`,
    `ProposalNotOpen` or `NotInvited`."""
    acting = _check_delegate(actor, delegation)
    if not is_open:
        raise ProposalNotOpen(proposal, status)
    if acting not in pending:
        raise NotInvited(proposal)
    return acting
