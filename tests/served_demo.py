"""The demo served as `make demo` serves it, in a process of its own with its clock stopped
(`tests/accord_at_fixed_time.py`), on a database of its own: for the browser tests and for
the commands that talk to a running instance (`accord witness`)."""

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from tests.accord_at_fixed_time import SCRIPT as AT_FIXED_TIME
from tests.scratch_database import scratch_environment


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            said = server.stderr.read() if server.stderr else "see its log"
            raise RuntimeError(f"accord demo stopped: {said}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"accord demo did not answer at {url}")


def demo_environment_for(data_dir: Path) -> contextlib.AbstractContextManager[dict[str, str]]:
    """The environment of the accord processes that share one demo database: the embedded
    file under ``data_dir``, or a PostgreSQL database made for this demo alone."""
    return scratch_environment(data_dir, f"browser_{data_dir.name}".lower())


@contextlib.contextmanager
def served_demo(environment: dict[str, str], log: IO[str] | None = None) -> Iterator[str]:
    """The URL of a freshly loaded demo served by uvicorn as `make demo` serves it, with the
    server's clock stopped (see `tests/accord_at_fixed_time.py`). Its log goes to ``log``
    when given: a test making thousands of requests must not leave it in a pipe no one reads
    (the server would stop once the pipe is full)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with subprocess.Popen(
        [sys.executable, str(AT_FIXED_TIME), "demo", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=log if log is not None else subprocess.PIPE,
        text=True,
    ) as server:
        try:
            _wait_until_serving(f"{url}/", server)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)
