"""The Chair's draft of a revision: read against the current version, proposals taken in,
fates recorded."""

import pytest
from tests.core.builders import load_version, make_proposal

from accord.core.draft_text import render_draft
from accord.core.errors import CannotTakeIn, MalformedDraft, ParagraphNotInDraft
from accord.core.fates import Fate, FateKind
from accord.core.revising import CHAIR_FATES, chair_fate, read_revision, take_in
from accord.core.structure import DeleteProvision

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


def test_a_structural_proposal_is_made_by_hand() -> None:
    proposal = make_proposal(ZERO, "p4", P4, structure=DeleteProvision("p4"))
    with pytest.raises(CannotTakeIn) as refused:
        take_in(read_revision(ZERO, TEXT), proposal)
    assert refused.value.params() == {"proposal": 1}


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
