"""What stands outstanding before the Chair records an adoption, and the Chair's confirmation.

Before recording an outcome the Chair sees a checklist: the paragraphs not agreed, the open
proposals on the document, a silence procedure still running, and the members that reserved
or objected. Recording goes ahead over outstanding matters only when the Chair confirms.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from accord.core.errors import Refusal
from accord.core.status import AGREED_STATUSES, StatusOutcome


@dataclass(frozen=True, slots=True)
class OpenProposal:
    """An open proposal as the checklist names it: its proponent, the paragraph (label) it
    was made on and the version it was made on."""

    delegation: str
    paragraph: str
    version: str


@dataclass(frozen=True, slots=True)
class Checklist:
    """The matters outstanding on a version: labels of paragraphs not agreed, the open
    proposals (as their readers name them), the silence procedures running, and the names of
    the members reserving or objecting, each sorted."""

    not_agreed: tuple[str, ...]
    open_proposals: tuple[OpenProposal, ...]
    silences_running: int
    reserving: tuple[str, ...]
    objecting: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        """Whether nothing is outstanding: the outcome may be recorded without confirming."""
        return not (
            self.not_agreed
            or self.open_proposals
            or self.silences_running
            or self.reserving
            or self.objecting
        )


def checklist(
    paragraphs: Iterable[tuple[str, StatusOutcome]],
    open_proposals: Iterable[OpenProposal],
    silences_running: int,
    names: Mapping[str, str],
) -> Checklist:
    """The checklist from each paragraph's label and status (in reading order), the open
    proposals, the number of silence procedures running and the members' names by code (a
    code without a name stands for itself)."""
    paragraphs = tuple(paragraphs)
    reserving = {code for _, outcome in paragraphs for code in outcome.pending}
    objecting = {code for _, outcome in paragraphs for code in outcome.objecting}
    return Checklist(
        not_agreed=tuple(
            label for label, outcome in paragraphs if outcome.status not in AGREED_STATUSES
        ),
        open_proposals=tuple(open_proposals),
        silences_running=silences_running,
        reserving=tuple(sorted(names.get(code, code) for code in reserving)),
        objecting=tuple(sorted(names.get(code, code) for code in objecting)),
    )


@dataclass(slots=True, unsafe_hash=True)
class AdoptionNotConfirmed(Refusal):
    """Matters are outstanding and the Chair did not confirm recording the outcome over them;
    the counts say which."""

    not_agreed: int
    open_proposals: int
    silences_running: int
    reserving: int
    objecting: int
    code = "adoption-not-confirmed"


def require_confirmation(found: Checklist, *, confirmed: bool) -> None:
    """Raise `AdoptionNotConfirmed` when matters are outstanding and the Chair did not confirm."""
    if not found.is_empty and not confirmed:
        raise AdoptionNotConfirmed(
            not_agreed=len(found.not_agreed),
            open_proposals=len(found.open_proposals),
            silences_running=found.silences_running,
            reserving=len(found.reserving),
            objecting=len(found.objecting),
        )
