"""Benchmark of the Merkle tree over the record at full size: proofs served from the kept
tiles and verified, a checkpoint signed, and what the tree costs in storage.

    accord bench tree [--leaves 1000000] [--runs 200]

The tree's tiles are filled for ``--leaves`` leaves straight from their hashes (the events
themselves are not needed to serve proofs). Each proof reads its tiles afresh, in one query,
so no tile read for one run serves the next. The baselines, measured in the same run: for a
proof served, one read of one tile by its key (the least any proof costs); for a proof
verified, hashing one event body into its leaf.
"""

import argparse
import hashlib
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from accord.bench.targets import TARGETS, check
from accord.core import merkle

_FILL_BATCH = 100_000


def _median_ms(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def fill(leaves: int) -> float:
    """Fill the tree's tiles for ``leaves`` leaves; the seconds it took."""
    from django.db import transaction

    from accord.store import models, tree

    start = time.perf_counter()
    with transaction.atomic():
        head, _ = models.TreeHead.objects.select_for_update().get_or_create(pk=1)
        for first in range(head.size, leaves, _FILL_BATCH):
            hashes = [
                merkle.leaf_hash(b"event %d" % n)
                for n in range(first, min(first + _FILL_BATCH, leaves))
            ]
            tree.add_leaves(head, hashes)
    return time.perf_counter() - start


def measure(leaves: int, runs: int) -> dict[str, Any]:
    from django.db.models import Sum
    from django.db.models.functions import Length

    from accord.store import models, signing, tree

    filled = fill(leaves)
    picked = random.Random(2026)  # noqa: S311 - places to prove, not secrets
    indexes = [picked.randrange(leaves) for _ in range(runs)]
    sizes = [sorted((picked.randrange(1, leaves), leaves)) for _ in range(runs)]
    root = tree.read_at_once(lambda nodes: merkle.root(leaves, nodes))
    body = b'{"seq":1,"kind":"position.recorded","payload":{"stance":"support"}}' * 4
    inclusion = merkle.inclusion_proof(indexes[0], leaves, tree.StoredTree().node)
    first_root = merkle.root(sizes[0][0], tree.StoredTree().node)
    consistency = merkle.consistency_proof(sizes[0][0], leaves, tree.StoredTree().node)
    leaf = merkle.leaf_hash(b"event %d" % indexes[0])
    turn = iter(range(10**9))

    def served(prove: Callable[[int], object]) -> Callable[[], object]:
        return lambda: prove(next(turn) % runs)

    key = signing.private_key()
    tiles = models.RecordTile.objects.filter(level=0)
    full_tiles = leaves // tree.WIDTH

    def checkpoint_signed() -> bytes:
        now = tree.read_at_once(lambda nodes: merkle.root(leaves, nodes)).hex()
        return key.sign(merkle.Checkpoint(leaves, now, "2026-06-01T09:00:00+00:00", "k").note())

    figures = {
        "tile_read": _median_ms(
            served(
                lambda i: bytes(tiles.values_list("hashes", flat=True).get(index=i % full_tiles))
            ),
            runs,
        ),
        "leaf_hash": _median_ms(lambda: hashlib.sha256(b"\x00" + body).digest(), runs),
        "root": _median_ms(
            lambda: tree.read_at_once(lambda nodes: merkle.root(leaves, nodes)), runs
        ),
        "inclusion_served": _median_ms(
            served(
                lambda i: tree.read_at_once(
                    lambda nodes: merkle.inclusion_proof(indexes[i], leaves, nodes)
                )
            ),
            runs,
        ),
        "inclusion_verified": _median_ms(
            lambda: merkle.verify_inclusion(leaf, indexes[0], leaves, inclusion, root), runs
        ),
        "consistency_served": _median_ms(
            served(lambda i: tree.consistency(sizes[i][0], sizes[i][1])), runs
        ),
        "consistency_verified": _median_ms(
            lambda: merkle.verify_consistency(sizes[0][0], leaves, consistency, first_root, root),
            runs,
        ),
        "checkpoint_signed": _median_ms(checkpoint_signed, runs),
    }
    assert merkle.verify_inclusion(leaf, indexes[0], leaves, inclusion, root)
    assert merkle.verify_consistency(sizes[0][0], leaves, consistency, first_root, root)
    stored = models.RecordTile.objects.aggregate(bytes=Sum(Length("hashes")))["bytes"]
    return figures | {
        "leaves": leaves,
        "filled_s": filled,
        "rows": models.RecordTile.objects.count(),
        "bytes_per_event": stored / leaves,
    }


def report(figures: dict[str, Any], database: str) -> str:
    tile, leaf = figures["tile_read"], figures["leaf_hash"]

    def row(name: str, key: str, baseline: float) -> str:
        ms = figures[key]
        return f"  {name:<46}{ms:8.3f} ms  {ms / baseline:7.1f}×"

    return "\n".join(
        [
            f"The Merkle tree of {figures['leaves']:,} events on {database} (tiles filled in"
            f" {figures['filled_s']:.1f} s), median of the runs; against one tile read by its"
            f" key ({tile:.3f} ms) for what is served, one leaf hashed ({leaf * 1000:.2f} µs)"
            " for what is verified",
            row("root of the whole tree", "root", tile),
            row("an inclusion proof, served", "inclusion_served", tile),
            row("a consistency proof, served", "consistency_served", tile),
            row("a checkpoint signed (root read, note signed)", "checkpoint_signed", tile),
            row("an inclusion proof, verified", "inclusion_verified", leaf),
            row("a consistency proof, verified", "consistency_verified", leaf),
            f"  storage: {figures['bytes_per_event']:.1f} bytes of hashes per event,"
            f" {figures['rows']:,} rows",
        ]
    )


def run(args: argparse.Namespace) -> int:
    """Needs Django set up on a migrated database (`accord bench tree` does it)."""
    from django.db import connection

    figures = measure(args.leaves, args.runs)
    measured = {
        "proof-ms": round(max(figures["inclusion_served"], figures["consistency_served"]), 3),
        "verify-proof-ms": round(
            max(figures["inclusion_verified"], figures["consistency_verified"]), 4
        ),
        "checkpoint-ms": round(figures["checkpoint_signed"], 3),
        "tree-bytes": round(figures["bytes_per_event"], 1),
    }
    lines, status = check(TARGETS["tree"], measured, args.limits)
    print("\n".join([report(figures, connection.vendor), *lines]))
    return status
