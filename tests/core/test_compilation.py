"""The compilation: every proposal under its provision, attributed, with its fates."""

import json
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.core.builders import BRAZIL, FRANCE, KENYA, load_version, make_proposal, make_version

from accord.core.compilation import compile_version, split_compilation
from accord.core.compilation_render import compilation_data, compilation_html
from accord.core.draft_text import parse_draft
from accord.core.errors import UnknownProposal, UnknownProvision
from accord.core.fates import Fate, FateKind
from accord.core.proposals import Carried, TargetChange
from accord.core.provisions import Provision, ProvisionKind, Version

ZERO = load_version("zero_draft.md")
P4 = ZERO.provision("p4").text


@given(st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=6))
def test_compiling_with_no_proposals_is_the_identity(texts: list[str]) -> None:
    version = Version(
        "T",
        tuple(Provision(f"p{n}", ProvisionKind.PARAGRAPH, str(n), t) for n, t in enumerate(texts)),
    )
    compilation = compile_version(version, [])
    assert tuple(e.provision for e in compilation.entries) == version.provisions
    assert compilation.proposal_count == 0
    assert compilation.title == "T"


def _three() -> list:  # type: ignore[type-arg]
    late = make_proposal(
        ZERO, "p4", P4.replace("concern", "grave concern"), id=1, minutes=9, by=KENYA
    )
    early = make_proposal(
        ZERO, "p4", P4.replace("hospitals", "<b>clinics</b>"), id=2, by=FRANCE, cosponsors=(BRAZIL,)
    )
    other = make_proposal(ZERO, "p7", ZERO.provision("p7").text + " Soon.", id=3)
    return [late, early, other]


def test_proposals_sit_under_their_provision_in_submission_order_with_fates() -> None:
    fates = {1: [Fate(1, FateKind.PENDING, "Rev.1"), Fate(1, FateKind.REFLECTED, "Rev.2", ("p3",))]}
    compilation = compile_version(ZERO, _three(), fates)
    entry = next(e for e in compilation.entries if e.provision.uid == "p4")
    assert [p.id for p in entry.proposals] == [2, 1]
    assert entry.fates == ((), tuple(fates[1]))
    assert compilation.proposal_count == 3


def test_a_proposal_on_an_unknown_provision_is_refused() -> None:
    stray = make_proposal(ZERO, "p4", P4 + " More.")
    stray = type(stray)(
        **{**{f: getattr(stray, f) for f in stray.__slots__}, "provision_uid": "p99"}
    )  # type: ignore[attr-defined]
    with pytest.raises(UnknownProvision):
        compile_version(ZERO, [stray])


def test_data_attributes_every_proposal_and_shows_its_redline() -> None:
    fates = {1: [Fate(1, FateKind.REFLECTED, "Rev.1", ("p3",), version=2)]}
    data = compilation_data(compile_version(ZERO, _three(), fates))
    assert json.loads(json.dumps(data)) == data
    entry = next(e for e in data["entries"] if e["uid"] == "p4")  # type: ignore[attr-defined]
    first, second = entry["proposals"]
    assert first["proponent"]["delegation"] == "FRA"
    assert first["cosponsors"][0]["delegation"] == "BRA"
    assert {"kind": "inserted", "text": "<b>clinics</b>"} in first["marks"]
    assert second["proponent"]["group_name"] == "African Group"
    assert second["fates"] == [
        {
            "kind": "reflected",
            "revision": "Rev.1",
            "version": 2,
            "provisions": ["p3"],
            "merged_with": [],
            "recorded": True,
        }
    ]
    assert second["carried"] is None


def test_html_escapes_and_attributes() -> None:
    page = compilation_html(compile_version(ZERO, _three()))
    assert "&lt;b&gt;clinics&lt;/b&gt;" in page
    assert "<b>" not in page
    assert "European Union (France)" in page
    assert ">Brazil<" in page
    assert '<span class="visually-hidden">inserted: </span>' in page


