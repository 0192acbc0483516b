"""Which roles a person may hold for which kind of participant."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from accord.core.decisions import StakeholderModality
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


@dataclass(slots=True, unsafe_hash=True)
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


@dataclass(slots=True, unsafe_hash=True)
class UnknownGroups(Refusal):
    """Codes that name no group of the reference data."""

    codes: tuple[str, ...]
    code = "unknown-groups"


@dataclass(slots=True, unsafe_hash=True)
class MandateOutsideGroup(Refusal):
    """A delegation speaks for a group only if it is one of the group's members;
    ``delegation`` is empty for a person who acts for no delegation."""

    group: str
    delegation: str
    code = "mandate-outside-group"


def check_mandates(
    delegation: str | None, mandates: Iterable[str], members: Mapping[str, Iterable[str]]
) -> None:
    """Raise `UnknownGroups` for mandate codes missing from ``members`` (group code → codes
    of its member delegations) and `MandateOutsideGroup` for a group ``delegation`` is not a
    member of (any group, when the person acts for no delegation)."""
    wanted = sorted(set(mandates))
    unknown = tuple(code for code in wanted if code not in members)
    if unknown:
        raise UnknownGroups(unknown)
    for group in wanted:
        if delegation is None or delegation not in set(members[group]):
            raise MandateOutsideGroup(group, delegation or "")


# Stakeholders are admitted the one way the rules of procedure name: accredited by the
# Secretariat (open), or proposed and admitted unless a member objects (non-objection).


@dataclass(slots=True, unsafe_hash=True)
class NoStakeholders(Refusal):
    """The rules of procedure admit no stakeholders."""

    code = "no-stakeholders"


@dataclass(slots=True, unsafe_hash=True)
class StakeholdersByNonObjection(Refusal):
    """Stakeholders are admitted on a non-objection basis, not accredited directly."""

    code = "stakeholders-by-non-objection"


@dataclass(slots=True, unsafe_hash=True)
class StakeholdersOpen(Refusal):
    """Stakeholders are accredited directly; a non-objection request has no place."""

    code = "stakeholders-open"


def check_stakeholder_admission(modality: StakeholderModality, way: StakeholderModality) -> None:
    """Raise unless the rules' ``modality`` admits a stakeholder the ``way`` it is being
    admitted: `StakeholderModality.OPEN` for an accreditation by the Secretariat,
    `StakeholderModality.NON_OBJECTION` for a proposal members may object to."""
    if modality is way:
        return
    refusals: dict[StakeholderModality, Refusal] = {
        StakeholderModality.NONE: NoStakeholders(),
        StakeholderModality.NON_OBJECTION: StakeholdersByNonObjection(),
        StakeholderModality.OPEN: StakeholdersOpen(),
    }
    raise refusals[modality]
