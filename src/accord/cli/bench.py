"""`accord bench SUITE`: every benchmark, each against its baseline and its targets.

The suites live in `accord.bench`; this module gives them their options. ``engine``,
``checker`` and ``documents`` need no database; ``record``, ``tree``, ``api``, ``pages``,
``live``, ``room``, ``convergence`` and ``languages`` run on a fresh SQLite file, or on the
scratch database DATABASE_URL names, migrated first.
"""

import argparse
import atexit
import importlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from accord.bench.targets import TARGETS, UnknownTarget, parse_limits
from accord.cli.database import migrate
from accord.cli.errors import CommandError

Options = Callable[[argparse.ArgumentParser], None]


def _engine(suite: argparse.ArgumentParser) -> None:
    _numbers(suite, paragraphs=300, proposals=5000, delegations=193, runs=7, seed=2025)
    suite.add_argument(
        "--draft", type=Path, help="revise this draft file instead of generated prose"
    )
    suite.add_argument("--json", action="store_true", help="print the figures as JSON")


def _record(suite: argparse.ArgumentParser) -> None:
    _numbers(suite, events=1_000_000, appends=500, repeats=3)


def _tree(suite: argparse.ArgumentParser) -> None:
    _numbers(suite, leaves=1_000_000, runs=200)


def _api(suite: argparse.ArgumentParser) -> None:
    _numbers(suite, paragraphs=300, proposals=5000, runs=7)
    suite.add_argument(
        "--clients",
        type=_members,
        default=193,
        metavar="1-193",
        help="delegates recording a position at once (default: %(default)s)",
    )


def _pages(suite: argparse.ArgumentParser) -> None:
    _numbers(suite, paragraphs=300, proposals=5000, positions=10, runs=7)
    suite.add_argument(
        "--growth",
        type=_sizes,
        default=(),
        metavar="N,N,…",
        help="time the pages at each of these numbers of proposals instead of --proposals, "
        "and the growth from one to the next (e.g. 1000,5000,20000)",
    )


def _languages(suite: argparse.ArgumentParser) -> None:
    _numbers(suite, paragraphs=100, proposals=1000, runs=9)


def _sizes(value: str) -> tuple[int, ...]:
    """Numbers of proposals, at least one, separated by commas, in increasing order."""
    sizes = tuple(int(n) for n in value.split(",") if n.strip().isdigit())
    if len(sizes) != len(value.split(",")) or not sizes or list(sizes) != sorted(set(sizes)):
        raise argparse.ArgumentTypeError(
            f"{value} is not a list of increasing numbers separated by commas, as in 1000,5000"
        )
    return sizes


def _convergence(suite: argparse.ArgumentParser) -> None:
    _numbers(suite, paragraphs=300, proposals=5000, cosponsorships=2000, runs=7, seed=3)


def _members(value: str) -> int:
    """How many of the 193 member states' delegates take part."""
    if not value.isdigit() or not 1 <= int(value) <= 193:
        raise argparse.ArgumentTypeError(f"{value} is not a number from 1 to 193")
    return int(value)


def _live(suite: argparse.ArgumentParser) -> None:
    _numbers(suite, clients=193, instances=2, events=12)
    suite.add_argument("--json", action="store_true", help="print the figures as JSON")


def _room(suite: argparse.ArgumentParser) -> None:
    suite.add_argument(
        "--delegations",
        type=_members,
        default=193,
        metavar="1-193",
        help="delegations in the room (default: %(default)s)",
    )
    _numbers(suite, instances=2, workers=2, rounds=2, concurrency=24)
    suite.add_argument(
        "--think",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="each delegation's pause between two requests, about (0: none, --concurrency "
        "requests at a time; default: %(default)s)",
    )
    suite.add_argument("--json", action="store_true", help="print the figures as JSON")


