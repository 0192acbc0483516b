"""The lone verifier: check an exported accord event log, or a receipt, with nothing of accord
installed.

Copy this file, `src/accord/core/eventlog.py` and `src/accord/core/merkle.py` into one
folder; with Python 3.12 or later and the `cryptography` package, run::

    python verify_log.py accord-log.jsonl --key accord-log.pub [--released R] [--document D]
                                          [--since CHECKPOINT]
    python verify_log.py --receipt RECEIPT --key accord-log.pub
    python verify_log.py --cosignatures COSIGNATURES --witness-key W.pub --key accord-log.pub

Once the instance has rotated its key, give its key history instead of the key
(``--keys accord-log.keys.json``, as ``GET /api/v1/record/keys`` publishes it): each signature is
then checked with the key in force at its event, and each rotation with both its keys.

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


def verify_with_keys(
    log: Path,
    keys: "eventlog.KeyHistory",
    released: Path | None,
    documents: list[Path],
    since: Path | None = None,
) -> int:
    """Verify ``log`` with the instance's keys, then what was given beside it; say each
    finding and return the exit status."""
    verdict = eventlog.verify_file(log, keys)
    status = say(verdict.ok, verdict.describe())
    if status:
        return status
    if len(keys.keys) > 1:
        with log.open("rb") as lines:
            rotations = eventlog.check_rotations(lines, keys)
        status = say(rotations.ok, rotations.describe())
        if status:
            return status
    if since is not None:
        with log.open("rb") as lines:
            bodies = (line[65:].rstrip(b"\n") for line in lines if not line.startswith(b"!\t"))
            status = check_since(since.read_bytes(), keys, bodies)
        if status:
            return status
    for finding in eventlog.check_beside(log, released, documents):
        status = say(finding.ok, finding.describe()) or status
    return status


def read_keys(key: Path | None, history: Path | None) -> "eventlog.KeyHistory":
    """The instance's keys: one public key (PEM), or the key history it publishes;
    `ValueError` saying what is wrong with the file."""
    if history is not None:
        return eventlog.KeyHistory.from_json(history.read_bytes())
    assert key is not None
    return eventlog.KeyHistory.single(key.read_bytes())


def checkpoint_key(keys: "eventlog.KeyHistory", size: int) -> "tuple[merkle.SignedBy, str]":
    """The check and the id of the key that signs a checkpoint of ``size`` events."""
    key = keys.at(size + 1)
    return key.check, key.key_id


def kept_checkpoint(raw: bytes, keys: "eventlog.KeyHistory") -> "merkle.Checkpoint | str":
    """The checkpoint a kept file holds, its signature checked with the key in force for it;
    else what is wrong with it."""
    try:
        checkpoint = merkle.Checkpoint.from_json(json.loads(raw))
    except ValueError:
        return "the kept checkpoint is not an accord checkpoint (JSON, as published)"
    check, key_id = checkpoint_key(keys, checkpoint.size)
    return merkle.checkpoint_problem(checkpoint, check, key_id) or checkpoint


def check_since(raw: bytes, keys: "eventlog.KeyHistory", bodies: "Iterable[bytes]") -> int:
    """Hold a verified log, given as its events' bodies, to a kept checkpoint; say what was
    found and return the exit status."""
    checkpoint = kept_checkpoint(raw, keys)
    if isinstance(checkpoint, str):
        return say(False, checkpoint)
    problem = merkle.prefix_problem(bodies, checkpoint)
    if problem:
        return say(False, problem)
    return say(True, f"ok: consistent with checkpoint {checkpoint.size} of {checkpoint.time}")


def verify_receipt(receipt: Path, keys: "eventlog.KeyHistory") -> int:
    """Check a receipt with the instance's public keys alone; the exit status."""
    raw = receipt.read_bytes()
    try:
        size = json.loads(raw)["checkpoint"]["size"]
        check, key_id = checkpoint_key(keys, size if isinstance(size, int) else 0)
    except (ValueError, KeyError, TypeError):
        check, key_id = keys.keys[0].check, keys.keys[0].key_id  # receipt_problem names it
    problem = merkle.receipt_problem(raw, check, key_id)
    if problem:
        return say(False, problem)
    value = json.loads(raw)
    size = value["checkpoint"]["size"]
    return say(True, f"ok: event {value['leaf_index'] + 1} is in the log of checkpoint {size}")


