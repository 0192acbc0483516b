"""Proposals: a delegation's wanted wording for a provision, and the amendment it implies."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from accord.core.amendments import Amendment, derive_amendment
from accord.core.errors import EmptyText, NotAmendable, TextTooLong, UnchangedText
from accord.core.provisions import Version
from accord.core.structure import StructuralOp

# A long UN paragraph runs to about 1,500 characters; ten times that is not a paragraph.
MAX_WORDING_CHARS = 15_000
MAX_JUSTIFICATION_CHARS = 3_000


class ProposalStatus(StrEnum):
    OPEN = "open"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class Proponent:
    """The delegation that proposes, and the group it speaks for, if any."""

    delegation: str
    delegation_name: str
    group: str | None = None
    group_name: str | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    """A delegation's proposal on one provision of one version.

    ``cosponsors`` are the delegations that consented to co-sponsor it. ``options`` holds
    alternative wordings (Option 1, Option 2, …) when the proposal offers alternatives, and
    ``structure`` a whole-provision operation (add after, delete, move) when it makes one.
    """

    id: int
    provision_uid: str
    proponent: Proponent
    wording: str
    amendment: Amendment
    justification: str
    status: ProposalStatus
    submitted_at: datetime
    cosponsors: tuple[Proponent, ...] = ()
    options: tuple[str, ...] = ()
    structure: StructuralOp | None = None


def normalise_wording(wording: str) -> str:
    """A paragraph is one line of text: collapse runs of white space, trim the ends."""
    return " ".join(wording.split())


def draft_amendment(version: Version, uid: str, wording: str) -> Amendment:
    """Check the proposed wording for provision ``uid`` and derive its amendment.

    Raises `UnknownProvision`, `NotAmendable`, `EmptyText`, `TextTooLong` or `UnchangedText`.
    """
    provision = version.provision(uid)
    if not provision.is_amendable:
        raise NotAmendable(uid)
    wording = normalise_wording(wording)
    if not wording:
        raise EmptyText()
    if len(wording) > MAX_WORDING_CHARS:
        raise TextTooLong(length=len(wording), limit=MAX_WORDING_CHARS)
    amendment = derive_amendment(provision.text, wording)
    if amendment.is_empty:
        raise UnchangedText(uid)
    return amendment


def check_justification(justification: str) -> str:
    justification = justification.strip()
    if len(justification) > MAX_JUSTIFICATION_CHARS:
        raise TextTooLong(length=len(justification), limit=MAX_JUSTIFICATION_CHARS)
    return justification
