"""The Chair's draft of a revision: read against the current version, proposals taken in,
fates recorded."""

import pytest
from tests.core.builders import load_version, make_proposal

from accord.core.draft_text import render_draft
from accord.core.errors import CannotTakeIn, MalformedDraft, NotPermitted, ParagraphNotInDraft
from accord.core.fates import Fate, FateKind
from accord.core.participants import Reason, Role
from accord.core.revising import (
    CHAIR_FATES,
    chair_fate,
    check_may_edit_draft,
    check_may_read_draft,
    preview_revision,
    read_revision,
    take_in,
)
from accord.core.structure import AddProvision, DeleteProvision, MoveProvision

ZERO = load_version("zero_draft.md")
TEXT = render_draft(ZERO)
P4 = ZERO.provision("p4").text


def test_the_current_text_reads_as_an_unchanged_revision() -> None:
    draft = read_revision(ZERO, TEXT)
    assert draft.new == ZERO
    assert draft.lineage.successors("p4") == ("p4",)


def test_a_renumbered_draft_keeps_the_identifiers_it_continues() -> None:
    text = TEXT.replace("3. The Group recalled", "2bis. The Group recalled")
    draft = read_revision(ZERO, text)
    assert draft.new.provision("p3").label == "2bis"
    assert ("3", ("2bis",)) in draft.lineage.number_map()


def test_an_unreadable_draft_is_refused() -> None:
    with pytest.raises(MalformedDraft):
        read_revision(ZERO, "no numbers here")


def test_taking_in_a_proposal_puts_its_wording_in_place_of_the_paragraph() -> None:
    wording = P4.replace("hospitals", "hospitals,   clinics")
    text = take_in(read_revision(ZERO, TEXT), make_proposal(ZERO, "p4", wording))
    assert text == TEXT.replace("hospitals", "hospitals, clinics")


def test_taking_in_follows_the_paragraph_where_the_draft_moved_it() -> None:
    moved = TEXT.replace("4. States expressed", "14. States expressed")
    wording = P4.replace("schools", "universities")
    text = take_in(read_revision(ZERO, moved), make_proposal(ZERO, "p4", wording))
    assert "14. " + wording in text
    assert P4 not in text


def test_taking_in_an_alternative_takes_that_option() -> None:
    options = (P4.replace("schools", "universities"), P4.replace("hospitals", "clinics"))
    proposal = make_proposal(ZERO, "p4", options[0], options=options)
    assert "4. " + options[1] in take_in(read_revision(ZERO, TEXT), proposal, option=1)
    with pytest.raises(CannotTakeIn) as refused:
        take_in(read_revision(ZERO, TEXT), proposal, option=2)
    assert refused.value == CannotTakeIn(1)


def _labels(text: str) -> list[str]:
    return [p.label for p in read_revision(ZERO, text).new if p.kind.value == "paragraph"]


def test_taking_in_a_deletion_deletes_the_paragraph_where_the_draft_has_it() -> None:
    moved = TEXT.replace("4. States expressed", "14. States expressed")
    proposal = make_proposal(ZERO, "p4", "", structure=DeleteProvision("p4"))
    text = take_in(read_revision(ZERO, moved), proposal)
    assert P4 not in text
    assert "14" not in _labels(text)
    assert _labels(text)[:4] == ["1", "2", "3", "5"]
    with pytest.raises(CannotTakeIn) as refused:
        take_in(read_revision(ZERO, TEXT), proposal, option=1)
    assert refused.value.params() == {"proposal": 1}


def test_taking_in_an_addition_adds_the_paragraph_after_the_one_it_follows() -> None:
    added = "States stressed the role of capacity-building."
    proposal = make_proposal(ZERO, "p4", P4, structure=AddProvision("p4", added))
    text = take_in(read_revision(ZERO, TEXT), proposal)
    assert f"4. {P4}\n\n4bis. {added}\n\n5. " in text


def test_taking_in_a_move_moves_the_paragraph_after_its_new_anchor() -> None:
    proposal = make_proposal(
        ZERO, "p1", ZERO.provision("p1").text, structure=MoveProvision("p1", "p4")
    )
    text = take_in(read_revision(ZERO, TEXT), proposal)
    assert _labels(text)[:5] == ["2", "3", "4", "1", "5"]


