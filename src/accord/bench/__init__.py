"""The benchmark behind `accord bench`: seeded documents, timings and correctness checks."""

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``accord bench`` with ``argv`` (see `accord.bench.run`)."""
    from accord.bench.run import main as run_main

    return run_main(argv)
