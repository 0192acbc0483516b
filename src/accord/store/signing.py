"""The instance's signing key: kept in a file only the service reads — never in the database,
so that someone who can write to the database still cannot sign a rewritten log — and its
public half published.

The file is ``settings.ACCORD_SIGNING_KEY_FILE``; every instance behind a load balancer is
given the same one. It is created, readable by its owner alone, the first time an instance
signs an event of an empty record; once the record has events, a missing key file is an
error rather than a reason to make a new key, which could sign nothing already written.
"""

import functools
import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)
from django.conf import settings
from django.db import transaction

from accord.core import merkle
from accord.store.models import Event


class SigningKeyMissing(Exception):
    """The record has events but the key that signs them is not where the settings say."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"the signing key file {path} is missing, and the record already has signed"
            " events: give this instance the key the others use (ACCORD_SIGNING_KEY_FILE)"
        )


class SigningKeyUnreadable(Exception):
    """The key file holds no Ed25519 private key."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"the signing key file {path} holds no Ed25519 private key in PEM")


def key_file() -> Path:
    return Path(settings.ACCORD_SIGNING_KEY_FILE)


def private_key() -> Ed25519PrivateKey:
    """The instance's key, read from its file once per process; created when the record is
    still empty and there is no file yet."""
    path = key_file()
    if not path.exists():
        _create(path)
    return loaded(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def loaded(path: Path, modified: int) -> Ed25519PrivateKey:
    """The key in ``path``, parsed once per version of the file rather than on every append."""
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except ValueError:
        raise SigningKeyUnreadable(path) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyUnreadable(path)
    return key


@transaction.atomic
def _create(path: Path) -> None:
    if Event.objects.exists():
        raise SigningKeyMissing(path)
    key = Ed25519PrivateKey.generate()
    write_key_file(path, key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))


def write_key_file(path: Path, pem: bytes) -> None:
    """Write a private key readable and writable by its owner alone, never replacing a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)


def public_pem() -> str:
    """The public key, PEM-encoded, as the instance publishes it."""
    public = private_key().public_key()
    return public.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()


def key_id() -> str:
    """The id of the instance's key, as checkpoints name it (`accord.core.merkle.key_id`)."""
    raw = private_key().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return merkle.key_id(raw)
