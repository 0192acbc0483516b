"""Lineage: which provisions of a new version continue which provisions of an old one.

The Chair renumbers, moves, rewrites, splits and merges paragraphs between versions, and
the text carries no identifiers. Lineage is found from the text alone, in three passes:

1. provisions whose text is unchanged are paired first (kept, renumbered or moved);
2. in a narrow gap between two such pairs, provisions of about the same length and
   similar words are paired in order (the usual rewrite in place);
3. the rest are paired by the word pairs (bigrams) they share, with one another or with
   the rewrites next to them (a rewrite may have absorbed a neighbour or given part of
   itself away). A new provision links to the old provision it shares most with, and an
   old provision to the new one it shares most with, when the shared pairs weigh enough
   of that side's own. One old provision linked to several new ones is a split; several
   old linked to one new, a merger.

Word pairs found in many of the remaining provisions are set aside first: they are the
formulas of the genre ("States reaffirmed that") and say nothing about lineage.
"""

from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import chain, pairwise

from rapidfuzz.distance import Indel

from accord.core.amendments import tokenize
from accord.core.provisions import Provision, ProvisionKind, Version

# A provision continues another when at least this share of the weight of its word pairs
# is found in the other (rare pairs weigh more; see `_weights`). Tuned on the seeded
# benchmark revisions: a quarter keeps moved paragraphs with a quarter of their words
# rewritten linked, while chance overlap between unrelated paragraphs stays well below it.
LINK_THRESHOLD = 0.25

# Two provisions in the same gap pair in place when their word tokens are this similar
# (normalised Indel similarity). Unrelated paragraphs of the benchmark's report prose score
# at most about 0.5, a paragraph with a quarter of its words rewritten at least about 0.74.
GAP_SIMILARITY = 0.65

# ... and when the shorter is at least this share of the longer.
SAME_LENGTH = 0.8

# Provisions shorter than this many characters are compared by characters, at this similarity.
SHORT = 200
SHORT_GAP_SIMILARITY = 0.7

# Gaps wider than this are left to the word-pair pass, where moves and splits show.
WIDEST_GAP = 3

# A word pair found in more than this share of the unpaired provisions (and in more than
# the floor) is a formula of the genre.
FORMULA_SHARE = 0.05
FORMULA_FLOOR = 3

type Shingles = frozenset[str]
type Group = tuple[tuple[int, ...], tuple[int, ...]]


class Succession(StrEnum):
    """How old provisions continue: one to one, split, merged, deleted, or new."""

    KEPT = "kept"
    SPLIT = "split"
    MERGED = "merged"
    DELETED = "deleted"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class Link:
    """Old provisions and the new provisions that continue them, by uid and number label.

    ``revised``: the words changed; ``moved``: the provision left its place in the order of
    the text; ``renumbered``: its number labels changed.
    """

    succession: Succession
    old: tuple[str, ...]
    new: tuple[str, ...]
    old_labels: tuple[str, ...]
    new_labels: tuple[str, ...]
    revised: bool = False
    moved: bool = False
    renumbered: bool = False


