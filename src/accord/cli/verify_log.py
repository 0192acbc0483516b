"""The lone verifier: check an exported accord event log, or a receipt, with nothing of accord
installed.

Copy this file, `src/accord/core/eventlog.py` and `src/accord/core/merkle.py` into one
folder; with Python 3.12 or later and the `cryptography` package, run::

    python verify_log.py accord-log.jsonl --key accord-log.pub [--released R] [--document D]
                                          [--since CHECKPOINT]
    python verify_log.py --receipt RECEIPT --key accord-log.pub

The exit status is 0 when everything checked, 1 when something did not (the first problem is
named on standard error). ``accord audit verify`` runs the same checks on the same options.
This module uses only the standard library, `eventlog` and `merkle`, so that the three files
suffice.
"""

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_pem_public_key

if __package__:
    from accord.core import eventlog, merkle
else:  # pragma: no cover - run as a copied file beside eventlog.py (tests/cli run it so)
    import eventlog  # type: ignore[import-not-found,no-redef]
    import merkle  # type: ignore[import-not-found,no-redef]


def add_beside_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that check more against a verified log: a release, published documents."""
    parser.add_argument(
        "--released", type=Path, help="content released from sealed events, to check as well"
    )
    parser.add_argument(
        "--document",
        type=Path,
        action="append",
        default=[],
        help="a published document (JSON export: clean view or consensus report) to check",
    )
    parser.add_argument(
        "--since",
        type=Path,
        help="a checkpoint you kept (JSON, as published): the log must begin with what it signed",
    )


def say(ok: bool, message: str) -> int:
    """Print what was found (on standard error when it is a problem); the exit status."""
    print(message, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def verify_with_key(
    log: Path,
    key: bytes,
    released: Path | None,
    documents: list[Path],
    since: Path | None = None,
) -> int:
    """Verify ``log`` with the public key ``key`` (PEM), then what was given beside it; say
    each finding and return the exit status."""
    verdict = eventlog.verify_file(log, eventlog.public_key_check(key))
    status = say(verdict.ok, verdict.describe())
    if status:
        return status
    if since is not None:
        with log.open("rb") as lines:
            bodies = (line[65:].rstrip(b"\n") for line in lines if not line.startswith(b"!\t"))
            status = check_since(since.read_bytes(), key, bodies)
        if status:
            return status
    for finding in eventlog.check_beside(log, released, documents):
        status = say(finding.ok, finding.describe()) or status
    return status


def key_id(pem: bytes) -> str:
    """The id checkpoints give the key in ``pem``."""
    raw = load_pem_public_key(pem).public_bytes(Encoding.Raw, PublicFormat.Raw)
    return merkle.key_id(raw)


def kept_checkpoint(raw: bytes, key: bytes) -> "merkle.Checkpoint | str":
    """The checkpoint a kept file holds, its signature checked with ``key``; else what is
    wrong with it."""
    try:
        checkpoint = merkle.Checkpoint.from_json(json.loads(raw))
    except ValueError:
        return "the kept checkpoint is not an accord checkpoint (JSON, as published)"
    return (
        merkle.checkpoint_problem(checkpoint, eventlog.public_key_check(key), key_id(key))
        or checkpoint
    )


def check_since(raw: bytes, key: bytes, bodies: "Iterable[bytes]") -> int:
    """Hold a verified log, given as its events' bodies, to a kept checkpoint; say what was
    found and return the exit status."""
    checkpoint = kept_checkpoint(raw, key)
    if isinstance(checkpoint, str):
        return say(False, checkpoint)
    problem = merkle.prefix_problem(bodies, checkpoint)
    if problem:
        return say(False, problem)
    return say(True, f"ok: consistent with checkpoint {checkpoint.size} of {checkpoint.time}")


def verify_receipt(receipt: Path, key: bytes) -> int:
    """Check a receipt with the public key ``key`` (PEM) alone; the exit status."""
    problem = merkle.receipt_problem(
        receipt.read_bytes(), eventlog.public_key_check(key), key_id(key)
    )
    if problem:
        return say(False, problem)
    value = json.loads(receipt.read_bytes())
    size = value["checkpoint"]["size"]
    return say(True, f"ok: event {value['leaf_index'] + 1} is in the log of checkpoint {size}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verify an exported accord event log.")
    parser.add_argument(
        "log", type=Path, nargs="?", help="the log, JSON Lines as exported by accord"
    )
    parser.add_argument("--key", type=Path, required=True, help="the instance's public key (PEM)")
    parser.add_argument("--receipt", type=Path, help="a receipt of an event, to check alone")
    add_beside_arguments(parser)
    args = parser.parse_args(argv)
    if args.receipt is not None:
        return verify_receipt(args.receipt, args.key.read_bytes())
    if args.log is None:
        parser.error("give a log to verify, or --receipt")
    key = args.key.read_bytes()
    return verify_with_key(args.log, key, args.released, args.document, args.since)


if __name__ == "__main__":
    sys.exit(main())
