"""`accord demo`, `serve`, `migrate`, `manage` and `worker`, run as a user runs them."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
from tests.accord_at_fixed_time import DEMO_TIME
from tests.cli.commands import accord

from accord.actions import periodic
from accord.cli import CommandError, serve


def test_demo_loads_once_then_finds_what_it_loaded(tmp_path):
    first = accord("demo", "--no-serve", tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Loaded the demo: OEWG on ICT security (demo), Rev.1 with")
    assert "Every demo login uses the password 'accord-demo'." in first.stdout
    assert "  bra          Delegate — Brazil" in first.stdout
    again = accord("demo", "--no-serve", tmp_path=tmp_path)
    assert again.stdout.startswith("Found the demo")
    assert (
        again.stdout.split(" with ")[1].split(" (")[0]
        == first.stdout.split(" with ")[1].split(" (")[0]
    )
    reset = accord("demo", "--no-serve", "--reset", tmp_path=tmp_path)
    assert reset.stdout.startswith("Loaded the demo")


def test_an_unreachable_database_is_named_clearly(tmp_path):
    result = accord(
        "migrate", tmp_path=tmp_path, DATABASE_URL="postgres://accord@127.0.0.1:9/accord"
    )
    assert result.returncode == 2
    assert result.stderr.startswith(
        "accord: cannot reach the database (postgresql at 127.0.0.1:9):"
    )
    assert "Traceback" not in result.stderr


def test_serve_refuses_the_demo_secret_key(tmp_path):
    result = accord("serve", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "refusing to serve with the demo secret key" in result.stderr


def test_serve_refuses_debug_settings(tmp_path):
    result = accord(
        "serve", tmp_path=tmp_path, ACCORD_DEBUG="1", ACCORD_SECRET_KEY="a-real-secret-key-" * 3
    )
    assert result.returncode == 2
    assert "refusing to serve with ACCORD_DEBUG=1" in result.stderr


def test_a_port_in_use_is_named_with_the_way_out():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(CommandError) as raised:
            serve.check_port("127.0.0.1", port)
    assert str(raised.value) == (
        f"port {port} on 127.0.0.1 is already in use; choose another with --port "
        f"(make demo PORT={port + 1})"
    )


SHIFT_DEADLINES = """
from datetime import timedelta
from django.utils import timezone
from accord.store import models
past = timezone.now() - timedelta(seconds=1)
assert models.SilenceProcedure.objects.filter(closed_at=None).update(deadline=past) == 1
assert models.StakeholderRequest.objects.filter(accredited=None).update(deadline=past) == 1
"""


QUIET = (
    "close-silence-procedures: 0\n"
    "decide-stakeholder-requests: 0\n"
    "fail-abandoned-export-jobs: 0\n"
    "forget-finished-export-jobs: 0\n"
    "fail-abandoned-tasks: 0\n"
    "forget-finished-tasks: 0\n"
    "sign-checkpoint: 0\n"
)
# The first run, and a run after events were recorded, sign a checkpoint of the record.
SIGNED = QUIET.replace("sign-checkpoint: 0", "sign-checkpoint: 1")


def test_accord_worker_once_records_the_outcome_of_the_demo_silence(tmp_path):
    # The commands run with their clocks stopped: the demo is loaded, and first run, at the
    # demo's moment, the others a minute later, when the deadlines are moved to have just
    # passed. The third run then finds the checkpoint the second signed not yet due again,
    # however slowly the suite runs.
    later = "2026-06-01T09:01:00+00:00"
    loaded = accord("demo", "--no-serve", tmp_path=tmp_path, at=DEMO_TIME)
    assert loaded.returncode == 0, loaded.stderr
    nothing_due = accord("worker", "--once", tmp_path=tmp_path, at=DEMO_TIME)
    assert nothing_due.returncode == 0, nothing_due.stderr
    assert nothing_due.stdout == SIGNED
    shifted = accord("manage", "shell", "-c", SHIFT_DEADLINES, tmp_path=tmp_path, at=later)
    assert shifted.returncode == 0, shifted.stderr
    due = accord("worker", "--once", tmp_path=tmp_path, at=later)
    assert due.stdout == SIGNED.replace(
        ": 0\ndecide-stakeholder-requests: 0", ": 1\ndecide-stakeholder-requests: 1"
    )
    again = accord("worker", "--once", tmp_path=tmp_path, at=later)
    assert again.stdout == QUIET
    kinds = accord(
        "manage",
        "shell",
        "-c",
        "from accord.store import models; "
        "kinds = ['silence.closed', 'stakeholder.decided']; "
        "print([(e.kind, e.payload.get('outcome', e.payload.get('accredited'))) "
        "for e in models.Event.objects.filter(kind__in=kinds)])",
        tmp_path=tmp_path,
    )
    assert (
        kinds.stdout.strip().splitlines()[-1]
        == "[('silence.closed', 'broken'), ('stakeholder.decided', True)]"
    )


def test_accord_worker_refuses_an_empty_database(tmp_path):
    result = accord("worker", "--once", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "holds no accord record" in result.stderr


@pytest.mark.django_db
def test_the_schedule_loop_queues_the_jobs_and_stops_when_told(monkeypatch):
    calls = []
    stop = threading.Event()

    def once(now=None):
        calls.append(now)
        stop.set()
        return []

    monkeypatch.setattr(periodic, "enqueue_due", once)
    serve.schedule_forever(0.01, stop)
    assert calls == [None]


def test_accord_demo_records_a_deadline_passing_without_any_visit(tmp_path):
    assert accord("demo", "--no-serve", tmp_path=tmp_path).returncode == 0
    soon = SHIFT_DEADLINES.replace("timezone.now() - timedelta(seconds=1)", "timezone.now()")
    assert accord("manage", "shell", "-c", soon, tmp_path=tmp_path).returncode == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment["ACCORD_DATA_DIR"] = str(tmp_path)
    listing = f"http://127.0.0.1:{port}/api/v1/processes/oewg-ict-demo/silence-procedures"
    outcome = None
    with subprocess.Popen(
        [sys.executable, "-m", "accord.cli", "demo", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as server:
        try:
            # Only the API is read, and only to learn the outcome: no page is visited.
            for _ in range(600):
                try:
                    with urllib.request.urlopen(listing, timeout=2) as response:
                        outcome = json.loads(response.read())["items"][0]["state"]
                except OSError:
                    outcome = None
                if outcome not in (None, "running"):
                    break
                time.sleep(0.2)
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert outcome == "broken"


@pytest.mark.parametrize(
    ("started", "launched"),
    [
        (
            ["/usr/bin/python3", "accord_at_fixed_time.py", "--at", "2026-06-01", "demo", "--port"],
            ["/usr/bin/python3", "accord_at_fixed_time.py", "--at", "2026-06-01"],
        ),
        (
            [".venv/bin/python", ".venv/bin/accord", "demo"],
            [".venv/bin/python", ".venv/bin/accord"],
        ),
        (["python3", "-m", "accord.cli", "demo", "--reset"], ["python3", "-m", "accord.cli"]),
        (["python3", "-c", "import accord"], [sys.executable, "-m", "accord.cli"]),
    ],
    ids=["fixed-clock", "console-script", "module", "elsewhere"],
)
def test_the_demos_worker_is_started_the_way_the_demo_was(monkeypatch, started, launched):
    from accord.cli.serve import launcher

    monkeypatch.setattr(sys, "orig_argv", started)
    assert launcher("demo") == launched
