"""Rotating the signing key on a running record: a ``key.rotated`` event signed by both keys,
the new key signing every event and checkpoint after it, the history published and checked;
and a key put in place without a rotation, named by the verifiers."""

import json
import stat
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from accord import cli
from accord.actions.events import record as record_event
from accord.actions.keys import KeyOnToken, rotate_signing_key
from accord.cli import verify_log
from accord.core import eventlog, merkle
from accord.store import chain, models, record, signing, tree

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def key_file(settings, tmp_path):
    """A key file of the test's own, which a rotation may replace."""
    settings.ACCORD_SIGNING_KEY_FILE = tmp_path / "keys" / "signing-key.pem"
    chain._last_written.clear()
    yield settings.ACCORD_SIGNING_KEY_FILE
    chain._last_written.clear()


def _append(count: int) -> None:
    for _ in range(count):
        record_event("test.recorded", by=None, process=None, subject="s", payload={})


def _raw() -> bytes:
    return signing.public_raw()


def _signed_by(raw: bytes, seq: int) -> bool:
    event = models.Event.objects.get(seq=seq)
    check = eventlog.SigningKey(raw, 1).check
    return check(bytes.fromhex(event.signature), event.digest.encode())


def test_a_rotation_hands_signing_to_a_new_key_and_both_keys_sign_it(key_file, capsys):
    _append(3)
    before = tree.sign_checkpoint(NOW)
    old = _raw()
    old_pem = key_file.read_bytes()

    rotation = rotate_signing_key(by=None)

    new = _raw()
    assert new != old
    event = rotation.event
    assert (event.seq, event.kind, event.actor, event.process) == (4, "key.rotated", None, None)
    assert event.payload["old_key"] == old.hex()
    assert event.payload["new_key"] == new.hex()
    note = eventlog.rotation_note(4, merkle.key_id(old), merkle.key_id(new))
    assert eventlog.SigningKey(old, 1).check(bytes.fromhex(event.payload["old_signature"]), note)
    assert eventlog.SigningKey(new, 1).check(bytes.fromhex(event.payload["new_signature"]), note)
    assert (rotation.old_key_id, rotation.new_key_id) == (merkle.key_id(old), merkle.key_id(new))
    retired = key_file.with_name(f"signing-key.pem.retired-{merkle.key_id(old)[:16]}")
    assert rotation.retired_file == str(retired)
    assert retired.read_bytes() == old_pem
    assert stat.S_IMODE(retired.stat().st_mode) == stat.S_IMODE(key_file.stat().st_mode) == 0o600

    _append(2)
    after = tree.sign_checkpoint(NOW + timedelta(minutes=1))
    assert (before.size, before.key_id) == (3, merkle.key_id(old))
    assert (after.size, after.key_id) == (6, merkle.key_id(new))
    assert [_signed_by(old, seq) for seq in range(1, 7)] == [True] * 4 + [False] * 2
    assert [_signed_by(new, seq) for seq in range(1, 7)] == [False] * 4 + [True] * 2

    history = signing.key_history()
    assert history.keys == (eventlog.SigningKey(old, 1), eventlog.SigningKey(new, 5, 4))
    lines = list(record.log_lines())
    assert [line.split(b"\t")[1] for line in lines if line.startswith(b"!")] == [b"4", b"6"]
    assert eventlog.verify(lines, history) == eventlog.Verdict(ok=True, events=6)
    assert eventlog.check_rotations(lines, history).ok
    capsys.readouterr()
    assert cli.main(["audit", "verify"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "ok: 6 events, chain and signatures verified; database columns, documents and rows match"
    )


def test_receipts_and_checkpoints_from_before_and_after_verify_with_the_history(
    key_file, tmp_path, capsys
):
    _append(3)
    kept = tree.checkpoint_value(tree.sign_checkpoint(NOW))
    early = tree.receipt(models.Event.objects.get(seq=2), NOW)
    rotate_signing_key(by=None)
    _append(2)
    tree.sign_checkpoint(NOW + timedelta(minutes=1))
    late = tree.receipt(models.Event.objects.get(seq=2), NOW + timedelta(minutes=1))
    assert (early.checkpoint.size, late.checkpoint.size) == (3, 6)
    history = signing.key_history()
    (tmp_path / "kept.json").write_text(json.dumps(kept.as_json()))
    for name, receipt in (("early", early), ("late", late)):
        (tmp_path / f"{name}.json").write_text(json.dumps(receipt.as_json()))
        assert verify_log.verify_receipt(tmp_path / f"{name}.json", history) == 0
    assert capsys.readouterr().out.splitlines() == [
        "ok: event 2 is in the log of checkpoint 3",
        "ok: event 2 is in the log of checkpoint 6",
    ]
    # With the newest key alone, the receipt of before the rotation no longer verifies.
    newest = eventlog.KeyHistory([eventlog.SigningKey(history.keys[-1].public, 1)])
    assert verify_log.verify_receipt(tmp_path / "early.json", newest) == 1
    assert capsys.readouterr().err == "checkpoint 3 names another key than the published one\n"
    assert cli.main(["audit", "verify", "--since", str(tmp_path / "kept.json")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "ok: consistent with checkpoint 3 of 2026-03-01T10:00:00.000000+00:00"
    )


def test_the_exported_log_and_history_verify_offline_and_a_replaced_key_is_named(
    key_file, tmp_path, capsys, monkeypatch
):
    _append(3)
    rotate_signing_key(by=None)
    _append(1)
    log, pub, keys = (tmp_path / name for name in ("log.jsonl", "log.pub", "keys.json"))
    export = ["audit", "export", "--log", str(log), "--key", str(pub), "--keys", str(keys)]
    assert cli.main(export) == 0
    published = keys.read_bytes()
    assert json.loads(published) == signing.key_history().as_json()
    capsys.readouterr()
    assert verify_log.main([str(log), "--keys", str(keys)]) == 0
    assert capsys.readouterr().out == (
        "ok: 5 events, chain and signatures verified\nok: 1 rotation of the key verified\n"
    )
    # The single key of today verifies nothing signed before the rotation.
    assert verify_log.main([str(log), "--key", str(pub)]) == 1
    assert (
        capsys.readouterr().err == "event 4: its signature does not verify with the published key\n"
    )

    # Someone with access to the server puts a key of their own in the file, and takes out
    # the instance's refusal to sign with a key no rotation brought in.
    key_file.unlink()
    key_file.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()
        )
    )
    chain.forget_head()
    with pytest.raises(signing.SigningKeyRetired):
        _append(1)
    monkeypatch.setattr(signing, "key_in_force", signing.private_key)
    _append(2)
    forged = tree.checkpoint_value(tree.sign_checkpoint(NOW))
    assert cli.main(["audit", "verify"]) == 1
    history = eventlog.KeyHistory.from_json(published)
    assert capsys.readouterr().err == (
        f"the signing key (id {signing.key_id()}) is not the key in force since its rotation,"
        f" event 4 (id {history.keys[1].key_id}): it was replaced without a rotation event\n"
    )
    assert cli.main(export) == 0
    capsys.readouterr()
    keys.write_bytes(published)  # the history its readers kept
    assert verify_log.main([str(log), "--keys", str(keys)]) == 1
    assert capsys.readouterr().err == (
        "event 7: its signature does not verify with the published key\n"
    )
    (tmp_path / "forged.json").write_text(json.dumps(forged.as_json()))
    assert verify_log.kept_checkpoint((tmp_path / "forged.json").read_bytes(), history) == (
        "checkpoint 7 names another key than the published one"
    )


