"""Benchmark of the main pages and API reads on a negotiation of full size.

    accord bench pages [--paragraphs 300] [--proposals 5000] [--positions 10] [--runs 7]
                       [--growth 1000,5000,20000]

It builds, in the configured database, the negotiation `accord bench api` builds (all 193
members, a generated draft of ``--paragraphs`` paragraphs and ``--proposals`` proposals),
``--positions`` positions of every member on the draft's first paragraphs, and beside it a
second document of the same size revised once and adopted by consensus (for the redline and
the consensus report). Then a delegate requests every main page and API read through Django's
test client, with every middleware, and each is timed against the baseline measured in the
same run: a trivial view behind the same middleware. Each page reports the median and the
95th percentile of ``--runs`` warm requests, the median processor time this process spent on
them (less moved than the time by other users of a shared machine; the database server's is
not in it), its size, and the time and queries of its first request (which builds and keeps
what the page is made of, once for each position of the record, unless a page before did).
A streamed page (the whole compilation) is timed to its last byte and, apart, to its first,
which its targets hold. Then, ``--runs`` times, a delegate records a position and a proposal
on one paragraph and the page is requested at once: the first request after an event, which
brings what is kept up to date (for a streamed page, its first byte is timed apart, and it
is what the target holds, as above).
``--growth`` builds one negotiation for each number of proposals given and times the pages on
each, then says how each page's median grew.
"""

import argparse
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from django.contrib.auth.models import User
from django.db import connection
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.test import Client, override_settings
from django.urls import path
from django.utils import timezone

from accord.actions.adoption import record_adoption
from accord.actions.positions import record_position
from accord.actions.processes import publish_draft
from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.bench import api, generate
from accord.bench.targets import TARGETS, check
from accord.core.positions import Stance
from accord.store import models, queries
from accord.urls import urlpatterns as accord_urls


def baseline(request: HttpRequest) -> HttpResponse:
    """The least a page can cost: a view that reads nothing, behind the same middleware."""
    return HttpResponse(b"accord", content_type="text/plain")


# The benchmark serves accord's own addresses and the baseline beside them.
urlpatterns = [path("bench/baseline/", baseline), *accord_urls]


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    url: str
    first_view: bool = True  # what a reader is handed on opening it (held under 1 MB)


@dataclass(frozen=True, slots=True)
class Timing:
    page: Page
    median_ms: float  # up to the last byte
    p95_ms: float
    cpu_ms: float  # this process's processor time, median: less moved by other users' load
    first_ms: float
    bytes: int
    queries: int
    status: int
    first_byte_ms: float | None = None  # a streamed page's first byte, median
    after_event_ms: float = 0.0  # the first request after a position and a proposal, median
    after_event_first_byte_ms: float | None = None  # and its first byte, when it is streamed

    @property
    def held_ms(self) -> float:
        """What the page's target holds: its first byte when it is streamed."""
        return self.median_ms if self.first_byte_ms is None else self.first_byte_ms

    @property
    def held_after_event_ms(self) -> float:
        """What the target after an event holds: the first byte when it is streamed."""
        first = self.after_event_first_byte_ms
        return self.after_event_ms if first is None else first


@dataclass(frozen=True, slots=True)
class Room:
    """The negotiation's version and a delegate, who reads every page and acts between."""

    version: models.Version
    delegate: User


def build(paragraphs: int, proposals: int, positions: int) -> tuple[list[Page], Room]:
    """The negotiation, and the pages to time on it."""
    version, delegates, _ = api.build(paragraphs, proposals)
    process = version.document.process
    _bulk_positions(version, delegates, positions)
    scenario = generate.generate(paragraphs)
    other = publish_draft(
        process, by=None, slug="adopted", text=scenario.old_text, label="Zero draft"
    )
    revised = issue_revision(other.document, by=None, text=scenario.new_text, label="Rev.1")
    record_adoption(revised, by=None, confirm=True)
    proposer = version.proposals.order_by("id").values_list("delegation__code", flat=True)[0]
    return pages(process.slug, proposer), Room(version, delegates[0])


