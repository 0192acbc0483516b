"""Identifiers survive where the text continues, and are never recycled."""

from hypothesis import given
from tests.core.builders import fixture_text, load_version, structured_versions

from accord.core.draft_text import parse_draft
from accord.core.identifiers import inherit_identifiers
from accord.core.lineage import trace_lineage
from accord.core.provisions import Version

ZERO = load_version("zero_draft.md")
REV1 = load_version("rev1.md")


def test_a_revision_inherits_the_uids_of_what_it_continues() -> None:
    inherited = inherit_identifiers(ZERO, REV1, trace_lineage(ZERO, REV1))
    by_label = {p.label: p.uid for p in inherited}
    assert by_label["3"] == "p4"  # renumbered 4 -> 3
    assert by_label["4"] == "p6"  # moved 6 -> 4
    assert by_label["5(a)"] == "p5-a"
    assert inherited.provision("p5-a").parent == "p5"
    assert (by_label["7"], by_label["8"]) == ("p7", "p8-2")  # split: the second part is new
    assert by_label["9"] == "p8"  # merged 8 and 9
    assert by_label["6"] == "p6-2"  # new, and p6 was taken
    assert [p.text for p in inherited] == [p.text for p in REV1]


def test_inheriting_twice_changes_nothing_more() -> None:
    once = inherit_identifiers(ZERO, REV1, trace_lineage(ZERO, REV1))
    again = inherit_identifiers(once, once, trace_lineage(once, once))
    assert again == once


def test_a_fresh_uid_skips_every_taken_one() -> None:
    inherited = inherit_identifiers(ZERO, REV1, trace_lineage(ZERO, REV1))
    text = fixture_text("rev1.md").replace(
        REV1.provision("p6").text, "Delegations called for a dedicated session on new risks."
    )
    rev2 = parse_draft(text)
    newer = inherit_identifiers(inherited, rev2, trace_lineage(inherited, rev2))
    assert {p.label: p.uid for p in newer}["6"] == "p6-3"


def test_a_new_provision_with_an_unused_uid_keeps_it() -> None:
    rev2 = parse_draft(fixture_text("rev1.md") + "\n10. States will meet again next year.\n")
    inherited = inherit_identifiers(ZERO, rev2, trace_lineage(ZERO, rev2))
    assert inherited.provision("p10").text == "States will meet again next year."


@given(structured_versions(), structured_versions())
def test_inherited_uids_are_unique_and_parents_exist(old: Version, new: Version) -> None:
    inherited = inherit_identifiers(old, new, trace_lineage(old, new))
    uids = [p.uid for p in inherited]
    assert len(set(uids)) == len(uids)
    assert all(p.parent in uids for p in inherited if p.parent)
    assert [p.text for p in inherited] == [p.text for p in new]
