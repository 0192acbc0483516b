"""`accord witness`, run as a delegation would run it on its own machine, against the demo
served as `make demo` serves it: it co-signs the demo's checkpoints once the Secretariat has
registered it, and says loudly — naming both checkpoints — when the record no longer holds."""

import json
import urllib.request

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from tests.cli.commands import accord
from tests.served_demo import demo_environment_for, served_demo

WITNESS = "Library of the Graduate Institute"


def _served(tmp_path_factory, name):
    """A demo of its own served, and the environment of commands on its database."""
    with (
        demo_environment_for(tmp_path_factory.mktemp(name)) as environment,
        served_demo(environment) as url,
    ):
        yield url, environment


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo served, and the environment of commands on its database."""
    yield from _served(tmp_path_factory, "witnessed")


def _witness(url, tmp_path):
    return accord(
        "witness",
        url,
        "--key",
        str(tmp_path / "witness.pem"),
        "--state",
        str(tmp_path / "witness.json"),
        tmp_path=tmp_path,
    )


def _on_demo(environment, *args, tmp_path):
    return accord(*args, tmp_path=tmp_path, **environment)


def _get(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        return json.loads(response.read())


def _checkpoint(url):
    return _get(f"{url}/api/v1/record/checkpoints/latest")


def test_a_registered_witness_co_signs_the_demos_checkpoints_and_holds_it_to_them(demo, tmp_path):
    url, environment = demo
    unregistered = _witness(url, tmp_path)
    public = tmp_path / "witness.pub"
    assert unregistered.stdout == (
        f"Made a witness key in {tmp_path / 'witness.pem'}; its public key is in {public}.\n"
    )
    assert unregistered.returncode == 2
    assert unregistered.stderr.startswith(
        f"accord: {url}/api/v1/record/cosignatures answered 403: No witness is registered"
        " here with the key "
    )
    assert not (tmp_path / "witness.json").exists(), "nothing kept from a refused run"

    added = _on_demo(environment, "witnesses", "add", WITNESS, str(public), tmp_path=tmp_path)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(f"Registered the witness {WITNESS}, key ")

    first = _witness(url, tmp_path)
    latest = _checkpoint(url)
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout == f"Co-signed checkpoint {latest['size']} of {latest['time']}.\n"

    # Something happens in the room (here: a second witness registered); the next run checks
    # the new checkpoint against the one kept.
    other = tmp_path / "other"
    other.mkdir()
    _witness(url, other)
    _on_demo(
        environment, "witnesses", "add", "Observer", str(other / "witness.pub"), tmp_path=tmp_path
    )
    second = _witness(url, tmp_path)
    grown = _checkpoint(url)
    assert grown["size"] == latest["size"] + 1
    assert (second.returncode, second.stdout) == (
        0,
        f"Co-signed checkpoint {grown['size']} of {grown['time']}; consistent with checkpoint"
        f" {latest['size']} of {latest['time']}.\n",
    )
    kept = _get(f"{url}/api/v1/record/cosignatures")["items"]
    assert [(c["checkpoint"], c["witness_name"]) for c in kept] == [
        (latest, WITNESS),
        (grown, WITNESS),
    ]


def _kept_state(tmp_path, **changes):
    path = tmp_path / "witness.json"
    state = json.loads(path.read_text())
    state["checkpoint"] |= changes
    path.write_text(json.dumps(state))
    return state["checkpoint"]


def test_a_record_rewritten_or_cut_short_since_the_last_run_is_named_loudly(demo, tmp_path):
    url, environment = demo
    _witness(url, tmp_path)
    _on_demo(
        environment, "witnesses", "add", "Checker", str(tmp_path / "witness.pub"), tmp_path=tmp_path
    )
    assert _witness(url, tmp_path).returncode == 0
    latest = _checkpoint(url)

    seen = _kept_state(tmp_path, root="ab" * 32)  # what a forked log would have shown us
    forked = _witness(url, tmp_path)
    assert (forked.returncode, forked.stderr) == (
        1,
        f"accord: the instance's record does not hold: checkpoint {latest['size']} of"
        f" {latest['time']} and checkpoint {seen['size']} of {seen['time']} are not"
        " consistent: the log was rewritten or forked\n",
    )

    seen = _kept_state(tmp_path, size=latest["size"] + 5)  # a longer log than is served now
    shrunk = _witness(url, tmp_path)
    assert (shrunk.returncode, shrunk.stderr) == (
        1,
        f"accord: the instance's record does not hold: checkpoint {latest['size']} of"
        f" {latest['time']} and checkpoint {seen['size']} of {seen['time']}: the log shrank,"
        " events were taken out\n",
    )

    state = tmp_path / "witness.json"
    state.write_text(json.dumps(json.loads(state.read_text()) | {"checkpoint": {"size": 1}}))
    unreadable = _witness(url, tmp_path)
    assert (unreadable.returncode, unreadable.stderr) == (
        2,
        f"accord: {state} holds no checkpoint\n",
    )


def test_an_instance_that_changed_its_key_is_named(demo, tmp_path):
    url, _ = demo
    _witness(url, tmp_path)  # unregistered: refused, and nothing kept
    other = Ed25519PrivateKey.generate().public_key()
    pem = other.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()
    (tmp_path / "witness.json").write_text(json.dumps({"instance_key": pem}))
    replaced = _witness(url, tmp_path)
    assert replaced.returncode == 1
    assert replaced.stderr.startswith(
        "accord: the instance's record does not hold: the instance now publishes another"
        " signing key than the one this witness last saw"
    )


def test_an_address_that_is_not_http_is_refused_before_anything_is_fetched(tmp_path):
    refused = accord("witness", "file:///etc/passwd", tmp_path=tmp_path)
    assert (refused.returncode, refused.stderr) == (
        2,
        "accord: give the instance's address as http(s)://…, not file:///etc/passwd\n",
    )


@pytest.fixture(scope="module")
def rotating_demo(tmp_path_factory):
    """A demo of its own, whose key the test rotates."""
    yield from _served(tmp_path_factory, "rotated")


def test_a_witness_follows_a_rotation_of_the_key_signed_by_both_keys(rotating_demo, tmp_path):
    url, environment = rotating_demo
    _witness(url, tmp_path)
    _on_demo(
        environment, "witnesses", "add", WITNESS, str(tmp_path / "witness.pub"), tmp_path=tmp_path
    )
    assert _witness(url, tmp_path).returncode == 0
    seen = _checkpoint(url)

    rotated = _on_demo(environment, "keys", "rotate", tmp_path=tmp_path)
    assert rotated.returncode == 0, rotated.stderr
    history = _get(f"{url}/api/v1/record/keys")["keys"]
    old, new = history
    seq = new["rotation_event"]
    assert (old["until_event"], new["from_event"], new["until_event"]) == (seq, seq + 1, None)
    assert rotated.stdout.startswith(
        f"Rotated the signing key at event {seq}: key {old['key_id']} is retired (kept in "
    )
    assert rotated.stdout.endswith(
        f"key {new['key_id']} signs from event {seq + 1}. Give every instance the new key file.\n"
    )

    followed = _witness(url, tmp_path)
    latest = _checkpoint(url)
    assert latest["key_id"] == new["key_id"]
    assert (followed.returncode, followed.stderr) == (0, "")
    assert followed.stdout == (
        f"Followed the rotation of the instance's key at event {seq}.\n"
        f"Co-signed checkpoint {latest['size']} of {latest['time']}; consistent with"
        f" checkpoint {seen['size']} of {seen['time']}.\n"
    )
    # The next run sees the new key as the one it saw last: nothing more to follow.
    again = _witness(url, tmp_path)
    assert again.stdout.startswith("Co-signed checkpoint ")

    # Offline, the exported log verifies with the history, and the co-signatures with the
    # witness's key.
    exported = _on_demo(
        environment,
        "audit",
        "export",
        "--log",
        str(tmp_path / "log.jsonl"),
        "--key",
        str(tmp_path / "log.pub"),
        "--keys",
        str(tmp_path / "keys.json"),
        tmp_path=tmp_path,
    )
    assert exported.returncode == 0, exported.stderr
    verified = accord(
        "audit",
        "verify",
        str(tmp_path / "log.jsonl"),
        "--keys",
        str(tmp_path / "keys.json"),
        tmp_path=tmp_path,
    )
    assert verified.stdout.splitlines()[1:] == ["ok: 1 rotation of the key verified"]
    (tmp_path / "cosignatures.json").write_text(
        json.dumps(_get(f"{url}/api/v1/record/cosignatures?limit=100"))
    )
    checked = accord(
        "audit",
        "verify",
        "--keys",
        str(tmp_path / "keys.json"),
        "--cosignatures",
        str(tmp_path / "cosignatures.json"),
        "--witness-key",
        str(tmp_path / "witness.pub"),
        tmp_path=tmp_path,
    )
    assert (checked.returncode, checked.stderr) == (0, "")
    assert checked.stdout == (
        f"ok: 2 co-signatures by 1 witness of 2 checkpoints ({seen['size']}, {latest['size']})"
        " verified\n"
    )


def _rotation_receipt(body: bytes) -> str:
    """The receipt of event 12 of the rotated log of the core's tests, under a checkpoint of
    its first 12 events signed by the key in force for it (the new one)."""
    from tests.core.test_key_rotation import HISTORY, NEW
    from tests.core.test_key_rotation import LOG as ROTATED
    from tests.core.test_merkle import _nodes

    from accord.core import merkle

    bodies = [line[65:].rstrip(b"\n") for line in ROTATED if not line.startswith(b"!")][:12]
    bodies[11] = body
    leaves = [merkle.leaf_hash(each) for each in bodies]
    root = merkle.root(12, _nodes(leaves)).hex()
    key_id = HISTORY.keys[1].key_id
    note = merkle.Checkpoint(12, root, "2026-03-01T10:00:00.000000+00:00", key_id).note()
    checkpoint = merkle.Checkpoint(
        12, root, "2026-03-01T10:00:00.000000+00:00", key_id, NEW.sign(note).hex()
    )
    proof = [item.hex() for item in merkle.inclusion_proof(11, 12, _nodes(leaves))]
    return json.dumps(merkle.Receipt(body.decode(), 11, checkpoint, proof).as_json())


@pytest.mark.parametrize(
    ("history", "forged", "problem"),
    [
        (True, False, None),
        (False, False, "it shows no key history that holds: the key history does not begin"),
        (True, True, ": event 12: its signature by the new key does not verify"),
    ],
)
def test_a_witness_follows_a_new_key_only_through_a_rotation_that_holds(
    monkeypatch, capsys, history, forged, problem
):
    from tests.core.test_key_rotation import HISTORY
    from tests.core.test_key_rotation import LOG as ROTATED

    from accord.cli import witness

    first_two = {"keys": HISTORY.as_json()["keys"][:2]}
    body = ROTATED[11][65:].rstrip(b"\n")
    if forged:
        payload = json.loads(body)["payload"]
        body = body.replace(payload["new_signature"].encode(), b"00" * 64)
    answers = {
        "/api/v1/record/keys": json.dumps(first_two if history else {"keys": []}),
        "/api/v1/record/events/12/receipt": _rotation_receipt(body),
    }
    monkeypatch.setattr(witness, "_get", lambda url: answers[url.removeprefix("https://x")])
    old, new = (key.pem().encode() for key in HISTORY.keys[:2])
    if problem is None:
        witness._follow_rotations("https://x", old, new)
        assert (
            capsys.readouterr().out == "Followed the rotation of the instance's key at event 12.\n"
        )
        return
    with pytest.raises(witness.CommandError) as raised:
        witness._follow_rotations("https://x", old, new)
    assert raised.value.status == 1
    assert raised.value.message.startswith(
        "the instance's record does not hold: the instance now publishes another signing key"
        " than the one this witness last saw ("
    )
    assert problem in raised.value.message
