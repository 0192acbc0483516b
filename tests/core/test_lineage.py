"""Lineage across versions: kept, renumbered, moved, split, merged, deleted, new."""

from hypothesis import given
from hypothesis import strategies as st
from tests.core.builders import load_version, make_version

from accord.core.lineage import Succession, trace_lineage
from accord.core.provisions import Provision, ProvisionKind, Version

PARAGRAPH = st.text(alphabet="abcdefghij ,.", min_size=1, max_size=40).map(
    lambda t: " ".join(t.split()) or "x"
)


@st.composite
def versions(draw: st.DrawFn) -> Version:
    texts = draw(st.lists(PARAGRAPH, min_size=1, max_size=12))
    provisions = [Provision("s-a", ProvisionKind.SECTION, "A", "General")]
    provisions += [
        Provision(f"p{n}", ProvisionKind.PARAGRAPH, str(n), t) for n, t in enumerate(texts, 1)
    ]
    return Version("Draft", tuple(provisions))


@given(versions())
def test_a_version_maps_each_provision_to_itself(version: Version) -> None:
    lineage = trace_lineage(version, version)
    for provision in version:
        assert lineage.successors(provision.uid) == (provision.uid,)
        assert lineage.predecessors(provision.uid) == (provision.uid,)
    assert all(
        link.succession is Succession.KEPT and not (link.moved or link.renumbered or link.revised)
        for link in lineage.links
    )
    assert lineage.number_map() == tuple((p.label, (p.label,)) for p in version)


def test_the_chairs_revision_is_traced_provision_by_provision() -> None:
    lineage = trace_lineage(load_version("zero_draft.md"), load_version("rev1.md"))
    assert lineage.number_map() == (
        ("A", ("A",)),
        ("1", ("1",)),
        ("2", ("2",)),
        ("3", ()),
        ("B", ("B",)),
        ("4", ("3",)),
        ("5", ("5",)),
        ("5(a)", ("5(a)",)),
        ("5(b)", ("5(b)",)),
        ("6", ("4",)),
        ("C", ("C",)),
        ("7", ("7", "8")),
        ("8", ("9",)),
        ("9", ("9",)),
    )
    kinds = {link.old_labels + link.new_labels: link for link in lineage.links}
    assert kinds["2", "2"].revised
    assert not kinds["2", "2"].renumbered
    assert kinds["4", "3"].renumbered
    assert kinds["4", "3"].revised
    assert kinds["6", "4"].moved
    assert not kinds["6", "4"].revised
    assert kinds["7", "7", "8"].succession is Succession.SPLIT
    assert not kinds["7", "7", "8"].revised  # only the paragraph break moved
    assert kinds["8", "9", "9"].succession is Succession.MERGED
    assert kinds["3",].succession is Succession.DELETED
    assert kinds["6",].succession is Succession.NEW
    assert lineage.successors("p3") == ()
    assert lineage.predecessors("p6") == ()


def test_a_deleted_provision_reads_after_what_preceded_it() -> None:
    lineage = trace_lineage(load_version("zero_draft.md"), load_version("rev1.md"))
    order = [link.old_labels or link.new_labels for link in lineage.links]
    assert order.index(("3",)) == order.index(("2",)) + 1


def test_a_deleted_first_paragraph_reads_first() -> None:
    old = Version(
        "D",
        (
            Provision("p1", ProvisionKind.PARAGRAPH, "1", "Gone entirely now."),
            Provision("p2", ProvisionKind.PARAGRAPH, "2", "Stays as it is."),
        ),
    )
    new = Version("D", (Provision("p1", ProvisionKind.PARAGRAPH, "1", "Stays as it is."),))
    lineage = trace_lineage(old, new)
    assert [link.succession for link in lineage.links] == [Succession.DELETED, Succession.KEPT]


def test_a_rewrite_in_place_keeps_its_lineage() -> None:
    old = make_version(
        "States should cooperate on ransomware.", "Capacity-building is key.", "The end."
    )
    new = make_version(
        "States should cooperate closely on ransomware.", "Capacity-building matters.", "The end."
    )
    lineage = trace_lineage(old, new)
    assert lineage.successors("p1") == ("p1",)
    assert lineage.successors("p2") == ("p2",)


def test_unrelated_text_in_the_same_place_is_deleted_and_new() -> None:
    old = make_version("First.", "Ransomware disrupts hospitals and schools.", "Last.")
    new = make_version("First.", "Confidence-building measures help.", "Last.")
    lineage = trace_lineage(old, new)
    assert lineage.successors("p2") == ()
    assert lineage.predecessors("p2") == ()


