"""The Merkle tree over the events, kept in tiles, and the checkpoints that sign its root.

The tree (`accord.core.merkle`) is not recomputed for a proof: its nodes are kept in tiles
(`models.RecordTile`), 256 hashes of one level each, every eighth level of the tree. A node
of any level is then at most 128 hashes folded from one tile, so a root, an inclusion proof or
a consistency proof reads a few tiles whatever the size of the log, and the tree costs a little
over 32 bytes per event. The tree grows by the events appended since it last grew, when a
checkpoint is signed (the periodic job, or on demand for a receipt), not on every append:
actions pay nothing for it.
"""

import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.db.models import Q

from accord.core import merkle
from accord.store import models, signing

WIDTH = 256  # hashes in a full tile
HEIGHT = 8  # levels of the tree from one tile's level to the next
_HASH = 32
# Events hashed into the tree per batch while it catches up.
_BATCH = 20_000


def _fold(hashes: bytes) -> bytes:
    """The root of the complete subtree whose nodes of one level ``hashes`` holds."""
    level = [hashes[at : at + _HASH] for at in range(0, len(hashes), _HASH)]
    while len(level) > 1:
        level = [merkle.node_hash(level[at], level[at + 1]) for at in range(0, len(level), 2)]
    return level[0]


def _place(level: int, index: int) -> tuple[int, int, int, int]:
    """Where a node of the tree is kept: its tile's level and index, and the first hash and
    the number of hashes of that tile that fold into it."""
    tile_level, height = divmod(level, HEIGHT)
    first = index << height
    return tile_level, first // WIDTH, first % WIDTH, 1 << height


class StoredTree:
    """The kept tree, read tile by tile (each tile once) as proofs need its nodes."""

    def __init__(self) -> None:
        self._tiles: dict[tuple[int, int], bytes] = {}

    def node(self, level: int, index: int) -> bytes:
        """A complete subtree's hash (`accord.core.merkle.Nodes`)."""
        tile_level, tile_index, start, count = _place(level, index)
        tile = self._tile(tile_level, tile_index)
        return _fold(tile[start * _HASH : (start + count) * _HASH])

    def _tile(self, level: int, index: int) -> bytes:
        if (level, index) not in self._tiles:
            row = models.RecordTile.objects.filter(level=level, index=index)
            self._tiles[level, index] = bytes(row.values_list("hashes", flat=True).get())
        return self._tiles[level, index]

    def read(self, tiles: set[tuple[int, int]]) -> None:
        """Read ``tiles`` (level, index) in one query."""
        wanted = [Q(level=level, index=index) for level, index in tiles - self._tiles.keys()]
        if wanted:
            rows = models.RecordTile.objects.filter(functools.reduce(operator.or_, wanted))
            for level, index, hashes in rows.values_list("level", "index", "hashes"):
                self._tiles[level, index] = bytes(hashes)


def read_at_once[T](compute: Callable[[merkle.Nodes], T]) -> T:
    """``compute`` — a root or a proof — over the kept tree, with every tile it needs read in
    one query rather than one query a tile: a first run on stand-in hashes names the nodes it
    asks for, which depend on the tree's sizes and never on its hashes."""
    tiles: set[tuple[int, int]] = set()

    def stand_in(level: int, index: int) -> bytes:
        tiles.add(_place(level, index)[:2])
        return bytes(_HASH)

    compute(stand_in)
    stored = StoredTree()
    stored.read(tiles)
    return compute(stored.node)


def tree_size() -> int:
    return models.TreeHead.objects.filter(pk=1).values_list("size", flat=True).first() or 0


@transaction.atomic
def grow() -> int:
    """Add the events appended since the tree last grew; the tree's size."""
    head, _ = models.TreeHead.objects.select_for_update().get_or_create(pk=1)
    while True:
        bodies = models.Event.objects.filter(seq__gt=head.size, seq__lte=head.size + _BATCH)
        leaves = [
            merkle.leaf_hash(body.encode())
            for body in bodies.order_by("seq").values_list("body", flat=True)
        ]
        if not leaves:
            return head.size
        add_leaves(head, leaves)


def add_leaves(head: models.TreeHead, leaves: list[bytes]) -> None:
    """Add ``leaves`` (leaf hashes, in order) to the tree ``head`` counts, and count them."""
    _add(0, head.size, leaves)
    head.size += len(leaves)
    head.save(update_fields=["size"])