def _checker(suite: argparse.ArgumentParser) -> None:
    _numbers(suite, size=100_000, passages=200, runs=3, seed=1)
    suite.add_argument(
        "--language",
        choices=("en", "zh"),
        default="en",
        help="the generated corpus's language; zh also measures English in the same run "
        "(default: %(default)s)",
    )
    suite.add_argument(
        "--baseline-passages",
        type=int,
        metavar="N",
        help="run the exhaustive scan on the first N passages only (default: all of them)",
    )
    suite.add_argument(
        "--paraphrase-passages",
        type=int,
        default=50,
        metavar="N",
        help="time the paraphrase path on N passages with their words reordered (0: not at all; "
        "default: %(default)s)",
    )


def _checker_eval(suite: argparse.ArgumentParser) -> None:
    suite.add_argument("--misses", action="store_true", help="list the sentences it gets wrong")


def _documents(suite: argparse.ArgumentParser) -> None:
    _numbers(suite, paragraphs=300, proposals=5000, seed=7)
    suite.add_argument(
        "--weasyprint-compilation",
        action="store_true",
        help="also set the whole compilation with WeasyPrint, the PDF baseline (about 40 s)",
    )


def _numbers(suite: argparse.ArgumentParser, **defaults: int) -> None:
    for name, default in defaults.items():
        suite.add_argument(f"--{name}", type=int, default=default, help="default: %(default)s")


# Each suite: what it measures, whether it needs the database, and its options.
SUITES: dict[str, tuple[str, bool, Options]] = {
    "engine": ("redline, lineage and compilation", False, _engine),
    "record": ("verifying and appending events", True, _record),
    "tree": ("the Merkle tree's proofs, checkpoints and storage", True, _tree),
    "api": ("the API on a full-size negotiation", True, _api),
    "pages": ("the main pages and API reads on a full-size negotiation", True, _pages),
    "languages": ("a delegate's pages in English and in Arabic", True, _languages),
    "live": ("live updates to every delegation's open page", True, _live),
    "room": ("a full room reading, proposing and taking positions at once", True, _room),
    "convergence": ("convergence analytics on a full-size negotiation", True, _convergence),
    "checker": ("the agreed-language checker against an exhaustive scan", False, _checker),
    "checker-eval": (
        "the checker on real sentences against its plain reading",
        False,
        _checker_eval,
    ),
    "documents": ("Word, Akoma Ntoso and PDF in and out", False, _documents),
}


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    bench = commands.add_parser(
        "bench",
        help="measure accord against its baselines",
        description="Each suite measures its baseline in the same run and exits 1 when it "
        "misses one of its targets; accord bench SUITE --help lists its options and targets.",
    )
    suites = bench.add_subparsers(dest="suite", required=True, metavar="SUITE")
    for name, (what, database, options) in SUITES.items():
        targets = "; ".join(
            f"{t.name}: {t.what} {'≥' if t.at_least else '<'} {t.limit:g}{t.unit}"
            for t in TARGETS[name]
        )
        suite = suites.add_parser(
            name, help=what, description=f"Measure {what}. Targets: {targets}."
        )
        options(suite)
        suite.add_argument(
            "--target",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help="hold this run to another limit for one target (repeatable)",
        )
        suite.set_defaults(run=_runner(name, database), django=database)


def _runner(name: str, database: bool) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            args.limits = parse_limits(args.target, TARGETS[name])
        except UnknownTarget as unknown:
            raise CommandError(str(unknown)) from None
        if database:
            migrate()
        module = importlib.import_module(f"accord.bench.{name.replace('-', '_')}")
        return int(module.run(args))

    return run


def use_scratch_data_dir() -> None:
    """A benchmark never writes into the instance's own database, and leaves none behind:
    without DATABASE_URL it works in a temporary folder, removed when it ends. Nor does it
    write a request log line for each of its own requests."""
    os.environ.setdefault("ACCORD_REQUEST_LOG", "0")
    if "DATABASE_URL" not in os.environ:
        scratch = tempfile.mkdtemp(prefix="accord-bench-")
        atexit.register(shutil.rmtree, scratch, ignore_errors=True)
        os.environ["ACCORD_DATA_DIR"] = scratch
