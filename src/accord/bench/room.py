"""A full room under load: every delegation reading, proposing and taking positions at once,
with every delegation's live stream open, on several instances and workers.

    accord bench room [--delegations 193] [--instances 2] [--workers 2] [--rounds 2]
                      [--think 10] [--concurrency 24] [--json]

It builds a process with the 193 members, a chair and a short draft in the configured
database (a fresh SQLite file, or the scratch PostgreSQL database DATABASE_URL names), starts
``--instances`` servers and ``--workers`` `accord worker` processes on it, all on 127.0.0.1,
and opens one live stream per delegation spread over the instances. The chair launches a
silence procedure, which one delegation breaks during the session. Then each delegation,
``--rounds`` times, reads the current text and the compilation, submits a proposal and
records a position, through the API with a token of its own, spread over the instances.

A session at a delegate's pace (``--think`` seconds, 10 by default): every delegation acts at
once, on a thread of its own, pausing between two requests for half to one and a half times
``--think`` (drawn from a fixed seed), as a delegate reads before acting; the delegations
start spread over the first pause. That is far busier than a real session (193 delegations
each proposing every forty seconds). ``--think 0`` measures the capacity instead: no pause,
``--concurrency`` requests at a time, each waiting its turn behind the others.

It reports p50/p95/p99 of each page and action, the errors, the events each stream missed
(every event of the process must reach every stream), whether the silence procedure was broken,
and whether the chain verifies afterwards. Bounded: a fixed number of requests, each with a
timeout; nothing listens beyond 127.0.0.1. The baseline, measured in the same run before the
room, is one delegation alone making the same requests one at a time; each p50 is also given as
a multiple of the baseline's.
"""

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone

from accord.actions.processes import accredit
from accord.actions.silence import launch_silence
from accord.actions.tokens import create_api_token
from accord.bench.live import _build, _head, _open, _servers
from accord.bench.targets import TARGETS, check
from accord.core import eventlog
from accord.core.decisions import DecisionRule
from accord.core.participants import Role
from accord.store import models, record, signing

# How long after the load the streams and the workers are given to catch up.
SETTLE_SECONDS = 30.0
# Rounds of the baseline: one delegation alone, one request at a time.
BASELINE_ROUNDS = 5
PAGES = ("read-text", "read-compilation")
ACTIONS = ("propose", "record-position", "break-silence")


def run(args: argparse.Namespace) -> int:
    """Needs Django set up on a migrated database (`accord bench room` does it)."""
    # Silence procedures allowed, for an hour at least.
    version, delegates = _build(
        decision_rule=DecisionRule.CONSENSUS_OR_SILENCE, silence_minimum_hours=1
    )
    delegates = delegates[: args.delegations]
    chair = User.objects.create(username=f"{version.document.process.slug}-chair")
    accredit(version.document.process, by=None, user=chair, role=Role.CHAIR)
    tokens = [create_api_token(by=user, name="room bench")[1] for user in delegates]
    uids = list(
        version.provisions.filter(kind="paragraph")
        .order_by("position")
        .values_list("uid", flat=True)
    )
    slug = version.document.process.slug
    base = f"/api/v1/processes/{slug}/documents/{version.document.slug}/versions/{version.number}"
    procedure = launch_silence(
        version, by=chair, deadline=timezone.now() + timedelta(hours=1, minutes=1)
    )
    connection.close()
    silence = f"/api/v1/processes/{slug}/silence-procedures/{procedure.pk}/breaks"
    with _servers(args.instances) as ports, _workers(args.workers):
        # The baseline, in the same run: one delegation alone, one request at a time.
        alone: dict[str, list[float]] = defaultdict(list)
        lone = [(ports[r % len(ports)], tokens[0], 0, r) for r in range(BASELINE_ROUNDS)]
        _play(lone, base, "", uids, 1, alone, defaultdict(int))
        head = _head()
        connection.close()
        arrivals: dict[int, list[float]] = {}
        timings: dict[str, list[float]] = defaultdict(list)
        errors: dict[str, int] = defaultdict(int)
        work = [
            (ports[(d + r) % len(ports)], tokens[d], d, r)
            for r in range(args.rounds)
            for d in range(len(delegates))
        ]
        started = time.perf_counter()
        streamed = asyncio.run(
            _with_streams(
                ports,
                slug,
                head,
                len(delegates),
                arrivals,
                lambda: _play(
                    work, base, silence, uids, args.concurrency, timings, errors, args.think
                ),
            )
        )
        elapsed = time.perf_counter() - started
        broken = _broken(procedure.pk)
    appended = list(
        models.Event.objects.filter(seq__gt=head, process__slug=slug).values_list("seq", flat=True)
    )
    lost = sum(len(delegates) - len(arrivals.get(seq, [])) for seq in appended)
    verdict = eventlog.verify(
        record.log_lines(), eventlog.public_key_check(signing.public_pem().encode())
    )
    figures = {
        "delegations": len(delegates),
        "instances": args.instances,
        "workers": args.workers,
        "think_seconds": args.think,
        "requests": sum(map(len, timings.values())) + sum(errors.values()),
        "seconds": round(elapsed, 1),
        "streams": streamed,
        "baseline_alone": {name: _percentiles(alone[name]) for name in (*PAGES, *ACTIONS[:2])},
        "per_request": {name: _percentiles(timings[name]) for name in (*PAGES, *ACTIONS)},
        "errors": dict(errors),
        "events": len(appended),
        "lost": lost,
        "silence_broken": broken,
        "chain_verified": verdict.ok,
    }
    measured = {
        "page-p95-ms": max(figures["per_request"][p]["p95_ms"] for p in PAGES),
        "action-p95-ms": max(figures["per_request"][a]["p95_ms"] for a in ACTIONS),
        "errors": sum(errors.values()) + (0 if streamed == len(delegates) else 1),
        "lost": lost,
        "unverified": 0 if verdict.ok and broken else 1,
    }
    lines, status = check(TARGETS["room"], measured, args.limits)
    if args.json:
        figures["targets"] = [line.strip() for line in lines]
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        print(
            f"a room of {len(delegates)} delegations on {args.instances} instances and "
            f"{args.workers} workers, "
            + (f"pausing about {args.think:g} s" if args.think else f"{args.concurrency} at a time")
            + f": {figures['requests']} requests in {figures['seconds']} s, "
            f"{len(appended)} events, {lost} lost, errors {dict(errors) or 0}, silence "
            f"{'broken' if broken else 'NOT broken'}, chain "
            f"{'verified' if verdict.ok else 'NOT verified'}"
        )
        for name, row in figures["per_request"].items():
            lone_p50 = figures["baseline_alone"].get(name, {}).get("p50_ms")
            ratio = f"  {row['p50_ms'] / lone_p50:.1f}x alone" if lone_p50 else ""
            print(
                f"  {name:<17} p50 {row['p50_ms']:>7} ms  p95 {row['p95_ms']:>7} ms  "
                f"p99 {row['p99_ms']:>7} ms  ({row['count']}){ratio}"
            )
        print("\n".join(lines))
    return status


