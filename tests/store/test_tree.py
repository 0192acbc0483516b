"""The Merkle tree the store keeps over the events, its checkpoints and receipts: the kept
tiles give the roots and proofs of the tree computed afresh from the log, at any size."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accord import cli
from accord.actions import periodic
from accord.actions.events import record as record_event
from accord.core import eventlog, merkle
from accord.store import models, signing, tree

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def _append(count: int) -> None:
    for _ in range(count):
        record_event("test.recorded", by=None, process=None, subject="s", payload={})


def _leaves() -> list[bytes]:
    bodies = models.Event.objects.order_by("seq").values_list("body", flat=True)
    return [merkle.leaf_hash(body.encode()) for body in bodies]


def _root_of(leaves: list[bytes]) -> bytes:
    frontier = merkle.Frontier()
    for leaf in leaves:
        frontier.append(leaf)
    return frontier.root()


def _check() -> merkle.SignedBy:
    return eventlog.public_key_check(signing.public_pem().encode())


@pytest.mark.parametrize(("width", "height"), [(256, 8), (4, 2), (2, 1)])
def test_the_kept_tree_gives_the_roots_and_proofs_of_the_log(monkeypatch, width, height):
    """Small tiles stand in for a log of millions: the tree is then many tiles high."""
    monkeypatch.setattr(tree, "WIDTH", width)
    monkeypatch.setattr(tree, "HEIGHT", height)
    monkeypatch.setattr(tree, "_BATCH", 7)
    sizes = []
    for batch in (1, 2, 5, 9, 31, 17, 64, 1, 130):
        _append(batch)
        sizes.append(tree.grow())
    leaves = _leaves()
    assert sizes[-1] == len(leaves) == 260
    for size in sizes:
        assert merkle.root(size, tree.StoredTree().node) == _root_of(leaves[:size])
    top = _root_of(leaves)
    for index in (0, 1, 3, 4, 63, 64, 127, 128, 255, 256, 259):
        proof = merkle.inclusion_proof(index, 260, tree.StoredTree().node)
        assert merkle.verify_inclusion(leaves[index], index, 260, proof, top)
    for first in sizes:
        proof = [bytes.fromhex(item) for item in tree.consistency(first, 260)]
        assert merkle.verify_consistency(first, 260, proof, _root_of(leaves[:first]), top)


def test_a_checkpoint_signs_the_tree_up_to_the_head_and_only_when_there_is_news():
    _append(3)
    first = tree.sign_checkpoint(NOW)
    assert first is not None
    value = tree.checkpoint_value(first)
    assert (value.size, value.time) == (3, "2026-03-01T10:00:00.000000+00:00")
    assert value.root == _root_of(_leaves()).hex()
    assert merkle.checkpoint_problem(value, _check(), signing.key_id()) is None
    assert tree.sign_checkpoint(NOW + timedelta(minutes=1)) is None
    later = NOW + timedelta(minutes=1)
    assert tree.sign_checkpoint(later, every=timedelta(minutes=5)) is None
    refreshed = tree.sign_checkpoint(NOW + timedelta(minutes=5), every=timedelta(minutes=5))
    assert refreshed is not None
    assert (refreshed.size, refreshed.root) == (3, first.root)
    _append(1)
    assert tree.sign_checkpoint(later).size == 4
    assert models.Checkpoint.objects.count() == 3


def test_the_periodic_job_signs_a_checkpoint_after_appends():
    _append(2)
    assert periodic.run_due(NOW)["sign-checkpoint"] == 1
    assert periodic.run_due(NOW + timedelta(minutes=1))["sign-checkpoint"] == 0
    _append(1)
    assert periodic.run_due(NOW + timedelta(minutes=2))["sign-checkpoint"] == 1
    assert periodic.run_due(NOW + timedelta(minutes=8))["sign-checkpoint"] == 1
    assert list(models.Checkpoint.objects.values_list("size", flat=True)) == [2, 3, 3]


def test_a_receipt_proves_its_event_under_a_checkpoint_signed_for_it_if_need_be():
    _append(5)
    tree.sign_checkpoint(NOW)
    _append(2)
    event = models.Event.objects.get(seq=3)
    receipt = tree.receipt(event, NOW)
    assert (receipt.leaf_index, receipt.checkpoint.size, receipt.event) == (2, 5, event.body)
    raw = json.dumps(receipt.as_json()).encode()
    assert merkle.receipt_problem(raw, _check(), signing.key_id()) is None
    newest = tree.receipt(models.Event.objects.get(seq=7), NOW + timedelta(seconds=1))
    assert newest.checkpoint.size == 7
    raw = json.dumps(newest.as_json()).encode()
    assert merkle.receipt_problem(raw, _check(), signing.key_id()) is None
    assert models.Checkpoint.objects.count() == 2


def test_a_consistency_proof_is_refused_beyond_the_tree():
    _append(3)
    tree.grow()
    _append(1)
    with pytest.raises(ValueError, match="the tree holds fewer than 4 events"):
        tree.consistency(1, 4)
    with pytest.raises(ValueError, match="a tree of 3 leaves cannot precede one of 2"):
        tree.consistency(3, 2)


def test_a_proof_reads_a_few_tiles_however_the_tree_grew(monkeypatch):
    monkeypatch.setattr(tree, "WIDTH", 4)
    monkeypatch.setattr(tree, "HEIGHT", 2)
    _append(300)
    tree.grow()
    with CaptureQueriesContext(connection) as queries:
        merkle.inclusion_proof(123, 300, tree.StoredTree().node)
    # 300 leaves in tiles of 4: five tile levels, at most three tiles read on each.
    assert len(queries) <= 15


def _cut_short(to: int) -> None:
    """What an insider with the database could do: drop the guards, delete the last events
    and rewind the chain head (the chain then verifies, its last event signed)."""
    last = models.Event.objects.get(seq=to)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER store_event_no_delete")
        else:
            cursor.execute("DROP TRIGGER store_event_append_only ON store_event")
        cursor.execute("DELETE FROM store_event WHERE seq > %s", [to])
    models.ChainHead.objects.filter(pk=1).update(seq=to, digest=last.digest)


def test_verify_names_a_record_cut_short_after_a_checkpoint(tmp_path, capsys):
    _append(6)
    kept = tree.checkpoint_value(tree.sign_checkpoint(NOW))
    (tmp_path / "kept.json").write_text(json.dumps(kept.as_json()))
    assert cli.main(["audit", "verify", "--since", str(tmp_path / "kept.json")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "ok: consistent with checkpoint 6 of 2026-03-01T10:00:00.000000+00:00"
    )
    _cut_short(4)
    assert cli.main(["audit", "verify"]) == 1
    assert capsys.readouterr().err == (
        "the log holds 4 events, fewer than checkpoint 6 signed: it was cut short\n"
    )
    # Deleting the checkpoints too does not help against one kept elsewhere.
    models.Checkpoint.objects.all().delete()
    assert cli.main(["audit", "verify", "--since", str(tmp_path / "kept.json")]) == 1
    assert capsys.readouterr().err == (
        "the log holds 4 events, fewer than checkpoint 6 signed: it was cut short\n"
    )


def test_verify_names_a_checkpoint_the_kept_tree_is_not_consistent_with(capsys):
    _append(3)
    tree.sign_checkpoint(NOW)
    _append(2)
    tree.sign_checkpoint(NOW + timedelta(minutes=1))
    assert cli.main(["audit", "verify"]) == 0
    capsys.readouterr()
    models.Checkpoint.objects.filter(size=3).update(root="00" * 32)
    assert cli.main(["audit", "verify"]) == 1
    assert capsys.readouterr().err == (
        "checkpoint 3 of 2026-03-01T10:00:00.000000+00:00 is not consistent with the latest,"
        " checkpoint 5 of 2026-03-01T10:01:00.000000+00:00\n"
    )


def test_a_proof_on_a_large_tree_reads_every_tile_it_needs_in_one_query(
    django_assert_num_queries,
):
    from accord.bench.tree import fill

    fill(70_000)  # three tile levels: leaves, 256-leaf roots, and a 65,536-leaf root
    leaves = [merkle.leaf_hash(b"event %d" % n) for n in range(70_000)]
    frontier = merkle.Frontier()
    for leaf in leaves[:1_000]:
        frontier.append(leaf)
    small = frontier.root()
    for leaf in leaves[1_000:]:
        frontier.append(leaf)
    with django_assert_num_queries(2):  # the tree's size, then the tiles
        proof = [bytes.fromhex(item) for item in tree.consistency(1_000, 70_000)]
    assert merkle.verify_consistency(1_000, 70_000, proof, small, frontier.root())
    with django_assert_num_queries(1):
        assert tree.read_at_once(lambda nodes: merkle.root(70_000, nodes)) == frontier.root()
