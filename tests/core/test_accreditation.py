import pytest

from accord.core.accreditation import RoleMismatch, check_accreditation
from accord.core.participants import ParticipantKind, Role


@pytest.mark.parametrize(
    ("role", "kind"),
    [
        (Role.CHAIR, None),
        (Role.SECRETARIAT, None),
        (Role.BUREAU, None),
        (Role.DELEGATE, ParticipantKind.MEMBER),
        (Role.OBSERVER, ParticipantKind.OBSERVER),
        (Role.STAKEHOLDER, ParticipantKind.STAKEHOLDER),
        (Role.STAKEHOLDER, None),
    ],
)
def test_roles_that_fit(role, kind):
    check_accreditation(role, kind)


@pytest.mark.parametrize(
    ("role", "kind"),
    [
        (Role.CHAIR, ParticipantKind.MEMBER),
        (Role.BUREAU, ParticipantKind.MEMBER),
        (Role.DELEGATE, ParticipantKind.OBSERVER),
        (Role.DELEGATE, None),
        (Role.OBSERVER, ParticipantKind.MEMBER),
        (Role.PUBLIC, None),
    ],
)
def test_roles_that_do_not_fit_are_refused_with_what_was_asked(role, kind):
    with pytest.raises(RoleMismatch) as raised:
        check_accreditation(role, kind)
    assert raised.value.params() == {
        "role": role.value,
        "participant_kind": kind.value if kind else "none",
    }
