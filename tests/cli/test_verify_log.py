"""The lone verifier: `verify_log.py` with `eventlog.py` and `merkle.py` beside it, and nothing
of accord."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

# The signed logs the core's tests build, with their releases and published documents.
from tests.core.test_eventlog import (
    EVENTS,
    KEY,
    LOG,
    PROVISIONS,
    REPORT,
    _altered,
    _at,
    _bodies,
    _exported,
    _log,
    _pem,
    _published_log,
    _sealed_log,
)

from accord.cli import verify_log
from accord.core import eventlog, merkle

# Runs the copied command the way `python verify_log.py …` does, with accord made unimportable,
# so that the test fails if the two files need anything more.
WITHOUT_ACCORD = """
import runpy, sys
sys.modules["accord"] = None
sys.argv[0] = "verify_log.py"
runpy.run_path("verify_log.py", run_name="__main__")
"""


def _copy_lone_verifier(folder: Path) -> None:
    shutil.copy(eventlog.__file__, folder / "eventlog.py")
    shutil.copy(verify_log.__file__, folder / "verify_log.py")
    shutil.copy(merkle.__file__, folder / "merkle.py")


def _run_lone(tmp_path: Path, lines: list[bytes], *options: str) -> subprocess.CompletedProcess:
    (tmp_path / "log.jsonl").write_bytes(b"".join(lines))
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_ACCORD, "log.jsonl", "--key", "log.pub", *options],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_verifier_runs_as_a_lone_file_outside_accord(tmp_path: Path):
    _copy_lone_verifier(tmp_path)
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    ran = _run_lone(tmp_path, LOG)
    assert (ran.returncode, ran.stdout) == (
        0,
        f"ok: {EVENTS} events, chain and signatures verified\n",
    )
    ran = _run_lone(tmp_path, [*LOG[: _at(10)], *LOG[_at(11) :]])
    assert (ran.returncode, ran.stderr) == (1, "event 10: expected event 10 here, found event 11\n")


def test_the_verifier_command_reports_in_words(tmp_path: Path, capsys):
    (tmp_path / "log.jsonl").write_bytes(b"".join(LOG))
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    arguments = [str(tmp_path / "log.jsonl"), "--key", str(tmp_path / "log.pub")]
    assert verify_log.main(arguments) == 0
    assert capsys.readouterr().out == f"ok: {EVENTS} events, chain and signatures verified\n"
    (tmp_path / "log.jsonl").write_bytes(b"".join(LOG[1:]))
    assert verify_log.main(arguments) == 1
    assert capsys.readouterr().err == "event 1: expected event 1 here, found event 2\n"


def test_the_lone_verifier_checks_a_release_too(tmp_path: Path):
    _copy_lone_verifier(tmp_path)
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    log, release = _sealed_log()
    (tmp_path / "release.jsonl").write_bytes(b"".join(release))
    ran = _run_lone(tmp_path, log, "--released", "release.jsonl")
    assert (ran.returncode, ran.stdout) == (
        0,
        "ok: 5 events, chain and signatures verified\n"
        "ok: 2 released events match their commitments\n",
    )
    (tmp_path / "release.jsonl").write_bytes(b"".join(_altered(1, salt="f" * 32)))
    ran = _run_lone(tmp_path, log, "--released", "release.jsonl")
    assert (ran.returncode, ran.stderr) == (
        1,
        "event 4: the released content does not match the commitment the log published\n",
    )


def test_the_lone_verifier_checks_published_documents_too(tmp_path: Path):
    _copy_lone_verifier(tmp_path)
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    (tmp_path / "report.json").write_bytes(REPORT)
    (tmp_path / "rev1.json").write_bytes(_exported("clean", PROVISIONS[:2]))
    documents = ["--document", "report.json", "--document", "rev1.json"]
    ran = _run_lone(tmp_path, _published_log(), *documents)
    assert (ran.returncode, ran.stdout, ran.stderr) == (
        1,
        "ok: 3 events, chain and signatures verified\n",
        "rev1.json: the log published no version 2 of 'report' with this text\n",
    )


def _kept(bodies: list[bytes], size: int) -> bytes:
    """A checkpoint of the first ``size`` events, signed by KEY, as someone kept it."""
    frontier = merkle.Frontier()
    for body in bodies[:size]:
        frontier.append(merkle.leaf_hash(body))
    key_id = verify_log.key_id(_pem(KEY))
    unsigned = merkle.Checkpoint(size, frontier.root().hex(), "2026-03-01T10:00:00+00:00", key_id)
    signature = KEY.sign(unsigned.note()).hex()
    return json.dumps({**unsigned.as_json(), "signature": signature}).encode()


def test_the_lone_verifier_holds_a_log_to_a_checkpoint_kept_from_it(tmp_path: Path):
    _copy_lone_verifier(tmp_path)
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    bodies = _bodies(30)
    (tmp_path / "kept.json").write_bytes(_kept(bodies, 20))
    ran = _run_lone(tmp_path, _log(bodies), "--since", "kept.json")
    assert (ran.returncode, ran.stdout) == (
        0,
        "ok: 30 events, chain and signatures verified\n"
        "ok: consistent with checkpoint 20 of 2026-03-01T10:00:00+00:00\n",
    )
    # Whoever holds the key can cut the log short or rewrite it and sign it again: the chain
    # then verifies, but the checkpoint kept from the log before does not.
    ran = _run_lone(tmp_path, _log(bodies[:19]), "--since", "kept.json")
    assert (ran.returncode, ran.stderr) == (
        1,
        "the log holds 19 events, fewer than checkpoint 20 signed: it was cut short\n",
    )
    rewritten = [*bodies[:4], bodies[4].replace(b"submitted", b"withdrawn"), *bodies[5:]]
    ran = _run_lone(tmp_path, _log(rewritten), "--since", "kept.json")
    assert (ran.returncode, ran.stderr) == (
        1,
        "its first 20 events are not those checkpoint 20 signed: the log was rewritten\n",
    )
    (tmp_path / "kept.json").write_bytes(b"{}")
    ran = _run_lone(tmp_path, _log(bodies), "--since", "kept.json")
    assert (ran.returncode, ran.stderr) == (
        1,
        "the kept checkpoint is not an accord checkpoint (JSON, as published)\n",
    )


def _receipt(bodies: list[bytes], seq: int) -> dict:
    leaves = [merkle.leaf_hash(body) for body in bodies]

    def nodes(level: int, index: int) -> bytes:
        frontier = merkle.Frontier()
        for leaf in leaves[index << level : (index + 1) << level]:
            frontier.append(leaf)
        return frontier.root()

    checkpoint = json.loads(_kept(bodies, len(bodies)))
    proof = merkle.inclusion_proof(seq - 1, len(bodies), nodes)
    return {
        "event": bodies[seq - 1].decode(),
        "leaf_index": seq - 1,
        "checkpoint": checkpoint,
        "inclusion_proof": [item.hex() for item in proof],
    }


def _run_receipt(tmp_path: Path, receipt: dict) -> subprocess.CompletedProcess:
    (tmp_path / "receipt.json").write_text(json.dumps(receipt))
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_ACCORD, "--receipt", "receipt.json", "--key", "log.pub"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_lone_verifier_checks_a_receipt_with_the_public_key_alone(tmp_path: Path):
    _copy_lone_verifier(tmp_path)
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    bodies = _bodies(13)
    receipt = _receipt(bodies, 6)
    ran = _run_receipt(tmp_path, receipt)
    assert (ran.returncode, ran.stdout) == (0, "ok: event 6 is in the log of checkpoint 13\n")
    altered = {**receipt, "event": bodies[5].decode().replace("submitted", "withdrawn")}
    ran = _run_receipt(tmp_path, altered)
    assert (ran.returncode, ran.stderr) == (1, "event 6 is not proven to be in checkpoint 13\n")
    other = Ed25519PrivateKey.generate()
    (tmp_path / "log.pub").write_bytes(_pem(other))
    ran = _run_receipt(tmp_path, receipt)
    assert (ran.returncode, ran.stderr) == (
        1,
        "checkpoint 13 names another key than the published one\n",
    )


def test_the_verifier_asks_for_a_log_or_a_receipt(tmp_path: Path, capsys):
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    with pytest.raises(SystemExit):
        verify_log.main(["--key", str(tmp_path / "log.pub")])
    assert "give a log to verify, or --receipt, or --cosignatures" in capsys.readouterr().err


def test_the_lone_verifier_takes_the_key_history_of_a_rotated_log(tmp_path: Path):
    from tests.core.test_key_rotation import HISTORY
    from tests.core.test_key_rotation import LOG as ROTATED

    _copy_lone_verifier(tmp_path)
    (tmp_path / "keys.json").write_text(json.dumps(HISTORY.as_json()))
    (tmp_path / "log.pub").write_bytes(HISTORY.keys[0].pem().encode())
    ran = _run_lone(tmp_path, ROTATED, "--keys", "keys.json")
    assert ran.returncode == 2, "--key and --keys are one or the other"
    (tmp_path / "log.pub").unlink()
    (tmp_path / "log.jsonl").write_bytes(b"".join(ROTATED))
    ran = subprocess.run(
        [sys.executable, "-c", WITHOUT_ACCORD, "log.jsonl", "--keys", "keys.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (ran.returncode, ran.stdout) == (
        0,
        "ok: 25 events, chain and signatures verified\nok: 2 rotations of the key verified\n",
    )


def test_a_key_history_that_does_not_hold_together_is_named(tmp_path: Path, capsys):
    (tmp_path / "log.jsonl").write_bytes(b"".join(LOG))
    (tmp_path / "keys.json").write_text('{"keys": []}')
    arguments = [str(tmp_path / "log.jsonl"), "--keys", str(tmp_path / "keys.json")]
    assert verify_log.main(arguments) == 1
    assert capsys.readouterr().err == "the key history does not begin with a key from event 1\n"


WITNESS = Ed25519PrivateKey.generate()


def _cosigned(size: int = 13) -> dict[str, object]:
    """A checkpoint of the log's first ``size`` events, co-signed by WITNESS."""
    frontier = merkle.Frontier()
    for body in _bodies(size):
        frontier.append(merkle.leaf_hash(body))
    raw = KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    unsigned = merkle.Checkpoint(
        size, frontier.root().hex(), "2026-03-01T10:00:00.000000+00:00", merkle.key_id(raw)
    )
    checkpoint = merkle.Checkpoint(
        **{**unsigned.as_json(), "signature": KEY.sign(unsigned.note()).hex()}
    )
    witness = merkle.key_id(WITNESS.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    cosignature = merkle.Cosignature(checkpoint, witness, "2026-03-01T10:00:05.000000+00:00")
    signed = merkle.Cosignature(
        checkpoint, witness, cosignature.time, WITNESS.sign(cosignature.note()).hex()
    )
    return signed.as_json()


def _check_cosignatures(tmp_path: Path, value: object, *witnesses: Ed25519PrivateKey) -> int:
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    (tmp_path / "cosignatures.json").write_text(json.dumps(value))
    arguments = [
        "--key",
        str(tmp_path / "log.pub"),
        "--cosignatures",
        str(tmp_path / "cosignatures.json"),
    ]
    for number, witness in enumerate(witnesses):
        (tmp_path / f"w{number}.pub").write_bytes(_pem(witness))
        arguments += ["--witness-key", str(tmp_path / f"w{number}.pub")]
    return verify_log.main(arguments)


def test_the_lone_verifier_checks_witnesses_co_signatures_with_their_keys(tmp_path: Path, capsys):
    page = {"items": [_cosigned(13) | {"witness_name": "Library"}, _cosigned(20)], "next": None}
    assert _check_cosignatures(tmp_path, page, WITNESS) == 0
    assert capsys.readouterr().out == (
        "ok: 2 co-signatures by 1 witness of 2 checkpoints (13, 20) verified\n"
    )
    assert _check_cosignatures(tmp_path, _cosigned(13), WITNESS) == 0
    assert capsys.readouterr().out == (
        "ok: 1 co-signature by 1 witness of 1 checkpoint (13) verified\n"
    )


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            {"signature": "00" * 64},
            "the co-signature of checkpoint 13 does not verify with the witness's key",
        ),
        (
            {"time": "2026-03-01T11:00:00.000000+00:00"},
            "the co-signature of checkpoint 13 does not verify with the witness's key",
        ),
        (
            {"witness": "ab" * 32},
            f"the co-signature of checkpoint 13 is by the key {'ab' * 32}, none of the"
            " witnesses' keys given",
        ),
        (
            {"checkpoint": {**_cosigned()["checkpoint"], "size": 12}},
            "checkpoint 12: its signature does not verify with the key",
        ),
        ({"time": 5}, "not accord co-signatures (checkpoint, witness, time, signature)"),
    ],
)
def test_an_altered_co_signature_is_named(tmp_path: Path, capsys, change, problem):
    assert _check_cosignatures(tmp_path, [_cosigned() | change], WITNESS) == 1
    assert capsys.readouterr().err == f"{problem}\n"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ([], "no co-signature to check"),
        ("text", "not accord co-signatures (checkpoint, witness, time, signature)"),
        ({"items": [3]}, "not accord co-signatures (checkpoint, witness, time, signature)"),
    ],
)
def test_what_is_not_a_co_signature_is_named(tmp_path: Path, capsys, value, problem):
    assert _check_cosignatures(tmp_path, value, WITNESS) == 1
    assert capsys.readouterr().err == f"{problem}\n"


def test_a_witness_key_that_is_not_ed25519_is_named(tmp_path: Path, capsys):
    (tmp_path / "w.pub").write_text("not a key")
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    (tmp_path / "c.json").write_text(json.dumps(_cosigned()))
    arguments = ["--key", str(tmp_path / "log.pub"), "--cosignatures", str(tmp_path / "c.json")]
    assert verify_log.main([*arguments, "--witness-key", str(tmp_path / "w.pub")]) == 1
    assert capsys.readouterr().err == "a witness key given is not an Ed25519 public key (PEM)\n"
