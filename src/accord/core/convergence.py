"""Convergence analytics: where consensus is within reach. Advisory only — nothing here
changes a status or a record.

The **stance matrix** holds one row per member delegation and one column per paragraph of a
version and per open proposal. A paragraph's cell comes from the delegation's current
position on it (support 1, can accept 0.5, reserve -0.5, object -1); where it took no
position but sponsors an open proposal on the paragraph, it wants the paragraph changed and
the cell reads -0.25; otherwise the cell is missing. A proposal's cell is 1 for its
delegation, the members of the group it was made on behalf of, and its co-sponsors, and
missing for everybody else.

**Opinion groups** are found as in Pol.is: missing paragraph cells take the paragraph's mean,
missing proposal cells 0 (no sponsorship says little); principal components reduce the
matrix, and k-means groups the delegations that took at least three positions (the others
stand apart), for every number of groups from 2 to `MAX_GROUPS`; the number with the highest
silhouette wins, provided it reaches `MIN_SILHOUETTE` — otherwise the room is one group.
Fixed seeds make the result the same on every run with the same data.

The **consensus score** of an item multiplies, over the opinion groups, the share of each
group's stated members who accept it (support or can accept), smoothed by Laplace's rule:
(accepting + 1) / (stated + 2). An item only scores high when every group accepts it.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from accord.core.positions import Stance

Matrix = npt.NDArray[np.float64]

# By stance (or its value as stored: a StrEnum is its own value to a dict).
STANCE_VALUES: dict[str, float] = {
    Stance.SUPPORT: 1.0,
    Stance.CAN_ACCEPT: 0.5,
    Stance.RESERVE: -0.5,
    Stance.OBJECT: -1.0,
}
# A sponsor of an open proposal on a paragraph it took no position on wants that text changed:
# a mild reservation, kept apart from a stated one (-0.5).
WANTS_CHANGE = -0.25
SPONSORS = 1.0
ACCEPTING = 0.5  # support (1) and can accept (0.5) accept the text; reserve and object do not
MAX_GROUPS = 6
MIN_SILHOUETTE = 0.25
MAX_COMPONENTS = 8
SEED = 0
N_INIT = 4
UNGROUPED = -1


class ItemKind(StrEnum):
    PARAGRAPH = "paragraph"
    PROPOSAL = "proposal"


@dataclass(frozen=True, slots=True)
class Item:
    """A column of the stance matrix: a paragraph (``key`` its uid) or an open proposal
    (``key`` its number as text, ``paragraph`` the uid of the paragraph it is on)."""

    kind: ItemKind
    key: str
    label: str
    section: str = ""
    paragraph: str = ""


class TakenPosition(NamedTuple):
    """A position as recorded (in the order recorded): a later one of the same delegation on
    the same paragraph replaces the earlier; it counts only if ``text_hash`` is still the
    paragraph's. A named tuple, so that rows read in bulk serve as they are."""

    delegation: str
    paragraph: str
    stance: Stance
    text_hash: str


@dataclass(frozen=True, slots=True)
class OpenProposal:
    """An open proposal with the delegations standing behind it (its delegation, the members
    of the group it speaks for, its accepted co-sponsors)."""

    key: str
    label: str
    paragraph: str
    sponsors: frozenset[str]
    section: str = ""


@dataclass(frozen=True, slots=True, eq=False)
class StanceMatrix:
    """Delegations (rows) by items (columns); ``values`` holds NaN where a cell is missing."""

    delegations: tuple[str, ...]
    items: tuple[Item, ...]
    values: Matrix

    def column(self, key: str, kind: ItemKind = ItemKind.PARAGRAPH) -> Matrix:
        index = next(i for i, item in enumerate(self.items) if (item.kind, item.key) == (kind, key))
        return self.values[:, index]


