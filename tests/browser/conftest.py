"""Browser tests drive Debian's Chromium through Playwright against a real accord server:
`accord demo` in its own process, on its own embedded database."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ACCORD_AT_FIXED_TIME = Path(__file__).with_name("accord_at_fixed_time.py")

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _chromium() -> str:
    for candidate in (
        os.environ.get("ACCORD_CHROMIUM"),
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
    ):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("No Chromium found: run scripts/ensure-test-tools or set ACCORD_CHROMIUM")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": _chromium(), "args": CHROMIUM_FLAGS}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"accord demo stopped: {server.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"accord demo did not answer at {url}")


@pytest.fixture(scope="session")
def demo_data_dir(tmp_path_factory) -> Path:
    """Where the demo server keeps its database, for tests that also use the CLI on it."""
    return tmp_path_factory.mktemp("demo")


@pytest.fixture(scope="session")
def demo_server(demo_data_dir):
    """The URL of a freshly loaded demo, served by uvicorn as `make demo` serves it, with the
    server's clock stopped (see `accord_at_fixed_time.py`)."""
    port = _free_port()
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment["ACCORD_DATA_DIR"] = str(demo_data_dir)
    url = f"http://127.0.0.1:{port}"
    with subprocess.Popen(
        [sys.executable, str(ACCORD_AT_FIXED_TIME), "demo", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as server:
        try:
            _wait_until_serving(f"{url}/", server)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)
