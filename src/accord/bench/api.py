"""Benchmark of the API on a negotiation of full size.

    accord bench api [--paragraphs 300] [--proposals 5000] [--clients 193] [--runs 7]

It builds, in the configured database (a fresh SQLite file, or a scratch PostgreSQL database
given by DATABASE_URL), a process with all 193 members, a generated draft of 300 paragraphs
and 5,000 proposals, then measures through the API itself (Django's test client, in process):
the compilation as JSON, median of the runs, with the number of queries it takes, against its
baseline in the same run, the core building and encoding the same compilation from values in
memory; and ``--clients`` delegates recording a position each at the same moment, counting
afterwards that every position and every event is there and that the chain still verifies.
"""

import argparse
import json
import secrets
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import orjson
from django.contrib.auth.models import User
from django.db import connection, connections
from django.test import Client

from accord.actions.processes import accredit, admit_participants, create_process, publish_draft
from accord.bench import generate, proposals
from accord.bench.targets import TARGETS, check
from accord.core import eventlog
from accord.core.compilation import compile_version
from accord.core.compilation_render import compilation_data
from accord.core.participants import ParticipantKind, Role
from accord.core.proposals import Proposal
from accord.store import convert, models, queries, record, signing
from accord.store.reference import load_reference_data, reference_data

# Concurrent workers: well within PostgreSQL's default of 100 connections.
WORKERS = 24


def build(
    paragraphs: int, proposal_count: int
) -> tuple[models.Version, list[User], list[Proposal]]:
    """The negotiation to measure; proposals are stored in bulk (their reading is measured,
    not their writing), everything else through the actions."""
    load_reference_data()
    codes = [m["code"] for m in reference_data()["members"]]
    process = create_process(by=None, slug=f"bench-{secrets.token_hex(4)}", title="Bench")
    admit_participants(process, by=None, codes=codes, kind=ParticipantKind.MEMBER)
    delegates = []
    for code in codes:
        user = User.objects.create(username=f"{process.slug}-{code.lower()}")
        accredit(process, by=None, user=user, role=Role.DELEGATE, delegation=code)
        delegates.append(user)
    scenario = generate.generate(paragraphs)
    version = publish_draft(process, by=None, slug="report", text=scenario.old_text, label="Zero")
    made = _bulk_proposals(version, delegates, proposal_count)
    return version, delegates, made


def _bulk_proposals(version: models.Version, delegates: list[User], count: int) -> list[Proposal]:
    text = queries.version_value(version)
    by_code = {d.code: d for d in models.Delegation.objects.filter(kind="member-state")}
    members = sorted(by_code)
    made = proposals.make_proposals(text, count, len(members), seed=7)
    models.Proposal.objects.bulk_create(
        models.Proposal(
            version=version,
            provision_uid=p.provision_uid,
            delegation=by_code[members[int(p.proponent.delegation[1:]) - 1]],
            submitted_by=delegates[int(p.proponent.delegation[1:]) - 1],
            wording=p.wording,
            amendment=convert.amendment_json(p.amendment),
            submitted_at=p.submitted_at,
        )
        for p in made
    )
    return made


def _client(user: User | None = None) -> Client:
    client = Client(SERVER_NAME="localhost")
    if user is not None:
        client.force_login(user)
    return client


def compilation_json(version: models.Version, runs: int) -> dict[str, Any]:
    url = (
        f"/api/v1/processes/{version.document.process.slug}/documents/report/versions/"
        f"{version.number}/compilation"
    )
    client, times, queries_made = _client(), [], []

    def counting(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries_made.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        body = client.get(url)
    assert body.status_code == 200, body.content[:300]
    for _ in range(runs):
        start = time.perf_counter()
        answer = client.get(url)
        times.append(time.perf_counter() - start)
    entries = json.loads(answer.content)["entries"]
    return {
        "median_ms": statistics.median(times) * 1000,
        "queries": len(queries_made),
        "proposals": sum(len(e["proposals"]) for e in entries),
        "bytes": len(answer.content),
    }


def core_compilation(version: models.Version, made: list[Proposal], runs: int) -> float:
    """The baseline: median milliseconds for the core to compile the same proposals from
    values in memory and encode the result, with no database, no HTTP and no schema."""
    text = queries.version_value(version)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        orjson.dumps(compilation_data(compile_version(text, made)), default=str)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def concurrent_positions(version: models.Version, delegates: list[User]) -> dict[str, Any]:
    text = queries.version_value(version)
    paragraphs = [p.uid for p in text if p.is_amendable]
    url = (
        f"/api/v1/processes/{version.document.process.slug}/documents/report/versions/"
        f"{version.number}/positions"
    )
    clients = [_client(user) for user in delegates]
    events_before = models.Event.objects.count()
    # The requests arrive at once; as behind a load balancer, a bounded pool of workers
    # (each with its own database connection) serves them.
    workers = min(WORKERS, len(clients))
    start = threading.Barrier(workers)
    answers: list[int | str] = []

    def one(n: int) -> None:
        try:
            if n < workers:
                start.wait()
            body = {"provision": paragraphs[n % len(paragraphs)], "stance": "support"}
            answer = clients[n].post(url, json.dumps(body), content_type="application/json")
            answers.append(answer.status_code)
        except Exception as error:
            answers.append(type(error).__name__)
        finally:
            connections.close_all()

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, range(len(clients))))
    spent = time.perf_counter() - began
    stored = models.Position.objects.filter(document=version.document).count()
    events = models.Event.objects.count() - events_before
    verdict = eventlog.verify(
        record.log_lines(), eventlog.public_key_check(signing.public_pem().encode())
    )
    return {
        "clients": len(clients),
        "workers": workers,
        "created": answers.count(201),
        "failed": len(answers) - answers.count(201),
        "positions_stored": stored,
        "events_written": events,
        "chain": verdict.describe(),
        "seconds": spent,
    }


def report(built_s: float, compiled: dict[str, Any], positions: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"Built the negotiation in {built_s:.1f} s on {connection.vendor}.",
            f"Compilation as JSON: {compiled['proposals']} proposals, "
            f"{compiled['bytes'] / 1e6:.1f} MB, median {compiled['median_ms']:.0f} ms, "
            f"{compiled['queries']} queries; the core alone {compiled['core_ms']:.0f} ms "
            f"({compiled['median_ms'] / compiled['core_ms']:.2f}× the core's time)",
            f"{positions['clients']} delegates recording a position at once "
            f"({positions['workers']} workers): {positions['created']} answered 201, "
            f"{positions['failed']} failed, {positions['positions_stored']} positions "
            f"and {positions['events_written']} events stored, in {positions['seconds']:.1f} s; "
            f"chain: {positions['chain']}",
        ]
    )


def run(args: argparse.Namespace) -> int:
    """Needs Django set up on a migrated database (`accord bench api` does it). The exit
    status is 1 when a target is missed."""
    began = time.perf_counter()
    version, delegates, made = build(args.paragraphs, args.proposals)
    built = time.perf_counter() - began
    compiled = compilation_json(version, args.runs)
    compiled["core_ms"] = core_compilation(version, made, args.runs)
    positions = concurrent_positions(version, delegates[: args.clients])
    lost = 2 * positions["clients"] - positions["positions_stored"] - positions["events_written"]
    measured = {"compile-json-ms": round(compiled["median_ms"], 1), "writes-lost": lost}
    lines, status = check(TARGETS["api"], measured, args.limits)
    print("\n".join([report(built, compiled, positions), *lines]))
    return status