def _bulk_positions(version: models.Version, delegates: list[User], per_member: int) -> None:
    """Every member's position on the first ``per_member`` paragraphs, stored in bulk."""
    text = queries.version_value(version)
    paragraphs = [p for p in text if p.is_amendable][:per_member]
    # `api.build` names each delegate after its delegation: "<process>-<code>".
    by_code = dict(models.Delegation.objects.values_list("code", "pk"))
    stances = tuple(Stance)
    now = timezone.now()
    models.Position.objects.bulk_create(
        models.Position(
            document=version.document,
            provision_uid=provision.uid,
            delegation_id=by_code[user.username.rsplit("-", 1)[1].upper()],
            stance=stances[(n + k) % len(stances)],
            text_hash=provision.content_hash,
            recorded_by=user,
            recorded_at=now,
        )
        for n, user in enumerate(delegates)
        for k, provision in enumerate(paragraphs)
    )


def pages(slug: str, proposer: str) -> list[Page]:
    v1 = f"/p/{slug}/report/v1"
    api_v1 = f"/api/v1/processes/{slug}/documents/report/versions/1"
    return [
        Page("baseline (trivial view)", "/bench/baseline/"),
        Page("document (clean text)", f"{v1}/"),
        Page("redline against the previous version", f"/p/{slug}/adopted/v2/redline/"),
        Page("compilation, first view", f"{v1}/compilation/"),
        Page("compilation, filtered by delegation", f"{v1}/compilation/?delegation={proposer}"),
        Page("compilation, whole", f"{v1}/compilation/?all=1", first_view=False),
        Page("bracketed text", f"{v1}/bracketed/"),
        Page("status board", f"{v1}/status/"),
        Page("positions", f"{v1}/positions/"),
        Page("history", f"/p/{slug}/history/"),
        Page("national views", f"/p/{slug}/national-views/"),
        Page("consensus report", f"/p/{slug}/adopted/consensus-report/"),
        Page("API: version", api_v1, first_view=False),
        Page("API: compilation", f"{api_v1}/compilation", first_view=False),
    ]


def _get(client: Client, url: str) -> tuple[HttpResponseBase, bytes, float | None]:
    """The answer, its body, and when a streamed body's first chunk came (ms after the
    request began): the rest is read to its end."""
    start = time.perf_counter()
    answer = client.get(url)
    if not answer.streaming:
        return answer, answer.getvalue(), None
    chunks = iter(cast(Iterator[bytes], cast(StreamingHttpResponse, answer).streaming_content))
    first = next(chunks, b"")
    first_ms = (time.perf_counter() - start) * 1000
    return answer, first + b"".join(chunks), first_ms


def measure(client: Client, page: Page, runs: int, room: Room | None = None) -> Timing:
    """The first request counts the queries (and warms the caches); ``runs`` more are timed,
    each up to the last byte of its body (and to the first, when it is streamed); then, as
    many times, the first request after an event: a position and a proposal on one
    paragraph (not without ``room``)."""
    made: list[str] = []

    def counting(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        made.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        start = time.perf_counter()
        answer, body, _ = _get(client, page.url)
        first = (time.perf_counter() - start) * 1000
    times, cpu, first_bytes = [], [], []
    for _ in range(runs):
        start, used = time.perf_counter(), time.process_time()
        _, body, first_byte = _get(client, page.url)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - used) * 1000)
        if first_byte is not None:
            first_bytes.append(first_byte)
    after, after_first = [], []
    for n in range(runs):
        if room is None:
            break
        _event(room, n)
        start = time.perf_counter()
        _, _, first_byte = _get(client, page.url)
        after.append((time.perf_counter() - start) * 1000)
        if first_byte is not None:
            after_first.append(first_byte)
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return Timing(
        page,
        statistics.median(times),
        p95,
        statistics.median(cpu),
        first,
        len(body),
        len(made),
        answer.status_code,
        statistics.median(first_bytes) if first_bytes else None,
        statistics.median(after) if after else 0.0,
        statistics.median(after_first) if after_first else None,
    )


def _event(room: Room, n: int) -> None:
    """What happens most in a room: a delegation takes a position on a paragraph and
    proposes new wording for it (the same paragraph each time, past those with positions)."""
    text = queries.version_value(room.version)
    paragraph = [p for p in text if p.is_amendable][-1]
    stances = tuple(Stance)
    record_position(
        room.version,
        by=room.delegate,
        provision_uid=paragraph.uid,
        stance=stances[n % len(stances)],
    )
    submit_proposal(
        room.version,
        by=room.delegate,
        provision_uid=paragraph.uid,
        wording=f"{paragraph.text} Event {n}.",
    )


