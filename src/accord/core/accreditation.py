"""Which roles a person may hold for which kind of participant."""

from dataclasses import dataclass

from accord.core.errors import Refusal
from accord.core.participants import ParticipantKind, Role

# The kind of participant each role acts for; None means the role acts for no delegation.
_ACTS_FOR: dict[Role, tuple[ParticipantKind | None, ...]] = {
    Role.CHAIR: (None,),
    Role.SECRETARIAT: (None,),
    # Members of the Bureau (vice-chairs, the rapporteur) serve in their own capacity.
    Role.BUREAU: (None,),
    Role.DELEGATE: (ParticipantKind.MEMBER,),
    Role.OBSERVER: (ParticipantKind.OBSERVER,),
    Role.STAKEHOLDER: (ParticipantKind.STAKEHOLDER, None),
    Role.PUBLIC: (),
}


@dataclass(frozen=True, slots=True)
class RoleMismatch(Refusal):
    """The role does not fit the delegation named (or its absence)."""

    role: str
    participant_kind: str | None
    code = "role-mismatch"

    def params(self) -> dict[str, object]:
        return {"role": self.role, "participant_kind": self.participant_kind or "none"}


def check_accreditation(role: Role, participant_kind: ParticipantKind | None) -> None:
    """Raise `RoleMismatch` unless a person in ``role`` may act for a participant of
    ``participant_kind`` (None: for no delegation). Delegates act for members, observers for
    observers; the Chair and the Secretariat act for no delegation."""
    if participant_kind not in _ACTS_FOR[role]:
        raise RoleMismatch(role.value, participant_kind.value if participant_kind else None)
