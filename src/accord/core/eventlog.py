"""The hash-chained, signed event log, and its verification.

This module is deliberately self-contained — the Python standard library plus the
`cryptography` package, nothing from accord — so that anyone holding a published log can copy
this one file and check the log on their own machine::

    python eventlog.py accord-log.jsonl --key accord-log.pub

`docs/verification.md` specifies the format and the algorithm precisely enough to reimplement.

Each event is one line of the log::

    <seq> TAB <hash> TAB <signature> TAB <body> LF

``body`` is the event as canonical JSON (keys sorted, no insignificant white space, UTF-8, no
floating-point numbers). ``hash`` is the hex SHA-256 of the previous event's hash (64 zeros
before the first event), the body and the line feed, so each hash commits to the whole history
before it. ``signature`` is the hex Ed25519 signature of the hash (its 64 ASCII hex digits) by
the instance's key; a valid signature on an event vouches for every event up to it, so a log carries
signatures only on checkpoints (every `CHECKPOINT_EVERY`-th event) and on its last event, and
the field is empty elsewhere. Every signature present is checked.
"""

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

# The hash that stands before the first event.
GENESIS = b"0" * 64
# Checking a signature costs about as much as hashing 50 kB; one signature in this many
# events, and one on the last, vouch for the whole chain at a small fraction of that cost.
CHECKPOINT_EVERY = 1000


def canonical(value: Mapping[str, Any]) -> bytes:
    """The canonical JSON bytes of ``value``: same content, same bytes.

    Floating-point numbers are refused, because their text form is not canonical; so is
    anything JSON cannot hold.
    """
    _check_no_floats(dict(value))
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _check_no_floats(value: object) -> None:
    if isinstance(value, float):
        raise TypeError("not allowed in an event: float")
    if isinstance(value, dict):
        for item in value.values():
            _check_no_floats(item)
    elif isinstance(value, list):
        for item in value:
            _check_no_floats(item)


def chain_hash(previous: bytes, body: bytes) -> bytes:
    """The hash (64 hex digits, as ASCII bytes) that links ``body`` to the previous hash.

    The hashed bytes are the previous hash, the body and the line feed that ends the body's
    line — exactly the bytes a verifier already holds, so it never has to copy or convert.
    """
    return hashlib.sha256(previous + body + b"\n").hexdigest().encode()


def commitment(salt: str, sealed: bytes) -> str:
    """The commitment a sealed event publishes: hex SHA-256 of its salt (as text) and content.

    The salt keeps a guessable content (a short position, a known name) from being found by
    hashing candidates; releasing salt and content later lets anyone check them against it.
    """
    return hashlib.sha256(salt.encode() + sealed).hexdigest()


def format_line(seq: int, digest: bytes, signature: bytes, body: bytes, *, last: bool) -> bytes:
    """One line of a log; the signature is written only where the format asks for one."""
    signed = last or seq % CHECKPOINT_EVERY == 0
    return b"%d\t%s\t%s\t%s\n" % (seq, digest, signature.hex().encode() if signed else b"", body)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What verification found: ``ok``, how many events were read, and — when not ok — the
    sequence number of the first bad event and what is wrong with it."""

    ok: bool
    events: int
    bad_seq: int | None = None
    problem: str | None = None

    def describe(self) -> str:
        if self.ok:
            return f"ok: {self.events} events, chain and signatures verified"
        return f"event {self.bad_seq}: {self.problem}"


def verify(raw_lines: Iterable[bytes], signed_by: Callable[[bytes, bytes], bool]) -> Verdict:
    """Check a whole log: order, hash chain, and every signature it carries
    (``signed_by(signature, hash)``). The verdict names the first bad event.

    This loop is the hot path of verifying millions of events, so it only splits, hashes and
    compares; the sequence number is read only to explain a mismatch.
    """
    sha256, previous, seq, signature = hashlib.sha256, GENESIS, 0, b""
    for seq, raw in enumerate(raw_lines, start=1):
        fields = raw.split(b"\t", 3)
        if len(fields) != 4:
            return _bad(seq, MALFORMED)
        if sha256(previous + fields[3]).hexdigest().encode() != fields[1]:
            return _bad(seq, _mismatch(seq, fields[0]))
        previous, signature = fields[1], fields[2]
        if signature or not seq % CHECKPOINT_EVERY:
            problem = _signature_problem(signature, previous, signed_by)
            if problem:
                return _bad(seq, problem)
    if seq and not signature:
        return _bad(seq, "the last event of the log carries no signature")
    return Verdict(ok=True, events=seq)


MALFORMED = "the line is not SEQ, HASH, SIGNATURE and BODY separated by tabs"


def _bad(seq: int, problem: str) -> Verdict:
    return Verdict(ok=False, events=seq, bad_seq=seq, problem=problem)


def _mismatch(seq: int, found: bytes) -> str:
    """Why a line's hash does not follow: a missing, extra or moved event, or changed bytes."""
    if not found.isdigit():
        return MALFORMED
    if int(found) != seq:
        return f"expected event {seq} here, found event {int(found)}"
    return "its hash does not match its content and the event before it"


def _signature_problem(
    signature: bytes, digest: bytes, signed_by: Callable[[bytes, bytes], bool]
) -> str | None:
    if not signature:
        return "this checkpoint event carries no signature"
    try:
        raw = bytes.fromhex(signature.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return "its signature is not hexadecimal"
    if not signed_by(raw, digest):
        return "its signature does not verify with the published key"
    return None


def public_key_check(pem: bytes) -> Callable[[bytes, bytes], bool]:
    """A ``signed_by`` function for the Ed25519 public key in ``pem``."""
    key = load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("the published key is not an Ed25519 public key")

    def signed_by(signature: bytes, digest: bytes) -> bool:
        try:
            key.verify(signature, digest)
        except InvalidSignature:
            return False
        return True

    return signed_by


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verify an exported accord event log.")
    parser.add_argument("log", type=Path, help="the log, JSON Lines as exported by accord")
    parser.add_argument("--key", type=Path, required=True, help="the instance's public key (PEM)")
    args = parser.parse_args(argv)
    with args.log.open("rb") as log:
        verdict = verify(log, public_key_check(args.key.read_bytes()))
    print(verdict.describe(), file=sys.stdout if verdict.ok else sys.stderr)
    return 0 if verdict.ok else 1


if __name__ == "__main__":
    sys.exit(main())
