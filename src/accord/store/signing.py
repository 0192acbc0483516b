"""The instance's signing key: kept in a file only the service reads, or in a PKCS#11 token
when one is configured — never in the database, so that someone who can write to the
database still cannot sign a rewritten log — and its public half published, with the history
of the keys that signed the record before it.

The file is ``settings.ACCORD_SIGNING_KEY_FILE``; every instance behind a load balancer is
given the same one. It is created, readable by its owner alone, the first time an instance
signs an event of an empty record; once the record has events, a missing key file is an
error rather than a reason to make a new key, which could sign nothing already written.
With ``settings.ACCORD_PKCS11_MODULE`` set, the key is the token's instead (`accord.store.token`).
"""

import functools
import os
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
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
from accord.core.eventlog import ROTATION_KIND, KeyHistory, SigningKey
from accord.store.models import Event


class Signer(Protocol):
    """What signs the record: an Ed25519 private key from the key file, or a token's."""

    def sign(self, data: bytes) -> bytes: ...

    def public_key(self) -> Ed25519PublicKey: ...


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


def private_key() -> Signer:
    """The instance's key: the token's when one is configured; else read from its file once
    per version of the file, and created when the record is still empty and there is no file
    yet."""
    if settings.ACCORD_PKCS11_MODULE:
        from accord.store import token

        return token.token_key()
    path = key_file()
    if not path.exists():
        _create(path)
    status = path.stat()
    return loaded(path, status.st_ino, status.st_mtime_ns)


@functools.lru_cache(maxsize=4)
def loaded(path: Path, inode: int, modified: int) -> Ed25519PrivateKey:
    """The key in ``path``, parsed once per version of the file (a rotation puts a new file
    in its place) rather than on every append."""
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


def public_raw(key: Signer | None = None) -> bytes:
    """The raw 32-byte public key of ``key``, by default the instance's."""
    return (key or private_key()).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id() -> str:
    """The id of the instance's key, as checkpoints name it (`accord.core.merkle.key_id`)."""
    return merkle.key_id(public_raw())


def retired_file(path: Path, retired_key_id: str) -> Path:
    """Where a rotation keeps the key file it retires: beside it, named by the key's id."""
    return path.with_name(f"{path.name}.retired-{retired_key_id[:16]}")


def install_new_key(new: Ed25519PrivateKey, retired_key_id: str) -> Path:
    """Put ``new`` in the key file, keeping the key it replaces beside it as retired
    (`retired_file`, still readable by its owner alone); the retired file's path. The key
    file is replaced in one step: there is no moment without one."""
    path = key_file()
    retired = retired_file(path, retired_key_id)
    fresh = path.with_name(f"{path.name}.new")
    fresh.unlink(missing_ok=True)  # left by a rotation that was interrupted
    write_key_file(fresh, new.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    os.link(path, retired)
    os.replace(fresh, path)
    return retired


def reinstate(retired: Path) -> None:
    """Undo `install_new_key`: the retired key is the key file again."""
    os.replace(retired, key_file())


class SigningKeyRetired(Exception):
    """The key this instance holds is not the one the record's last rotation brought in."""

    def __init__(self, held: str, in_force: str, rotation: int) -> None:
        super().__init__(
            f"this instance holds the signing key {held}, but the record is signed by the key"
            f" {in_force} since its rotation at event {rotation}: give this instance the new"
            " key file (ACCORD_SIGNING_KEY_FILE)"
        )


def key_in_force() -> Signer:
    """The instance's key, checked against the key the record's last rotation brought in (a
    rotation made through another instance, whose new key file this one has not been given
    yet); `SigningKeyRetired` when it is not that key. One indexed query."""
    key = private_key()
    last = Event.objects.filter(kind=ROTATION_KIND).order_by("-seq").values_list("seq", "payload")
    rotation = last.first()
    if rotation is not None:
        seq, payload = rotation
        held = public_raw(key)
        if payload["new_key"] != held.hex():
            in_force = merkle.key_id(bytes.fromhex(payload["new_key"]))
            raise SigningKeyRetired(merkle.key_id(held), in_force, seq)
    return key


def key_history() -> KeyHistory:
    """The instance's keys as the record's rotation events give them: the first key (the
    retiring key of the first rotation, or the key in force when there was none), then the
    key each rotation brought in, from the event after it."""
    rotations = Event.objects.filter(kind=ROTATION_KIND).order_by("seq")
    turns = list(rotations.values_list("seq", "payload"))
    if not turns:
        return KeyHistory([SigningKey(public_raw(), 1)])
    keys = [SigningKey(bytes.fromhex(turns[0][1]["old_key"]), 1)]
    keys += [SigningKey(bytes.fromhex(payload["new_key"]), seq + 1, seq) for seq, payload in turns]
    return KeyHistory(keys)