def test_a_key_replaced_before_any_rotation_is_named_at_the_first_signature(key_file, capsys):
    _append(3)
    key_file.unlink()
    key_file.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()
        )
    )
    chain.forget_head()
    assert cli.main(["audit", "verify"]) == 1
    assert capsys.readouterr().err == (
        "event 3: its signature does not verify with the published key\n"
    )


def test_a_rotation_that_fails_leaves_the_key_file_and_records_nothing(key_file, monkeypatch):
    _append(2)
    before = key_file.read_bytes()

    def interrupted() -> None:
        raise RuntimeError("the machine stopped")

    monkeypatch.setattr(chain, "forget_head", interrupted)
    with pytest.raises(RuntimeError):
        rotate_signing_key(by=None)
    assert key_file.read_bytes() == before
    assert sorted(path.name for path in key_file.parent.iterdir()) == ["signing-key.pem"]
    assert not models.Event.objects.filter(kind="key.rotated").exists()
    assert models.Event.objects.count() == 2


def test_a_key_held_in_a_token_is_not_rotated_here(key_file, settings):
    _append(1)
    settings.ACCORD_PKCS11_MODULE = "/nowhere/libpkcs11.so"
    with pytest.raises(KeyOnToken):
        rotate_signing_key(by=None)
    assert models.Event.objects.count() == 1
    assert sorted(path.name for path in key_file.parent.iterdir()) == ["signing-key.pem"]


def test_the_history_is_published_by_the_api_and_on_the_checkpoints_page(key_file, client):
    _append(2)
    old = merkle.key_id(_raw())
    rotate_signing_key(by=None)
    new = merkle.key_id(_raw())
    answer = client.get("/api/v1/record/keys").json()
    assert [
        (key["key_id"], key["from_event"], key["until_event"], key["rotation_event"])
        for key in answer["keys"]
    ] == [(old, 1, 3, None), (new, 4, None, 3)]
    assert answer == signing.key_history().as_json()
    assert answer["keys"][1]["public_key"] == signing.public_pem()
    page = client.get("/record/checkpoints/").content.decode()
    for key_id in (old, new):
        assert f"<td><code>{key_id}</code></td>" in page
    assert "<td>in force</td>" in page
    assert '<tr id="key-2">' in page
    assert signing.public_pem().strip() in page


def test_without_a_rotation_the_history_is_the_one_key(key_file, client):
    _append(1)
    answer = client.get("/api/v1/record/keys").json()
    assert answer == {
        "keys": [
            {
                "key_id": signing.key_id(),
                "public_key": signing.public_pem(),
                "from_event": 1,
                "until_event": None,
                "rotation_event": None,
            }
        ]
    }
    assert signing.public_raw() == signing.private_key().public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw
    )


def test_an_instance_still_holding_the_retired_key_refuses_to_sign(key_file, capsys):
    _append(2)
    retired_pem = key_file.read_bytes()
    old = merkle.key_id(_raw())
    rotation = rotate_signing_key(by=None)
    # Another instance, not yet given the new key file, still holds the retired key.
    key_file.unlink()
    key_file.write_bytes(retired_pem)
    chain.forget_head()
    before = models.Event.objects.count()
    with pytest.raises(signing.SigningKeyRetired) as raised:
        _append(1)
    assert str(raised.value) == (
        f"this instance holds the signing key {old}, but the record is signed by the key"
        f" {rotation.new_key_id} since its rotation at event 3: give this instance the new"
        " key file (ACCORD_SIGNING_KEY_FILE)"
    )
    with pytest.raises(signing.SigningKeyRetired):
        tree.sign_checkpoint(NOW)
    assert models.Event.objects.count() == before
    assert not models.Checkpoint.objects.exists()
