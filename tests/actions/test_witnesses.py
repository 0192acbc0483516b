"""Witnesses: registered once each, with an Ed25519 key; their co-signatures of the instance's
checkpoints kept when they verify, and nothing stored when they do not."""

from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from accord.actions.witnesses import (
    CosignatureRefused,
    NotAWitnessKey,
    UnknownCheckpoint,
    UnknownWitness,
    WitnessAlreadyRegistered,
    keep_cosignature,
    register_witness,
)
from accord.core import merkle
from accord.core.errors import Missing, TextTooLong
from accord.store import models, tree
from accord.words.refusals import explain

pytestmark = pytest.mark.django_db

KEY = Ed25519PrivateKey.generate()
PEM = KEY.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
KEY_ID = merkle.key_id(KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def _state():
    return (
        models.Event.objects.count(),
        models.Witness.objects.count(),
        models.Cosignature.objects.count(),
    )


def _cosigned(checkpoint: merkle.Checkpoint, key: Ed25519PrivateKey = KEY) -> merkle.Cosignature:
    unsigned = merkle.Cosignature(checkpoint, KEY_ID, "2026-06-01T09:05:00.000000+00:00")
    return merkle.Cosignature(checkpoint, KEY_ID, unsigned.time, key.sign(unsigned.note()).hex())


@pytest.fixture
def checkpoint(negotiation):
    signed = tree.sign_checkpoint(NOW)
    assert signed is not None
    return tree.checkpoint_value(signed)


def test_a_witness_is_registered_with_its_key_and_the_record_says_so(db):
    witness = register_witness(name="  Library of the Graduate Institute ", public_pem=PEM, by=None)
    assert (witness.name, witness.key_id) == ("Library of the Graduate Institute", KEY_ID)
    event = models.Event.objects.get(kind="witness.registered")
    assert (event.subject, event.payload) == (
        f"witness:{KEY_ID}",
        {
            "name": "Library of the Graduate Institute",
            "key_id": KEY_ID,
            "public_key": KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex(),
        },
    )


@pytest.mark.parametrize(
    ("name", "key", "refusal"),
    [
        ("Library", b"not a key", NotAWitnessKey()),
        (
            "Library",
            generate_private_key(SECP256R1())
            .public_key()
            .public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo),
            NotAWitnessKey(),
        ),
        ("   ", PEM, Missing("witness")),
        ("L" * 201, PEM, TextTooLong(201, 200)),
    ],
    ids=["not-pem", "not-ed25519", "no-name", "long-name"],
)
def test_a_witness_that_cannot_be_registered_stores_nothing(db, name, key, refusal):
    before = _state()
    with pytest.raises(type(refusal)) as raised:
        register_witness(name=name, public_pem=key, by=None)
    assert raised.value == refusal
    assert _state() == before


def test_a_key_is_registered_to_one_witness_only(db):
    register_witness(name="Library", public_pem=PEM, by=None)
    before = _state()
    with pytest.raises(WitnessAlreadyRegistered) as raised:
        register_witness(name="Another", public_pem=PEM, by=None)
    assert raised.value == WitnessAlreadyRegistered(KEY_ID, "Library")
    assert _state() == before
    assert explain(Missing("witness")) == (
        "Give the witness a name, such as the delegation or library that runs it."
    )


def test_a_co_signature_is_kept_once_and_without_an_event(checkpoint):
    witness = register_witness(name="Library", public_pem=PEM, by=None)
    events = models.Event.objects.count()
    cosigned = _cosigned(checkpoint)
    kept = keep_cosignature(cosigned)
    assert (kept.witness, kept.checkpoint.size, kept.time, kept.signature) == (
        witness,
        checkpoint.size,
        cosigned.time,
        cosigned.signature,
    )
    assert keep_cosignature(cosigned) == kept
    assert models.Cosignature.objects.count() == 1
    assert models.Event.objects.count() == events


def test_co_signatures_that_do_not_hold_store_nothing(checkpoint):
    register_witness(name="Library", public_pem=PEM, by=None)
    stranger = Ed25519PrivateKey.generate()
    unknown = merkle.Cosignature(checkpoint, "ab" * 32, "t", "00")
    other = merkle.Checkpoint(checkpoint.size, "00" * 32, checkpoint.time, checkpoint.key_id, "ab")
    cases = [
        (unknown, UnknownWitness("ab" * 32)),
        (_cosigned(other), UnknownCheckpoint(checkpoint.size)),
        (
            _cosigned(checkpoint, stranger),
            CosignatureRefused(
                f"the co-signature of checkpoint {checkpoint.size} does not verify with the"
                " witness's key"
            ),
        ),
    ]
    before = _state()
    for cosignature, refusal in cases:
        with pytest.raises(type(refusal)) as raised:
            keep_cosignature(cosignature)
        assert raised.value == refusal
    assert _state() == before
