"""The targets a benchmark is held to, checked on the figures of the run that measured them.

Every suite declares its targets; after measuring it reports each one as met or missed and
exits 1 when any is missed, naming it on standard error. ``--target NAME=VALUE`` sets another
limit for one run (to hold a small run to a looser target, or to prove that a miss fails).
"""

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Target:
    """``name`` is what ``--target`` calls it; the measured figure must be at least ``limit``
    when ``at_least``, otherwise below it."""

    name: str
    what: str
    limit: float
    at_least: bool
    unit: str = ""

    def met(self, measured: float, limit: float | None = None) -> bool:
        bound = self.limit if limit is None else limit
        return measured >= bound if self.at_least else measured < bound

    def describe(self, measured: float, limit: float | None = None) -> str:
        bound = self.limit if limit is None else limit
        word = "met" if self.met(measured, bound) else "MISSED"
        sign = "≥" if self.at_least else "<"
        return f"{word}: {self.what} {measured:g}{self.unit} (target {sign} {bound:g}{self.unit})"


class UnknownTarget(ValueError):
    """A ``--target`` that names no target of the suite, or gives no number."""


def parse_limits(given: Sequence[str], targets: Sequence[Target]) -> dict[str, float]:
    """``NAME=VALUE`` settings checked against the suite's ``targets``."""
    names = {target.name for target in targets}
    limits = {}
    for setting in given:
        name, _, value = setting.partition("=")
        if name not in names:
            known = ", ".join(sorted(names)) or "none"
            raise UnknownTarget(f"no target {name!r} in this suite (its targets: {known})")
        try:
            limits[name] = float(value)
        except ValueError:
            raise UnknownTarget(f"--target {name} needs a number, as in {name}=2.5") from None
    return limits


def check(
    targets: Sequence[Target], measured: Mapping[str, float], limits: Mapping[str, float]
) -> tuple[list[str], int]:
    """The line saying how each target fared, and the exit status: 1 when one was missed.
    Every missed target is named on standard error as well."""
    lines, status = [], 0
    for target in targets:
        if target.name not in measured:
            continue  # not measured in this run (git missing, say)
        line = target.describe(measured[target.name], limits.get(target.name))
        lines.append(f"  {line}  [{target.name}]")
        if not target.met(measured[target.name], limits.get(target.name)):
            print(f"accord bench: {line}", file=sys.stderr)
            status = 1
    return lines, status


# Every suite's targets; docs/performance*.md say where each comes from.
TARGETS: dict[str, tuple[Target, ...]] = {
    "engine": (
        Target(
            "redline-speedup", "redline against difflib on characters", 10, at_least=True, unit="×"
        ),
        Target(
            "git-ratio", "parse and redline against git word diff", 0.5, at_least=True, unit="×"
        ),
        Target("lineage-accuracy", "lineage accuracy", 0.99, at_least=True),
        Target("compile-data-ms", "compilation to data", 1000, at_least=False, unit=" ms"),
        Target("compile-html-ms", "compilation to HTML", 1000, at_least=False, unit=" ms"),
        Target("peak-rss-mb", "peak memory", 300, at_least=False, unit=" MB"),
    ),
    "record": (
        Target(
            "verify-ratio", "verifying against hashing in one piece", 0.5, at_least=True, unit="×"
        ),
        Target("append-ms", "what appending adds to an action", 2.0, at_least=False, unit=" ms"),
    ),
    "tree": (
        Target("proof-ms", "slower proof served, median", 5, at_least=False, unit=" ms"),
        Target("verify-proof-ms", "slower proof verified", 1, at_least=False, unit=" ms"),
        Target("checkpoint-ms", "checkpoint signed", 50, at_least=False, unit=" ms"),
        Target("tree-bytes", "the tree's storage per event", 100, at_least=False, unit=" bytes"),
    ),
    "api": (
        Target("compile-json-ms", "compilation as JSON", 300, at_least=False, unit=" ms"),
        Target("writes-lost", "positions or events lost", 1, at_least=False),
    ),
    "languages": (
        Target(
            "ar-over-en",
            "the pages in Arabic over the same pages in English, summed processor time",
            1.1,
            at_least=False,
            unit="×",
        ),
        Target("failed", "pages that did not answer 200", 1, at_least=False),
    ),
    "pages": (
        Target(
            "slowest-ms",
            "slowest page or API read (a streamed page's first byte), median",
            300,
            at_least=False,
            unit=" ms",
        ),
        Target(
            "slowest-large-ms",
            "slowest page or API read above 5,000 proposals (a streamed page's first byte), median",
            600,
            at_least=False,
            unit=" ms",
        ),
        Target(
            "after-event-ms",
            "slowest first request after a position and a proposal (a streamed page's first byte), "
            "median",
            300,
            at_least=False,
            unit=" ms",
        ),
        Target("first-view-kb", "largest first view", 1000, at_least=False, unit=" kB"),
        Target("failed", "pages that did not answer 200", 1, at_least=False),
    ),
    "convergence": (
        Target("analytics-ms", "analytics recomputed, median", 300, at_least=False, unit=" ms"),
        Target("page-ms", "convergence page, median", 300, at_least=False, unit=" ms"),
        Target("api-ms", "convergence API read, median", 300, at_least=False, unit=" ms"),
        Target("peak-mb", "peak memory serving the page", 200, at_least=False, unit=" MB"),
        Target("ari", "planted camps found (adjusted Rand index)", 0.9, at_least=True),
        Target("failed", "page or API read not answering 200", 1, at_least=False),
    ),
    "live": (
        Target("max-ms", "slowest delivery to any stream", 1000, at_least=False, unit=" ms"),
        Target("lost", "deliveries lost", 1, at_least=False),
    ),
    "room": (
        Target("page-p95-ms", "the slowest page's p95", 500, at_least=False, unit=" ms"),
        Target("action-p95-ms", "the slowest action's p95", 300, at_least=False, unit=" ms"),
        Target("errors", "requests failed, streams not opened", 1, at_least=False),
        Target("lost", "deliveries lost", 1, at_least=False),
        Target("unverified", "chain not verified or silence not broken", 1, at_least=False),
    ),
    "checker": (
        Target("build-s", "index build", 60, at_least=False, unit=" s"),
        Target("check-ms", "checking a sentence, median", 50, at_least=False, unit=" ms"),
        Target("recall", "sources found against the exhaustive scan", 0.99, at_least=True),
        Target("speed-up", "speed-up over the exhaustive scan", 100, at_least=True, unit="×"),
    ),
    "checker-eval": (
        Target("accuracy", "verdicts right on real sentences", 0.9, at_least=True),
        Target("class-min", "the lowest accuracy of one verdict", 0.8, at_least=True),
    ),
    "documents": (
        Target("import-s", "Word import", 2, at_least=False, unit=" s"),
        Target("word-s", "compilation to Word", 5, at_least=False, unit=" s"),
        Target("akn-s", "compilation to Akoma Ntoso", 5, at_least=False, unit=" s"),
        Target("clean-pdf-s", "clean version to PDF", 5, at_least=False, unit=" s"),
        Target("compilation-pdf-s", "compilation to PDF", 10, at_least=False, unit=" s"),
        Target("peak-mb", "peak memory", 500, at_least=False, unit=" MB"),
    ),
}
