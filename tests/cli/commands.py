"""Running `accord` as a user does: a process of its own, on a data folder of the test's."""

import os
import subprocess
import sys


def accord(*args, tmp_path, **env):
    """``python -m accord.cli ARGS`` on the embedded database in ``tmp_path``, or on what
    ``env`` says; the finished process, its output as text."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment |= {"ACCORD_DATA_DIR": str(tmp_path)} | env
    return subprocess.run(
        [sys.executable, "-m", "accord.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
    )