def table(timings: list[Timing]) -> list[str]:
    base = timings[0].median_ms
    lines = [
        "| page | status | median ms | × baseline | p95 ms | first byte ms | cpu ms | first ms "
        "| after an event ms | bytes | queries |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for t in timings:
        first_byte = "" if t.first_byte_ms is None else f"{t.first_byte_ms:.1f}"
        after = f"{t.after_event_ms:.1f}"
        if t.after_event_first_byte_ms is not None:
            after += f" (first byte {t.after_event_first_byte_ms:.1f})"
        lines.append(
            f"| {t.page.name} | {t.status} | {t.median_ms:.1f} | {t.median_ms / base:.0f} "
            f"| {t.p95_ms:.1f} | {first_byte} | {t.cpu_ms:.1f} | {t.first_ms:.1f} "
            f"| {after} | {t.bytes:,} | {t.queries} |"
        )
    return lines


# Up to this many proposals a page answers within `slowest-ms`; beyond, within
# `slowest-large-ms`.
FULL_SIZE = 5000


def figures(runs: dict[int, list[Timing]]) -> dict[str, float]:
    """The figures the targets hold, over the runs at every number of proposals."""
    found: dict[str, float] = {}
    for name, sizes in (
        ("slowest-ms", [n for n in runs if n <= FULL_SIZE]),
        ("slowest-large-ms", [n for n in runs if n > FULL_SIZE]),
    ):
        if sizes:
            found[name] = round(max(t.held_ms for n in sizes for t in runs[n][1:]), 1)
    full = [n for n in runs if n <= FULL_SIZE]
    if full:
        found["after-event-ms"] = round(
            max(t.held_after_event_ms for n in full for t in runs[n]), 1
        )
    measured = [t for timings in runs.values() for t in timings[1:]]
    largest = max((t for t in measured if t.page.first_view), key=lambda t: t.bytes)
    found["first-view-kb"] = round(largest.bytes / 1000, 1)
    found["failed"] = sum(t.status != 200 for timings in runs.values() for t in timings)
    return found


def growth(runs: dict[int, list[Timing]]) -> list[str]:
    """Each page's median at every number of proposals, as a multiple of the baseline of its
    own run in brackets, and what 1,000 proposals more added to it from the first to the
    last."""
    sizes = sorted(runs)
    first, last = sizes[0], sizes[-1]
    heads = " | ".join(f"{n:,} proposals" for n in sizes)
    lines = [
        f"| page | {heads} | ms per 1,000 proposals more |",
        "|---|" + "---|" * (len(sizes) + 1),
    ]
    for k, page in enumerate(t.page for t in runs[first]):
        cells = " | ".join(
            f"{runs[n][k].median_ms:.1f} ({runs[n][k].median_ms / runs[n][0].median_ms:.0f}×)"
            for n in sizes
        )
        slope = (runs[last][k].median_ms - runs[first][k].median_ms) / ((last - first) / 1000)
        lines.append(f"| {page.name} | {cells} | {slope:+.1f} |")
    return lines


def run(args: argparse.Namespace) -> int:
    """Needs Django set up on a migrated database (`accord bench pages` does it). The exit
    status is 1 when a target is missed."""
    runs: dict[int, list[Timing]] = {}
    for proposals in args.growth or (args.proposals,):
        began = time.perf_counter()
        chosen, room = build(args.paragraphs, proposals, args.positions)
        built = time.perf_counter() - began
        client = api._client(room.delegate)
        with override_settings(ROOT_URLCONF=__name__):
            runs[proposals] = [measure(client, page, args.runs, room) for page in chosen]
        print(
            f"Built the negotiation ({args.paragraphs} paragraphs, {proposals} proposals) "
            f"in {built:.1f} s on {connection.vendor}; {args.runs} warm requests a page."
        )
        print("\n".join(table(runs[proposals])))
    if len(runs) > 1:
        print("Growth: median ms (× the baseline of the same run).")
        print("\n".join(growth(runs)))
    lines, status = check(TARGETS["pages"], figures(runs), args.limits)
    print("\n".join(lines))
    return status
