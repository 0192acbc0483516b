"""Benchmark of the convergence analytics on a negotiation of full size.

    accord bench convergence [--paragraphs 300] [--proposals 5000] [--cosponsorships 2000]
                             [--runs 7] [--seed 3]

It builds, in the configured database, the negotiation `accord bench api` builds (all 193
members, a generated draft of ``--paragraphs`` paragraphs and ``--proposals`` open
proposals), then every member's position on every paragraph, planted in three camps with
10% noise and 20% of the positions missing (the first ten paragraphs accepted by every
camp), and ``--cosponsorships`` accepted co-sponsorships, stored in bulk. It measures, each
against a baseline measured in the same run:

- the analytics recomputed from the stance matrix (opinion groups, scores, rankings),
  against a bare singular value decomposition of the same matrix with numpy;
- the read of the matrix from the database and the analytics, as the page does them;
- the Chair's convergence page, with its figures cached as they are between two changes of
  the record, and computed (the first view after a change), and its API read, through
  Django's test client with every middleware, against a trivial view behind the same
  middleware;
- the peak of the memory allocated while serving the page (tracemalloc, numpy included);
- and how well the planted camps are found (adjusted Rand index).
"""

import argparse
import random
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from accord.actions.processes import accredit
from accord.bench import api
from accord.bench.targets import TARGETS, check
from accord.core import convergence as cv
from accord.core.participants import Role
from accord.core.positions import Stance
from accord.store import models, queries

# The benchmark serves accord's own addresses and the pages suite's trivial view beside them.
urlpatterns_module = "accord.bench.pages"
CAMPS = 3
CONSENSUS = 10


def build(
    paragraphs: int, proposals: int, cosponsorships: int, seed: int
) -> tuple[models.Version, User, dict[str, int]]:
    """The negotiation, its Chair, and each member's planted camp."""
    version, delegates, _ = api.build(paragraphs, proposals)
    chair = User.objects.create(username=f"{version.document.process.slug}-chair")
    accredit(version.document.process, by=None, user=chair, role=Role.CHAIR)
    camps = _bulk_positions(version, delegates, random.Random(seed))  # noqa: S311 - test data
    _bulk_cosponsorships(version, delegates, cosponsorships, random.Random(seed))  # noqa: S311
    return version, chair, camps


def _stance(camp: int, index: int, rng: random.Random) -> Stance:
    if index < CONSENSUS:
        stance = rng.choice((Stance.SUPPORT, Stance.CAN_ACCEPT))
    elif index % CAMPS == camp:
        stance = Stance.SUPPORT
    elif index % CAMPS == (camp + 1) % CAMPS:
        stance = Stance.OBJECT
    else:
        stance = rng.choice((Stance.CAN_ACCEPT, Stance.RESERVE))
    return rng.choice(tuple(Stance)) if rng.random() < 0.1 else stance


def _bulk_positions(
    version: models.Version, delegates: list[User], rng: random.Random
) -> dict[str, int]:
    text = queries.version_value(version)
    paragraphs = [p for p in text if p.is_amendable]
    by_code = dict(models.Delegation.objects.values_list("code", "pk"))
    now = timezone.now()
    camps: dict[str, int] = {}
    rows = []
    for user in delegates:
        code = user.username.rsplit("-", 1)[1].upper()
        camps[code] = rng.randrange(CAMPS)
        for index, provision in enumerate(paragraphs):
            if rng.random() < 0.2:
                continue
            rows.append(
                models.Position(
                    document=version.document,
                    provision_uid=provision.uid,
                    delegation_id=by_code[code],
                    stance=_stance(camps[code], index, rng).value,
                    text_hash=provision.content_hash,
                    recorded_by=user,
                    recorded_at=now,
                )
            )
    models.Position.objects.bulk_create(rows, batch_size=5000)
    return camps


def _bulk_cosponsorships(
    version: models.Version, delegates: list[User], count: int, rng: random.Random
) -> None:
    proposals = list(version.proposals.values_list("pk", "delegation_id"))
    members = list(
        models.Delegation.objects.filter(kind="member-state").values_list("pk", flat=True)
    )
    now = timezone.now()
    seen: set[tuple[int, int]] = set()
    rows: list[models.CoSponsorship] = []
    while len(rows) < min(count, len(proposals) * (len(members) - 1)):
        proposal, proposer = rng.choice(proposals)
        invitee = rng.choice(members)
        if invitee == proposer or (proposal, invitee) in seen:
            continue
        seen.add((proposal, invitee))
        rows.append(
            models.CoSponsorship(
                proposal_id=proposal,
                delegation_id=invitee,
                status="accepted",
                invited_by=delegates[0],
                invited_at=now,
                answered_by=delegates[0],
                answered_at=now,
            )
        )
    models.CoSponsorship.objects.bulk_create(rows, batch_size=5000)


