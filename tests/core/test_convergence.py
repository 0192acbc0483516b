"""Convergence analytics on small hand-made matrices (exact figures) and on a generated
negotiation with planted camps."""

import math
import random
from collections.abc import Mapping, Sequence

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from accord.core import convergence as cv
from accord.core.convergence_audience import Audience, check_may_see, may_see
from accord.core.errors import NotPermitted
from accord.core.participants import PUBLIC, Actor, Role
from accord.core.positions import Stance

S, C, R, OB = Stance.SUPPORT, Stance.CAN_ACCEPT, Stance.RESERVE, Stance.OBJECT
PARAGRAPHS = [f"p{j}" for j in range(1, 7)]


def paragraph(uid: str, section: str = "") -> tuple[cv.Item, str]:
    return cv.Item(cv.ItemKind.PARAGRAPH, uid, uid.upper(), section), f"h{uid}"


def matrix_of(
    rows: Mapping[str, Sequence[Stance | None]], proposals: Sequence[cv.OpenProposal] = ()
) -> cv.StanceMatrix:
    taken = [
        cv.TakenPosition(code, PARAGRAPHS[j], stance, f"h{PARAGRAPHS[j]}")
        for code, stances in rows.items()
        for j, stance in enumerate(stances)
        if stance is not None
    ]
    width = len(next(iter(rows.values())))
    return cv.stance_matrix(
        list(rows), [paragraph(uid) for uid in PARAGRAPHS[:width]], taken, list(proposals)
    )


# Two camps: A, B, C accept paragraphs 1 and 2 and object to 3 and 4; D, E, F the reverse.
# Everyone supports 5; C reserves on 6. Proposal 7 is sponsored across the camps, 8 by A, B.
TWO_CAMPS = {
    "A": [S, S, OB, OB, S, S],
    "B": [S, S, OB, OB, S, S],
    "C": [S, S, OB, OB, S, R],
    "D": [OB, OB, S, S, S, S],
    "E": [OB, OB, S, S, S, S],
    "F": [OB, OB, S, S, S, S],
}
ACROSS = cv.OpenProposal("7", "P7", "p1", frozenset({"A", "D"}))
WITHIN = cv.OpenProposal("8", "P8", "p2", frozenset({"A", "B"}))


def rows_of(values: np.ndarray) -> list[list[float | None]]:
    return [[None if math.isnan(v) else v for v in row] for row in values.tolist()]


def test_the_stance_matrix_counts_current_positions_proposals_and_sponsorship() -> None:
    taken = [
        cv.TakenPosition("A", "p1", S, "hp1"),
        cv.TakenPosition("A", "p1", OB, "hp1"),  # a later position replaces the earlier one
        cv.TakenPosition("B", "p1", C, "old"),  # stale: the text has changed since
        cv.TakenPosition("C", "p2", R, "hp2"),
        cv.TakenPosition("X", "p1", S, "hp1"),  # not a member
        cv.TakenPosition("A", "p9", S, "hp9"),  # not a paragraph of this version
    ]
    proposals = [
        cv.OpenProposal("7", "P7", "p1", frozenset({"B", "Z"}), "s1"),
        cv.OpenProposal("8", "P8", "p9", frozenset({"A"})),
    ]
    matrix = cv.stance_matrix(
        ["A", "B", "C"], [paragraph("p1", "s1"), paragraph("p2", "s1")], taken, proposals
    )
    assert matrix.delegations == ("A", "B", "C")
    assert [(i.kind.value, i.key, i.label, i.section, i.paragraph) for i in matrix.items] == [
        ("paragraph", "p1", "P1", "s1", ""),
        ("paragraph", "p2", "P2", "s1", ""),
        ("proposal", "7", "P7", "s1", "p1"),
        ("proposal", "8", "P8", "", "p9"),
    ]
    # B's stale position does not count, but B sponsors a change to p1: it wants it changed.
    assert rows_of(matrix.values) == [
        [-1.0, None, None, 1.0],
        [-0.25, None, 1.0, None],
        [None, -0.5, None, None],
    ]
    assert rows_of(matrix.column("7", cv.ItemKind.PROPOSAL)[np.newaxis, :]) == [[None, 1.0, None]]
    assert rows_of(matrix.column("p2")[np.newaxis, :]) == [[None, None, -0.5]]


