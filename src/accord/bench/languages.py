"""Benchmark of what the language of the interface costs a page.

    accord bench languages [--paragraphs 100] [--proposals 1000] [--runs 9]

It builds the negotiation `accord bench api` builds (all 193 members, a generated draft of
``--paragraphs`` paragraphs, ``--proposals`` proposals), then a delegate requests a few main
pages through Django's test client, with every middleware, once in English and once in
Arabic (the language cookie; the page is then right to left, its delegations named in
Arabic), page after page so that both languages meet the same load. Each language has its
baseline in the same run: the trivial view of `accord bench pages`, behind the same
middleware. The target is on the ratio of the Arabic pages' median processor times, summed, to the
English ones'.
"""

import argparse

from django.conf import settings
from django.db import connection
from django.test import Client, override_settings

from accord.bench import api
from accord.bench.pages import Page, Timing, measure
from accord.bench.targets import TARGETS, check

LANGUAGES = ("en", "ar")


def pages(slug: str) -> list[Page]:
    v1 = f"/p/{slug}/report/v1"
    return [
        Page("baseline (trivial view)", "/bench/baseline/"),
        Page("home", "/"),
        Page("process", f"/p/{slug}/"),
        Page("document (clean text)", f"{v1}/"),
        Page("compilation, first view", f"{v1}/compilation/"),
        Page("status board", f"{v1}/status/"),
        Page("participants", f"/p/{slug}/participants/"),
    ]


def _speaking(client: Client, code: str) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    return client


def table(timed: dict[str, dict[str, Timing]]) -> list[str]:
    base = {code: timed["baseline (trivial view)"][code].median_ms for code in LANGUAGES}
    lines = [
        f"{'page':<26} {'en ms':>7} {'× base':>7} {'cpu':>6} {'ar ms':>7} {'× base':>7} "
        f"{'cpu':>6} {'ar/en cpu':>9}",
    ]
    for name, by_language in timed.items():
        en, ar = by_language["en"], by_language["ar"]
        lines.append(
            f"{name:<26} {en.median_ms:>7.1f} {en.median_ms / base['en']:>6.1f}× "
            f"{en.cpu_ms:>6.1f} {ar.median_ms:>7.1f} {ar.median_ms / base['ar']:>6.1f}× "
            f"{ar.cpu_ms:>6.1f} {ar.cpu_ms / en.cpu_ms:>9.2f}"
        )
    return lines


def figures(timed: dict[str, dict[str, Timing]]) -> dict[str, float]:
    """The ratio is of processor time, which other users of a shared machine move less than
    the time to answer."""
    pages_only = [by for name, by in timed.items() if not name.startswith("baseline")]
    english = sum(by["en"].cpu_ms for by in pages_only)
    arabic = sum(by["ar"].cpu_ms for by in pages_only)
    failed = sum(by[code].status != 200 for by in timed.values() for code in LANGUAGES)
    return {"ar-over-en": round(arabic / english, 3), "failed": failed}


def run(args: argparse.Namespace) -> int:
    """Needs Django set up on a migrated database (`accord bench languages` does it). The exit
    status is 1 when a target is missed."""
    version, delegates, _ = api.build(args.paragraphs, args.proposals)
    slug = version.document.process.slug
    clients = {code: _speaking(api._client(delegates[0]), code) for code in LANGUAGES}
    for code, client in clients.items():  # each client is served the language it asks for
        home = client.get("/").content.decode()
        assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}">' in home, code
    timed: dict[str, dict[str, Timing]] = {}
    with override_settings(ROOT_URLCONF="accord.bench.pages"):
        for page in pages(slug):
            timed[page.name] = {code: measure(clients[code], page, args.runs) for code in LANGUAGES}
    print(
        f"A delegate's pages in English and in Arabic ({args.paragraphs} paragraphs, "
        f"{args.proposals} proposals, {connection.vendor}); median of {args.runs} warm "
        "requests a page, × the baseline of the same language in the same run."
    )
    print("\n".join(table(timed)))
    lines, status = check(TARGETS["languages"], figures(timed), args.limits)
    print("\n".join(lines))
    return status
