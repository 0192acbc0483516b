"""`accord keys rotate|history`: the instance's signing key handed to a new key, recorded in
the log and signed by both; and the history of the keys that signed the record."""

import argparse
import json
from pathlib import Path

from accord.cli.errors import CommandError


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    keys = commands.add_parser("keys", help="rotate the signing key; its public history")
    steps = keys.add_subparsers(dest="step", required=True, metavar="STEP")
    rotate = steps.add_parser(
        "rotate", help="make a new signing key and record the rotation, signed by both keys"
    )
    rotate.set_defaults(run=run_rotate)
    history = steps.add_parser("history", help="write the key history, as published (JSON)")
    history.add_argument("--out", type=Path, default=Path("accord-keys.json"))
    history.set_defaults(run=run_history)


def run_rotate(args: argparse.Namespace) -> None:
    from accord.actions.keys import rotate_signing_key
    from accord.cli.database import require_record
    from accord.core.errors import Refusal
    from accord.words.refusals import explain

    require_record()
    try:
        rotation = rotate_signing_key(by=None)
    except Refusal as refusal:
        raise CommandError(explain(refusal)) from None
    print(
        f"Rotated the signing key at event {rotation.event.seq}: key {rotation.old_key_id}"
        f" is retired (kept in {rotation.retired_file}), key {rotation.new_key_id} signs from"
        f" event {rotation.event.seq + 1}. Give every instance the new key file."
    )


def run_history(args: argparse.Namespace) -> None:
    from accord.cli.database import require_record
    from accord.store import signing

    require_record()
    history = signing.key_history()
    args.out.write_text(json.dumps(history.as_json(), indent=1) + "\n")
    print(f"Wrote the history of {len(history.keys)} signing keys to {args.out}.")
