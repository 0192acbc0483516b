"""Running `accord` as a user does: a process of its own, on a data folder of the test's."""

import os
import subprocess
import sys

from tests.accord_at_fixed_time import SCRIPT as AT_FIXED_TIME


def accord(*args, tmp_path, at=None, **env):
    """``python -m accord.cli ARGS`` on the embedded database in ``tmp_path``, or on what
    ``env`` says; the finished process, its output as text. ``at`` (ISO 8601) runs the command
    with its clock stopped at that moment (`tests/accord_at_fixed_time.py`)."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment |= {"ACCORD_DATA_DIR": str(tmp_path)} | env
    command = [str(AT_FIXED_TIME), "--at", at] if at else ["-m", "accord.cli"]
    return subprocess.run(
        [sys.executable, *command, *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
    )
