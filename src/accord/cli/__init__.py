"""The `accord` command.

accord demo [--port 8000] [--reset]         the demo negotiation on the embedded database
accord serve [--workers N]                  production: uvicorn workers, DATABASE_URL
accord worker [--once]                      background tasks: exports, deadlines, checkpoints
accord migrate                              create or update the database, reference data
accord audit export|verify|release          the signed event log, published and checked
accord witness URL [--key F] [--state F]    hold an instance to its record; co-sign checkpoints
accord witnesses add|list                   register who witnesses this instance
accord keys rotate|history                  hand signing to a new key; the keys' history
accord backup FILE | accord restore FILE     the whole database to a file, and back
accord redline OLD NEW [--format F]         the redline between two draft files
accord import FILE --process P --label L    import a Word or Akoma Ntoso draft
accord export --process P --format F --view V -o FILE   export a view of a version
accord check [--corpus F] [--json] TEXT     check a passage against agreed language
accord corpus import FILE.jsonl             add agreed texts and views to the corpus
accord token USER NAME [--read-only]        an API token for a program acting as USER
accord bench SUITE                          benchmarks against their baselines and targets
accord messages [--check]                   extract and compile the interface's catalogues
accord manage ARGS...                       any Django management command

Each area's commands are in a module of this package; every failure is a `CommandError`,
printed here after ``accord:`` on standard error, with its exit status.
"""

import argparse
import os
import sys
from collections.abc import Sequence

from accord.cli import (
    audit,
    backup,
    bench,
    checker,
    documents,
    keys,
    messages,
    serve,
    tokens,
    witness,
)
from accord.cli.errors import CommandError

MINIMUM_PYTHON = (3, 12)

__all__ = ["CommandError", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `accord` command with ``argv``; the exit status."""
    args = parser().parse_args(argv)
    try:
        check_python(sys.version_info[:2])
        if args.django:
            _setup_django(args)
        return int(args.run(args) or 0)
    except CommandError as error:
        for line in error.message.splitlines():
            print(f"accord: {line}", file=sys.stderr)
        return error.status


def parser() -> argparse.ArgumentParser:
    """The command's parser; each parsed command carries ``run`` and whether it needs Django."""
    made = argparse.ArgumentParser(prog="accord", description=__doc__.splitlines()[0])
    commands = made.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for area in (serve, audit, witness, keys, backup, documents, checker, tokens, bench, messages):
        area.add_commands(commands)
    made.set_defaults(django=True)
    return made


def check_python(version: tuple[int, int]) -> None:
    if version < MINIMUM_PYTHON:
        needed, found = ".".join(map(str, MINIMUM_PYTHON)), ".".join(map(str, version))
        raise CommandError(f"accord needs Python {needed} or later; this is Python {found}.")


def _setup_django(args: argparse.Namespace) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    if args.command == "demo":
        os.environ["ACCORD_DEMO"] = "1"
    if args.command in ("demo", "serve"):
        os.environ["ACCORD_DB_POOL"] = "1"  # the web server's connections come from a pool
    if args.command == "bench":
        bench.use_scratch_data_dir()
    import django

    django.setup()
