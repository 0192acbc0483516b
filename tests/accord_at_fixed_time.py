"""Any `accord` command with its clock stopped at one fixed moment.

    python accord_at_fixed_time.py [--at MOMENT] COMMAND [ARGUMENTS...]

The demo dates what it loads from the current time (its silence procedure ends three days
and one minute after loading), and the pages say how long is left. With the clock stopped
at `DEMO_TIME`, they say the same whenever and however slowly the suite runs: "3 days" stays
"3 days". A later moment (ISO 8601) lets a test make a deadline pass, for instance by running
`accord worker --once` as if it ran then.
"""

import sys
from pathlib import Path

import time_machine

from accord.cli import main

DEMO_TIME = "2026-06-01T09:00:00+00:00"
# This script, for the tests that run it as a command of its own.
SCRIPT = Path(__file__)


def moment_and_command(argv: list[str]) -> tuple[str, list[str]]:
    if argv[:1] == ["--at"]:
        return argv[1], argv[2:]
    return DEMO_TIME, argv


if __name__ == "__main__":
    moment, command = moment_and_command(sys.argv[1:])
    with time_machine.travel(moment, tick=False):
        sys.exit(main(command))
