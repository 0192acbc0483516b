"""Witnesses of the record: registered by the Secretariat, then co-signing checkpoints they
found consistent with those they saw before (docs/verification.md, "Witnesses")."""

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_pem_public_key,
)
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.core import merkle
from accord.core.errors import Missing, Refusal, TextTooLong
from accord.core.eventlog import public_key_check
from accord.core.text_hygiene import TextKind, clean_text
from accord.store import models

MAX_NAME = 200  # models.Witness.name


@dataclass(slots=True, unsafe_hash=True)
class NotAWitnessKey(Refusal):
    """A witness is registered with an Ed25519 public key in PEM; this is not one."""

    code = "not-a-witness-key"


@dataclass(slots=True, unsafe_hash=True)
class WitnessAlreadyRegistered(Refusal):
    """A key (by its id) is registered to one witness only."""

    key_id: str
    name: str
    code = "witness-already-registered"


@dataclass(slots=True, unsafe_hash=True)
class UnknownWitness(Refusal):
    """A co-signature by a key no witness was registered with."""

    key_id: str
    code = "unknown-witness"


@dataclass(slots=True, unsafe_hash=True)
class UnknownCheckpoint(Refusal):
    """A co-signature of a checkpoint this instance did not sign."""

    size: int
    code = "unknown-checkpoint"


@dataclass(slots=True, unsafe_hash=True)
class CosignatureRefused(Refusal):
    """A co-signature that does not verify with its witness's key (``problem`` says how)."""

    problem: str
    code = "cosignature-refused"


@transaction.atomic
def register_witness(*, name: str, public_pem: bytes, by: User | None) -> models.Witness:
    """Register ``name`` as a witness whose co-signatures the instance keeps and publishes,
    with the Ed25519 public key in ``public_pem``. Writes one ``witness.registered`` event
    naming the witness and its key. Raises `Missing`, `TextTooLong`, `UnsafeCharacter`,
    `NotAWitnessKey` or `WitnessAlreadyRegistered`."""
    name = clean_text(name.strip(), field="name", kind=TextKind.LINE)
    if not name:
        raise Missing("witness")
    if len(name) > MAX_NAME:
        raise TextTooLong(len(name), MAX_NAME)
    try:
        key = load_pem_public_key(public_pem)
    except ValueError:
        raise NotAWitnessKey() from None
    if not isinstance(key, Ed25519PublicKey):
        raise NotAWitnessKey()
    raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    key_id = merkle.key_id(raw)
    known = models.Witness.objects.filter(key_id=key_id).first()
    if known is not None:
        raise WitnessAlreadyRegistered(key_id, known.name)
    witness = models.Witness.objects.create(
        name=name,
        public_key=raw.hex(),
        key_id=key_id,
        added_at=timezone.now(),
    )
    record(
        "witness.registered",
        by=by,
        process=None,
        subject=f"witness:{key_id}",
        payload={"name": witness.name, "key_id": key_id, "public_key": witness.public_key},
    )
    return witness


@transaction.atomic
def keep_cosignature(cosignature: merkle.Cosignature) -> models.Cosignature:
    """Keep a witness's co-signature of one of this instance's checkpoints, to publish it
    beside the checkpoint; a witness that co-signs the same checkpoint again gets the one
    kept. No event: a co-signature vouches for itself — anyone checks it with the witness's
    published key — and an event for each would give every witness a new checkpoint to sign
    at every run. Raises `UnknownWitness`, `UnknownCheckpoint` or `CosignatureRefused`."""
    witness = models.Witness.objects.filter(key_id=cosignature.witness).first()
    if witness is None:
        raise UnknownWitness(cosignature.witness)
    signed = cosignature.checkpoint
    checkpoint = models.Checkpoint.objects.filter(
        size=signed.size, root=signed.root, key_id=signed.key_id, signature=signed.signature
    ).first()
    if checkpoint is None:
        raise UnknownCheckpoint(signed.size)
    pem = Ed25519PublicKey.from_public_bytes(bytes.fromhex(witness.public_key)).public_bytes(
        Encoding.PEM, PublicFormat.SubjectPublicKeyInfo
    )
    problem = merkle.cosignature_problem(cosignature, public_key_check(pem))
    if problem:
        raise CosignatureRefused(problem)
    kept, _ = models.Cosignature.objects.get_or_create(
        checkpoint=checkpoint,
        witness=witness,
        defaults={
            "time": cosignature.time,
            "signature": cosignature.signature,
            "received_at": timezone.now(),
        },
    )
    return kept
