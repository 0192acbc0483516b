"""``python -m accord.cli``: the `accord` command, as the Makefile and the tests run it."""

import sys

from accord.cli import main

if __name__ == "__main__":
    sys.exit(main())
