"""Who may do what: roles, the delegations people act for, and the groups they speak for."""

from dataclasses import dataclass
from enum import StrEnum

from accord.core.errors import NotPermitted


class Role(StrEnum):
    CHAIR = "chair"
    SECRETARIAT = "secretariat"
    BUREAU = "bureau"
    DELEGATE = "delegate"
    OBSERVER = "observer"
    STAKEHOLDER = "stakeholder"
    PUBLIC = "public"


class ParticipantKind(StrEnum):
    """Only members count for consensus; observers and stakeholders never do."""

    MEMBER = "member"
    OBSERVER = "observer"
    STAKEHOLDER = "stakeholder"


class Reason(StrEnum):
    NOT_A_DELEGATE = "not-a-delegate"
    NOT_A_MEMBER = "not-a-member"
    OTHER_DELEGATION = "other-delegation"
    NO_GROUP_MANDATE = "no-group-mandate"
    NOT_SECRETARIAT = "not-secretariat"
    NOT_A_DRAFTER = "not-a-drafter"
    NOT_THE_CHAIR = "not-the-chair"
    MAY_NOT_CREATE_PROCESS = "may-not-create-process"
    NOT_A_STAKEHOLDER = "not-a-stakeholder"
    OWN_ACCREDITATION = "own-accreditation"
    NOT_REVISION_TEAM = "not-revision-team"
    WORKSPACE_CLOSED = "workspace-closed"
    NOT_CONVERGENCE_AUDIENCE = "not-convergence-audience"


@dataclass(frozen=True, slots=True)
class Actor:
    """A person as the rules see them: a role, the delegation they act for (if any), what
    kind of participant that delegation is, and the groups they may speak on behalf of."""

    role: Role
    delegation: str | None = None
    participant_kind: ParticipantKind | None = None
    mandates: frozenset[str] = frozenset()


PUBLIC = Actor(Role.PUBLIC)


def check_may_propose(actor: Actor, *, for_delegation: str, on_behalf_of: str | None) -> None:
    """Raise `NotPermitted` unless ``actor`` may propose for ``for_delegation``.

    Only delegates of member states propose, only for their own delegation, and on behalf of
    a group only when their delegation holds that group's mandate.
    """
    if actor.role is not Role.DELEGATE:
        raise NotPermitted(Reason.NOT_A_DELEGATE)
    if actor.participant_kind is not ParticipantKind.MEMBER:
        raise NotPermitted(Reason.NOT_A_MEMBER)
    if actor.delegation != for_delegation:
        raise NotPermitted(Reason.OTHER_DELEGATION)
    if on_behalf_of is not None and on_behalf_of not in actor.mandates:
        raise NotPermitted(Reason.NO_GROUP_MANDATE)


def may_propose(actor: Actor) -> bool:
    """Whether ``actor`` may propose at all (for their own delegation)."""
    try:
        check_may_propose(actor, for_delegation=actor.delegation or "", on_behalf_of=None)
    except NotPermitted:
        return False
    return True
