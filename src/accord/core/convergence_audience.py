"""Who sees the convergence analytics: a rule of the process, kept apart from the analytics
so that reading it does not load numpy."""

from enum import StrEnum

from accord.core.errors import NotPermitted
from accord.core.participants import Actor, Reason, Role


class Audience(StrEnum):
    """Who the process's rules let see the convergence analytics."""

    CHAIR_AND_BUREAU = "chair-bureau"
    ROOM = "room"  # everyone accredited to the process
    PUBLIC = "public"


def check_may_see(actor: Actor, audience: Audience) -> None:
    """Raise `NotPermitted` unless ``actor`` is among ``audience``."""
    if audience is Audience.PUBLIC:
        return
    if audience is Audience.ROOM and actor.role is not Role.PUBLIC:
        return
    if actor.role not in (Role.CHAIR, Role.BUREAU):
        raise NotPermitted(Reason.NOT_CONVERGENCE_AUDIENCE)


def may_see(actor: Actor, audience: Audience) -> bool:
    """Whether ``actor`` may see the convergence analytics (see `check_may_see`)."""
    try:
        check_may_see(actor, audience)
    except NotPermitted:
        return False
    return True
