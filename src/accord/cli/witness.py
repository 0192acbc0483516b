"""`accord witness URL`: keep an instance to its record from the outside — fetch its latest
checkpoint, check it against the last one seen, co-sign it and post the co-signature back —
and `accord witnesses add|list`, the Secretariat's register of who does.

A witness needs nothing of the instance but its public pages: it runs on the machine of a
delegation, an observer or a library, with a key of its own. Its state file keeps the
instance's public key as last seen and the last checkpoint checked; a later run that finds
another key the instance's key history does not lead to through rotation events signed by
both keys, a smaller log or a tree that does not extend the one kept says so, names both
checkpoints and exits with status 1 (docs/verification.md, "Witnesses").
"""

import argparse
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)

from accord.cli.errors import CommandError
from accord.core import merkle
from accord.core.eventlog import KeyHistory, public_key_check, rotation_event_problem

TIMEOUT = 30  # seconds for each request to the instance


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    witness = commands.add_parser(
        "witness", help="check an instance's latest checkpoint against the last seen; co-sign it"
    )
    witness.add_argument("url", help="the instance's address, e.g. https://accord.example.org")
    witness.add_argument(
        "--key", type=Path, default=Path("accord-witness.pem"), help="this witness's key"
    )
    witness.add_argument(
        "--state",
        type=Path,
        default=Path("accord-witness.json"),
        help="what this witness saw last (the instance's key, the last checkpoint)",
    )
    witness.set_defaults(run=run_witness, django=False)
    register = commands.add_parser("witnesses", help="register the witnesses of this instance")
    steps = register.add_subparsers(dest="step", required=True, metavar="STEP")
    add = steps.add_parser("add", help="register a witness by its public key file")
    add.add_argument("name", help="who runs it, as the public will read it")
    add.add_argument("public_key", type=Path, help="the .pub file `accord witness` wrote")
    add.set_defaults(run=run_add)
    listed = steps.add_parser("list", help="the registered witnesses and their key ids")
    listed.set_defaults(run=run_list)


def run_witness(args: argparse.Namespace) -> int:
    base = args.url.rstrip("/")
    if urllib.parse.urlsplit(base).scheme not in ("http", "https"):
        raise CommandError(f"give the instance's address as http(s)://…, not {args.url}")
    key = _witness_key(args.key)
    state = _read_state(args.state)
    published = _get(f"{base}/record/public-key.pem").encode()
    kept_key = state.get("instance_key", published.decode()).encode()
    if kept_key != published:
        _follow_rotations(base, kept_key, published)
    answer = json.loads(_get(f"{base}/api/v1/record/checkpoints/latest"))
    latest = _checkpoint(answer, "the instance answered with what is not a checkpoint")
    problem = merkle.checkpoint_problem(latest, public_key_check(published), _key_id(published))
    if problem:
        raise _inconsistent(problem)
    seen = state.get("checkpoint")
    older = _checkpoint(seen, f"{args.state} holds no checkpoint") if seen else None
    if older is not None:
        proof: list[bytes] = []
        if older.size <= latest.size:
            query = urllib.parse.urlencode({"first": older.size, "second": latest.size})
            proved = json.loads(_get(f"{base}/api/v1/record/consistency?{query}"))
            proof = [bytes.fromhex(item) for item in proved["proof"]]
        problem = merkle.consistency_problem(older, latest, proof)
        if problem:
            raise _inconsistent(problem)
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    unsigned = merkle.Cosignature(latest, merkle.key_id(raw), _now())
    signed = merkle.Cosignature(
        latest, unsigned.witness, unsigned.time, key.sign(unsigned.note()).hex()
    )
    _post(f"{base}/api/v1/record/cosignatures", signed.as_json())
    _write_state(args.state, {"instance_key": published.decode(), "checkpoint": latest.as_json()})
    since = f"; consistent with checkpoint {older.size} of {older.time}" if older else ""
    print(f"Co-signed checkpoint {latest.size} of {latest.time}{since}.")
    return 0


