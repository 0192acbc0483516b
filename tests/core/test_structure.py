"""Whole-provision operations: add after, delete, move."""

import pytest
from tests.core.builders import load_version

from accord.core.errors import ContradictoryOperations, EmptyText, NotAmendable, UnknownProvision
from accord.core.structure import AddProvision, DeleteProvision, MoveProvision, apply_structure

DRAFT = load_version("zero_draft.md")


def _labels(ops: tuple[AddProvision | DeleteProvision | MoveProvision, ...]) -> list[str]:
    return [p.label for p in apply_structure(DRAFT, ops)]


def test_a_paragraph_added_after_another_takes_its_number_with_bis() -> None:
    version = apply_structure(DRAFT, (AddProvision("p2", "  States  noted the report. "),))
    added = version.provision("p2bis")
    assert (added.label, added.text) == ("2bis", "States noted the report.")
    labels = [p.label for p in version]
    assert labels[labels.index("2") : labels.index("3") + 1] == ["2", "2bis", "3"]


def test_a_second_addition_after_the_same_paragraph_is_ter() -> None:
    ops = (AddProvision("p2", "One."), AddProvision("p2", "Two."))
    labels = _labels(ops)
    assert labels[labels.index("2") : labels.index("3") + 1] == ["2", "2bis", "2ter", "3"]


def test_an_addition_after_a_sub_paragraph_follows_its_paragraph() -> None:
    labels = _labels((AddProvision("p5-a", "After five."),))
    assert labels[labels.index("5(b)") : labels.index("6") + 1] == ["5(b)", "5bis", "6"]


def test_deleting_a_paragraph_takes_its_sub_paragraphs() -> None:
    assert "5(a)" not in _labels((DeleteProvision("p5"),))


def test_moving_a_paragraph_takes_its_sub_paragraphs() -> None:
    labels = _labels((MoveProvision("p5", "p9"),))
    assert labels[-3:] == ["5", "5(a)", "5(b)"]


def test_more_than_the_latin_suffixes_are_numbered() -> None:
    ops = tuple(AddProvision("p1", f"Text {n}.") for n in range(9))
    labels = _labels(ops)
    assert labels[labels.index("1") : labels.index("2")][-2:] == ["1novies", "1add9"]


@pytest.mark.parametrize(
    ("ops", "refusal", "params"),
    [
        ((DeleteProvision("p99"),), UnknownProvision, {"uid": "p99"}),
        ((DeleteProvision("s-a"),), NotAmendable, {"uid": "s-a"}),
        ((AddProvision("p1", "   "),), EmptyText, {}),
        (
            (DeleteProvision("p1"), MoveProvision("p1", "p3")),
            ContradictoryOperations,
            {"uid": "p1"},
        ),
        ((MoveProvision("p1", "p1"),), ContradictoryOperations, {"uid": "p1"}),
        ((DeleteProvision("p2"), AddProvision("p2", "X.")), ContradictoryOperations, {"uid": "p2"}),
        (
            (DeleteProvision("p2"), MoveProvision("p1", "p2")),
            ContradictoryOperations,
            {"uid": "p2"},
        ),
    ],
)
def test_bad_operations_are_refused_with_their_data(
    ops: tuple[AddProvision | DeleteProvision | MoveProvision, ...],
    refusal: type[Exception],
    params: dict[str, object],
) -> None:
    with pytest.raises(refusal) as refused:
        apply_structure(DRAFT, ops)
    assert refused.value.params() == params  # type: ignore[attr-defined]
