"""The Merkle tree benchmark fills the kept tiles for its leaves and measures proofs that
verify, at a tiny size."""

import pytest

from accord.bench import tree as bench
from accord.core import merkle
from accord.store import models, tree

pytestmark = pytest.mark.django_db


def test_the_tiles_filled_give_the_root_of_the_leaves_hashed_in_one_go():
    bench.fill(1000)
    assert tree.tree_size() == 1000
    leaves = [merkle.leaf_hash(b"event %d" % n) for n in range(1000)]
    frontier = merkle.Frontier()
    for leaf in leaves:
        frontier.append(leaf)
    assert merkle.root(1000, tree.StoredTree().node) == frontier.root()


def test_the_proofs_are_measured_and_reported_against_their_baselines():
    figures = bench.measure(leaves=700, runs=3)
    assert (figures["leaves"], figures["rows"]) == (700, models.RecordTile.objects.count())
    assert figures["bytes_per_event"] == 32 * (700 + 2) / 700  # 700 leaves, 2 full tiles' roots
    report = bench.report(figures, "sqlite")
    assert report.startswith("The Merkle tree of 700 events on sqlite")
    assert f"{figures['bytes_per_event']:.1f} bytes of hashes per event" in report
    ratio = figures["inclusion_served"] / figures["tile_read"]
    assert f"{figures['inclusion_served']:8.3f} ms  {ratio:7.1f}×" in report
