"""Bracketed text from the open proposals and the objections that make words disputed."""

import pytest
from tests.core.builders import KENYA, load_version, make_proposal

from accord.core.bracketed import (
    Segment,
    SegmentKind,
    bracket_version,
    bracketed_html,
    bracketed_text,
    set_bracketed,
    split_pieces,
)
from accord.core.errors import UnknownProvision
from accord.core.positions import Stance, take_position
from accord.core.proposals import ProposalStatus
from accord.core.provisions import Version
from accord.core.structure import DeleteProvision

ZERO = load_version("zero_draft.md")
P4 = ZERO.provision("p4").text
P6 = ZERO.provision("p6").text
MEMBERS = frozenset({"BRA", "KEN", "FRA"})


def _segments(uid: str, proposals: list, **kwargs: object) -> tuple[Segment, ...]:  # type: ignore[type-arg]
    bracketed = bracket_version(ZERO, proposals, **kwargs)  # type: ignore[arg-type]
    return next(b.segments for b in bracketed if b.provision.uid == uid)


def test_an_insertion_is_bracketed() -> None:
    proposal = make_proposal(ZERO, "p4", P4.replace("concern", "grave concern"))
    text = bracketed_text(bracket_version(ZERO, [proposal]))
    assert "4. States expressed [grave ]concern at" not in text
    assert "4. States expressed [grave] concern at" in text


def test_a_deletion_brackets_the_words_at_stake() -> None:
    proposal = make_proposal(ZERO, "p4", P4.replace(" schools and", ""))
    segments = _segments("p4", [proposal])
    assert Segment(SegmentKind.DISPUTED, "schools and ") in segments


def test_competing_replacements_become_alternatives() -> None:
    one = make_proposal(ZERO, "p4", P4.replace("hospitals", "clinics"), id=1)
    two = make_proposal(ZERO, "p4", P4.replace("hospitals", "health facilities"), id=2, by=KENYA)
    same = make_proposal(ZERO, "p4", P4.replace("hospitals", "clinics"), id=3)
    text = bracketed_text(bracket_version(ZERO, [one, two, same]))
    assert "interrupt [hospitals][clinics][health facilities], schools" in text


def test_some_provisions_alone_are_bracketed_as_they_are_in_the_whole() -> None:
    proposal = make_proposal(ZERO, "p4", P4.replace("hospitals", "clinics"))
    objection = take_position("KEN", ZERO.provision("p6"), Stance.OBJECT, members=MEMBERS)
    whole = bracket_version(ZERO, [proposal], [objection], members=MEMBERS)
    only = frozenset({"p6", "p4"})
    some = bracket_version(ZERO, [proposal], [objection], members=MEMBERS, only=only)
    assert some == tuple(b for b in whole if b.provision.uid in {"p4", "p6"})
    assert [b.provision.uid for b in some] == ["p4", "p6"]
    assert some[1].segments == (Segment(SegmentKind.DISPUTED, P6),)


def test_a_proposal_with_two_changes_in_one_run_is_rebuilt_whole() -> None:
    two = make_proposal(ZERO, "p4", P4.replace("hospitals, schools", "clinics, universities"), id=1)
    wide = make_proposal(ZERO, "p4", P4.replace("hospitals, schools and", "clinics or"), id=2)
    assert len(two.amendment.ops) == 2
    segments = _segments("p4", [two, wide])
    options = next(s for s in segments if s.kind is SegmentKind.OPTIONS).options
    assert options == ("hospitals, schools and ", "clinics, universities and ", "clinics or ")


def test_alternatives_for_the_whole_provision_are_options() -> None:
    proposal = make_proposal(
        ZERO, "p6", P6 + " X.", options=("Option text one.", "Option text one.", P6)
    )
    text = bracketed_text(bracket_version(ZERO, [proposal]), option="Variante")
    assert f"6. [Variante 1: {P6}] [Variante 2: Option text one.]" in text