def test_two_camps_are_found_with_exact_scores() -> None:
    analysis = cv.analyse(matrix_of(TWO_CAMPS, [ACROSS, WITHIN]))
    groups = analysis.groups
    assert groups.labels.tolist() == [0, 0, 0, 1, 1, 1]
    assert (groups.count, groups.silhouette) == (2, 0.7297)
    assert groups.explained == (0.8774, 0.0869)
    assert groups.members(1).tolist() == [3, 4, 5]
    assert cv.group_of(groups, analysis.matrix.delegations) == {
        "A": 0, "B": 0, "C": 0, "D": 1, "E": 1, "F": 1,
    }  # fmt: skip
    # The map puts the camps on either side of the first axis.
    assert [x > 0 for x, _y in groups.coordinates.tolist()] == [True] * 3 + [False] * 3
    figures = {
        s.item.key: (s.score, s.shares, s.divide, s.accepting, s.stated, s.objecting, s.reserving)
        for s in analysis.standings
    }
    assert figures == {
        "p1": (0.16, (0.8, 0.2), 0.6, 3, 6, ("D", "E", "F"), ()),
        "p2": (0.16, (0.8, 0.2), 0.6, 3, 6, ("D", "E", "F"), ()),
        "p3": (0.16, (0.2, 0.8), 0.6, 3, 6, ("A", "B", "C"), ()),
        "p4": (0.16, (0.2, 0.8), 0.6, 3, 6, ("A", "B", "C"), ()),
        "p5": (0.64, (0.8, 0.8), 0.0, 6, 6, (), ()),
        "p6": (0.48, (0.6, 0.8), 0.2, 5, 6, (), ("C",)),
        # A proposal's share is of the whole group: (sponsors in it + 1) / (its size + 2).
        "7": (0.16, (0.4, 0.4), 0.0, 2, 2, (), ()),
        "8": (0.12, (0.6, 0.2), 0.4, 2, 2, (), ()),
    }
    assert [s.item.key for s in analysis.closest] == ["p5", "p6", "7", "p1", "p2", "p3", "p4", "8"]
    assert [s.item.key for s in analysis.divisive] == ["p1", "p2", "p3", "p4", "p6"]
    assert [(b.standing.item.key, b.groups, b.sponsors) for b in analysis.bridges] == [
        ("7", (0, 1), 2)
    ]
    defining = {
        g: [(d.item.key, d.inside, d.outside, d.difference) for d in found]
        for g, found in analysis.defining.items()
    }
    assert defining == {
        0: [
            ("p1", 0.8, 0.2, 0.6),
            ("p2", 0.8, 0.2, 0.6),
            ("p3", 0.2, 0.8, -0.6),
            ("p4", 0.2, 0.8, -0.6),
            ("p6", 0.6, 0.8, -0.2),
        ],
        1: [
            ("p1", 0.2, 0.8, -0.6),
            ("p2", 0.2, 0.8, -0.6),
            ("p3", 0.8, 0.2, 0.6),
            ("p4", 0.8, 0.2, 0.6),
            ("p6", 0.8, 0.6, 0.2),
        ],
    }
    assert [d.item.key for d in cv.defining(analysis.matrix, groups, 0, limit=2)] == ["p1", "p2"]


def test_the_same_data_gives_the_same_groups_and_map_every_time() -> None:
    first = cv.analyse(matrix_of(TWO_CAMPS, [ACROSS, WITHIN]))
    again = cv.analyse(matrix_of(TWO_CAMPS, [ACROSS, WITHIN]))
    assert first.groups.labels.tolist() == again.groups.labels.tolist()
    assert first.groups.coordinates.tolist() == again.groups.coordinates.tolist()


