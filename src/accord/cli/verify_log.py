"""The lone verifier: check an exported accord event log with nothing of accord installed.

Copy this file and `src/accord/core/eventlog.py` into one folder; with Python 3.12 or later
and the `cryptography` package, run::

    python verify_log.py accord-log.jsonl --key accord-log.pub [--released R] [--document D]

The exit status is 0 when everything checked, 1 when something did not (the first problem is
named on standard error). ``accord audit verify`` runs the same checks on the same options.
This module uses only the standard library and `eventlog`, so that the two files suffice.
"""

import argparse
import sys
from pathlib import Path

if __package__:
    from accord.core import eventlog
else:  # pragma: no cover - run as a copied file beside eventlog.py (tests/cli run it so)
    import eventlog  # type: ignore[import-not-found,no-redef]


def add_beside_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that check more against a verified log: a release, published documents."""
    parser.add_argument(
        "--released", type=Path, help="content released from sealed events, to check as well"
    )
    parser.add_argument(
        "--document",
        type=Path,
        action="append",
        default=[],
        help="a published document (JSON export: clean view or consensus report) to check",
    )


def say(ok: bool, message: str) -> int:
    """Print what was found (on standard error when it is a problem); the exit status."""
    print(message, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def verify_with_key(log: Path, key: bytes, released: Path | None, documents: list[Path]) -> int:
    """Verify ``log`` with the public key ``key`` (PEM), then what was given beside it; say
    each finding and return the exit status."""
    verdict = eventlog.verify_file(log, eventlog.public_key_check(key))
    status = say(verdict.ok, verdict.describe())
    if status:
        return status
    for finding in eventlog.check_beside(log, released, documents):
        status = say(finding.ok, finding.describe()) or status
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verify an exported accord event log.")
    parser.add_argument("log", type=Path, help="the log, JSON Lines as exported by accord")
    parser.add_argument("--key", type=Path, required=True, help="the instance's public key (PEM)")
    add_beside_arguments(parser)
    args = parser.parse_args(argv)
    return verify_with_key(args.log, args.key.read_bytes(), args.released, args.document)


if __name__ == "__main__":
    sys.exit(main())