def stance_matrix(
    delegations: Sequence[str],
    paragraphs: Sequence[tuple[Item, str]],
    positions: Iterable[TakenPosition | tuple[str, str, str, str]],
    proposals: Sequence[OpenProposal],
) -> StanceMatrix:
    """The stance matrix of ``delegations`` (the members) over ``paragraphs`` (each with the
    hash of its current text) and the open ``proposals``. Positions of non-members, on other
    paragraphs, or on a text that has since changed are left out."""
    rows = {code: i for i, code in enumerate(delegations)}
    columns = {item.key: j for j, (item, _hash) in enumerate(paragraphs)}
    hashes = {item.key: text_hash for item, text_hash in paragraphs}
    values = np.full((len(delegations), len(paragraphs) + len(proposals)), np.nan)
    for proposal in proposals:
        for code in proposal.sponsors & rows.keys():
            j = columns.get(proposal.paragraph)
            if j is not None:
                values[rows[code], j] = WANTS_CHANGE
    latest: dict[tuple[int, int], tuple[str, bool]] = {}
    for delegation, paragraph, stance, text_hash in positions:
        i, j = rows.get(delegation), columns.get(paragraph)
        if i is not None and j is not None:
            latest[i, j] = (stance, text_hash == hashes[paragraph])
    for (i, j), (stance, current) in latest.items():
        if current:
            values[i, j] = STANCE_VALUES[stance]
    offset = len(paragraphs)
    for k, proposal in enumerate(proposals):
        for code in proposal.sponsors & rows.keys():
            values[rows[code], offset + k] = SPONSORS
    items = tuple(item for item, _hash in paragraphs) + tuple(
        Item(ItemKind.PROPOSAL, p.key, p.label, p.section, p.paragraph) for p in proposals
    )
    return StanceMatrix(tuple(delegations), items, values)


@dataclass(frozen=True, slots=True, eq=False)
class OpinionGroups:
    """Each delegation's opinion group (``labels``, aligned with the matrix's rows; -1 for
    those that took too few positions to be placed), its place on the two-dimensional map,
    the number of groups and the silhouette that chose it (None when the room is one
    group)."""

    labels: npt.NDArray[np.int64]
    coordinates: Matrix
    count: int
    silhouette: float | None
    explained: tuple[float, ...] = field(default=())

    def members(self, group: int) -> npt.NDArray[np.int64]:
        return np.flatnonzero(self.labels == group)


def _filled(matrix: StanceMatrix) -> Matrix:
    values = matrix.values.copy()
    paragraphs = np.array([item.kind is ItemKind.PARAGRAPH for item in matrix.items], dtype=bool)
    stated = ~np.isnan(values)
    counts = stated.sum(axis=0)
    sums = np.where(stated, values, 0.0).sum(axis=0)
    means = np.divide(sums, counts, out=np.zeros(values.shape[1]), where=counts > 0)
    fill = np.where(paragraphs, means, 0.0)
    return np.where(stated, values, fill[np.newaxis, :])


def principal_components(filled: Matrix, components: int) -> tuple[Matrix, tuple[float, ...]]:
    """The rows of ``filled`` on their first ``components`` principal axes, and the share of
    the variance the first two explain.

    With far more columns (paragraphs and proposals) than rows (delegations), the
    eigenvectors of the rows' small Gram matrix give the same axes as scikit-learn's PCA at
    a fraction of the cost; each axis's sign is fixed so that its largest coordinate is
    positive, which keeps the map the same from run to run."""
    centred = filled - filled.mean(axis=0)
    gram = centred @ centred.T
    eigenvalues, vectors = np.linalg.eigh(gram)
    order = np.argsort(eigenvalues)[::-1][:components]
    kept = np.clip(eigenvalues[order], 0.0, None)
    vectors = vectors[:, order]
    signs = np.sign(vectors[np.argmax(np.abs(vectors), axis=0), np.arange(len(order))])
    reduced = vectors * np.where(signs == 0, 1.0, signs) * np.sqrt(kept)
    total = float(np.clip(eigenvalues, 0.0, None).sum())
    explained = tuple(round(float(v) / total, 4) if total else 0.0 for v in kept[:2])
    return reduced, explained


