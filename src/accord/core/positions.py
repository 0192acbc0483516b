"""Positions: a delegation's stance on a provision, bound to the text it judged.

A position points at the hash of the provision's text. When the Chair changes the text, the
position is stale: it is still shown, marked so, and no longer counts towards the status.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from accord.core.errors import NotAMember, TextTooLong
from accord.core.provisions import Provision
from accord.core.text_hygiene import clean_trimmed

MAX_NOTE_CHARS = 2_000


class Stance(StrEnum):
    """A delegation's stance on a provision's text."""

    SUPPORT = "support"
    CAN_ACCEPT = "can-accept"
    RESERVE = "reserve"  # pending instructions from capital
    OBJECT = "object"


@dataclass(frozen=True, slots=True)
class Position:
    """A delegation's stance on provision ``provision_uid``, bound to ``text_hash``."""

    delegation: str
    provision_uid: str
    stance: Stance
    text_hash: str
    note: str = ""

    def is_stale(self, provision: Provision) -> bool:
        """Whether the provision's text changed since this position judged it."""
        return self.text_hash != provision.content_hash


def take_position(
    delegation: str,
    provision: Provision,
    stance: Stance,
    *,
    members: frozenset[str],
    note: str = "",
) -> Position:
    """A position of ``delegation`` on the current text of ``provision``.

    Raises `NotAMember` for a delegation that is not a member (observers and stakeholders
    state views, never positions), and `UnsafeCharacter` or `TextTooLong` for a note it
    cannot take.
    """
    if delegation not in members:
        raise NotAMember(delegation)
    note = clean_trimmed(note, field="note")
    if len(note) > MAX_NOTE_CHARS:
        raise TextTooLong(length=len(note), limit=MAX_NOTE_CHARS)
    return Position(delegation, provision.uid, stance, provision.content_hash, note)


def current_positions(
    positions: Iterable[Position], provision: Provision, members: frozenset[str]
) -> dict[str, Position]:
    """Each member's latest position on ``provision`` that is not stale, by delegation.

    ``positions`` are in the order they were taken; a later one replaces an earlier one.
    """
    latest: dict[str, Position] = {}
    for p in positions:
        if p.provision_uid == provision.uid and p.delegation in members:
            latest[p.delegation] = p
    return {d: p for d, p in latest.items() if not p.is_stale(provision)}


def stale_positions(positions: Iterable[Position], provision: Provision) -> tuple[Position, ...]:
    """The positions on ``provision`` whose text has since changed, to show as stale."""
    return tuple(p for p in positions if p.provision_uid == provision.uid and p.is_stale(provision))