def test_delegations_with_too_few_positions_stand_apart() -> None:
    rows: dict[str, Sequence[Stance | None]] = {**TWO_CAMPS, "G": [S] + [None] * 5}
    analysis = cv.analyse(matrix_of(rows))
    assert analysis.groups.labels.tolist() == [0, 0, 0, 1, 1, 1, -1]
    assert analysis.groups.coordinates[6].tolist() == [0.0, 0.0]
    # Its position still shows on the paragraph, but it counts in no group's share.
    p1 = analysis.standings[0]
    assert (p1.accepting, p1.stated, p1.shares) == (4, 7, (0.8, 0.2))


def test_proposing_alone_does_not_place_a_delegation() -> None:
    proposals = [cv.OpenProposal(str(k), "", f"p{k}", frozenset({"G"})) for k in range(1, 5)]
    matrix = matrix_of({**TWO_CAMPS, "G": [None] * 6}, proposals)
    assert rows_of(matrix.values[6:, :4]) == [[-0.25, -0.25, -0.25, -0.25]]
    assert cv.opinion_groups(matrix).labels.tolist() == [0, 0, 0, 1, 1, 1, -1]


def test_a_room_that_stands_alike_is_one_group() -> None:
    rows = {code: [S, C, S] for code in "ABC"}
    groups = cv.opinion_groups(matrix_of(rows))
    assert groups.labels.tolist() == [0, 0, 0]
    assert (groups.count, groups.silhouette, groups.explained) == (1, None, (0.0, 0.0))
    analysis = cv.analyse(matrix_of(rows))
    assert [s.score for s in analysis.standings] == [0.8, 0.8, 0.8]
    assert analysis.divisive == []
    assert analysis.defining == {0: []}


def test_paragraphs_nobody_took_a_stand_on_are_not_ranked_closest() -> None:
    analysis = cv.analyse(matrix_of({code: [S, None, OB] for code in "ABC"}))
    assert [(s.item.key, s.stated) for s in analysis.standings] == [("p1", 3), ("p2", 0), ("p3", 3)]
    assert [s.item.key for s in analysis.closest] == ["p1", "p3"]


def test_noise_without_camps_is_one_group() -> None:
    rng = random.Random(3)  # noqa: S311 - generated test data, not a secret
    codes = [f"D{i:02}" for i in range(40)]
    taken = [
        cv.TakenPosition(code, f"q{j}", rng.choice(list(Stance)), "h")
        for code in codes
        for j in range(30)
    ]
    paragraphs = [(cv.Item(cv.ItemKind.PARAGRAPH, f"q{j}", str(j)), "h") for j in range(30)]
    groups = cv.opinion_groups(cv.stance_matrix(codes, paragraphs, taken, []))
    assert (groups.count, groups.silhouette) == (1, None)
    assert set(groups.labels.tolist()) == {0}


def test_too_few_delegations_or_no_paragraphs_make_at_most_one_group() -> None:
    one = cv.opinion_groups(matrix_of({"A": [S, S, S], "B": [S, None, None]}))
    assert (one.labels.tolist(), one.count, one.silhouette) == ([0, -1], 1, None)
    none = cv.opinion_groups(matrix_of({"A": [S, None, None]}))
    assert (none.labels.tolist(), none.count) == ([-1], 0)
    empty = cv.stance_matrix(["A", "B", "C"], [], [], [])
    blank = cv.opinion_groups(empty, min_positions=0)
    assert (blank.labels.tolist(), blank.count) == ([0, 0, 0], 1)
    assert cv.analyse(empty, min_positions=0).closest == []


def test_ties_between_groups_of_one_size_go_to_the_group_met_first() -> None:
    rows = {
        "A": [OB, OB, S, S, S, S],
        "B": [S, S, OB, OB, S, S],
        "C": [OB, OB, S, S, S, S],
        "D": [S, S, OB, OB, S, S],
    }
    groups = cv.opinion_groups(matrix_of(rows))
    assert (groups.labels.tolist(), groups.count) == ([0, 1, 0, 1], 2)