def test_an_objection_brackets_the_whole_provision_until_the_text_changes() -> None:
    objection = take_position("KEN", ZERO.provision("p6"), Stance.OBJECT, members=MEMBERS)
    assert _segments("p6", [], positions=[objection], members=MEMBERS) == (
        Segment(SegmentKind.DISPUTED, P6),
    )
    support = take_position("KEN", ZERO.provision("p6"), Stance.SUPPORT, members=MEMBERS)
    assert (
        _segments("p6", [], positions=[objection, support], members=MEMBERS)[0].kind
        is SegmentKind.TEXT
    )


def test_agreed_provisions_withdrawn_and_structural_proposals_stay_clean() -> None:
    open_ = make_proposal(ZERO, "p4", P4.replace("hospitals", "clinics"))
    withdrawn = make_proposal(ZERO, "p6", P6 + " X.", status=ProposalStatus.WITHDRAWN)
    structural = make_proposal(
        ZERO, "p7", ZERO.provision("p7").text + " Y.", structure=DeleteProvision("p7")
    )
    bracketed = bracket_version(ZERO, [open_, withdrawn, structural], agreed=frozenset({"p4"}))
    assert all(len(b.segments) == 1 and b.segments[0].kind is SegmentKind.TEXT for b in bracketed)


def test_changes_at_both_ends_of_a_provision() -> None:
    wording = "Many " + P4[len("States ") :].replace("administrations.", "authorities!")
    proposal = make_proposal(ZERO, "p4", wording)
    segments = _segments("p4", [proposal])
    assert segments[0] == Segment(SegmentKind.OPTIONS, options=("States ", "Many "))
    assert segments[-1] == Segment(
        SegmentKind.OPTIONS, options=("administrations.", "authorities!")
    )


def test_html_escapes_and_marks_the_disputed_words() -> None:
    proposal = make_proposal(ZERO, "p4", P4.replace("hospitals", "<clinics>"))
    alternatives = make_proposal(ZERO, "p6", P6 + " X.", id=2, options=("Use <b>.",))
    page = bracketed_html(bracket_version(ZERO, [proposal, alternatives]))
    assert '<mark class="options">[hospitals][&lt;clinics&gt;]</mark>, schools' in page
    assert "[Option 2: Use &lt;b&gt;.]" in page
    assert "<b>" not in page
    assert "<clinics>" not in page


def test_a_proposal_on_an_unknown_provision_is_refused() -> None:
    stray = make_proposal(ZERO, "p6", P6 + " More.")
    with pytest.raises(UnknownProvision) as refused:
        bracket_version(Version("Opening", ZERO.provisions[:3]), [stray])
    assert refused.value.params() == {"uid": "p6"}


def test_the_bracketed_text_in_parts_of_whole_sections_within_a_budget() -> None:
    proposal = make_proposal(ZERO, "p4", P4.replace("concern", "grave concern"))
    bracketed = bracket_version(ZERO, [proposal])
    whole = bracketed_html(bracketed)
    (one,) = split_pieces(set_bracketed(bracketed), budget=len(whole))
    assert (one.number, one.labels) == (1, ("1", "9"))
    assert f'<article class="bracketed">{one.html}</article>' == whole
    # A budget smaller than any section: each section makes a part of its own.
    parts = split_pieces(set_bracketed(bracketed), budget=1)
    assert [(p.number, p.labels) for p in parts] == [
        (1, ("1", "3")),
        (2, ("4", "6")),
        (3, ("7", "9")),
    ]
    assert "".join(p.html for p in parts) == one.html
    assert parts[1].html.startswith('<p class="provision section"><span class="label">B</span>')
    assert "[grave]" in parts[1].html


def test_a_part_of_headings_alone_has_no_labels_and_text_before_a_heading_opens_the_first() -> None:
    lead = ZERO.provisions[0]
    headings = Version("Headings", (*ZERO.provisions[1:4], lead))
    parts = split_pieces(set_bracketed(bracket_version(headings, [])), budget=1)
    assert [(p.number, p.labels) for p in parts] == [(1, ("1", "3")), (2, ("", ""))]
