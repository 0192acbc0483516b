"""Benchmark of live updates: how soon an event reaches every page watching a process.

    accord bench live [--clients 193] [--instances 2] [--events 12] [--json]

It builds a process with all 193 members and a short draft in the configured database (a
fresh SQLite file, or a scratch PostgreSQL database given by DATABASE_URL), starts several
instances of accord's server on it as separate processes (as behind a load balancer), opens
one server-sent events stream per client spread over the instances, then records positions
one at a time and times, for every stream, how long the event took to arrive after its
transaction committed. The baseline, measured in the same run, is a single stream.
"""

import argparse
import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.models import User
from django.db import connection

from accord.actions.positions import record_position
from accord.actions.processes import accredit, admit_participants, create_process, publish_draft
from accord.bench import generate
from accord.bench.targets import TARGETS, check
from accord.core.participants import ParticipantKind, Role
from accord.core.positions import Stance
from accord.store import models
from accord.store.reference import load_reference_data, reference_data

# How long a stream may take to deliver an event before the bench calls it lost.
LOST_AFTER_SECONDS = 10.0


def run(args: argparse.Namespace) -> int:
    """Needs Django set up on a migrated database (`accord bench live` does it). The exit
    status is 1 when a target is missed."""
    version, delegates = _build()
    connection.close()  # the servers and the writer threads open their own
    with _servers(args.instances) as ports:
        baseline = asyncio.run(_measure(version, delegates, ports[:1], 1, args.events))
        loaded = asyncio.run(_measure(version, delegates, ports, args.clients, args.events))
    figures = {
        "clients": args.clients,
        "instances": args.instances,
        "events": args.events,
        "baseline_1_client": baseline,
        "all_clients": loaded,
        "median_ratio": round(loaded["median_ms"] / baseline["median_ms"], 2),
    }
    measured = {"max-ms": loaded["max_ms"], "lost": loaded["lost"]}
    lines, status = check(TARGETS["live"], measured, args.limits)
    if args.json:
        figures["targets"] = [line.strip() for line in lines]
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        print(
            f"live updates, {args.events} events: 1 stream median {baseline['median_ms']} ms; "
            f"{args.clients} streams on {args.instances} instances median "
            f"{loaded['median_ms']} ms, p95 {loaded['p95_ms']} ms, max {loaded['max_ms']} ms "
            f"({figures['median_ratio']}x the single stream); lost {loaded['lost']}"
        )
        print("\n".join(lines))
    return status


def _build(**rules: Any) -> tuple[models.Version, list[User]]:
    """A process with the 193 members (under ``rules``: `create_process`'s), a delegate of
    each, and a short draft; the draft's version and the delegates."""
    load_reference_data()
    codes = [m["code"] for m in reference_data()["members"]]
    process = create_process(
        by=None, slug=f"live-{secrets.token_hex(4)}", title="Live bench", **rules
    )
    admit_participants(process, by=None, codes=codes, kind=ParticipantKind.MEMBER)
    delegates = []
    for code in codes:
        user = User.objects.create(username=f"{process.slug}-{code.lower()}")
        accredit(process, by=None, user=user, role=Role.DELEGATE, delegation=code)
        delegates.append(user)
    text = generate.generate(12).old_text
    return publish_draft(process, by=None, slug="report", text=text, label="Zero"), delegates


@contextmanager
def _servers(count: int) -> Iterator[list[int]]:
    """``count`` server processes on the bench's database, each on a free port."""
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "accord.settings",
        # Every stream here comes from one address; in a real room each delegate has their own.
        "ACCORD_API_RATE_ANONYMOUS": "100000/min",
        "ACCORD_REQUEST_LOG": "0",
        "ACCORD_DB_POOL": "1",  # as `accord serve` runs them
    }
    ports = [_free_port() for _ in range(count)]
    command = [sys.executable, "-m", "uvicorn", "accord.asgi:application", "--lifespan", "off"]
    command += ["--log-level", "warning", "--timeout-graceful-shutdown", "1"]
    # The command is fixed here; only the port numbers vary.
    servers = [subprocess.Popen([*command, "--port", str(port)], env=env) for port in ports]  # noqa: S603
    try:
        for port in ports:
            _wait_until_up(port)
        yield ports
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/processes", timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


async def _measure(
    version: models.Version, delegates: list[User], ports: list[int], clients: int, events: int
) -> dict[str, float | int]:
    slug = await asyncio.to_thread(lambda: version.document.process.slug)
    head = await asyncio.to_thread(_head)
    arrivals: dict[int, list[float]] = {}
    streams = [await _open(ports[i % len(ports)], slug, head, arrivals) for i in range(clients)]
    latencies: list[float] = []
    lost = 0
    try:
        for i in range(events):
            delegate = delegates[i % len(delegates)]
            seq, committed = await asyncio.to_thread(_write, version, delegate, i)
            deadline = time.perf_counter() + LOST_AFTER_SECONDS
            while len(arrivals.get(seq, [])) < clients and time.perf_counter() < deadline:
                await asyncio.sleep(0.005)
            seen = arrivals.get(seq, [])
            latencies += [t - committed for t in seen]
            lost += clients - len(seen)
            # Out of step with any polling, so the events sample its whole period.
            await asyncio.sleep(0.37)
    finally:
        for task in streams:
            task.cancel()
        await asyncio.gather(*streams, return_exceptions=True)
    ordered = sorted(latencies)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
        "lost": lost,
    }


def _head() -> int:
    head = models.ChainHead.objects.first()
    return head.seq if head else 0


def _write(version: models.Version, delegate: User, i: int) -> tuple[int, float]:
    stance = (Stance.SUPPORT, Stance.CAN_ACCEPT)[i % 2]
    uid = version.provisions.filter(kind="paragraph").order_by("position")[0].uid
    record_position(version, by=delegate, provision_uid=uid, stance=stance)
    committed = time.perf_counter()
    return _head(), committed


async def _open(
    port: int, slug: str, after: int, arrivals: dict[int, list[float]]
) -> "asyncio.Task[None]":
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        f"GET /api/v1/events?process={slug}&after={after} HTTP/1.1\r\n"
        f"Host: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode()
    )
    await writer.drain()
    status = await reader.readline()
    if b" 200 " not in status:
        raise RuntimeError(f"the stream on port {port} answered {status!r}")
    return asyncio.create_task(_listen(reader, writer, arrivals))


async def _listen(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, arrivals: dict[int, list[float]]
) -> None:
    try:
        while line := await reader.readline():
            # Chunked framing lines are skipped; only "id: N" lines matter here.
            if line.startswith(b"id: "):
                arrivals.setdefault(int(line[4:]), []).append(time.perf_counter())
    finally:
        writer.close()