@contextmanager
def _workers(count: int) -> Iterator[None]:
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "accord.settings"}
    command = [sys.executable, "-m", "accord.cli", "worker", "--interval", "0.5"]
    workers = [
        subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)  # noqa: S603
        for _ in range(count)
    ]
    try:
        yield
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=60)


async def _with_streams(
    ports: list[int],
    slug: str,
    after: int,
    count: int,
    arrivals: dict[int, list[float]],
    play: Callable[[], None],
) -> int:
    """Open ``count`` streams, run ``play`` in a thread, give the streams time to catch up;
    how many streams opened."""
    streams = []
    for i in range(count):
        try:
            streams.append(await _open(ports[i % len(ports)], slug, after, arrivals))
        except (OSError, RuntimeError):
            continue
    try:
        await asyncio.to_thread(play)
        deadline = time.perf_counter() + SETTLE_SECONDS
        while time.perf_counter() < deadline:
            expected = await asyncio.to_thread(_expected, slug, after)
            if all(len(arrivals.get(seq, [])) >= len(streams) for seq in expected):
                break
            await asyncio.sleep(0.5)
    finally:
        for task in streams:
            task.cancel()
        await asyncio.gather(*streams, return_exceptions=True)
    return len(streams)


def _expected(slug: str, after: int) -> list[int]:
    try:
        return list(
            models.Event.objects.filter(seq__gt=after, process__slug=slug).values_list(
                "seq", flat=True
            )
        )
    finally:
        connection.close()


def _play(
    work: list[tuple[int, str, int, int]],
    base: str,
    silence: str,
    uids: list[str],
    concurrency: int,
    timings: dict[str, list[float]],
    errors: dict[str, int],
    think: float = 0.0,
) -> None:
    """Make the requests of ``work`` (instance port, token, delegation, round): ``concurrency``
    at a time with no pause, or, with ``think`` seconds, each delegation on its own thread,
    pausing between its requests (see the module's docstring)."""
    lock = threading.Lock()
    delegations = 1 + max(d for _, _, d, _ in work)

    def timed(name: str, port: int, token: str, path: str, body: object = None) -> None:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{path if path.startswith('/api/') else base + path}",
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            method="GET" if body is None else "POST",
        )
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                response.read()
            took = time.perf_counter() - started
            with lock:
                timings[name].append(took)
        except (urllib.error.URLError, OSError) as error:
            code = getattr(error, "code", type(error).__name__)
            with lock:
                errors[f"{name} {code}"] += 1

    def round_of(item: tuple[int, str, int, int], pause: Callable[[], None]) -> None:
        port, token, d, r = item
        uid = uids[(d + r) % len(uids)]
        timed("read-text", port, token, "")
        pause()
        timed("read-compilation", port, token, "/compilation")
        pause()
        wording = f"Delegation {d} proposes in round {r} that States cooperate further."
        timed("propose", port, token, "/proposals", {"provision": uid, "wording": wording})
        pause()
        stance = ("support", "can-accept", "reserve")[(d + r) % 3]
        timed("record-position", port, token, "/positions", {"provision": uid, "stance": stance})
        if silence and (d, r) == (delegations // 2, 0):  # one breaks the silence, mid-session
            pause()
            letter = {"letter": "We object to this paragraph.", "provisions": [uid]}
            timed("break-silence", port, token, silence, letter)
        pause()

    if not think:
        with ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(lambda item: round_of(item, lambda: None), work))
        return

    def delegation(d: int) -> None:
        pacing = random.Random(d)  # noqa: S311 - a load's pauses, not a secret
        time.sleep(think * d / delegations)

        def pause() -> None:
            time.sleep(think * pacing.uniform(0.5, 1.5))

        for item in sorted((i for i in work if i[2] == d), key=lambda i: i[3]):
            round_of(item, pause)

    with ThreadPoolExecutor(delegations) as pool:
        list(pool.map(delegation, range(delegations)))


def _broken(procedure: int) -> bool:
    """Whether the silence procedure was broken (and so is closed when its deadline passes)."""
    try:
        return models.SilenceBreak.objects.filter(procedure_id=procedure).exists()
    finally:
        connection.close()


def _percentiles(seconds: list[float]) -> dict[str, float | int]:
    if not seconds:
        return {"count": 0, "p50_ms": 0.0, "p95_ms": 0.0, "p99_ms": 0.0}
    ordered = sorted(seconds)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)

    return {
        "count": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
    }