def test_a_heading_never_continues_as_a_paragraph() -> None:
    old = Version(
        "D",
        (
            Provision("s-a", ProvisionKind.SECTION, "A", "Ransomware threats"),
            Provision("p1", ProvisionKind.PARAGRAPH, "1", "Text."),
        ),
    )
    new = Version(
        "D",
        (
            Provision("s-a", ProvisionKind.SECTION, "A", "Other"),
            Provision("p1", ProvisionKind.PARAGRAPH, "1", "Ransomware threats"),
            Provision("p2", ProvisionKind.PARAGRAPH, "2", "Text."),
        ),
    )
    lineage = trace_lineage(old, new)
    assert lineage.successors("s-a") != ("p1",)


def test_a_moved_and_rewritten_paragraph_is_found_by_its_words() -> None:
    texts = [
        "States reaffirmed the eleven norms of responsible State behaviour in the use of ICTs.",
        "The directory of points of contact should be kept up to date by every State.",
        "Capacity-building should be demand-driven, gender-sensitive and sustainable over time.",
        "Regional organizations shared their experience of confidence-building measures.",
    ]
    old = make_version(*texts)
    moved = texts[2].replace("over time", "in the long term")
    new = make_version(texts[0], texts[1], texts[3], "A new paragraph on something else.", moved)
    lineage = trace_lineage(old, new)
    assert lineage.successors("p3") == ("p5",)
    link = next(k for k in lineage.links if k.old == ("p3",))
    assert link.moved
    assert link.revised
    assert link.renumbered


def test_two_rewritten_paragraphs_that_swapped_places_are_both_found() -> None:
    first = "States should protect critical infrastructure that provides services to the public."
    second = "Capacity-building programmes should be demand-driven and respect national ownership."
    old = make_version("Opening.", first, second, "Closing.")
    new = make_version(
        "Opening.",
        second.replace("should", "ought to"),
        first.replace("should", "must"),
        "Closing.",
    )
    lineage = trace_lineage(old, new)
    assert lineage.successors("p2") == ("p3",)
    assert lineage.successors("p3") == ("p2",)
    assert sum(link.moved for link in lineage.links) == 1


DISTINCT = st.lists(
    st.lists(
        st.sampled_from(["alpha", "beta", "gamma", "delta", "omega", "sigma"]),
        min_size=4,
        max_size=8,
    ),
    min_size=2,
    max_size=8,
    unique_by=tuple,
)


@given(DISTINCT, st.randoms(use_true_random=False))
def test_reordered_and_renumbered_paragraphs_keep_their_lineage(
    texts: list[list[str]], rng: object
) -> None:
    paragraphs = [" ".join(words) + "." for words in texts]
    shuffled = paragraphs[:]
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    old, new = make_version(*paragraphs), make_version(*shuffled)
    lineage = trace_lineage(old, new)
    for n, text in enumerate(paragraphs, 1):
        assert lineage.successors(f"p{n}") == (f"p{shuffled.index(text) + 1}",)


@given(DISTINCT, st.data())
def test_a_deleted_paragraph_is_deleted_and_the_rest_kept(
    texts: list[list[str]], data: st.DataObject
) -> None:
    paragraphs = [" ".join(words) + "." for words in texts]
    gone = data.draw(st.integers(0, len(paragraphs) - 1))
    kept = paragraphs[:gone] + paragraphs[gone + 1 :]
    lineage = trace_lineage(make_version(*paragraphs), make_version(*kept))
    assert lineage.successors(f"p{gone + 1}") == ()
    assert sum(1 for link in lineage.links if link.succession is Succession.KEPT) == len(kept) + 1


LONG = (
    "States noted with particular concern that malicious ICT activities affecting "
    "infrastructure that delivers services across several States, such as undersea cables "
    "and satellite systems, could have serious regional or global consequences."
)
SHORT = "States identified the following threats of concern:"


def test_a_short_paragraph_merged_into_a_long_neighbour_is_a_merger() -> None:
    old = make_version("Opening words of the report.", SHORT, LONG, "Closing words of the report.")
    new = make_version(
        "Opening words of the report.", f"{SHORT} {LONG}", "Closing words of the report."
    )
    lineage = trace_lineage(old, new)
    assert lineage.successors("p2") == ("p2",)
    assert lineage.successors("p3") == ("p2",)
    assert lineage.links[2].succession is Succession.MERGED


def test_a_short_opening_split_from_a_long_paragraph_is_a_split() -> None:
    old = make_version("Opening words of the report.", f"{SHORT} {LONG}", "Closing words.")
    new = make_version("Opening words of the report.", SHORT, LONG, "Closing words.")
    assert trace_lineage(old, new).successors("p2") == ("p2", "p3")