def test_html_shows_fates() -> None:
    page = compilation_html(
        compile_version(ZERO, _three(), {3: [Fate(3, FateKind.NOT_TAKEN_UP, "Rev.1")]})
    )
    assert '<span class="fate not-taken-up" data-revision="Rev.1"></span>' in page


def test_fates_of_an_unknown_proposal_are_refused() -> None:
    with pytest.raises(UnknownProposal) as refused:
        compile_version(ZERO, _three(), {9: [Fate(9, FateKind.PENDING)]})
    assert refused.value.params() == {"proposal": 9}


def test_each_proposal_comes_with_its_fates_or_none():
    from accord.core.compilation import CompilationEntry
    from accord.core.fates import Fate, FateKind
    from accord.core.provisions import Provision, ProvisionKind

    provision = Provision("p1", ProvisionKind.PARAGRAPH, "1", "Text.")
    first, second = object(), object()
    bare = CompilationEntry(provision, (first, second))  # type: ignore[arg-type]
    assert bare.proposals_with_fates == ((first, ()), (second, ()))
    fate = Fate(1, FateKind.PENDING, "Rev.1")
    settled = CompilationEntry(provision, (first,), ((fate,),))  # type: ignore[arg-type]
    assert settled.proposals_with_fates == ((first, (fate,)),)


def test_a_carried_proposal_says_where_it_was_made_and_how_its_target_changed() -> None:
    made = Carried(1, "Zero <draft>", "p4", "4", (TargetChange.WORDS, TargetChange.SPLIT))
    carried = replace(_three()[0], carried=made)
    compilation = compile_version(ZERO, [carried])
    (proposal,) = next(e for e in compilation_data(compilation)["entries"] if e["proposals"])[
        "proposals"
    ]  # type: ignore[index]
    assert proposal["carried"] == {
        "version": 1,
        "version_label": "Zero <draft>",
        "provision": "p4",
        "provision_label": "4",
        "changes": ["words", "split"],
    }
    assert (
        '<span class="carried words split" data-version="Zero &lt;draft&gt;" '
        'data-provision="4"></span>'
    ) in compilation_html(compilation)


def _parted(budget: int):  # type: ignore[no-untyped-def]
    text = make_version("One.", "Two.", "Three.", "Four.")
    made = [
        make_proposal(text, uid, f"{word} Again.", id=n)
        for n, (uid, word) in enumerate(
            [("p1", "One."), ("p1", "One."), ("p2", "Two."), *[("p3", "Three.")] * 3],
            start=1,
        )
    ]
    return split_compilation(compile_version(text, made), budget)


def test_a_compilation_splits_into_parts_of_bounded_proposals_in_reading_order() -> None:
    parts = _parted(3)
    assert [p.number for p in parts] == [1, 2]
    assert [[e.provision.label for e in p.entries] for p in parts] == [["A", "1", "2"], ["3", "4"]]
    assert [p.proposal_count for p in parts] == [3, 3]
    assert [p.labels for p in parts] == [("1", "2"), ("3", "4")]


def test_a_provision_holding_more_than_the_budget_makes_a_part_of_its_own() -> None:
    parts = _parted(1)
    assert [[e.provision.label for e in p.entries] for p in parts] == [
        ["A", "1"],
        ["2"],
        ["3", "4"],
    ]
    assert [p.proposal_count for p in parts] == [2, 1, 3]


def test_a_section_heading_opens_the_part_of_its_paragraphs() -> None:
    text = parse_draft("# Draft\n## A. One\n1. First.\n## B. Two\n2. Second.")
    made = [make_proposal(text, "p1", "First again."), make_proposal(text, "p2", "Second again.")]
    parts = split_compilation(compile_version(text, made), 1)
    assert [[e.provision.label for e in p.entries] for p in parts] == [["A", "1"], ["B", "2"]]


def test_a_part_of_headings_alone_has_no_labels() -> None:
    text = Version("T", (Provision("s1", ProvisionKind.SECTION, "A", "General"),))
    (only,) = split_compilation(compile_version(text, []), 10)
    assert only.labels == ("", "")
    assert only.proposal_count == 0
