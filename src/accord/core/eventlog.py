"""The hash-chained, signed event log, and its verification.

This module is deliberately self-contained — the Python standard library plus the
`cryptography` package, nothing from accord — so that anyone holding a published log can copy
this one file and check the log on their own machine::

    python eventlog.py accord-log.jsonl --key accord-log.pub

`docs/verification.md` specifies the format and the algorithm precisely enough to reimplement.

Each event is one line of the log::

    <seq> TAB <hash> TAB <signature> TAB <body> LF

``body`` is the event as canonical JSON (keys sorted, no insignificant white space, UTF-8, no
floating-point numbers). ``hash`` is the hex SHA-256 of the previous event's raw hash (32 zero
bytes before the first event) followed by the body bytes, so each hash commits to the whole
history before it. ``signature`` is the hex Ed25519 signature of the raw hash by the instance's
key; a valid signature on an event vouches for every event up to it, so a log carries
signatures only on checkpoints (every `CHECKPOINT_EVERY`-th event) and on its last event, and
the field is empty elsewhere. Every signature present is checked.
"""

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

GENESIS = bytes(32)
# Checking a signature costs about as much as hashing 50 kB; one signature in this many
# events, and one on the last, vouch for the whole chain at a small fraction of that cost.
CHECKPOINT_EVERY = 100


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
    """The raw SHA-256 that links ``body`` to the event before it."""
    return hashlib.sha256(previous + body).digest()


def format_line(seq: int, digest: bytes, signature: bytes, body: bytes, *, last: bool) -> bytes:
    """One line of a log; the signature is written only where the format asks for one."""
    signed = last or seq % CHECKPOINT_EVERY == 0
    shown = signature.hex().encode() if signed else b""
    return b"%d\t%s\t%s\t%s\n" % (seq, digest.hex().encode(), shown, body)


@dataclass(frozen=True, slots=True)
class Line:
    seq: int
    digest: bytes
    signature: bytes
    body: bytes


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


class _Bad(Exception):
    def __init__(self, seq: int, problem: str) -> None:
        super().__init__(problem)
        self.seq, self.problem = seq, problem


def _parse(raw: bytes, expected_seq: int) -> Line:
    parts = raw.rstrip(b"\n").split(b"\t", 3)
    if len(parts) != 4:
        raise _Bad(expected_seq, "the line does not have four tab-separated fields")
    try:
        seq = int(parts[0])
        digest, signature = bytes.fromhex(parts[1].decode()), bytes.fromhex(parts[2].decode())
    except ValueError:
        raise _Bad(expected_seq, "malformed sequence number, hash or signature") from None
    if seq != expected_seq:
        raise _Bad(expected_seq, f"expected event {expected_seq} here, found event {seq}")
    return Line(seq, digest, signature, parts[3])


def _chain(raw_lines: Iterable[bytes]) -> Iterator[Line]:
    """Yield each line after checking its place and its hash; raise `_Bad` at the first fault."""
    previous = GENESIS
    for expected, raw in enumerate(raw_lines, start=1):
        line = _parse(raw, expected)
        if chain_hash(previous, line.body) != line.digest:
            raise _Bad(line.seq, "its hash does not match its content and the event before it")
        previous = line.digest
        yield line


def verify(raw_lines: Iterable[bytes], signed_by: Callable[[bytes, bytes], bool]) -> Verdict:
    """Check a whole log: order, hash chain, and every signature it carries
    (``signed_by(signature, digest)``). The verdict names the first bad event."""
    count = 0
    try:
        last: Line | None = None
        for last in _chain(raw_lines):
            count = last.seq
            _check_signature(last, signed_by)
        if last is not None and not last.signature:
            raise _Bad(last.seq, "the last event of the log carries no signature")
    except _Bad as bad:
        return Verdict(ok=False, events=count, bad_seq=bad.seq, problem=bad.problem)
    return Verdict(ok=True, events=count)


def _check_signature(line: Line, signed_by: Callable[[bytes, bytes], bool]) -> None:
    if line.seq % CHECKPOINT_EVERY == 0 and not line.signature:
        raise _Bad(line.seq, "this checkpoint event carries no signature")
    if line.signature and not signed_by(line.signature, line.digest):
        raise _Bad(line.seq, "its signature does not verify with the published key")


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