def opinion_groups(matrix: StanceMatrix, *, min_positions: int = 3) -> OpinionGroups:
    """The opinion groups of the delegations in ``matrix`` (see the module's docstring);
    delegations with fewer than ``min_positions`` paragraph cells stand apart (-1)."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    n = len(matrix.delegations)
    paragraphs = [j for j, item in enumerate(matrix.items) if item.kind is ItemKind.PARAGRAPH]
    taken = matrix.values[:, paragraphs]
    # Only positions place a delegation: proposing alone says too little about the rest.
    enough = (~np.isnan(taken) & (taken != WANTS_CHANGE)).sum(axis=1) >= min_positions
    labels = np.full(n, UNGROUPED, dtype=np.int64)
    coordinates = np.zeros((n, 2))
    placed = np.flatnonzero(enough)
    if len(placed) < 2 or not matrix.items:
        labels[placed] = 0
        return OpinionGroups(labels, coordinates, 1 if len(placed) else 0, None)
    components = min(MAX_COMPONENTS, len(placed) - 1, len(matrix.items))
    filled = _filled(matrix)[placed]
    reduced, explained = principal_components(filled, components)
    coordinates[placed, : reduced.shape[1]] = reduced[:, :2]
    # k-means cannot make more groups than there are different rows.
    distinct = len(np.unique(filled, axis=0))
    best: tuple[float, npt.NDArray[np.int64]] | None = None
    for k in range(2, min(MAX_GROUPS, distinct, len(placed) - 1) + 1):
        found = KMeans(n_clusters=k, n_init=N_INIT, random_state=SEED).fit_predict(reduced)
        score = float(silhouette_score(reduced, found))
        if best is None or score > best[0] + 1e-12:
            best = (score, found.astype(np.int64))
    if best is None or best[0] < MIN_SILHOUETTE:
        labels[placed] = 0
        return OpinionGroups(labels, coordinates, 1, None, explained)
    labels[placed] = _in_order(best[1])
    return OpinionGroups(labels, coordinates, int(best[1].max()) + 1, round(best[0], 4), explained)


def _in_order(found: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Groups numbered by size, largest first (ties by first member), so that the same
    grouping always carries the same numbers whatever k-means called them."""
    groups = sorted(
        np.unique(found), key=lambda g: (-int((found == g).sum()), int(np.argmax(found == g)))
    )
    renumber = {int(g): i for i, g in enumerate(groups)}
    return np.array([renumber[int(g)] for g in found], dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Standing:
    """An item's consensus score with the share of each opinion group accepting it, and who
    still objects or reserves (delegation codes, sorted). ``divide`` is the spread between
    the most and the least accepting group."""

    item: Item
    score: float
    shares: tuple[float, ...]
    divide: float
    accepting: int
    stated: int
    objecting: tuple[str, ...]
    reserving: tuple[str, ...]


def _who(values: Matrix, stance: Stance, codes: Sequence[str]) -> list[tuple[str, ...]]:
    """For every column, the codes of the rows standing by ``stance`` there, sorted."""
    found: list[list[str]] = [[] for _ in range(values.shape[1])]
    rows, columns = np.nonzero(values == STANCE_VALUES[stance])
    for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
        found[column].append(codes[row])
    return [tuple(sorted(names)) for names in found]


def standings(matrix: StanceMatrix, groups: OpinionGroups) -> tuple[Standing, ...]:
    """The group-aware consensus score of every item of ``matrix`` (in column order).

    A proposal is accepted by the delegations standing behind it, and every member of a
    group counts as stated on it; a paragraph counts only the members that took a stand."""
    values = matrix.values
    stated = ~np.isnan(values)
    accepts = values >= ACCEPTING
    count = max(groups.count, 1)
    proposal = np.array([item.kind is ItemKind.PROPOSAL for item in matrix.items], dtype=bool)
    shares = np.empty((count, len(matrix.items)))
    for g in range(count):
        mask = groups.labels == g
        said = np.where(proposal, mask.sum(), stated[mask].sum(axis=0))
        shares[g] = (accepts[mask].sum(axis=0) + 1.0) / (said + 2.0)
    scores = np.round(shares.prod(axis=0), 6).tolist()
    divides = np.round(shares.max(axis=0) - shares.min(axis=0), 6).tolist()
    by_item = np.round(shares, 6).T.tolist()
    accepting = accepts.sum(axis=0).tolist()
    stating = stated.sum(axis=0).tolist()
    objecting = _who(values, Stance.OBJECT, matrix.delegations)
    reserving = _who(values, Stance.RESERVE, matrix.delegations)
    return tuple(
        Standing(item, *figures)
        for item, *figures in zip(
            matrix.items,
            scores,
            map(tuple, by_item),
            divides,
            accepting,
            stating,
            objecting,
            reserving,
            strict=True,
        )
    )


def closest_to_consensus(ranked: Iterable[Standing]) -> list[Standing]:
    """Highest consensus score first; ties by fewer objections, then fewer reservations, then
    column order. Items nobody took a stand on are left out: there is nothing to go on."""
    stated = [s for s in ranked if s.stated]
    return sorted(stated, key=lambda s: (-s.score, len(s.objecting), len(s.reserving)))


def divisive(ranked: Iterable[Standing]) -> list[Standing]:
    """Widest spread between groups first; ties by more objections. Items no group divides
    on (spread 0) are left out."""
    kept = [s for s in ranked if s.divide > 0]
    return sorted(kept, key=lambda s: (-s.divide, -len(s.objecting)))


@dataclass(frozen=True, slots=True)
class Bridge:
    """A proposal with sponsors in more than one opinion group."""

    standing: Standing
    groups: tuple[int, ...]
    sponsors: int


def bridging(
    matrix: StanceMatrix, groups: OpinionGroups, ranked: Sequence[Standing]
) -> list[Bridge]:
    """The proposals whose sponsors span two or more opinion groups, most groups first, then
    by consensus score and by more sponsors (``ranked``: `standings` of ``matrix``)."""
    columns = [j for j, item in enumerate(matrix.items) if item.kind is ItemKind.PROPOSAL]
    behind = matrix.values[:, columns] == SPONSORS
    count = max(groups.count, 1)
    member_of = np.stack([groups.labels == g for g in range(count)]).astype(np.int64)
    reached = (member_of @ behind.astype(np.int64)) > 0
    sponsors = behind.sum(axis=0)
    found = [
        Bridge(ranked[columns[k]], tuple(np.flatnonzero(reached[:, k]).tolist()), int(sponsors[k]))
        for k in np.flatnonzero(reached.sum(axis=0) > 1).tolist()
    ]
    return sorted(found, key=lambda b: (-len(b.groups), -b.standing.score, -b.sponsors))


@dataclass(frozen=True, slots=True)
class Defining:
    """A paragraph that sets a group apart: how much more (positive) or less (negative)
    the group accepts it than the rest of the room, as smoothed shares."""

    item: Item
    inside: float
    outside: float

    @property
    def difference(self) -> float:
        return round(self.inside - self.outside, 6)


def defining(
    matrix: StanceMatrix, groups: OpinionGroups, group: int, *, limit: int = 5
) -> list[Defining]:
    """The paragraphs on which ``group`` stands furthest from the rest of the room, by the
    difference in accepting share (largest first; ties in column order)."""
    columns = [j for j, item in enumerate(matrix.items) if item.kind is ItemKind.PARAGRAPH]
    values = matrix.values[:, columns]
    stated = ~np.isnan(values)
    accepts = values >= ACCEPTING
    inside = groups.labels == group
    outside = (groups.labels != group) & (groups.labels != UNGROUPED)
    if not outside.any():
        return []  # one group: nothing to set it apart from
    share_in = (accepts[inside].sum(axis=0) + 1.0) / (stated[inside].sum(axis=0) + 2.0)
    share_out = (accepts[outside].sum(axis=0) + 1.0) / (stated[outside].sum(axis=0) + 2.0)
    difference = np.round(share_in - share_out, 6)
    order = [int(k) for k in np.argsort(-np.abs(difference), kind="stable") if difference[k]]
    return [
        Defining(
            matrix.items[columns[k]],
            round(float(share_in[k]), 6),
            round(float(share_out[k]), 6),
        )
        for k in order[:limit]
    ]


@dataclass(frozen=True, slots=True)
class ParagraphState:
    """A paragraph in one version: its status (as the status board says it) and how many
    members object to it and reserve on it."""

    uid: str
    label: str
    status: str
    objecting: int = 0
    reserving: int = 0


AGREED = frozenset({"agreed-ad-ref", "agreed-pending", "adopted"})
BRACKETED = frozenset({"bracketed", "reopened"})


@dataclass(frozen=True, slots=True)
class RevisionTally:
    """One version's paragraphs counted: agreed (ad ref, pending or adopted), bracketed (or
    reopened), open, with a reservation, and still to agree (the burn-down)."""

    label: str
    total: int
    agreed: int
    bracketed: int
    open: int
    reserved: int
    objections: int

    @property
    def remaining(self) -> int:
        return self.total - self.agreed


@dataclass(frozen=True, slots=True)
class Convergence:
    """The tallies of each version (oldest first) and, for every paragraph by uid, its
    label in the latest version that has it and its objections in each version (None where
    the version lacks it)."""

    tallies: tuple[RevisionTally, ...]
    objections: tuple[tuple[str, str, tuple[int | None, ...]], ...]


def convergence(versions: Sequence[tuple[str, Sequence[ParagraphState]]]) -> Convergence:
    """Convergence over the revisions: ``versions`` (label, its paragraphs), oldest first."""
    tallies = []
    for label, states in versions:
        tallies.append(
            RevisionTally(
                label,
                len(states),
                sum(s.status in AGREED for s in states),
                sum(s.status in BRACKETED for s in states),
                sum(s.status == "open" for s in states),
                sum(s.reserving > 0 for s in states),
                sum(s.objecting for s in states),
            )
        )
    labels: dict[str, str] = {}
    for _label, states in versions:
        for state in states:
            labels[state.uid] = state.label
    by_version = [{s.uid: s.objecting for s in states} for _label, states in versions]
    objections = tuple(
        (uid, label, tuple(counts.get(uid) for counts in by_version))
        for uid, label in labels.items()
    )
    return Convergence(tuple(tallies), objections)


@dataclass(frozen=True, slots=True, eq=False)
class Analysis:
    """Everything the convergence page shows, computed from one stance matrix."""

    matrix: StanceMatrix
    groups: OpinionGroups
    standings: tuple[Standing, ...]
    closest: list[Standing]
    divisive: list[Standing]
    bridges: list[Bridge]
    defining: dict[int, list[Defining]]


def analyse(matrix: StanceMatrix, *, min_positions: int = 3) -> Analysis:
    """Opinion groups, consensus scores, divisive paragraphs, bridging proposals and each
    group's defining paragraphs for ``matrix``."""
    from threadpoolctl import threadpool_limits

    # One thread: the matrices are small, and a shared machine's other cores are busy serving.
    with threadpool_limits(limits=1):
        groups = opinion_groups(matrix, min_positions=min_positions)
    ranked = standings(matrix, groups)
    return Analysis(
        matrix,
        groups,
        ranked,
        closest_to_consensus(ranked),
        divisive(s for s in ranked if s.item.kind is ItemKind.PARAGRAPH),
        bridging(matrix, groups, ranked),
        {g: defining(matrix, groups, g) for g in range(groups.count)},
    )


def group_of(groups: OpinionGroups, codes: Sequence[str]) -> Mapping[str, int]:
    """Each delegation's group number by code (-1: not placed)."""
    return {code: int(label) for code, label in zip(codes, groups.labels, strict=True)}
