"""Benchmark of the record: verifying a long log against plain hashing, and the cost of
appending an event to an action.

    accord bench record [--events 1000000] [--appends 500] [--repeats 3]

Verification is measured on a generated, signed log held in memory; the baseline is
``hashlib.sha256`` over exactly the same bytes, line by line and in one piece, in the same
run. Appending is measured through `accord.actions.events.record` on the configured database
(a fresh SQLite file unless DATABASE_URL says otherwise).
"""

import argparse
import hashlib
import statistics
import time
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from accord.bench.targets import TARGETS, check
from accord.core import eventlog


def generated_log(count: int) -> list[bytes]:
    """A signed log of ``count`` realistic position events (deterministic content)."""
    key = Ed25519PrivateKey.generate()
    lines, previous = [], eventlog.GENESIS
    for seq in range(1, count + 1):
        body = eventlog.canonical(
            {
                "seq": seq,
                "kind": "position.recorded",
                "process": "oewg-ict-demo",
                "actor": f"delegate-{seq % 193}",
                "delegation": f"D{seq % 193:03d}",
                "subject": f"provision:p{seq % 300}",
                "payload": {
                    "position": "support",
                    "text_hash": hashlib.sha256(b"%d" % (seq % 300)).hexdigest(),
                },
                "occurred_at": "2026-11-29T10:00:00.000000+00:00",
                "visibility": "public",
            }
        )
        digest = eventlog.chain_hash(previous, body)
        lines.append(eventlog.event_line(digest, body))
        if eventlog.needs_signature(seq, last=seq == count):
            lines.append(eventlog.signature_line(seq, digest, key.sign(digest)))
        previous = digest
    lines.append(key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
    return lines


def _interleaved(runs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median seconds of each run, taking them in turn so that a busy moment on a shared
    machine falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(spent) for name, spent in times.items()}


def _hash_lines(lines: list[bytes]) -> None:
    sha256 = hashlib.sha256
    for line in lines:
        sha256(line).digest()


def verification(events: int, repeats: int) -> dict[str, Any]:
    *lines, pem = generated_log(events)
    check = eventlog.public_key_check(pem)
    whole = b"".join(lines)  # verified whole, as `accord audit verify` maps a file
    verdict = eventlog.verify(whole, check)
    if not verdict.ok or verdict.events != events:
        raise AssertionError(f"the generated log does not verify: {verdict.describe()}")
    medians = _interleaved(
        {
            "whole": lambda: hashlib.sha256(whole).digest(),
            "per_line": lambda: _hash_lines(lines),
            "verify": lambda: eventlog.verify(whole, check),
            "verify_python": lambda: eventlog.verify(whole, check, scan=eventlog.scan_in_python),
        },
        repeats,
    )
    return {"events": events, "bytes": len(whole), "native": eventlog.native_scan(), **medians}


def appending(appends: int) -> dict[str, Any]:
    """What appending an event adds to an action: the same small write, each in its own
    transaction as an action is, without and with an event, taken in turn."""
    from django.contrib.auth.models import User
    from django.db import connection, transaction
    from django.utils import timezone

    from accord.actions.events import record

    actor = User.objects.create(username="bench-delegate")
    with transaction.atomic():
        record("bench.started", by=None, process=None, subject="bench", payload={})

    def action(*, recorded: bool) -> None:
        with transaction.atomic():
            User.objects.filter(pk=actor.pk).update(last_login=timezone.now())
            if recorded:
                record("bench.appended", by=actor, process=None, subject="bench", payload={})

    def round_trip() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()

    bare: list[float] = []
    with_event: list[float] = []
    round_trips: list[float] = []
    runs: list[tuple[Callable[[], None], list[float]]] = [
        (lambda: action(recorded=False), bare),
        (lambda: action(recorded=True), with_event),
        (round_trip, round_trips),
    ]
    for _ in range(appends):
        for run, times in runs:
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
    with_event.sort()
    action_ms, with_event_ms = statistics.median(bare) * 1000, statistics.median(with_event) * 1000
    return {
        "appends": appends,
        "action_ms": action_ms,
        "with_event_ms": with_event_ms,
        "added_ms": with_event_ms - action_ms,
        "with_event_p95_ms": with_event[int(len(with_event) * 0.95)] * 1000,
        "round_trip_ms": statistics.median(round_trips) * 1000,
    }


def report(verified: dict[str, Any], appended: dict[str, Any], database: str) -> str:
    whole, per_line = verified["whole"], verified["per_line"]

    def row(name: str, seconds: float) -> str:
        return f"  {name:<34}{seconds:7.3f} s   {whole / seconds:5.2f}×  {per_line / seconds:5.2f}×"

    scanner = "C scanner" if verified["native"] else "C scanner NOT BUILT: Python"
    return "\n".join(
        [
            f"Verifying {verified['events']:,} events ({verified['bytes'] / 1e6:.0f} MB), "
            "median of the runs; speed against hashlib.sha256 over the same bytes",
            f"  {'':<34}{'time':>9}   {'in one piece':>12}  {'line by line':>12}",
            row("hashlib.sha256, in one piece", whole),
            row("hashlib.sha256, line by line", per_line),
            row(f"accord audit verify ({scanner})", verified["verify"]),
            row("standalone verifier (Python)", verified["verify_python"]),
            f"Appending {appended['appends']} events on {database}, median of each: an action "
            f"{appended['action_ms']:.2f} ms, the same action with its event "
            f"{appended['with_event_ms']:.2f} ms (95th percentile "
            f"{appended['with_event_p95_ms']:.2f} ms)",
            f"  appending adds {appended['added_ms']:.2f} ms to an action; "
            "it makes one statement on PostgreSQL, two on SQLite, and a round trip to the "
            "database "
            f"(SELECT 1) takes {appended['round_trip_ms']:.2f} ms here",
        ]
    )


def run(args: argparse.Namespace) -> int:
    """Needs Django set up on a migrated database (`accord bench record` does it). The exit
    status is 1 when a target is missed."""
    from django.db import connection

    verified = verification(args.events, args.repeats)
    appended = appending(args.appends)
    measured = {
        "verify-ratio": round(verified["whole"] / verified["verify"], 2),
        "append-ms": round(appended["added_ms"], 2),
    }
    lines, status = check(TARGETS["record"], measured, args.limits)
    print("\n".join([report(verified, appended, connection.vendor), *lines]))
    return status