def test_convergence_over_revisions_counts_each_version() -> None:
    zero = [
        cv.ParagraphState("a", "1", "bracketed", objecting=2),
        cv.ParagraphState("b", "2", "open", reserving=1),
        cv.ParagraphState("c", "3", "agreed-pending", reserving=1),
        cv.ParagraphState("d", "4", "reopened", objecting=1),
    ]
    rev1 = [
        cv.ParagraphState("a", "1", "agreed-ad-ref"),
        cv.ParagraphState("c", "2", "adopted"),
        cv.ParagraphState("d", "3", "bracketed", objecting=1),
        cv.ParagraphState("e", "4", "open"),
    ]
    found = cv.convergence([("Zero draft", zero), ("Rev.1", rev1)])
    assert [
        (t.label, t.total, t.agreed, t.bracketed, t.open, t.reserved, t.objections, t.remaining)
        for t in found.tallies
    ] == [
        ("Zero draft", 4, 1, 2, 1, 2, 3, 3),
        ("Rev.1", 4, 2, 1, 1, 0, 1, 2),
    ]
    assert found.objections == (
        ("a", "1", (2, 0)),
        ("b", "2", (0, None)),
        ("c", "2", (0, 0)),
        ("d", "3", (1, 1)),
        ("e", "4", (None, 0)),
    )
    assert cv.convergence([]) == cv.Convergence((), ())


def planted(seed: int) -> tuple[list[int], cv.StanceMatrix]:
    """A room of 90 delegations in three camps of known stances over 40 paragraphs, the first
    five of which every camp accepts; 10% of the positions are noise and 30% are missing,
    and 60 proposals carry random sponsors."""
    rng = random.Random(seed)  # noqa: S311 - generated test data, not a secret
    codes = [f"D{i:03}" for i in range(90)]
    camps = [rng.randrange(3) for _ in codes]
    taken = []
    for code, camp in zip(codes, camps, strict=True):
        for j in range(40):
            if rng.random() < 0.3:
                continue
            if j < 5:
                stance = rng.choice([S, C])
            elif j % 3 == camp:
                stance = S
            elif j % 3 == (camp + 1) % 3:
                stance = OB
            else:
                stance = rng.choice([C, R])
            if rng.random() < 0.1:
                stance = rng.choice(list(Stance))
            taken.append(cv.TakenPosition(code, f"q{j}", stance, f"h{j}"))
    paragraphs = [(cv.Item(cv.ItemKind.PARAGRAPH, f"q{j}", str(j + 1)), f"h{j}") for j in range(40)]
    proposals = [
        cv.OpenProposal(str(k), f"P{k}", f"q{k % 40}", frozenset(rng.sample(codes, 3)))
        for k in range(60)
    ]
    return camps, cv.stance_matrix(codes, paragraphs, taken, proposals)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_planted_camps_are_found_and_planted_consensus_ranks_first(seed: int) -> None:
    camps, matrix = planted(seed)
    analysis = cv.analyse(matrix)
    assert analysis.groups.count == 3
    assert adjusted_rand_score(camps, analysis.groups.labels) >= 0.9
    paragraphs = [s.item.key for s in analysis.closest if s.item.kind is cv.ItemKind.PARAGRAPH]
    assert set(paragraphs[:5]) == {"q0", "q1", "q2", "q3", "q4"}
    assert {s.item.key for s in analysis.divisive[:5]}.isdisjoint(paragraphs[:5])


@pytest.mark.parametrize(
    ("audience", "seeing"),
    [
        (Audience.CHAIR_AND_BUREAU, {Role.CHAIR, Role.BUREAU}),
        (Audience.ROOM, set(Role) - {Role.PUBLIC}),
        (Audience.PUBLIC, set(Role)),
    ],
)
def test_who_sees_the_analytics_follows_the_rules(audience: Audience, seeing: set[Role]) -> None:
    assert {role for role in Role if may_see(Actor(role), audience)} == seeing
    with pytest.raises(NotPermitted) as refused:
        check_may_see(PUBLIC, Audience.CHAIR_AND_BUREAU)
    assert refused.value.reason == "not-convergence-audience"
