"""The signed hash chain: every kind of tampering is caught, and the event is named."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import given
from hypothesis import strategies as st

from accord.core import eventlog
from accord.core.eventlog import CHECKPOINT_EVERY, Verdict, canonical, chain_hash, verify

KEY = Ed25519PrivateKey.generate()


def _pem(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


CHECK = eventlog.public_key_check(_pem(KEY))


def _bodies(count: int) -> list[bytes]:
    return [
        canonical({"seq": n, "kind": "proposal.submitted", "payload": {"proposal": n}})
        for n in range(1, count + 1)
    ]


def _log(bodies: list[bytes], key: Ed25519PrivateKey = KEY) -> list[bytes]:
    lines, previous = [], eventlog.GENESIS
    for seq, body in enumerate(bodies, start=1):
        digest = chain_hash(previous, body)
        lines.append(
            eventlog.format_line(seq, digest, key.sign(digest), body, last=seq == len(bodies))
        )
        previous = digest
    return lines


LOG = _log(_bodies(2500))


def test_an_intact_log_verifies():
    assert verify(LOG, CHECK) == Verdict(ok=True, events=2500)
    assert verify([], CHECK) == Verdict(ok=True, events=0)


def test_only_checkpoints_and_the_last_event_carry_signatures():
    signed = [int(line.split(b"\t")[0]) for line in LOG if line.split(b"\t")[2]]
    assert signed == [CHECKPOINT_EVERY, 2 * CHECKPOINT_EVERY, 2500]


def test_a_changed_event_is_named():
    tampered = list(LOG)
    tampered[41] = tampered[41].replace(b'"proposal":42', b'"proposal":43')
    verdict = verify(tampered, CHECK)
    assert (verdict.ok, verdict.bad_seq) == (False, 42)
    assert verdict.describe() == (
        "event 42: its hash does not match its content and the event before it"
    )


def test_a_deleted_event_is_named():
    verdict = verify(LOG[:9] + LOG[10:], CHECK)
    assert (verdict.bad_seq, verdict.problem) == (10, "expected event 10 here, found event 11")


def test_reordered_events_are_named():
    verdict = verify([*LOG[:9], LOG[10], LOG[9], *LOG[11:]], CHECK)
    assert (verdict.bad_seq, verdict.problem) == (10, "expected event 10 here, found event 11")


def test_an_inserted_event_is_named():
    forged = eventlog.format_line(10, b"0" * 64, b"", b'{"kind":"text.adopted"}', last=False)
    verdict = verify([*LOG[:9], forged, *LOG[9:]], CHECK)
    assert (verdict.bad_seq, verdict.problem) == (
        10,
        "its hash does not match its content and the event before it",
    )


def test_a_rewritten_chain_fails_at_the_first_signature_the_forger_could_not_make():
    bodies = _bodies(2500)
    bodies[1300] = canonical({"seq": 1301, "kind": "text.adopted", "payload": {}})
    forged = _log(bodies, key=Ed25519PrivateKey.generate())
    verdict = verify(LOG[:1300] + forged[1300:], CHECK)
    assert (verdict.bad_seq, verdict.problem) == (
        2000,
        "its signature does not verify with the published key",
    )


def test_an_altered_signature_is_named():
    seq, digest, signature, body = LOG[999].split(b"\t", 3)
    flipped = b"1" if signature.endswith(b"0") else b"0"
    altered = b"\t".join([seq, digest, signature[:-1] + flipped, body])
    verdict = verify([*LOG[:999], altered, *LOG[1000:]], CHECK)
    assert (verdict.bad_seq, verdict.problem) == (
        1000,
        "its signature does not verify with the published key",
    )


def test_a_swapped_key_is_caught_at_the_first_signature():
    verdict = verify(LOG, eventlog.public_key_check(_pem(Ed25519PrivateKey.generate())))
    assert verdict.bad_seq == CHECKPOINT_EVERY


def test_a_log_cut_short_without_its_last_signature_is_refused():
    verdict = verify(LOG[:150], CHECK)
    assert (verdict.bad_seq, verdict.problem) == (
        150,
        "the last event of the log carries no signature",
    )


def test_a_checkpoint_stripped_of_its_signature_is_refused():
    seq, digest, _, body = LOG[999].split(b"\t", 3)
    verdict = verify([*LOG[:999], b"\t".join([seq, digest, b"", body]), *LOG[1000:]], CHECK)
    assert (verdict.bad_seq, verdict.problem) == (
        1000,
        "this checkpoint event carries no signature",
    )


@pytest.mark.parametrize("line", [b"garbage\n", b"x\t00\t\t{}\n", b"1\t2\t3\n"])
def test_malformed_lines_are_named(line):
    assert verify([line], CHECK) == Verdict(
        ok=False,
        events=1,
        bad_seq=1,
        problem="the line is not SEQ, HASH, SIGNATURE and BODY separated by tabs",
    )


def test_a_last_line_without_its_line_feed_no_longer_hashes_to_its_hash():
    verdict = verify([*LOG[:-1], LOG[-1].rstrip(b"\n")], CHECK)
    assert (verdict.bad_seq, verdict.problem) == (
        2500,
        "its hash does not match its content and the event before it",
    )


def test_a_signature_that_is_not_hexadecimal_is_named():
    seq, digest, _, body = LOG[999].split(b"\t", 3)
    verdict = verify([*LOG[:999], b"\t".join([seq, digest, b"zz", body]), *LOG[1000:]], CHECK)
    assert (verdict.bad_seq, verdict.problem) == (1000, "its signature is not hexadecimal")


def test_a_key_that_is_not_ed25519_is_refused():
    from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key

    pem = (
        generate_private_key(SECP256R1())
        .public_key()
        .public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(ValueError, match="not an Ed25519 public key"):
        eventlog.public_key_check(pem)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=8), json_values, max_size=6))
def test_the_same_content_gives_the_same_bytes_whatever_the_key_order(value):
    reordered = dict(reversed(list(value.items())))
    assert canonical(value) == canonical(reordered)


@given(
    st.dictionaries(st.text(max_size=8), json_values, min_size=1, max_size=6),
    st.dictionaries(st.text(max_size=8), json_values, min_size=1, max_size=6),
)
def test_different_content_gives_a_different_hash(a, b):
    if a != b:
        assert chain_hash(eventlog.GENESIS, canonical(a)) != chain_hash(
            eventlog.GENESIS, canonical(b)
        )


@pytest.mark.parametrize("value", [{"a": 1.5}, {"a": [1, {"b": 0.1}]}])
def test_floats_are_refused_because_their_text_is_not_canonical(value):
    with pytest.raises(TypeError, match="float"):
        canonical(value)


def test_the_verifier_runs_as_a_lone_file_outside_accord(tmp_path: Path):
    shutil.copy(eventlog.__file__, tmp_path / "verify.py")
    (tmp_path / "log.jsonl").write_bytes(b"".join(LOG))
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    ran = subprocess.run(
        [sys.executable, "-I", "verify.py", "log.jsonl", "--key", "log.pub"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (ran.returncode, ran.stdout) == (0, "ok: 2500 events, chain and signatures verified\n")
    (tmp_path / "log.jsonl").write_bytes(b"".join(LOG[:9] + LOG[10:]))
    ran = subprocess.run(
        [sys.executable, "-I", "verify.py", "log.jsonl", "--key", "log.pub"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (ran.returncode, ran.stderr) == (1, "event 10: expected event 10 here, found event 11\n")


def test_the_verifier_command_reports_in_words(tmp_path: Path, capsys):
    (tmp_path / "log.jsonl").write_bytes(b"".join(LOG))
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    arguments = [str(tmp_path / "log.jsonl"), "--key", str(tmp_path / "log.pub")]
    assert eventlog.main(arguments) == 0
    assert capsys.readouterr().out == "ok: 2500 events, chain and signatures verified\n"
    (tmp_path / "log.jsonl").write_bytes(b"".join(LOG[1:]))
    assert eventlog.main(arguments) == 1
    assert capsys.readouterr().err == "event 1: expected event 1 here, found event 2\n"
