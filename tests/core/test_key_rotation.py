"""Rotating the signing key: the verifier holds a log to the history of the instance's keys —
each signature checked with the key in force at its event, each rotation with both its keys —
and a key that came in without a rotation is named with the event it first signed."""

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from accord.core import eventlog
from accord.core.eventlog import (
    KeyHistory,
    SigningKey,
    Verdict,
    canonical,
    chain_hash,
    check_rotations,
    rotation_note,
    verify,
)

OLD, NEW, NEWEST = (Ed25519PrivateKey.generate() for _ in range(3))
ROTATIONS = {12: (OLD, NEW), 20: (NEW, NEWEST)}
EVENTS = 25


def _raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _pem(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


HISTORY = KeyHistory(
    [SigningKey(_raw(OLD), 1), SigningKey(_raw(NEW), 13, 12), SigningKey(_raw(NEWEST), 21, 20)]
)


def _rotation(seq: int, old: Ed25519PrivateKey, new: Ed25519PrivateKey) -> dict[str, str]:
    note = rotation_note(seq, SigningKey(_raw(old), 1).key_id, SigningKey(_raw(new), 1).key_id)
    return {
        "old_key": _raw(old).hex(),
        "new_key": _raw(new).hex(),
        "old_signature": old.sign(note).hex(),
        "new_signature": new.sign(note).hex(),
    }


def _bodies(rotations=ROTATIONS, count=EVENTS) -> list[bytes]:
    bodies = []
    for seq in range(1, count + 1):
        if seq in rotations:
            event = {"seq": seq, "kind": "key.rotated", "payload": _rotation(seq, *rotations[seq])}
        else:
            event = {"seq": seq, "kind": "proposal.submitted", "payload": {"proposal": seq}}
        bodies.append(canonical(event))
    return bodies


def _log(bodies: list[bytes], signer=None, rotations=frozenset(ROTATIONS)) -> list[bytes]:
    """The log of ``bodies``, each signature by the key ``signer(seq)`` gives (by default the
    key in force in HISTORY), a signature line after every rotation."""
    signer = signer or (lambda seq: {1: OLD, 13: NEW, 21: NEWEST}[HISTORY.at(seq).first])
    lines, previous = [], eventlog.GENESIS
    for seq, body in enumerate(bodies, start=1):
        digest = chain_hash(previous, body)
        lines.append(eventlog.event_line(digest, body))
        last = seq == len(bodies)
        if eventlog.needs_signature(seq, last=last, rotation=seq in rotations):
            lines.append(eventlog.signature_line(seq, digest, signer(seq).sign(digest)))
        previous = digest
    return lines


LOG = _log(_bodies())


def test_a_log_whose_key_was_rotated_verifies_with_the_key_history():
    assert [int(line.split(b"\t")[1]) for line in LOG if line.startswith(b"!")] == [12, 20, 25]
    assert verify(LOG, HISTORY) == Verdict(ok=True, events=EVENTS)
    found = check_rotations(LOG, HISTORY)
    assert found.describe() == "ok: 2 rotations of the key verified"
    assert check_rotations(LOG[:3], HISTORY).describe() == "ok: 0 rotations of the key verified"


def test_with_the_first_key_alone_the_first_signature_by_the_next_is_named():
    first = KeyHistory.single(_pem(OLD))
    assert verify(LOG, first) == Verdict(
        ok=False,
        events=20,
        bad_seq=20,
        problem="its signature does not verify with the published key",
    )
    assert check_rotations(LOG, first).describe() == (
        "event 12: it rotates the key, but the key history holds no key from the event after it"
    )


def test_a_key_put_in_place_without_a_rotation_is_named_at_the_first_event_it_signed():
    replaced = Ed25519PrivateKey.generate()
    forged = _log(_bodies(), lambda seq: replaced if seq > 20 else HISTORY_KEYS[seq])
    assert verify(forged, HISTORY).describe() == (
        "event 25: its signature does not verify with the published key"
    )


HISTORY_KEYS = {seq: OLD if seq <= 12 else NEW if seq <= 20 else NEWEST for seq in range(1, 26)}


def test_the_rotation_must_carry_the_retiring_keys_signature_line():
    stripped = [line for line in LOG if not line.startswith(b"!\t12\t")]
    assert verify(stripped, HISTORY).describe() == (
        "event 12: this rotation of the key carries no signature by the retiring key"
    )
    assert verify(LOG[:13], HISTORY) == Verdict(ok=True, events=12)


def _rotated_with(payload: dict[str, object] | None) -> list[bytes]:
    bodies = _bodies()
    event = {"seq": 12, "kind": "key.rotated"}
    bodies[11] = canonical(event if payload is None else {**event, "payload": payload})
    return _log(bodies)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"new_signature": "00" * 64}, "its signature by the new key does not verify"),
        ({"old_signature": "00" * 64}, "its signature by the retiring key does not verify"),
        ({"old_signature": "zz"}, "it rotates the key but does not carry both keys and their"),
        ({"new_key": _raw(NEWEST).hex()}, "it names other keys than the key history"),
    ],
)
def test_a_rotation_whose_keys_or_signatures_are_not_the_historys_is_named(change, problem):
    rotated = _rotated_with({**_rotation(12, OLD, NEW), **change})
    assert verify(rotated, HISTORY).ok
    found = check_rotations(rotated, HISTORY)
    assert (found.ok, found.bad_seq) == (False, 12)
    assert found.describe().startswith(f"event 12: {problem}")


