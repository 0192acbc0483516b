"""The instance's signing key: created once, kept in the database so that every app instance
behind a load balancer signs with the same key, its public half published."""

import functools

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)
from django.db import transaction

from accord.core import merkle
from accord.store.models import SigningKey


@transaction.atomic
def _stored_key() -> SigningKey:
    found = SigningKey.objects.select_for_update().order_by("id").first()
    if found is not None:
        return found
    key = Ed25519PrivateKey.generate()
    return SigningKey.objects.create(
        private_pem=key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode(),
        public_pem=key.public_key()
        .public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
        .decode(),
    )


def private_key() -> Ed25519PrivateKey:
    """The instance's key, created if it has none yet."""
    return loaded(_stored_key().private_pem)


@functools.lru_cache(maxsize=4)
def loaded(private_pem: str) -> Ed25519PrivateKey:
    """The key a stored PEM holds, parsed once per process rather than on every append."""
    key = load_pem_private_key(private_pem.encode(), password=None)
    assert isinstance(key, Ed25519PrivateKey)
    return key


def public_pem() -> str:
    """The public key, PEM-encoded, as the instance publishes it."""
    return _stored_key().public_pem


def key_id() -> str:
    """The id of the instance's key, as checkpoints name it (`accord.core.merkle.key_id`)."""
    raw = private_key().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return merkle.key_id(raw)
