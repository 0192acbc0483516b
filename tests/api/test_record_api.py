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
    assert verify_log.kept_checkpoint(json.dumps(first).encode(), _pem()) == (
        merkle.Checkpoint.from_json(first)
    )
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