@dataclass(frozen=True, slots=True)
class Lineage:
    """Every provision of both versions in exactly one link; links in the new reading order,
    each deleted provision after the link of the provision that preceded it."""

    links: tuple[Link, ...]
    old_order: tuple[str, ...]
    _by_old: dict[str, Link] = field(init=False, repr=False, compare=False)
    _by_new: dict[str, Link] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_old", {u: k for k in self.links for u in k.old})
        object.__setattr__(self, "_by_new", {u: k for k in self.links for u in k.new})

    def successors(self, old_uid: str) -> tuple[str, ...]:
        """The uids of the new provisions that continue ``old_uid`` (empty if deleted)."""
        link = self._by_old.get(old_uid)
        return link.new if link else ()

    def predecessors(self, new_uid: str) -> tuple[str, ...]:
        """The uids of the old provisions that ``new_uid`` continues (empty if new)."""
        link = self._by_new.get(new_uid)
        return link.old if link else ()

    def number_map(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Old number label → new number labels, for every old provision, in old order."""
        rows = []
        for uid in self.old_order:
            link = self._by_old[uid]
            rows.append((link.old_labels[link.old.index(uid)], link.new_labels))
        return tuple(rows)


def trace_lineage(old: Version, new: Version) -> Lineage:
    """Map each provision of ``old`` to its successors in ``new``, and mark what changed."""
    a, b = old.provisions, new.provisions
    unchanged = _pair_unchanged(a, b)
    rewritten = _pair_gaps(a, b, unchanged)
    paired = unchanged | rewritten
    rest_a = [i for i in range(len(a)) if i not in paired]
    taken = set(paired.values())
    rest_b = [j for j in range(len(b)) if j not in taken]
    # A rewrite in place may also have absorbed a neighbour, or given part of itself to one,
    # so the remaining provisions may still link to the rewrites next to them.
    extra_b = _near(rest_a, rewritten)
    extra_a = _near(rest_b, {j: i for i, j in rewritten.items()})
    edges = list(rewritten.items()) + _similar(a, b, (rest_a, extra_a), (rest_b, extra_b))
    # Unchanged provisions link nowhere else; only the others need joining into groups.
    groups: list[Group] = [((i,), (j,)) for i, j in unchanged.items()]
    groups += _groups(edges, [*rest_a, *rewritten], [*rest_b, *rewritten.values()])
    moved = _moved(groups)
    links = [_link(a, b, group, k in moved) for k, group in enumerate(groups)]
    order = _reading_order(groups, len(a))
    return Lineage(links=tuple(links[k] for k in order), old_order=tuple(p.uid for p in a))


def _near(rest: list[int], partners: dict[int, int]) -> list[int]:
    """The partners of the provisions next to those in ``rest``."""
    return sorted({partners[k] for i in rest for k in (i - 1, i + 1) if k in partners})


def _is_heading(p: Provision) -> bool:
    return p.kind is ProvisionKind.SECTION


def _pair_unchanged(a: Sequence[Provision], b: Sequence[Provision]) -> dict[int, int]:
    """Old index → new index for provisions whose text is unchanged, first come first paired."""
    waiting: dict[tuple[bool, str], deque[int]] = defaultdict(deque)
    for j, p in enumerate(b):
        waiting[_is_heading(p), p.text].append(j)
    pairs = {}
    for i, p in enumerate(a):
        queue = waiting.get((_is_heading(p), p.text))
        if queue:
            pairs[i] = queue.popleft()
    return pairs


def _pair_gaps(
    a: Sequence[Provision], b: Sequence[Provision], pairs: dict[int, int]
) -> dict[int, int]:
    """Pairs found in the narrow gaps between consecutive unchanged pairs, kept in order."""
    taken = set(pairs.values())
    found: dict[int, int] = {}
    before = (-1, -1)
    for i, j in [*sorted(pairs.items()), (len(a), len(b))]:
        olds = range(before[0] + 1, i)
        news = [n for n in range(before[1] + 1, j) if n not in taken]
        if 0 < len(olds) <= WIDEST_GAP and 0 < len(news) <= WIDEST_GAP + 2:
            aligned = _align_gap(a, b, olds, news)
            # After a move, the new sides of two gaps can overlap; pair each provision once.
            taken |= set(aligned.values())
            found |= aligned
        before = (i, j)
    return found


def _align_gap(
    a: Sequence[Provision], b: Sequence[Provision], olds: range, news: list[int]
) -> dict[int, int]:
    """The closest pairs of a gap, most similar first, never crossing one another."""
    scored = sorted(
        ((score, i, j) for i in olds for j in news if (score := _closeness(a[i], b[j]))),
        reverse=True,
    )
    chosen: dict[int, int] = {}
    for _, i, j in scored:
        crossing = any((i < k) != (j < v) for k, v in chosen.items())
        if i not in chosen and j not in chosen.values() and not crossing:
            chosen[i] = j
    return chosen


def _closeness(p: Provision, q: Provision) -> float:
    """Word similarity when ``q`` reads as ``p`` rewritten in place, else 0.

    In place means the same kind, about the same length and similar words. The length
    test keeps a paragraph that absorbed its neighbour (or lost half of itself) out of this
    pass, so that the word-pair pass can find the merger or split.
    """
    lengths = sorted((len(p.text), len(q.text)))
    if _is_heading(p) != _is_heading(q) or lengths[0] < SAME_LENGTH * lengths[1]:
        return 0.0
    # Word tokens separate rewrites from strangers more widely than characters, and the
    # redline reuses them from the tokenizer's cache. A short provision has too few words
    # for that, so its characters decide.
    words = Indel.normalized_similarity(
        tokenize(p.text), tokenize(q.text), score_cutoff=GAP_SIMILARITY
    )
    if words or lengths[1] > SHORT:
        return words
    return Indel.normalized_similarity(p.text, q.text, score_cutoff=SHORT_GAP_SIMILARITY)


def _shingles(text: str) -> Shingles:
    """The word pairs of ``text``, lower-cased, each as one string.

    Splitting on white space keeps punctuation on its word; both sides split alike, and it
    is several times faster than a word pattern. A string, unlike a tuple, keeps its hash,
    which the counting and indexing below reuse many times.
    """
    words = text.lower().split()
    if len(words) < 2:
        return frozenset(words)
    return frozenset(map(" ".join, pairwise(words)))


def _similar(
    a: Sequence[Provision],
    b: Sequence[Provision],
    old: tuple[list[int], list[int]],
    new: tuple[list[int], list[int]],
) -> list[tuple[int, int]]:
    """Links of the unpaired provisions (the first list of ``old`` and of ``new``), by the
    weight of the word pairs they share; the second lists are paired provisions they may
    still link to."""
    sa = {i: _shingles(a[i].text) for i in chain(*old)}
    sb = {j: _shingles(b[j].text) for j in chain(*new)}
    rest_a, rest_b = set(old[0]), set(new[0])
    weight = _weights([*sa.values(), *sb.values()])
    mass_a = {i: sum(map(weight.__getitem__, s & weight.keys())) for i, s in sa.items()}
    mass_b = {j: sum(map(weight.__getitem__, s & weight.keys())) for j, s in sb.items()}
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), shared in _shared_weights(sa, sb, weight, a, b).items():
        if i in rest_a:
            best_a[i] = max(best_a.get(i, (0.0, -1)), (shared / mass_a[i], -j))
        if j in rest_b:
            best_b[j] = max(best_b.get(j, (0.0, -1)), (shared / mass_b[j], -i))
    edges = {(i, -j) for i, (share, j) in best_a.items() if share >= LINK_THRESHOLD}
    edges |= {(-i, j) for j, (share, i) in best_b.items() if share >= LINK_THRESHOLD}
    return sorted(edges)


def _weights(all_shingles: list[Shingles]) -> dict[str, float]:
    """Each word pair weighs one over the number of texts it occurs in; formulas weigh nothing.

    Rare pairs say more about lineage than common ones, so a short paragraph that happens
    to share the genre's phrases with a long one does not pass for part of it.
    """
    counts = Counter(chain.from_iterable(all_shingles))
    limit = max(FORMULA_FLOOR, FORMULA_SHARE * len(all_shingles))
    return {s: 1.0 / n for s, n in counts.items() if n <= limit}


def _shared_weights(
    sa: dict[int, Shingles],
    sb: dict[int, Shingles],
    weight: dict[str, float],
    a: Sequence[Provision],
    b: Sequence[Provision],
) -> dict[tuple[int, int], float]:
    """The weight of the word pairs each (old, new) pair of the same kind shares."""
    index: dict[str, list[int]] = defaultdict(list)
    for j, shingles in sb.items():
        for s in shingles & weight.keys():
            index[s].append(j)
    shared: dict[tuple[int, int], float] = defaultdict(float)
    for i, shingles in sa.items():
        for s in shingles & index.keys():
            w = weight[s]
            for j in index[s]:
                shared[i, j] += w
    return {pair: w for pair, w in shared.items() if _same_kind(a[pair[0]], b[pair[1]])}


def _same_kind(p: Provision, q: Provision) -> bool:
    return _is_heading(p) == _is_heading(q)


def _groups(edges: list[tuple[int, int]], olds: list[int], news: list[int]) -> list[Group]:
    """Connected components of the links among ``olds`` and ``news``, lone ones included.

    New provision ``j`` is node ``-1 - j``, so that both sides share one forest.
    """
    parent = {x: x for x in (*olds, *(-1 - j for j in news))}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        parent[root(i)] = root(-1 - j)
    members: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in sorted(olds):
        members[root(i)][0].append(i)
    for j in sorted(news):
        members[root(-1 - j)][1].append(j)
    return [(tuple(o), tuple(n)) for o, n in members.values()]


def _moved(groups: list[Group]) -> set[int]:
    """Groups that left their place: those outside the longest run kept in order."""
    linked = sorted((olds[0], news[0], k) for k, (olds, news) in enumerate(groups) if olds and news)
    in_order = _longest_increasing([news for _, news, _ in linked])
    return {k for position, (_, _, k) in enumerate(linked) if position not in in_order}


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence of ``values``."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(values)
    for position, value in enumerate(values):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(position)
        else:
            tails[k], tail_at[k] = value, position
        previous[position] = tail_at[k - 1] if k else -1
    chosen = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        chosen.add(position)
        position = previous[position]
    return chosen


def _link(a: Sequence[Provision], b: Sequence[Provision], group: Group, moved: bool) -> Link:
    if len(group[0]) == len(group[1]) == 1:
        # Most provisions continue one to one; this path avoids building lists for them.
        p, q = a[group[0][0]], b[group[1][0]]
        revised, renumbered = p.text != q.text, p.label != q.label
        kind = Succession.KEPT
        return Link(kind, (p.uid,), (q.uid,), (p.label,), (q.label,), revised, moved, renumbered)
    olds = [a[i] for i in group[0]]
    news = [b[j] for j in group[1]]
    old_labels = tuple(p.label for p in olds)
    new_labels = tuple(p.label for p in news)
    return Link(
        succession=_succession(len(olds), len(news)),
        old=tuple(p.uid for p in olds),
        new=tuple(p.uid for p in news),
        old_labels=old_labels,
        new_labels=new_labels,
        # A split or merger that only moves the paragraph break changes no words.
        revised=bool(olds and news) and _joined(olds) != _joined(news),
        moved=moved,
        renumbered=bool(olds and news) and old_labels != new_labels,
    )


def _joined(provisions: list[Provision]) -> str:
    return " ".join(p.text for p in provisions)


def _succession(n_old: int, n_new: int) -> Succession:
    if not n_new:
        return Succession.DELETED
    if not n_old:
        return Succession.NEW
    # Several old provisions rearranged into several new ones read as a merger, then a split.
    return Succession.SPLIT if n_old == 1 else Succession.MERGED


def _reading_order(groups: list[Group], n_old: int) -> list[int]:
    """Groups in the new reading order; a deleted provision follows what preceded it."""
    new_at = [-1] * n_old
    for olds, news in groups:
        for i in olds:
            new_at[i] = news[0] if news else -1
    keys = []
    for k, (olds, news) in enumerate(groups):
        if news:
            keys.append(((news[0], 0, 0), k))
            continue
        anchor = max((new_at[i] for i in range(olds[0]) if new_at[i] >= 0), default=-1)
        keys.append(((anchor, 1, olds[0]), k))
    return [k for _, k in sorted(keys)]
