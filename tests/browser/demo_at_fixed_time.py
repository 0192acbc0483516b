"""`accord demo` with its clock stopped at one fixed moment.

The demo dates what it loads from the current time (its silence procedure ends three days
and one minute after loading), and the pages say how long is left. With the clock stopped,
they say the same whenever and however slowly the suite runs: "3 days" stays "3 days".
"""

import sys

import time_machine

from accord.cli import main

DEMO_TIME = "2026-06-01T09:00:00+00:00"

if __name__ == "__main__":
    with time_machine.travel(DEMO_TIME, tick=False):
        sys.exit(main(sys.argv[1:]))
