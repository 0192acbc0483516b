import pytest

from accord.core.accreditation import (
    MandateOutsideGroup,
    NoStakeholders,
    RoleMismatch,
    StakeholdersByNonObjection,
    StakeholdersOpen,
    UnknownGroups,
    check_accreditation,
    check_mandates,
    check_stakeholder_admission,
)
from accord.core.decisions import StakeholderModality
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


GROUPS = {"eu": ("DEU", "FRA"), "g77": ("BRA",)}


@pytest.mark.parametrize(
    ("delegation", "mandates"), [("DEU", ["eu"]), ("BRA", ["g77", "g77"]), (None, [])]
)
def test_mandates_for_groups_the_delegation_is_in(delegation, mandates):
    check_mandates(delegation, mandates, GROUPS)


def test_a_mandate_for_an_unknown_group_names_every_unknown_code():
    with pytest.raises(UnknownGroups) as raised:
        check_mandates("DEU", ["eu", "zz", "aa"], GROUPS)
    assert raised.value == UnknownGroups(("aa", "zz"))
    assert raised.value.params() == {"codes": ("aa", "zz")}


@pytest.mark.parametrize(
    ("delegation", "mandates", "said"),
    [
        ("BRA", ["eu"], {"group": "eu", "delegation": "BRA"}),
        (None, ["g77"], {"group": "g77", "delegation": ""}),
    ],
)
def test_a_mandate_for_a_group_the_delegation_is_not_in_is_refused(delegation, mandates, said):
    with pytest.raises(MandateOutsideGroup) as raised:
        check_mandates(delegation, mandates, GROUPS)
    assert raised.value.params() == said


@pytest.mark.parametrize("modality", [StakeholderModality.NON_OBJECTION, StakeholderModality.OPEN])
def test_stakeholders_are_admitted_the_way_the_rules_name(modality):
    check_stakeholder_admission(modality, modality)


@pytest.mark.parametrize(
    ("modality", "way", "refusal"),
    [
        (StakeholderModality.NONE, StakeholderModality.OPEN, NoStakeholders()),
        (StakeholderModality.NONE, StakeholderModality.NON_OBJECTION, NoStakeholders()),
        (
            StakeholderModality.NON_OBJECTION,
            StakeholderModality.OPEN,
            StakeholdersByNonObjection(),
        ),
        (StakeholderModality.OPEN, StakeholderModality.NON_OBJECTION, StakeholdersOpen()),
    ],
)
def test_stakeholders_admitted_another_way_are_refused(modality, way, refusal):
    with pytest.raises(type(refusal)) as raised:
        check_stakeholder_admission(modality, way)
    assert raised.value == refusal
    assert raised.value.params() == {}
