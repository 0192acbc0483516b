"""Browser tests drive Debian's Chromium through Playwright against a real accord server:
`accord demo` in its own process, on a database of its own: an embedded file, or a PostgreSQL
database made for the run when the suite runs on PostgreSQL."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.served_demo import demo_environment_for, served_demo

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


@pytest.fixture(scope="session")
def demo_environment(tmp_path_factory) -> Iterator[dict[str, str]]:
    """The environment for accord commands on the shared demo's database (the CLI, too)."""
    with demo_environment_for(tmp_path_factory.mktemp("demo")) as environment:
        yield environment


@pytest.fixture(scope="session")
def demo_server(demo_environment) -> Iterator[str]:
    """The URL of the demo most browser tests share."""
    with served_demo(demo_environment) as url:
        yield url
