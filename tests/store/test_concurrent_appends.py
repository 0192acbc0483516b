"""Two processes appending at once line up behind each other: no fork, no event lost, and the
chain verifies. Run on the database the suite runs on, in a scratch database of its own."""

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.db import connection

APPENDS = 150

# Each appender says it is ready, waits for the word go, appends, and prints how often it had
# to read the head under lock because the other one had appended in between.
APPENDER = """
import pathlib, time
from django.db import transaction
from accord.actions.events import record
from accord.store import chain
reads = 0
read_under_lock = chain.locked_head
def counted():
    global reads
    reads += 1
    return read_under_lock()
chain.locked_head = counted
folder = pathlib.Path({folder!r})
(folder / "{name}.ready").touch()
while not (folder / "go").exists():
    time.sleep(0.01)
for n in range({appends}):
    with transaction.atomic():
        record("test.appended", by=None, process=None, subject="{name}", payload={{"n": n}})
    time.sleep(0.002)  # room for the other one to take SQLite's write lock
print(reads)
"""

COUNT = """
from accord.store import models
seqs = list(models.Event.objects.values_list("seq", flat=True))
print(len(seqs), seqs == list(range(1, len(seqs) + 1)))
for name in ("a", "b"):
    print(models.Event.objects.filter(kind="test.appended", subject=name).count())
"""


@pytest.fixture
def scratch_environment(tmp_path: Path) -> Iterator[dict[str, str]]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment["ACCORD_DATA_DIR"] = str(tmp_path)
    if connection.vendor != "postgresql":
        yield environment
        return
    settings = connection.settings_dict
    name = f"accord_scratch_{uuid.uuid4().hex[:12]}"
    server = {
        "host": settings["HOST"],
        "port": settings["PORT"] or 5432,
        "user": settings["USER"],
        "password": settings["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    environment["DATABASE_URL"] = (
        f"postgres://{server['user']}:{server['password']}@{server['host']}:{server['port']}/{name}"
    )
    try:
        yield environment
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def _accord(environment: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "accord.cli", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_two_processes_appending_at_once_leave_one_unbroken_chain(scratch_environment, tmp_path):
    migrated = _accord(scratch_environment, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    before = _accord(scratch_environment, "manage", "shell", "--no-imports", "-c", COUNT)
    assert before.returncode == 0, before.stderr
    events_before = int(before.stdout.split()[0])

    appenders = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "accord.cli",
                "manage",
                "shell",
                "--no-imports",
                "-c",
                APPENDER.format(appends=APPENDS, name=name, folder=str(tmp_path)),
            ],
            env=scratch_environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    deadline = time.monotonic() + 300
    while not all((tmp_path / f"{name}.ready").exists() for name in ("a", "b")):
        assert time.monotonic() < deadline, "the appenders did not start"
        time.sleep(0.05)
    (tmp_path / "go").touch()
    reads = []
    for appender in appenders:
        output, errors = appender.communicate(timeout=600)
        assert appender.returncode == 0, errors
        reads.append(int(output.split()[-1]))
    # Each reads the head under lock for its first event; any more reads are appends that
    # found the other process had moved the head, and chained again.
    assert sum(reads) > 2, reads

    counted = _accord(scratch_environment, "manage", "shell", "--no-imports", "-c", COUNT)
    assert counted.stdout.split() == [str(events_before + 2 * APPENDS), "True", "150", "150"]
    verified = _accord(scratch_environment, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith(f"ok: {events_before + 2 * APPENDS} events")
