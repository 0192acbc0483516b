"""National views: statements of delegations, written inputs of stakeholders and the Chair's
summary. Each is held by someone and never counts as agreed text; these are the rules on who
may add one and what it must carry."""

from collections.abc import Iterable
from dataclasses import dataclass

from accord.core import text_hygiene as hygiene
from accord.core.errors import NotPermitted, Refusal, TextTooLong
from accord.core.fates import FateKind
from accord.core.participants import Actor, ParticipantKind, Reason, Role

MAX_STATEMENT_CHARS = 50_000
MAX_ENTRY_CHARS = 10_000

# Who may deliver a national statement: delegates of members and observers of observers.
_SPEAKERS = {Role.DELEGATE: ParticipantKind.MEMBER, Role.OBSERVER: ParticipantKind.OBSERVER}


@dataclass(slots=True, unsafe_hash=True)
class EmptyStatement(Refusal):
    """A statement, a written input or an entry of the Chair's summary says nothing."""

    code = "empty-statement"


@dataclass(slots=True, unsafe_hash=True)
class Unattributed(Refusal):
    """An entry of the Chair's summary must name the delegations or groups holding the view."""

    code = "unattributed"


@dataclass(slots=True, unsafe_hash=True)
class ProposalTakenUp(Refusal):
    """Only a proposal that the latest revision did not take up can go to the Chair's
    summary; ``fate`` is what became of it (or "none" while no revision settled it)."""

    proposal: int
    fate: str
    code = "proposal-taken-up"


@dataclass(slots=True, unsafe_hash=True)
class AlreadyMoved(Refusal):
    """The provision was already moved from the negotiated text to the Chair's summary."""

    uid: str
    code = "already-moved"


def check_may_state(actor: Actor, *, for_delegation: str) -> None:
    """Raise `NotPermitted` unless ``actor`` may deliver a statement for ``for_delegation``:
    delegates of members and observers of observer delegations, each for their own."""
    expected = _SPEAKERS.get(actor.role)
    if expected is None or actor.participant_kind is not expected:
        raise NotPermitted(Reason.NOT_A_DELEGATE)
    if actor.delegation != for_delegation:
        raise NotPermitted(Reason.OTHER_DELEGATION)


def check_may_submit_input(actor: Actor) -> None:
    """Raise `NotPermitted` unless ``actor`` is an accredited stakeholder."""
    if actor.role is not Role.STAKEHOLDER:
        raise NotPermitted(Reason.NOT_A_STAKEHOLDER)


def check_chair(actor: Actor) -> None:
    """Raise `NotPermitted` unless ``actor`` is the Chair, who alone writes the summary."""
    if actor.role is not Role.CHAIR:
        raise NotPermitted(Reason.NOT_THE_CHAIR)


def clean_text(text: str, limit: int = MAX_STATEMENT_CHARS) -> str:
    """``text`` normalised and without surrounding blanks; raise `UnsafeCharacter`,
    `EmptyStatement` or `TextTooLong`."""
    cleaned = hygiene.clean_trimmed(text, field="text")
    if not cleaned:
        raise EmptyStatement()
    if len(cleaned) > limit:
        raise TextTooLong(length=len(cleaned), limit=limit)
    return cleaned


def check_attributed(holders: Iterable[str]) -> None:
    """Raise `Unattributed` when no delegation or group holds the view."""
    if not any(holders):
        raise Unattributed()


def check_not_taken_up(proposal_id: int, fates: Iterable[FateKind]) -> None:
    """Raise `ProposalTakenUp` unless the latest of the proposal's ``fates`` (in revision
    order) is "not taken up"."""
    latest = None
    for fate in fates:
        latest = fate
    if latest is not FateKind.NOT_TAKEN_UP:
        raise ProposalTakenUp(proposal_id, latest.value if latest else "none")
