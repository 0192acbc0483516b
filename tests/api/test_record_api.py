"""The record's checkpoints, consistency proofs and receipts through the API and its page:
what is served verifies with the public key alone, and bad requests store nothing."""

import json

import pytest

from accord.actions.events import record as record_event
from accord.cli import verify_log
from accord.core import eventlog, merkle
from accord.store import models, signing

pytestmark = pytest.mark.django_db


def _append(count: int) -> None:
    for _ in range(count):
        record_event("test.recorded", by=None, process=None, subject="s", payload={})


def _pem() -> bytes:
    return signing.public_pem().encode()


def test_checkpoints_are_signed_on_demand_listed_and_consistent(client):
    _append(3)
    first = client.get("/api/v1/record/checkpoints/latest").json()
    assert first["size"] == 3
    assert verify_log.kept_checkpoint(
        json.dumps(first).encode(), eventlog.KeyHistory.single(_pem())
    ) == (merkle.Checkpoint.from_json(first))
    assert client.get("/api/v1/record/checkpoints/latest").json() == first
    _append(4)
    second = client.get("/api/v1/record/checkpoints/latest").json()
    assert second["size"] == 7
    listed = client.get("/api/v1/record/checkpoints").json()
    assert listed == {"items": [first, second], "next": None}
    proof = client.get("/api/v1/record/consistency?first=3&second=7").json()
    assert (proof["first"], proof["second"]) == (3, 7)
    assert merkle.verify_consistency(
        3,
        7,
        [bytes.fromhex(item) for item in proof["proof"]],
        bytes.fromhex(first["root"]),
        bytes.fromhex(second["root"]),
    )
    page = client.get("/record/checkpoints/")
    assert page.status_code == 200
    assert page.content.decode().count('<tr id="checkpoint-') == 2
    assert second["root"] in page.content.decode()


def test_a_consistency_proof_beyond_the_tree_is_refused(client):
    _append(2)
    client.get("/api/v1/record/checkpoints/latest")
    response = client.get("/api/v1/record/consistency?first=1&second=3")
    assert response.status_code == 422
    assert response.json()["title"] == "invalid-tree-sizes"
    assert response.json()["detail"] == (
        "Give two sizes with 0 ≤ first ≤ second ≤ 2, the size of the tree."
    )
    assert client.get("/api/v1/record/consistency?first=2&second=1").status_code == 422


def test_a_receipt_verifies_with_the_public_key_alone_and_an_altered_one_fails(client):
    _append(5)
    response = client.get("/api/v1/record/events/4/receipt")
    assert response.status_code == 200
    receipt = response.json()
    assert (receipt["leaf_index"], receipt["checkpoint"]["size"]) == (3, 5)
    assert receipt["event"] == models.Event.objects.get(seq=4).body
    check, key_id = eventlog.public_key_check(_pem()), verify_log.key_id(_pem())
    assert merkle.receipt_problem(json.dumps(receipt).encode(), check, key_id) is None
    altered = {**receipt, "leaf_index": 2}
    assert merkle.receipt_problem(json.dumps(altered).encode(), check, key_id) == (
        "its event is event 4, not leaf 2"
    )
    checkpoints = models.Checkpoint.objects.count()
    assert client.get("/api/v1/record/events/6/receipt").status_code == 404
    assert models.Checkpoint.objects.count() == checkpoints == 1


def _witness_key():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from accord.actions.witnesses import register_witness

    key = Ed25519PrivateKey.generate()
    pem = key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    return key, register_witness(name="Library", public_pem=pem, by=None)


def _cosignature(checkpoint: dict, key, key_id: str) -> dict:
    unsigned = merkle.Cosignature(merkle.Checkpoint.from_json(checkpoint), key_id, "t1")
    signature = key.sign(unsigned.note()).hex()
    return merkle.Cosignature(unsigned.checkpoint, key_id, "t1", signature).as_json()


def test_a_witness_posts_its_co_signature_and_anyone_reads_it_back(client):
    key, witness = _witness_key()
    checkpoint = client.get("/api/v1/record/checkpoints/latest").json()
    posted = _cosignature(checkpoint, key, witness.key_id)
    response = client.post("/api/v1/record/cosignatures", posted, content_type="application/json")
    assert response.status_code == 201
    assert response.json() == posted | {"witness_name": "Library"}
    assert client.get("/api/v1/record/cosignatures").json() == {
        "items": [posted | {"witness_name": "Library"}],
        "next": None,
    }
    assert client.get("/api/v1/record/witnesses").json() == [
        {"name": "Library", "key_id": witness.key_id, "public_key": witness.public_key}
    ]
    page = client.get("/record/checkpoints/").content.decode()
    assert f'<tr id="checkpoint-{checkpoint["size"]}">' in page
    assert "<td>Library</td>" in page


def test_a_co_signature_by_an_unregistered_key_is_refused_and_not_kept(client):
    key, witness = _witness_key()
    checkpoint = client.get("/api/v1/record/checkpoints/latest").json()
    posted = _cosignature(checkpoint, key, "ab" * 32)
    response = client.post("/api/v1/record/cosignatures", posted, content_type="application/json")
    assert response.status_code == 403
    assert (response.json()["title"], response.json()["detail"]) == (
        "unknown-witness",
        f"No witness is registered here with the key {'ab' * 32}; the Secretariat registers"
        " witnesses with `accord witnesses add`.",
    )
    forged = _cosignature({**checkpoint, "root": "00" * 32}, key, witness.key_id)
    response = client.post("/api/v1/record/cosignatures", forged, content_type="application/json")
    assert (response.status_code, response.json()["title"]) == (404, "unknown-checkpoint")
    assert models.Cosignature.objects.count() == 0