def verify_cosignatures(raw: bytes, witness_keys: list[bytes], keys: "eventlog.KeyHistory") -> int:
    """Check witnesses' co-signatures — one, a list, or a page of the API's — with the
    witnesses' public keys (PEM) given and the instance's keys; the exit status. Every
    co-signature must be of a checkpoint the instance signed, by one of the witnesses given,
    and verify."""
    try:
        witnesses = {key_id(pem): eventlog.public_key_check(pem) for pem in witness_keys}
    except ValueError:
        return say(False, "a witness key given is not an Ed25519 public key (PEM)")
    try:
        value = json.loads(raw)
        items = value["items"] if isinstance(value, dict) and "items" in value else value
        given = [merkle.Cosignature.from_json(_unnamed(item)) for item in _listed(items)]
    except (ValueError, KeyError, TypeError, AttributeError):
        return say(False, "not accord co-signatures (checkpoint, witness, time, signature)")
    if not given:
        return say(False, "no co-signature to check")
    for cosignature in given:
        problem = _cosignature_problem(cosignature, witnesses, keys)
        if problem:
            return say(False, problem)
    sizes = sorted({cosignature.checkpoint.size for cosignature in given})
    signers = len({cosignature.witness for cosignature in given})
    return say(
        True,
        f"ok: {_count(len(given), 'co-signature')} by {_count(signers, 'witness')}"
        f" of {_count(len(sizes), 'checkpoint')} ({', '.join(map(str, sizes))}) verified",
    )


def _count(number: int, what: str) -> str:
    plural = what + ("es" if what.endswith("s") else "s")
    return f"{number} {what if number == 1 else plural}"


def _cosignature_problem(
    cosignature: "merkle.Cosignature",
    witnesses: "dict[str, merkle.SignedBy]",
    keys: "eventlog.KeyHistory",
) -> str | None:
    checkpoint = cosignature.checkpoint
    problem = merkle.checkpoint_problem(checkpoint, *checkpoint_key(keys, checkpoint.size))
    if problem:
        return problem
    if cosignature.witness not in witnesses:
        return (
            f"the co-signature of checkpoint {checkpoint.size} is by the key"
            f" {cosignature.witness}, none of the witnesses' keys given"
        )
    return merkle.cosignature_problem(cosignature, witnesses[cosignature.witness])


def _unnamed(item: dict[str, object]) -> dict[str, object]:
    """A co-signature as the API lists it, without the witness's name (which it does not sign)."""
    return {field: value for field, value in item.items() if field != "witness_name"}


def _listed(items: object) -> list[dict[str, object]]:
    return items if isinstance(items, list) else [items]  # type: ignore[list-item]


def key_id(pem: bytes) -> str:
    """The id of the Ed25519 public key in ``pem`` (`ValueError` when it is not one)."""
    raw = load_pem_public_key(pem).public_bytes(Encoding.Raw, PublicFormat.Raw)
    return merkle.key_id(raw)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verify an exported accord event log.")
    parser.add_argument(
        "log", type=Path, nargs="?", help="the log, JSON Lines as exported by accord"
    )
    add_key_arguments(parser, required=True)
    parser.add_argument("--receipt", type=Path, help="a receipt of an event, to check alone")
    add_beside_arguments(parser)
    args = parser.parse_args(argv)
    try:
        keys = read_keys(args.key, args.keys)
    except ValueError as error:
        return say(False, str(error))
    if args.receipt is not None:
        return verify_receipt(args.receipt, keys)
    if args.cosignatures is not None:
        witness_keys = [path.read_bytes() for path in args.witness_key]
        return verify_cosignatures(args.cosignatures.read_bytes(), witness_keys, keys)
    if args.log is None:
        parser.error("give a log to verify, or --receipt, or --cosignatures")
    return verify_with_keys(args.log, keys, args.released, args.document, args.since)


def add_key_arguments(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """The instance's key, or its history; the witnesses' keys and co-signatures."""
    given = parser.add_mutually_exclusive_group(required=required)
    given.add_argument("--key", type=Path, help="the instance's public key (PEM)")
    given.add_argument(
        "--keys",
        type=Path,
        help="the instance's key history (JSON, as published), once it has rotated its key",
    )
    add_witness_arguments(parser)


def add_witness_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cosignatures",
        type=Path,
        help="witnesses' co-signatures (JSON, as published) to check with --witness-key",
    )
    parser.add_argument(
        "--witness-key",
        type=Path,
        action="append",
        default=[],
        help="a witness's public key (PEM); give one for each witness",
    )


if __name__ == "__main__":
    sys.exit(main())
