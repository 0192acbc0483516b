"""The redline between two versions and its renderings."""

import json

from hypothesis import given
from hypothesis import strategies as st
from tests.core.builders import load_version, make_version, structured_versions

from accord.core.amendments import MarkKind
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.core.redline import compare_versions, redline_problems, side_text
from accord.core.redline_render import (
    RedlineWords,
    markdown_escape,
    redline_data,
    redline_html,
    redline_markdown,
    redline_text,
)

SENTENCES = st.sampled_from(
    [
        "States should cooperate.",
        "States shall, as appropriate, cooperate.",
        "Capacity-building is demand-driven.",
        "Ransomware threatens hospitals <and> schools & more.",
        "The Group recalled earlier reports.",
        "Norms are voluntary and non-binding.",
    ]
)


@st.composite
def versions(draw: st.DrawFn) -> Version:
    texts = draw(
        st.lists(st.lists(SENTENCES, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8)
    )
    return Version(
        "Draft",
        tuple(
            Provision(f"p{n}", ProvisionKind.PARAGRAPH, str(n), t) for n, t in enumerate(texts, 1)
        ),
    )


@given(versions())
def test_a_redline_of_a_version_against_itself_is_empty(version: Version) -> None:
    assert compare_versions(version, version).is_empty


@given(versions(), versions())
def test_old_text_and_redline_give_the_new_text_and_keep_every_deleted_word(
    old: Version, new: Version
) -> None:
    redline = compare_versions(old, new)
    assert redline_problems(old, new, redline) == ()
    deleted = "".join(
        m.text for e in redline.entries for m in e.marks if m.kind is MarkKind.DELETED
    )
    old_words = [w for p in old for w in p.text.split()]
    kept = [w for e in redline.entries for w in side_text(e.marks, MarkKind.DELETED).split()]
    assert sorted(kept) == sorted(old_words)
    assert all(
        w in deleted
        for e in redline.entries
        if not e.link.new
        for w in side_text(e.marks, MarkKind.DELETED).split()
    )


def test_the_checker_names_what_a_redline_gets_wrong() -> None:
    old, new = make_version("One.", "Two."), make_version("One.", "Three.")
    redline = compare_versions(old, new)
    assert redline_problems(old, new, redline) == ()
    assert redline_problems(new, old, redline) == ("p2", "p2")
    fewer = make_version("One.")
    assert redline_problems(fewer, fewer, compare_versions(old, old)) == (
        "p2",
        "p2",
        "old-provisions",
        "new-provisions",
    )


def _fixtures_redline():  # type: ignore[no-untyped-def]
    return compare_versions(load_version("zero_draft.md"), load_version("rev1.md"))


def test_a_changed_title_makes_the_redline_not_empty() -> None:
    version = make_version("One.")
    assert not compare_versions(version, make_version("One.", title="Rev.1")).is_empty


def test_json_data_carries_links_and_marks() -> None:
    data = redline_data(_fixtures_redline())
    assert json.loads(json.dumps(data)) == data
    assert data["number_map"][3] == {"old": "3", "new": []}  # type: ignore[index]
    entry = data["entries"][2]  # type: ignore[index]
    assert entry["marks"][1] == {"kind": "inserted", "text": "cumulative and evolving "}
    assert entry["succession"] == "kept"
    assert entry["revised"] is True


def test_html_escapes_every_text_and_says_insertions_for_screen_readers() -> None:
    old = make_version("Threats <b>grow</b>.")
    new = make_version("Threats <script>x</script> & grow.")
    page = redline_html(compare_versions(old, new), RedlineWords(inserted="eingefügt: "))
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert '<ins><span class="visually-hidden">eingefügt: </span>' in page
    assert '<del><span class="visually-hidden">deleted: </span>' in page


def test_html_shows_moves_renumbering_splits_and_mergers() -> None:
    page = redline_html(_fixtures_redline())
    for note in ("moved", "formerly 6", "split from 7", "merged from 8, 9", "deleted 3", ">new<"):
        assert note in page


def test_markdown_strikes_deletions_and_escapes_markup() -> None:
    old = make_version("States *should* cooperate.")
    new = make_version("States shall cooperate.")
    text = redline_markdown(compare_versions(old, new))
    assert "~~\\*should\\*~~ __shall__ cooperate\\." in text
    assert markdown_escape("a_b [c]") == "a\\_b \\[c\\]"


def test_text_uses_the_word_diff_convention() -> None:
    text = redline_text(_fixtures_redline())
    assert "2. States reaffirmed that the {+cumulative and evolving +}framework" in text
    assert "3. (deleted 3) [-The Group recalled" in text
    assert "7, 8. (split from 7) States welcomed" in text


def test_a_changed_title_is_said_in_every_rendering() -> None:
    redline = compare_versions(
        make_version("One.", title="Zero draft"), make_version("One.", title="Rev.1")
    )
    assert "(formerly Zero draft)" in redline_text(redline)
    assert "*(formerly Zero draft)*" in redline_markdown(redline)
    assert '<p class="note">formerly Zero draft</p>' in redline_html(redline)
    same = compare_versions(make_version("One."), make_version("One."))
    assert "formerly" not in redline_text(same) + redline_markdown(same) + redline_html(same)


def test_a_provision_in_two_overlapping_gaps_is_shown_once() -> None:
    # Found by Hypothesis: after a move, the new sides of two gaps overlapped.
    three = "States should cooperate. States should cooperate. States should cooperate."
    shall = "States shall, as appropriate, cooperate."
    should = "States should cooperate."
    old = make_version(three, should, shall, three)
    new = make_version(shall, f"{should} {shall}", should)
    assert redline_problems(old, new, compare_versions(old, new)) == ()


@given(structured_versions(), structured_versions())
def test_any_two_structured_versions_compare_completely(old: Version, new: Version) -> None:
    redline = compare_versions(old, new)
    assert redline_problems(old, new, redline) == ()
    assert len(redline.number_map) == len(old)
