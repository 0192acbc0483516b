"""The checklist the Chair sees before recording an outcome, and the confirmation it asks."""

import pytest

from accord.core.adoption import (
    AdoptionNotConfirmed,
    Checklist,
    OpenProposal,
    checklist,
    require_confirmation,
)
from accord.core.status import ProvisionStatus, StatusOutcome

NAMES = {"BRA": "Brazil", "CHN": "China", "DEU": "Germany"}
AGREED = StatusOutcome(ProvisionStatus.AGREED_AD_REF)


def test_nothing_is_outstanding_when_every_paragraph_is_agreed() -> None:
    found = checklist(
        [("1", AGREED), ("2", StatusOutcome(ProvisionStatus.AGREED_PENDING))], [], 0, NAMES
    )
    assert found == Checklist((), (), 0, (), ())
    assert found.is_empty
    require_confirmation(found, confirmed=False)


def test_the_checklist_names_what_is_outstanding() -> None:
    proposal = OpenProposal("Brazil", "3", "Rev.1")
    found = checklist(
        [
            ("1", AGREED),
            ("2", StatusOutcome(ProvisionStatus.OPEN)),
            ("3", StatusOutcome(ProvisionStatus.BRACKETED, objecting=frozenset({"CHN", "XYZ"}))),
            ("4", StatusOutcome(ProvisionStatus.AGREED_PENDING, pending=frozenset({"DEU"}))),
            ("5", StatusOutcome(ProvisionStatus.REOPENED, pending=frozenset({"BRA"}))),
        ],
        [proposal],
        1,
        NAMES,
    )
    assert found == Checklist(
        not_agreed=("2", "3", "5"),
        open_proposals=(proposal,),
        silences_running=1,
        reserving=("Brazil", "Germany"),
        objecting=("China", "XYZ"),
    )
    assert not found.is_empty


@pytest.mark.parametrize(
    "found",
    [
        Checklist(("2",), (), 0, (), ()),
        Checklist((), (OpenProposal("Brazil", "", "Rev.1"),), 0, (), ()),
        Checklist((), (), 1, (), ()),
        Checklist((), (), 0, ("Brazil",), ()),
        Checklist((), (), 0, (), ("China",)),
    ],
)
def test_any_matter_outstanding_needs_the_chairs_confirmation(found: Checklist) -> None:
    assert not found.is_empty
    with pytest.raises(AdoptionNotConfirmed) as refused:
        require_confirmation(found, confirmed=False)
    assert sum(refused.value.params().values()) == 1  # type: ignore[arg-type]
    require_confirmation(found, confirmed=True)


def test_the_refusal_counts_each_kind_of_matter() -> None:
    found = Checklist(("1", "2"), (OpenProposal("Brazil", "1", "Rev.1"),), 1, ("Germany",), ())
    with pytest.raises(AdoptionNotConfirmed) as refused:
        require_confirmation(found, confirmed=False)
    assert refused.value.params() == {
        "not_agreed": 2,
        "open_proposals": 1,
        "silences_running": 1,
        "reserving": 1,
        "objecting": 0,
    }
