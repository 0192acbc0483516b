"""Rotating the instance's signing key: one ``key.rotated`` event, signed by the retiring key
and by the new one, after which the new key signs (docs/verification.md, "Rotating the
key")."""

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction

from accord.actions.events import record
from accord.core import merkle
from accord.core.errors import Refusal
from accord.core.eventlog import ROTATION_KIND, rotation_note
from accord.store import chain, models, signing


@dataclass(slots=True, unsafe_hash=True)
class KeyOnToken(Refusal):
    """The key is held in a PKCS#11 token: accord rotates only a key kept in its file."""

    code = "key-on-token"


@dataclass(frozen=True, slots=True)
class Rotation:
    """What a rotation did: its event, the ids of the two keys, where the retired key is."""

    event: models.Event
    old_key_id: str
    new_key_id: str
    retired_file: str


def rotate_signing_key(*, by: User | None) -> Rotation:
    """Make a new Ed25519 key and hand the signing of the record to it: the ``key.rotated``
    event carries the two public keys and both keys' signatures of the rotation note (its
    number and the two key ids); the retiring key signs that event, the new one every event
    and checkpoint after it. The key file is replaced by the new key and the retiring key
    kept beside it (`signing.retired_file`). ``by`` is None for the instance's operator at
    the command line. Raises `KeyOnToken` when a token holds the key."""
    if settings.ACCORD_PKCS11_MODULE:
        raise KeyOnToken()
    new = Ed25519PrivateKey.generate()
    retired = None
    try:
        with transaction.atomic():
            # The tree's lock first, as checkpoints take it: no checkpoint is signed while
            # the key changes; then the chain's, which holds every other append until the
            # new key is in its file.
            models.TreeHead.objects.select_for_update().get_or_create(pk=1)
            chain.forget_head()  # the event is signed with the key read now, as the note is
            head = chain.locked_head()
            seq = head.seq + 1
            old_raw, new_raw = signing.public_raw(head.key), signing.public_raw(new)
            old_id, new_id = merkle.key_id(old_raw), merkle.key_id(new_raw)
            note = rotation_note(seq, old_id, new_id)
            event = record(
                ROTATION_KIND,
                by=by,
                process=None,
                subject=f"key:{new_id}",
                payload={
                    "old_key": old_raw.hex(),
                    "new_key": new_raw.hex(),
                    "old_signature": head.key.sign(note).hex(),
                    "new_signature": new.sign(note).hex(),
                },
            )
            if event.seq != seq:
                raise chain.HeadMoved()
            retired = signing.install_new_key(new, old_id)
            chain.forget_head()
    except BaseException:
        if retired is not None:
            signing.reinstate(retired)
        raise
    return Rotation(event, old_id, new_id, str(retired))