def test_a_rotation_without_its_keys_is_named():
    found = check_rotations(_rotated_with(None), HISTORY)
    assert found.describe() == (
        "event 12: it rotates the key but does not carry both keys and their signatures"
    )


def test_a_history_that_names_a_rotation_the_log_does_not_hold_is_refused():
    bodies = _bodies()
    bodies[11] = canonical({"seq": 12, "kind": "note", "payload": {"kind": "key.rotated"}})
    found = check_rotations(_log(bodies), HISTORY)
    assert found.describe() == (
        "event 12: the key history says the key was rotated here, but this event is no rotation"
    )


def test_the_history_round_trips_through_its_published_json():
    published = HISTORY.as_json()
    assert [
        (key["from_event"], key["until_event"], key["rotation_event"]) for key in published["keys"]
    ] == [(1, 12, None), (13, 20, 12), (21, None, 20)]
    assert published["keys"][1]["key_id"] == SigningKey(_raw(NEW), 13).key_id
    assert published["keys"][1]["public_key"] == _pem(NEW).decode()
    again = KeyHistory.from_json(json.dumps(published).encode())
    assert again.keys == HISTORY.keys
    assert [HISTORY.at(seq).first for seq in (1, 12, 13, 20, 21, 99)] == [1, 1, 13, 13, 21, 21]
    assert HISTORY.rotations() == [12, 20]


def _published(**change: object) -> bytes:
    keys = HISTORY.as_json()["keys"]
    for at, fields in change.items():
        keys[int(at[1:])] = {**keys[int(at[1:])], **fields}  # type: ignore[dict-item]
    return json.dumps({"keys": keys}).encode()


def _ec_pem() -> str:
    key = generate_private_key(SECP256R1()).public_key()
    return key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"[]", "not an accord key history"),
        (b'{"keys": []}', "the key history does not begin with a key from event 1"),
        (_published(k0={"from_event": 2}), "the key history does not begin with a key from"),
        (_published(k0={"rotation_event": 0}), "the key history does not begin with a key from"),
        (_published(k1={"rotation_event": None}), "comes in without its rotation event"),
        (_published(k1={"from_event": 14}), "comes in without its rotation event"),
        (_published(k2={"from_event": 13, "rotation_event": 12}), "is out of order"),
        (_published(k1={"key_id": "00" * 32}), "not an accord key history"),
        (_published(k1={"from_event": "13"}), "not an accord key history"),
        (_published(k1={"rotation_event": "12"}), "not an accord key history"),
        (_published(k1={"public_key": _ec_pem()}), "not an accord key history"),
        (_published(k1={"public_key": "not a key"}), "not an accord key history"),
    ],
)
def test_a_history_that_does_not_hold_together_is_refused(raw, problem):
    with pytest.raises(ValueError, match=problem):
        KeyHistory.from_json(raw)


def test_a_single_key_must_be_ed25519():
    with pytest.raises(ValueError, match="not an Ed25519 public key"):
        KeyHistory.single(_ec_pem().encode())
    assert KeyHistory.single(_pem(OLD)).keys == (SigningKey(_raw(OLD), 1),)


def test_a_rotation_event_alone_is_checked_against_the_history():
    body = LOG[11][65:].rstrip(b"\n").decode()
    assert eventlog.rotation_event_problem(body, 12, HISTORY) is None
    no_rotation = "the key history says the key was rotated here, but this event is no rotation"
    assert eventlog.rotation_event_problem(body, 13, HISTORY) == no_rotation
    other = LOG[10][65:].rstrip(b"\n").decode()
    assert eventlog.rotation_event_problem(other, 11, HISTORY) == no_rotation
    assert eventlog.rotation_event_problem("[]", 12, HISTORY) == no_rotation
    assert eventlog.rotation_event_problem("{", 12, HISTORY) == no_rotation
    forged = body.replace(_rotation(12, OLD, NEW)["new_signature"], "00" * 64)
    assert eventlog.rotation_event_problem(forged, 12, HISTORY) == (
        "its signature by the new key does not verify"
    )
