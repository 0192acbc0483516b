import json
import os
import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from django.utils import timezone

from accord import worker
from accord.actions.silence import break_silence, launch_silence
from accord.store import models

pytestmark = pytest.mark.django_db


def _launch(negotiation):
    deadline = timezone.now() + timedelta(hours=73)
    return launch_silence(negotiation.version, by=negotiation.chair, deadline=deadline)


def test_the_worker_closes_a_due_procedure_and_leaves_one_not_yet_due(negotiation):
    procedure = _launch(negotiation)
    early = worker.run_due(procedure.deadline - timedelta(minutes=1))
    assert early == {
        "close-silence-procedures": 0,
        "decide-stakeholder-requests": 0,
        "resume-export-jobs": 0,
        "forget-finished-export-jobs": 0,
    }
    procedure.refresh_from_db()
    assert procedure.closed_at is None
    assert worker.run_due(procedure.deadline + timedelta(minutes=1)) == {
        "close-silence-procedures": 1,
        "decide-stakeholder-requests": 0,
        "resume-export-jobs": 0,
        "forget-finished-export-jobs": 0,
    }
    procedure.refresh_from_db()
    assert (procedure.state, procedure.adoption.method) == ("passed", "silence")
    events = models.Event.objects.count()
    assert worker.run_due(procedure.deadline + timedelta(days=2))["close-silence-procedures"] == 0
    assert models.Event.objects.count() == events


def test_a_failing_job_does_not_stop_the_others(negotiation):
    procedure = _launch(negotiation)

    def failing(now):
        raise RuntimeError("boom")

    jobs = [worker.Job("failing", failing), worker.JOBS[0]]
    assert worker.run_due(procedure.deadline, jobs) == {
        "failing": 0,
        "close-silence-procedures": 1,
    }


def test_run_forever_stops_when_told(negotiation, monkeypatch):
    calls = []
    stop = threading.Event()

    def once(now=None, jobs=None):
        calls.append(now)
        stop.set()
        return {}

    monkeypatch.setattr(worker, "run_due", once)
    worker.run_forever(0.01, stop)
    assert calls == [None]


def _accord(*args, tmp_path):
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment |= {"ACCORD_DATA_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "accord.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
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
    "resume-export-jobs: 0\n"
    "forget-finished-export-jobs: 0\n"
)


def test_accord_worker_once_records_the_outcome_of_the_demo_silence(tmp_path):
    loaded = _accord("demo", "--no-serve", tmp_path=tmp_path)
    assert loaded.returncode == 0, loaded.stderr
    nothing_due = _accord("worker", "--once", tmp_path=tmp_path)
    assert nothing_due.returncode == 0, nothing_due.stderr
    assert nothing_due.stdout == QUIET
    shifted = _accord("manage", "shell", "-c", SHIFT_DEADLINES, tmp_path=tmp_path)
    assert shifted.returncode == 0, shifted.stderr
    due = _accord("worker", "--once", tmp_path=tmp_path)
    assert due.stdout == QUIET.replace(
        ": 0\ndecide-stakeholder-requests: 0", ": 1\ndecide-stakeholder-requests: 1"
    )
    again = _accord("worker", "--once", tmp_path=tmp_path)
    assert again.stdout == QUIET
    kinds = _accord(
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
    result = _accord("worker", "--once", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "holds no accord record" in result.stderr


def test_break_then_close_through_the_worker(negotiation):
    procedure = _launch(negotiation)
    break_silence(procedure, by=negotiation.germany, letter="No.", provisions=["p1"])
    worker.run_due(procedure.deadline)
    procedure.refresh_from_db()
    assert (procedure.state, procedure.adoption) == ("broken", None)


def test_accord_demo_records_a_deadline_passing_without_any_visit(tmp_path):
    import socket
    import time
    import urllib.request

    assert _accord("demo", "--no-serve", tmp_path=tmp_path).returncode == 0
    soon = SHIFT_DEADLINES.replace("timezone.now() - timedelta(seconds=1)", "timezone.now()")
    assert _accord("manage", "shell", "-c", soon, tmp_path=tmp_path).returncode == 0
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