def test_a_move_whose_anchor_the_draft_dropped_cannot_be_taken_in() -> None:
    dropped = TEXT.replace(P4, "").replace("4. \n", "")
    proposal = make_proposal(
        ZERO, "p1", ZERO.provision("p1").text, structure=MoveProvision("p1", "p4")
    )
    with pytest.raises(ParagraphNotInDraft) as refused:
        take_in(read_revision(ZERO, dropped), proposal)
    assert refused.value.params() == {"label": "4"}


@pytest.mark.parametrize("role", [Role.CHAIR, Role.BUREAU, Role.SECRETARIAT])
def test_the_chair_the_bureau_and_the_secretariat_read_the_draft(role: Role) -> None:
    check_may_read_draft(role)


@pytest.mark.parametrize("role", [Role.DELEGATE, Role.OBSERVER, Role.STAKEHOLDER, Role.PUBLIC])
def test_nobody_else_reads_or_edits_the_draft(role: Role) -> None:
    for check in (check_may_read_draft, lambda r: check_may_edit_draft(r, others_may_edit=True)):
        with pytest.raises(NotPermitted) as refused:
            check(role)
        assert refused.value == NotPermitted(Reason.NOT_REVISION_TEAM)


@pytest.mark.parametrize("role", [Role.BUREAU, Role.SECRETARIAT])
def test_the_bureau_and_the_secretariat_edit_only_when_the_chair_allows(role: Role) -> None:
    check_may_edit_draft(role, others_may_edit=True)
    check_may_edit_draft(Role.CHAIR, others_may_edit=False)
    with pytest.raises(NotPermitted) as refused:
        check_may_edit_draft(role, others_may_edit=False)
    assert refused.value == NotPermitted(Reason.WORKSPACE_CLOSED)


def test_a_paragraph_the_draft_dropped_cannot_take_a_proposal() -> None:
    dropped = TEXT.replace(P4, "").replace("4. \n", "")
    proposal = make_proposal(ZERO, "p4", P4.replace("schools", "universities"))
    with pytest.raises(ParagraphNotInDraft) as refused:
        take_in(read_revision(ZERO, dropped), proposal)
    assert refused.value.params() == {"label": "4"}


def test_the_chair_s_fate_points_at_the_paragraphs_that_reflect_it() -> None:
    draft = read_revision(ZERO, TEXT)
    proposal = make_proposal(ZERO, "p4", P4.replace("schools", "universities"), id=9)
    assert chair_fate(proposal, FateKind.REFLECTED, draft, "Rev.1", (3,)) == Fate(
        9, FateKind.REFLECTED, "Rev.1", provisions=("p4",)
    )
    assert chair_fate(proposal, FateKind.MERGED, draft, "Rev.1", (3,)) == Fate(
        9, FateKind.MERGED, "Rev.1", provisions=("p4",), merged_with=(3,)
    )
    assert chair_fate(proposal, FateKind.NOT_TAKEN_UP, draft) == Fate(9, FateKind.NOT_TAKEN_UP)
    assert FateKind.WITHDRAWN not in CHAIR_FATES


def test_the_preview_shows_the_redline_the_chair_s_fates_and_the_engine_s_suggestions() -> None:
    taken = make_proposal(ZERO, "p4", P4.replace("schools", "universities"), id=1)
    left = make_proposal(ZERO, "p2", ZERO.provision("p2").text + " Also.", id=2)
    draft = read_revision(ZERO, take_in(read_revision(ZERO, TEXT), taken))
    recorded = {1: Fate(1, FateKind.NOT_TAKEN_UP, "Rev.1")}
    preview = preview_revision(draft, [taken, left], recorded, "Rev.1")
    assert preview.new == draft.new
    assert [e.link.old for e in preview.redline.changes] == [("p4",)]
    assert [f.kind for f in preview.report.fates] == [FateKind.NOT_TAKEN_UP, FateKind.NOT_TAKEN_UP]
    assert preview.report.vanishing == (2,)
    assert preview.suggested == {
        1: Fate(1, FateKind.REFLECTED, "Rev.1", provisions=("p4",), recorded=False),
        2: Fate(2, FateKind.NOT_TAKEN_UP, "Rev.1", recorded=False),
    }
