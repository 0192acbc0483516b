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
    whole = b"".join(lines)
    verdict = eventlog.verify(lines, check)
    if not verdict.ok or verdict.events != events:
        raise AssertionError(f"the generated log does not verify: {verdict.describe()}")
    medians = _interleaved(
        {
            "per_line": lambda: _hash_lines(lines),
            "whole": lambda: hashlib.sha256(whole).digest(),
            "verify": lambda: eventlog.verify(lines, check),
        },
        repeats,
    )
    per_line, in_one, verify = medians["per_line"], medians["whole"], medians["verify"]
    return {
        "events": events,
        "bytes": len(whole),
        "sha256_per_line_s": per_line,
        "sha256_whole_s": in_one,
        "verify_s": verify,
        "speed_vs_per_line": per_line / verify,
        "speed_vs_whole": in_one / verify,
    }


def appending(appends: int) -> dict[str, Any]:
    from django.db import transaction

    from accord.actions.events import record

    record("bench.started", by=None, process=None, subject="bench", payload={})
    times = []
    for n in range(appends):
        start = time.perf_counter()
        with transaction.atomic():
            record("bench.appended", by=None, process=None, subject="bench", payload={"n": n})
        times.append(time.perf_counter() - start)
    times.sort()
    return {
        "appends": appends,
        "median_ms": statistics.median(times) * 1000,
        "p95_ms": times[int(len(times) * 0.95)] * 1000,
    }


def report(verified: dict[str, Any], appended: dict[str, Any], database: str) -> str:
    return "\n".join(
        [
            f"Verifying {verified['events']:,} events ({verified['bytes'] / 1e6:.0f} MB), "
            "median of the runs:",
            f"  hashlib.sha256, line by line   {verified['sha256_per_line_s']:.3f} s",
            f"  hashlib.sha256, in one piece   {verified['sha256_whole_s']:.3f} s",
            f"  accord verify (chain, sigs)    {verified['verify_s']:.3f} s",
            f"  speed of verify vs hashing     {verified['speed_vs_per_line']:.2f}× line by line, "
            f"{verified['speed_vs_whole']:.2f}× in one piece (target ≥ 0.5×)",
            f"Appending {appended['appends']} events on {database}: "
            f"median {appended['median_ms']:.2f} ms, 95th percentile {appended['p95_ms']:.2f} ms "
            "(target: median < 2 ms)",
        ]
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--appends", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)


def run(args: argparse.Namespace) -> int:
    """Needs Django set up on a migrated database (`accord bench record` does it)."""
    from django.db import connection

    verified = verification(args.events, args.repeats)
    appended = appending(args.appends)
    print(report(verified, appended, connection.vendor))
    return 0
