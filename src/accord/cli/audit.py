"""`accord audit export|verify|release`: the signed event log, published and checked."""

import argparse
import json
from pathlib import Path

from accord.cli import verify_log
from accord.cli.database import require_record
from accord.cli.errors import CommandError
from accord.core import eventlog, merkle


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    audit = commands.add_parser("audit", help="export or verify the signed event log")
    steps = audit.add_subparsers(dest="step", required=True, metavar="STEP")
    export = steps.add_parser("export", help="write the public log and the public key")
    export.add_argument("--log", type=Path, default=Path("accord-log.jsonl"))
    export.add_argument("--key", type=Path, default=Path("accord-log.pub"))
    export.add_argument(
        "--keys", type=Path, help="the key history (default: beside the key, KEY.keys.json)"
    )
    export.set_defaults(run=run_export)
    verify = steps.add_parser("verify", help="check a log file, or this instance's database")
    verify.add_argument("log", type=Path, nargs="?", help="an exported log (default: the database)")
    given = verify.add_mutually_exclusive_group()
    given.add_argument("--key", type=Path, help="the public key (default: the log's .pub file)")
    given.add_argument("--keys", type=Path, help="the key history, once the key was rotated")
    verify_log.add_beside_arguments(verify)
    verify_log.add_witness_arguments(verify)
    verify.set_defaults(run=run_verify)
    release = steps.add_parser(
        "release", help="write the sealed content of a confidential process, to publish it"
    )
    release.add_argument("--process", required=True, help="the process's short name")
    release.add_argument("--out", type=Path, default=Path("accord-release.jsonl"))
    release.set_defaults(run=run_release)


def run_export(args: argparse.Namespace) -> None:
    from accord.store import record, signing

    require_record()
    count = 0
    with args.log.open("wb") as log:
        for line in record.log_lines():
            log.write(line)
            count += not line.startswith(b"!")
    args.key.write_text(signing.public_pem())
    history = args.keys or args.key.with_suffix(".keys.json")
    history.write_text(json.dumps(signing.key_history().as_json(), indent=1) + "\n")
    print(
        f"Wrote {count} events to {args.log}, the public key to {args.key}"
        f" and the key history to {history}."
    )


def run_verify(args: argparse.Namespace) -> int:
    if args.cosignatures is not None:
        return verify_cosignatures(args)
    if args.log is None:
        require_record()
        if args.since is not None and not args.since.exists():
            raise CommandError(f"no such file: {args.since}")
        return verify_database(args.since)
    key = None if args.keys else args.key or args.log.with_suffix(".pub")
    if key is not None and not key.exists():
        raise CommandError(f"no public key at {key}; give one with --key")
    for path in [args.log, args.keys, args.released, args.since, *args.document]:
        if path is not None and not path.exists():
            raise CommandError(f"no such file: {path}")
    try:
        keys = verify_log.read_keys(key, args.keys)
    except ValueError as error:
        raise CommandError(str(error)) from None
    return verify_log.verify_with_keys(args.log, keys, args.released, args.document, args.since)


def verify_cosignatures(args: argparse.Namespace) -> int:
    """Witnesses' co-signatures, checked with the witnesses' keys given and the instance's
    keys: those given, or the database's history."""
    for path in [args.key, args.keys, args.cosignatures, *args.witness_key]:
        if path is not None and not path.exists():
            raise CommandError(f"no such file: {path}")
    if args.key is None and args.keys is None:
        from accord.store import signing

        require_record()
        keys = signing.key_history()
    else:
        try:
            keys = verify_log.read_keys(args.key, args.keys)
        except ValueError as error:
            raise CommandError(str(error)) from None
    witness_keys = [path.read_bytes() for path in args.witness_key]
    return verify_log.verify_cosignatures(args.cosignatures.read_bytes(), witness_keys, keys)


def verify_database(since: Path | None = None) -> int:
    """Verify the chain as the database holds it, then every event's columns and every
    published document against the event that vouches for it; then the Merkle tree the
    database keeps, and the record against a checkpoint kept from it (``since``)."""
    from accord.store import record, signing

    keys = signing.key_history()
    in_force = keys.keys[-1]
    if signing.key_id() != in_force.key_id:
        start = f"its rotation, event {in_force.rotation}" if in_force.rotation else "event 1"
        return verify_log.say(
            False,
            f"the signing key (id {signing.key_id()}) is not the key in force since {start}"
            f" (id {in_force.key_id}): it was replaced without a rotation event",
        )
    verdict = eventlog.verify(record.log_lines(), keys)
    if not verdict.ok:
        return verify_log.say(False, verdict.describe())
    rotations = eventlog.check_rotations(record.log_lines(), keys)
    if not rotations.ok:
        return verify_log.say(False, rotations.describe())
    for mismatch in (record.first_column_mismatch(), record.first_document_mismatch()):
        if mismatch:
            return verify_log.say(False, f"event {mismatch[0]}: {mismatch[1]}")
    differing = record.first_row_mismatch()
    if differing:
        return verify_log.say(False, differing)
    status = verify_log.say(
        True, f"{verdict.describe()}; database columns, documents and rows match"
    ) or verify_tree(keys)
    if since is not None and not status:
        status = verify_log.check_since(since.read_bytes(), keys, record.event_bodies())
    return status


def verify_tree(keys: eventlog.KeyHistory) -> int:
    """The latest checkpoint against the events, and the kept tree's consistency proof from
    every other checkpoint to it: what anyone holding a checkpoint would be served."""
    from accord.store import models, record, tree

    latest = tree.latest_checkpoint()
    if latest is None:
        return 0
    value = tree.checkpoint_value(latest)
    status = verify_log.check_since(
        json.dumps(value.as_json()).encode(), keys, record.event_bodies()
    )
    if status:
        return status
    for row in models.Checkpoint.objects.exclude(pk=latest.pk).iterator():
        older = tree.checkpoint_value(row)
        proof = [bytes.fromhex(item) for item in tree.consistency(older.size, latest.size)]
        if not merkle.verify_consistency(
            older.size, latest.size, proof, older.root_bytes(), value.root_bytes()
        ):
            return verify_log.say(
                False,
                f"checkpoint {older.size} of {older.time} is not consistent with the latest,"
                f" checkpoint {latest.size} of {value.time}",
            )
        problem = merkle.checkpoint_problem(older, *verify_log.checkpoint_key(keys, older.size))
        if problem:
            return verify_log.say(False, problem)
    return 0


def run_release(args: argparse.Namespace) -> None:
    from accord.store import models, record

    require_record()
    process = models.Process.objects.filter(slug=args.process).first()
    if process is None:
        raise CommandError(f"there is no process '{args.process}'")
    count = 0
    with args.out.open("wb") as release:
        for line in record.released_lines(process):
            release.write(line)
            count += 1
    print(f"Wrote the sealed content of {count} events of {process.slug} to {args.out}.")