def _follow_rotations(base: str, kept_key: bytes, published: bytes) -> None:
    """Accept the key the instance now publishes only if its key history leads to it from
    the key this witness saw last, through rotation events that a receipt proves in the log
    and that carry both keys' signatures; say which were followed."""
    changed = (
        "the instance now publishes another signing key than the one this witness last"
        f" saw ({_key_id(kept_key)[:16]}…, now {_key_id(published)[:16]}…)"
    )
    try:
        history = KeyHistory.from_json(_get(f"{base}/api/v1/record/keys").encode())
    except (ValueError, CommandError) as error:
        raise _inconsistent(f"{changed}, and it shows no key history that holds: {error}") from None
    ids = [key.key_id for key in history.keys]
    if _key_id(kept_key) not in ids or ids[-1] != _key_id(published):
        raise _inconsistent(f"{changed}, and its key history does not lead from one to the other")
    for key in history.keys[ids.index(_key_id(kept_key)) + 1 :]:
        assert key.rotation is not None  # every key after the first came in by a rotation
        receipt = _get(f"{base}/api/v1/record/events/{key.rotation}/receipt")
        try:
            size = json.loads(receipt)["checkpoint"]["size"]
            signer = history.at(int(size) + 1)
            event = json.loads(receipt)["event"]
        except (ValueError, KeyError, TypeError):
            raise _inconsistent(f"the receipt of event {key.rotation} is no receipt") from None
        problem = merkle.receipt_problem(
            receipt.encode(), signer.check, signer.key_id
        ) or rotation_event_problem(event, key.rotation, history)
        if problem:
            raise _inconsistent(f"{changed}: event {key.rotation}: {problem}")
        print(f"Followed the rotation of the instance's key at event {key.rotation}.")


def _inconsistent(problem: str) -> CommandError:
    """The loud failure: the record the instance serves does not hold (exit status 1)."""
    return CommandError(f"the instance's record does not hold: {problem}", status=1)


def _witness_key(path: Path) -> Ed25519PrivateKey:
    """This witness's key; made on the first run, with its public half beside it for the
    Secretariat to register."""
    if not path.exists():
        made = Ed25519PrivateKey.generate()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(made.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
        public = path.with_suffix(".pub")
        public.write_bytes(
            made.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
        )
        print(f"Made a witness key in {path}; its public key is in {public}.")
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except ValueError:
        raise CommandError(f"{path} holds no private key in PEM") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise CommandError(f"{path} holds no Ed25519 private key")
    return key


def _key_id(pem: bytes) -> str:
    try:
        public = load_pem_public_key(pem)
    except ValueError:
        raise CommandError("the instance's public key is not a PEM public key") from None
    return merkle.key_id(public.public_bytes(Encoding.Raw, PublicFormat.Raw))


def _checkpoint(value: Any, otherwise: str) -> merkle.Checkpoint:
    """The checkpoint ``value`` holds; ``otherwise`` says what went wrong when it holds none."""
    try:
        return merkle.Checkpoint.from_json(value)
    except ValueError:
        raise CommandError(otherwise) from None


def _read_state(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        state = json.loads(path.read_text())
    except ValueError:
        raise CommandError(f"{path} is not a witness's state file") from None
    if not isinstance(state, dict):
        raise CommandError(f"{path} is not a witness's state file")
    return state


def _write_state(path: Path, state: dict[str, Any]) -> None:
    """Replace the state file whole, so that an interrupted run leaves the previous one."""
    written = path.with_name(path.name + ".new")
    written.write_text(json.dumps(state, indent=2, sort_keys=True) + "\n")
    written.replace(path)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _get(url: str) -> str:
    # Every address here starts with the base run_witness checked to be http(s).
    return _exchange(urllib.request.Request(url, headers={"Accept": "*/*"}))  # noqa: S310


def _post(url: str, value: dict[str, Any]) -> str:
    request = urllib.request.Request(  # noqa: S310 - as in _get
        url,
        data=json.dumps(value).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    return _exchange(request)


def _exchange(request: urllib.request.Request) -> str:
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            body: bytes = response.read()
            return body.decode()
    except urllib.error.HTTPError as error:
        detail = _detail(error.read())
        raise CommandError(f"{request.full_url} answered {error.code}: {detail}") from None
    except (urllib.error.URLError, OSError) as error:
        raise CommandError(f"cannot reach {request.full_url}: {error}") from None


def _detail(body: bytes) -> str:
    try:
        detail: object = json.loads(body).get("detail", "")
        return str(detail)
    except (ValueError, AttributeError):
        return body.decode(errors="replace")[:200]


def run_add(args: argparse.Namespace) -> None:
    from accord.actions.witnesses import register_witness
    from accord.cli.database import require_record
    from accord.core.errors import Refusal
    from accord.words.refusals import explain

    require_record()
    if not args.public_key.exists():
        raise CommandError(f"no such file: {args.public_key}")
    try:
        witness = register_witness(name=args.name, public_pem=args.public_key.read_bytes(), by=None)
    except Refusal as refusal:
        raise CommandError(explain(refusal)) from None
    print(f"Registered the witness {witness.name}, key {witness.key_id}.")


def run_list(args: argparse.Namespace) -> None:
    from accord.cli.database import require_record
    from accord.store import models

    require_record()
    for witness in models.Witness.objects.all():
        print(f"{witness.key_id}  {witness.name}")