def _add(level: int, start: int, hashes: list[bytes]) -> None:
    """Add the nodes ``start`` onwards of tile level ``level``; carry up the roots of the tiles
    they fill."""
    first, last = start // WIDTH, (start + len(hashes) - 1) // WIDTH
    tiles = models.RecordTile.objects.filter(level=level, index__gte=first, index__lte=last)
    kept = {tile.index: tile for tile in tiles}
    full: list[bytes] = []
    taken = 0
    for index in range(first, last + 1):
        tile = kept.get(index) or models.RecordTile(level=level, index=index, hashes=b"")
        room = WIDTH - len(tile.hashes) // _HASH
        tile.hashes = bytes(tile.hashes) + b"".join(hashes[taken : taken + room])
        taken += room
        tile.save()
        if len(tile.hashes) == WIDTH * _HASH:
            full.append(_fold(tile.hashes))
    if full:
        _add(level + 1, (start + len(hashes)) // WIDTH - len(full), full)


def checkpoint_value(row: models.Checkpoint) -> merkle.Checkpoint:
    return merkle.Checkpoint(
        size=row.size,
        root=row.root,
        time=_time(row.signed_at),
        key_id=row.key_id,
        signature=row.signature,
    )


def _time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class Witnessed:
    """A checkpoint and the names of the witnesses that co-signed it, in the order they did."""

    checkpoint: merkle.Checkpoint
    witnesses: tuple[str, ...]


def witnessed(seq: int) -> Witnessed | None:
    """The first checkpoint that covers event ``seq`` and that witnesses co-signed; None
    while no witness has co-signed one."""
    row = (
        models.Checkpoint.objects.filter(size__gte=seq, cosignatures__isnull=False)
        .order_by("id")
        .first()
    )
    if row is None:
        return None
    names = row.cosignatures.order_by("id").values_list("witness__name", flat=True)
    return Witnessed(checkpoint_value(row), tuple(names))


def latest_checkpoint() -> models.Checkpoint | None:
    return models.Checkpoint.objects.order_by("-id").first()


@transaction.atomic
def sign_checkpoint(now: datetime, *, every: timedelta | None = None) -> models.Checkpoint | None:
    """Grow the tree to the chain's head and sign a checkpoint of it, signed at ``now``; None,
    and nothing signed, when the latest checkpoint already covers every event (and, with
    ``every``, was signed less than ``every`` before ``now``)."""
    size = grow()
    latest = latest_checkpoint()
    fresh = latest is not None and (every is None or now - latest.signed_at < every)
    if latest is not None and latest.size == size and fresh:
        return None
    key = signing.key_in_force()
    unsigned = merkle.Checkpoint(
        size=size,
        root=read_at_once(lambda nodes: merkle.root(size, nodes)).hex(),
        time=_time(now),
        key_id=merkle.key_id(signing.public_raw(key)),
    )
    return models.Checkpoint.objects.create(
        size=unsigned.size,
        root=unsigned.root,
        signed_at=now,
        key_id=unsigned.key_id,
        signature=key.sign(unsigned.note()).hex(),
    )


def covering(seq: int, now: datetime) -> models.Checkpoint:
    """The latest checkpoint if it covers event ``seq``; else one signed now."""
    latest = latest_checkpoint()
    if latest is None or latest.size < seq:
        latest = sign_checkpoint(now) or latest_checkpoint()
    assert latest is not None
    return latest


def receipt(event: models.Event, now: datetime) -> merkle.Receipt:
    """The receipt of ``event``: its public body and leaf index, the latest checkpoint (one
    signed now if none covers it yet) and the inclusion proof under that checkpoint."""
    checkpoint = covering(event.seq, now)
    size = checkpoint.size
    proof = read_at_once(lambda nodes: merkle.inclusion_proof(event.seq - 1, size, nodes))
    return merkle.Receipt(
        event=event.body,
        leaf_index=event.seq - 1,
        checkpoint=checkpoint_value(checkpoint),
        inclusion_proof=[item.hex() for item in proof],
    )


def consistency(first: int, second: int) -> list[str]:
    """The consistency proof (hex hashes) between the tree's sizes ``first`` and ``second``;
    ``ValueError`` unless 0 <= first <= second <= the size the tree has grown to."""
    if second > tree_size():
        raise ValueError(f"the tree holds fewer than {second} events")
    proof = read_at_once(lambda nodes: merkle.consistency_proof(first, second, nodes))
    return [item.hex() for item in proof]