def _median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm: imports, caches, the query plans
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _svd(matrix: cv.StanceMatrix) -> Callable[[], object]:
    from threadpoolctl import threadpool_limits

    filled = np.nan_to_num(matrix.values)

    def work() -> object:
        # One thread, as the analytics run (see `accord.core.convergence.analyse`).
        with threadpool_limits(limits=1):
            return np.linalg.svd(filled - filled.mean(axis=0), full_matrices=False)

    return work


def _afresh(client: Any, page: str) -> object:
    cache.clear()  # as after a change of the record: the figures are computed again
    return client.get(page).getvalue()


def _peak_mb(work: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def measure(
    version: models.Version, chair: User, camps: dict[str, int], runs: int
) -> dict[str, Any]:
    from sklearn.metrics import adjusted_rand_score

    room = queries.convergence_of(version)
    matrix = room.analysis.matrix
    client = api._client(chair)
    slug = version.document.process.slug
    page = f"/p/{slug}/report/v{version.number}/convergence/"
    endpoint = f"/api/v1/processes/{slug}/documents/report/versions/{version.number}/convergence"
    # The Chair's sign-in is measured elsewhere: here the session needs no second factor.
    with override_settings(ROOT_URLCONF=urlpatterns_module, ACCORD_SECOND_FACTOR="optional"):
        answers = (client.get(page).status_code, client.get(endpoint).status_code)
        figures: dict[str, Any] = {
            "svd-ms": _median_ms(_svd(matrix), runs),
            "analytics-ms": _median_ms(lambda: cv.analyse(matrix), runs),
            "read-ms": _median_ms(lambda: queries.convergence_of(version, cached=False), runs),
            "baseline-page-ms": _median_ms(lambda: client.get("/bench/baseline/"), runs),
            "page-ms": _median_ms(lambda: client.get(page).getvalue(), runs),
            "page-computed-ms": _median_ms(lambda: _afresh(client, page), runs),
            "api-ms": _median_ms(lambda: client.get(endpoint).getvalue(), runs),
            "peak-mb": _peak_mb(lambda: _afresh(client, page)),
        }
    labels = room.analysis.groups.labels
    codes = matrix.delegations
    figures["ari"] = float(adjusted_rand_score([camps[c] for c in codes], labels))
    figures["groups"] = room.analysis.groups.count
    figures["failed"] = sum(status != 200 for status in answers)
    figures["cells"] = int((~np.isnan(matrix.values)).sum())
    figures["shape"] = matrix.values.shape
    return figures


def run(args: argparse.Namespace) -> int:
    """Needs Django set up on a migrated database (`accord bench convergence` does it). The
    exit status is 1 when a target is missed."""
    began = time.perf_counter()
    version, chair, camps = build(args.paragraphs, args.proposals, args.cosponsorships, args.seed)
    built = time.perf_counter() - began
    f = measure(version, chair, camps, args.runs)
    rows, columns = f["shape"]
    print(
        f"Built the negotiation (193 members, {args.paragraphs} paragraphs, {args.proposals} "
        f"proposals, {args.cosponsorships} co-sponsorships) in {built:.1f} s on "
        f"{connection.vendor}: a stance matrix of {rows} × {columns} with {f['cells']:,} "
        f"cells filled; {args.runs} warm runs each, medians."
    )
    lines = [
        "| measured | median ms | baseline | × baseline |",
        "|---|---|---|---|",
        f"| analytics recomputed from the matrix | {f['analytics-ms']:.1f} "
        f"| numpy SVD of the matrix {f['svd-ms']:.1f} | {f['analytics-ms'] / f['svd-ms']:.1f} |",
        f"| matrix read from the database + analytics | {f['read-ms']:.1f} "
        f"| numpy SVD of the matrix {f['svd-ms']:.1f} | {f['read-ms'] / f['svd-ms']:.1f} |",
        f"| convergence page (Chair), figures cached | {f['page-ms']:.1f} "
        f"| trivial view {f['baseline-page-ms']:.1f} "
        f"| {f['page-ms'] / f['baseline-page-ms']:.0f} |",
        f"| convergence page, figures computed (the first view after a change) "
        f"| {f['page-computed-ms']:.1f} | trivial view {f['baseline-page-ms']:.1f} "
        f"| {f['page-computed-ms'] / f['baseline-page-ms']:.0f} |",
        f"| convergence API read | {f['api-ms']:.1f} | trivial view "
        f"{f['baseline-page-ms']:.1f} | {f['api-ms'] / f['baseline-page-ms']:.0f} |",
    ]
    print("\n".join(lines))
    print(
        f"Peak memory allocated serving the page with its figures computed: "
        f"{f['peak-mb']:.1f} MB. Planted camps found: {f['groups']} groups, adjusted Rand "
        f"index {f['ari']:.3f}."
    )
    measured = {
        "analytics-ms": round(f["analytics-ms"], 1),
        "page-ms": round(f["page-ms"], 1),
        "api-ms": round(f["api-ms"], 1),
        "peak-mb": round(f["peak-mb"], 1),
        "ari": round(f["ari"], 3),
        "failed": f["failed"],
    }
    checked, status = check(TARGETS["convergence"], measured, args.limits)
    print("\n".join(checked))
    return status
