"""The Merkle tree over the log (RFC 9162): proofs verify for every size and index, and a
changed leaf, proof, size or root fails; checkpoints and receipts fail when any field changes."""

import functools
import hashlib
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import given
from hypothesis import strategies as st

from accord.core import merkle
from accord.core.eventlog import canonical, public_key_check
from accord.core.merkle import (
    EMPTY_ROOT,
    Checkpoint,
    Frontier,
    Receipt,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root,
    verify_consistency,
    verify_inclusion,
)


def _mth(leaves: list[bytes]) -> bytes:
    """RFC 9162's MTH, written straight from its definition."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + _mth(leaves[:k]) + _mth(leaves[k:])).digest()


def _leaves(count: int) -> list[bytes]:
    return [leaf_hash(b"event %d" % n) for n in range(count)]


def _nodes(leaves: list[bytes]) -> merkle.Nodes:
    @functools.cache
    def nodes(level: int, index: int) -> bytes:
        return _mth(leaves[index << level : (index + 1) << level])

    return nodes


def test_the_hashes_are_those_of_rfc_9162():
    assert leaf_hash(b"") == hashlib.sha256(b"\x00").digest()
    assert node_hash(b"a", b"b") == hashlib.sha256(b"\x01ab").digest()
    assert (
        root(0, _nodes([]))
        == EMPTY_ROOT
        == bytes.fromhex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    )
    # Certificate Transparency's reference vector: the tree of the eight inputs of RFC 6962's
    # test suite (as in certificate-transparency-go, merkle/testonly).
    inputs = [
        b"",
        b"\x00",
        b"\x10",
        b"\x20\x21",
        b"\x30\x31",
        b"\x40\x41\x42\x43",
        b"\x50\x51\x52\x53\x54\x55\x56\x57",
        b"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f",
    ]
    leaves = [leaf_hash(data) for data in inputs]
    assert root(8, _nodes(leaves)).hex() == (
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    )
    assert root(3, _nodes(leaves)).hex() == (
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"
    )


@given(st.integers(min_value=1, max_value=70), st.data())
def test_an_inclusion_proof_verifies_for_every_size_and_index(size, data):
    leaves = _leaves(size)
    nodes, top = _nodes(leaves), _mth(leaves)
    assert root(size, nodes) == top
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    proof = inclusion_proof(index, size, nodes)
    assert verify_inclusion(leaves[index], index, size, proof, top)
    assert not verify_inclusion(leaf_hash(b"forged"), index, size, proof, top)
    assert not verify_inclusion(leaves[index], index, size, proof, leaf_hash(b"other"))
    if size > 1:
        other = (index + 1) % size
        assert not verify_inclusion(leaves[index], other, size, proof, top)
        assert not verify_inclusion(leaves[index], index, size, proof[:-1], top)
        assert not verify_inclusion(leaves[index], index, size, [*proof, top], top)
        changed = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        bad = [*proof[:changed], leaf_hash(b"x"), *proof[changed + 1 :]]
        assert not verify_inclusion(leaves[index], index, size, bad, top)


@given(st.integers(min_value=1, max_value=70), st.data())
def test_a_consistency_proof_verifies_between_every_two_sizes(second, data):
    leaves = _leaves(second)
    nodes = _nodes(leaves)
    first = data.draw(st.integers(min_value=0, max_value=second))
    old, new = _mth(leaves[:first]), _mth(leaves)
    proof = consistency_proof(first, second, nodes)
    assert verify_consistency(first, second, proof, old, new)
    if first > 0:  # the empty tree precedes every tree
        assert not verify_consistency(first, second, proof, old, leaf_hash(b"rewritten"))
        assert not verify_consistency(first, second, proof, leaf_hash(b"forked"), new)
    if 0 < first < second:
        assert not verify_consistency(first, second, proof[:-1], old, new)
        assert not verify_consistency(first, second, [*proof, new], old, new)
        changed = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        bad = [*proof[:changed], leaf_hash(b"x"), *proof[changed + 1 :]]
        assert not verify_consistency(first, second, bad, old, new)
        # A log whose first leaves were rewritten is not consistent with the old root.
        forged = [leaf_hash(b"rewritten"), *leaves[1:]]
        forged_proof = consistency_proof(first, second, _nodes(forged))
        assert not verify_consistency(first, second, forged_proof, old, _mth(forged))


def test_proofs_refuse_what_is_not_in_the_tree():
    nodes = _nodes(_leaves(4))
    with pytest.raises(ValueError, match="leaf 4 is not in a tree of 4 leaves"):
        inclusion_proof(4, 4, nodes)
    with pytest.raises(ValueError, match="a tree of 5 leaves cannot precede one of 4"):
        consistency_proof(5, 4, nodes)
    leaf = _leaves(1)[0]
    assert not verify_inclusion(leaf, 1, 1, [], leaf)
    assert not verify_inclusion(leaf, -1, 1, [], leaf)
    assert not verify_consistency(2, 1, [], leaf, leaf)
    assert not verify_consistency(0, 4, [leaf], EMPTY_ROOT, root(4, nodes))
    assert verify_consistency(4, 4, [], root(4, nodes), root(4, nodes))
    # A proof for two sizes where the first is no power of two cannot be empty.
    assert not verify_consistency(3, 4, [], root(3, nodes), root(4, nodes))


@given(st.integers(min_value=0, max_value=300))
def test_the_frontier_gives_the_root_of_the_tree_so_far(size):
    leaves, frontier = _leaves(size), Frontier()
    for leaf in leaves:
        frontier.append(leaf)
    assert (frontier.size, frontier.root()) == (size, _mth(leaves))


KEY = Ed25519PrivateKey.generate()
PEM = KEY.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
RAW = KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
KEY_ID = merkle.key_id(RAW)
CHECK = public_key_check(PEM)
BODIES = [canonical({"seq": n, "kind": "proposal.submitted"}) for n in range(1, 12)]


def _checkpoint(size: int, key: Ed25519PrivateKey = KEY) -> Checkpoint:
    leaves = [leaf_hash(body) for body in BODIES[:size]]
    unsigned = Checkpoint(size, _mth(leaves).hex(), "2026-03-01T10:00:00.000000+00:00", KEY_ID)
    signature = key.sign(unsigned.note()).hex()
    return Checkpoint(unsigned.size, unsigned.root, unsigned.time, unsigned.key_id, signature)


def _receipt(seq: int, size: int) -> dict:
    nodes = _nodes([leaf_hash(body) for body in BODIES[:size]])
    proof = [item.hex() for item in inclusion_proof(seq - 1, size, nodes)]
    receipt = Receipt(BODIES[seq - 1].decode(), seq - 1, _checkpoint(size), proof)
    return receipt.as_json()


def _problem(receipt: object) -> str | None:
    return merkle.receipt_problem(json.dumps(receipt).encode(), CHECK, KEY_ID)


def test_a_checkpoint_is_signed_over_every_field():
    checkpoint = _checkpoint(7)
    assert (
        checkpoint.note()
        == (
            f"accord checkpoint v1\n7\n{checkpoint.root}\n2026-03-01T10:00:00.000000+00:00\n"
            f"{KEY_ID}\n"
        ).encode()
    )
    assert merkle.checkpoint_problem(checkpoint, CHECK, KEY_ID) is None
    assert Checkpoint.from_json(checkpoint.as_json()) == checkpoint
    for field, value in [("size", 6), ("root", "00" * 32), ("time", "2026-03-02")]:
        altered = Checkpoint.from_json({**checkpoint.as_json(), field: value})
        assert merkle.checkpoint_problem(altered, CHECK, KEY_ID) == (
            f"checkpoint {altered.size}: its signature does not verify with the key"
        )
    other = Checkpoint.from_json({**checkpoint.as_json(), "key_id": "ab" * 32})
    assert merkle.checkpoint_problem(other, CHECK, KEY_ID) == (
        "checkpoint 7 names another key than the published one"
    )
    for field in ("signature", "root"):
        unreadable = Checkpoint.from_json({**checkpoint.as_json(), field: "zz"})
        assert merkle.checkpoint_problem(unreadable, CHECK, KEY_ID) == (
            f"checkpoint 7: {'its signature' if field == 'signature' else 'the checkpoint'}"
            f"{'' if field == 'signature' else chr(39) + 's root'} is not hexadecimal"
        )
    for broken in ([], {"size": 1}, {**checkpoint.as_json(), "size": "7"}):
        with pytest.raises(ValueError, match="not a checkpoint"):
            Checkpoint.from_json(broken)


@given(st.integers(min_value=1, max_value=11), st.data())
def test_a_receipt_proves_its_event_is_in_the_checkpoint(size, data):
    seq = data.draw(st.integers(min_value=1, max_value=size))
    assert _problem(_receipt(seq, size)) is None


def test_a_receipt_altered_in_any_field_fails():
    receipt = _receipt(5, 11)
    other_event = BODIES[5].decode()
    assert _problem({**receipt, "event": other_event}) == "its event is event 6, not leaf 4"
    changed = canonical({"seq": 5, "kind": "proposal.withdrawn"}).decode()
    assert _problem({**receipt, "event": changed}) == (
        "event 5 is not proven to be in checkpoint 11"
    )
    assert _problem({**receipt, "leaf_index": 5}) == "its event is event 5, not leaf 5"
    for field, value in [("size", 10), ("root", "00" * 32), ("time", "x"), ("signature", "ab")]:
        checkpoint = {**receipt["checkpoint"], field: value}
        problem = _problem({**receipt, "checkpoint": checkpoint})
        size = 10 if field == "size" else 11
        assert problem == f"checkpoint {size}: its signature does not verify with the key"
    proof = receipt["inclusion_proof"]
    assert _problem({**receipt, "inclusion_proof": [*proof[:-1], "00" * 32]}) == (
        "event 5 is not proven to be in checkpoint 11"
    )
    assert _problem({**receipt, "inclusion_proof": proof[:-1]}) == (
        "event 5 is not proven to be in checkpoint 11"
    )
    foreign = {**receipt, "checkpoint": {**receipt["checkpoint"], "key_id": "cd" * 32}}
    assert _problem(foreign) == "checkpoint 11 names another key than the published one"
    stolen = _checkpoint(11, Ed25519PrivateKey.generate()).as_json()
    assert _problem({**receipt, "checkpoint": stolen}) == (
        "checkpoint 11: its signature does not verify with the key"
    )


def test_what_is_not_a_receipt_is_named():
    receipt = _receipt(5, 11)
    wrong = "not an accord receipt (event, leaf_index, checkpoint, inclusion_proof)"
    for broken in (
        {key: value for key, value in receipt.items() if key != "event"},
        {**receipt, "leaf_index": "4"},
        {**receipt, "event": "not json"},
        {**receipt, "event": '{"seq": "5"}'},
        {**receipt, "inclusion_proof": ["zz"]},
        {**receipt, "checkpoint": {}},
        [],
    ):
        assert _problem(broken) == wrong
    assert merkle.receipt_problem(b"\xff", CHECK, KEY_ID) == wrong


def test_a_log_is_held_to_a_checkpoint_kept_from_it():
    kept = _checkpoint(7)
    assert merkle.prefix_problem(iter(BODIES), kept) is None
    assert merkle.prefix_problem(iter(BODIES[:7]), kept) is None
    assert merkle.prefix_problem(iter([]), _checkpoint(0)) is None
    assert merkle.prefix_problem(iter(BODIES[:6]), kept) == (
        "the log holds 6 events, fewer than checkpoint 7 signed: it was cut short"
    )
    rewritten = [*BODIES[:3], canonical({"seq": 4, "kind": "proposal.withdrawn"}), *BODIES[4:]]
    assert merkle.prefix_problem(iter(rewritten), kept) == (
        "its first 7 events are not those checkpoint 7 signed: the log was rewritten"
    )


WITNESS = Ed25519PrivateKey.generate()
WITNESS_ID = merkle.key_id(WITNESS.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
WITNESS_CHECK = public_key_check(
    WITNESS.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
)


def _cosigned(checkpoint: Checkpoint) -> merkle.Cosignature:
    unsigned = merkle.Cosignature(checkpoint, WITNESS_ID, "2026-03-01T10:05:00.000000+00:00")
    signature = WITNESS.sign(unsigned.note()).hex()
    return merkle.Cosignature(checkpoint, WITNESS_ID, unsigned.time, signature)


def test_a_witness_signs_the_checkpoint_the_instance_signed_and_when_it_saw_it():
    checkpoint = _checkpoint(7)
    cosigned = _cosigned(checkpoint)
    assert (
        cosigned.note()
        == (
            f"accord cosignature v1\n{WITNESS_ID}\n2026-03-01T10:05:00.000000+00:00\n"
            f"{checkpoint.signature}\n"
        ).encode()
        + checkpoint.note()
    )
    assert merkle.cosignature_problem(cosigned, WITNESS_CHECK) is None
    assert merkle.Cosignature.from_json(cosigned.as_json()) == cosigned
    assert merkle.cosignature_problem(cosigned, CHECK) == (
        "the co-signature of checkpoint 7 does not verify with the witness's key"
    )
    for field, value in [("time", "2026-03-02"), ("witness", "ab" * 32)]:
        altered = merkle.Cosignature.from_json({**cosigned.as_json(), field: value})
        assert merkle.cosignature_problem(altered, WITNESS_CHECK) == (
            "the co-signature of checkpoint 7 does not verify with the witness's key"
        )
    other = merkle.Cosignature(_checkpoint(6), WITNESS_ID, cosigned.time, cosigned.signature)
    assert merkle.cosignature_problem(other, WITNESS_CHECK) == (
        "the co-signature of checkpoint 6 does not verify with the witness's key"
    )
    unreadable = merkle.Cosignature(checkpoint, WITNESS_ID, cosigned.time, "zz")
    assert merkle.cosignature_problem(unreadable, WITNESS_CHECK) == (
        "the co-signature of checkpoint 7: its signature is not hexadecimal"
    )
    for broken in ([], {**cosigned.as_json(), "time": 7}, {**cosigned.as_json(), "extra": ""}):
        with pytest.raises(ValueError, match="not a co-signature"):
            merkle.Cosignature.from_json(broken)
    with pytest.raises(ValueError, match="not a checkpoint"):
        merkle.Cosignature.from_json({**cosigned.as_json(), "checkpoint": {}})


def _unsigned(size: int, leaves: list[bytes]) -> Checkpoint:
    return Checkpoint(size, _mth(leaves[:size]).hex(), f"t{size}", KEY_ID)


def test_a_witness_finds_a_log_that_shrank_or_was_rewritten_and_names_both_checkpoints():
    leaves = _leaves(9)
    older, newer = _unsigned(5, leaves), _unsigned(9, leaves)
    proof = consistency_proof(5, 9, _nodes(leaves))
    assert merkle.consistency_problem(older, newer, proof) is None
    assert merkle.consistency_problem(older, older, []) is None
    assert merkle.consistency_problem(newer, older, proof) == (
        "checkpoint 5 of t5 and checkpoint 9 of t9: the log shrank, events were taken out"
    )
    forked = [*leaves[:3], leaf_hash(b"rewritten"), *leaves[4:]]
    assert merkle.consistency_problem(older, _unsigned(9, forked), proof) == (
        "checkpoint 9 of t9 and checkpoint 5 of t5 are not consistent: the log was rewritten"
        " or forked"
    )
