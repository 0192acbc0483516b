"""Crash safety: the server process killed outright while delegations are submitting
proposals leaves no action half-written — every proposal has its event, every event its
proposal, each proposal acknowledged is kept — and the chain verifies."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from tests.cli.commands import accord
from tests.scratch_database import scratch_environment

POSTERS = 4
ACKNOWLEDGED_BEFORE_THE_KILL = 12
PROPOSALS = "/api/v1/processes/oewg-ict-demo/documents/report/versions/2/proposals"

# What the database holds afterwards: the crash test's proposals, and the proposals the
# `proposal.submitted` events name.
HELD = """
import json
from accord.store import models
proposals = sorted(
    models.Proposal.objects.filter(wording__startswith="Crash test").values_list("pk", flat=True)
)
named = sorted(
    e.payload["proposal"]
    for e in models.Event.objects.filter(kind="proposal.submitted", payload__proposal__in=proposals)
)
submitted = models.Event.objects.filter(kind="proposal.submitted").count()
all_proposals = models.Proposal.objects.count()
print(json.dumps([proposals, named, submitted, all_proposals]))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _post(url: str, token: str, wording: str) -> int:
    request = urllib.request.Request(  # noqa: S310 - the test's own server
        url,
        data=json.dumps({"provision": "p1", "wording": wording}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        assert response.status == 201
        return json.loads(response.read())["id"]


def _wait_until_up(base: str, server: subprocess.Popen) -> None:
    for _ in range(600):
        assert server.poll() is None, "the server stopped before serving"
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5):  # noqa: S310
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


def test_a_server_killed_in_the_middle_of_actions_leaves_no_half_written_action(tmp_path):
    with scratch_environment(tmp_path, "crash") as environment:
        loaded = accord("demo", "--no-serve", tmp_path=tmp_path, **environment)
        assert loaded.returncode == 0, loaded.stderr
        made = accord("token", "bra", "crash test", tmp_path=tmp_path, **environment)
        token = made.stdout.splitlines()[-1]
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        acknowledged: list[int] = []
        cut: list[str] = []
        stop = threading.Event()

        def submit(poster: int) -> None:
            number = 0
            while not stop.is_set():
                number += 1
                try:
                    acknowledged.append(
                        _post(base + PROPOSALS, token, f"Crash test {poster}-{number}.")
                    )
                except urllib.error.URLError as error:  # the server gone before the request
                    cut.append(type(error.reason).__name__)
                    return
                except OSError as error:  # the server gone while answering
                    cut.append(type(error).__name__)
                    return

        with subprocess.Popen(
            [sys.executable, "-m", "accord.cli", "demo", "--port", str(port)],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ) as server:
            _wait_until_up(base, server)
            posters = [threading.Thread(target=submit, args=(n,)) for n in range(POSTERS)]
            for poster in posters:
                poster.start()
            try:
                for _ in range(3000):
                    if len(acknowledged) >= ACKNOWLEDGED_BEFORE_THE_KILL or cut:
                        break
                    time.sleep(0.1)
                # Killed outright, in the middle of the posters' next actions.
                os.kill(server.pid, signal.SIGKILL)
                server.wait(timeout=30)
            finally:
                stop.set()
                for poster in posters:
                    poster.join(timeout=90)
        assert len(acknowledged) >= ACKNOWLEDGED_BEFORE_THE_KILL
        # At least one poster was waiting for its answer when the server died.
        assert set(cut) - {"ConnectionRefusedError"}, cut
        verified = accord("audit", "verify", tmp_path=tmp_path, **environment)
        assert verified.returncode == 0, verified.stdout + verified.stderr
        assert verified.stdout.startswith("ok: ")
        held = accord("manage", "shell", "-c", HELD, tmp_path=tmp_path, **environment)
        assert held.returncode == 0, held.stderr
        proposals, named, submitted, all_proposals = json.loads(held.stdout.splitlines()[-1])
        # Every proposal kept has its event and every event its proposal; none acknowledged lost.
        assert named == proposals
        assert submitted == all_proposals
        assert set(acknowledged) <= set(proposals)
