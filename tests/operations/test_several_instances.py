"""Two instances of `accord serve` and one `accord worker` on one database (PostgreSQL when
the suite runs on it), as behind a load balancer: what one instance records the other serves
and streams live, the worker closes a deadline for both, and both are ready."""

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import ExitStack

from tests.cli.commands import accord
from tests.cli.test_serve import SHIFT_DEADLINES
from tests.scratch_database import scratch_environment

PROCESS = "/api/v1/processes/oewg-ict-demo"
PROPOSALS = f"{PROCESS}/documents/report/versions/2/proposals"
# Production settings, but plain HTTP on 127.0.0.1 (no TLS proxy in a test).
SERVING = {"ACCORD_SECRET_KEY": "a-test-only-secret-" * 3, "ACCORD_SECURE_COOKIES": "0"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _until(check, what: str, tries: int = 1200) -> object:
    """``check()`` once it gives something, looking every 0.1 s for up to two minutes."""
    for _ in range(tries):
        try:
            found = check()
        except OSError:
            found = None
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"never: {what}")


def _started(stack: ExitStack, command: list[str], environment: dict[str, str]) -> None:
    process = stack.enter_context(
        subprocess.Popen(
            [sys.executable, "-m", "accord.cli", *command],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    )

    def stop() -> None:
        process.terminate()
        process.wait(timeout=60)

    stack.callback(stop)


def test_two_instances_and_a_worker_share_one_database(tmp_path):
    with scratch_environment(tmp_path, "instances") as environment, ExitStack() as stack:
        loaded = accord("demo", "--no-serve", tmp_path=tmp_path, **environment)
        assert loaded.returncode == 0, loaded.stderr
        token = accord("token", "bra", "two", tmp_path=tmp_path, **environment).stdout
        token = token.splitlines()[-1]
        serving = environment | SERVING
        first, second = (f"http://127.0.0.1:{_free_port()}" for _ in range(2))
        for base in (first, second):  # one after the other: each migrates before it serves
            port = base.rsplit(":", 1)[1]
            _started(stack, ["serve", "--port", port, "--workers", "1"], serving)
            _until(lambda base=base: _get(f"{base}/healthz")[0] == 200, f"{base} up")
        _started(stack, ["worker", "--interval", "0.5"], serving)

        # A stream open on the second instance, from the record's current end.
        head = max(
            int(line[4:])
            for line in _get(f"{second}/api/v1/events?follow=false")[1].decode().splitlines()
            if line.startswith("id: ")
        )
        seen: list[str] = []
        stream = urllib.request.urlopen(  # noqa: S310
            f"{second}/api/v1/events?after={head}&process=oewg-ict-demo", timeout=120
        )
        stack.callback(stream.close)

        def read() -> None:
            try:
                for line in stream:
                    seen.append(line.decode())
                    if line.startswith(b"data: ") and b"proposal.submitted" in line:
                        return
            except (OSError, ValueError, AttributeError):  # closed by a failing test
                return

        reader = threading.Thread(target=read, daemon=True)
        reader.start()

        # A proposal made through the first instance ...
        request = urllib.request.Request(  # noqa: S310
            f"{first}{PROPOSALS}",
            data=json.dumps({"provision": "p2", "wording": "Through the first."}).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            made = json.loads(response.read())["id"]
        # ... is read through the second, and reaches the stream open on it.
        status, read_back = _get(f"{second}/api/v1/events?follow=false&after={head}")
        assert status == 200
        assert [
            json.loads(line[6:])["payload"]["proposal"]
            for line in read_back.decode().splitlines()
            if line.startswith("data: ") and "proposal.submitted" in line
        ] == [made]
        reader.join(timeout=120)
        assert not reader.is_alive(), seen
        assert "event: proposal.submitted\n" in seen
        data = next(line for line in seen if line.startswith("data: "))
        assert json.loads(data[6:])["payload"]["proposal"] == made

        # The worker closes a silence procedure whose deadline has passed, for both.
        shifted = accord("manage", "shell", "-c", SHIFT_DEADLINES, tmp_path=tmp_path, **environment)
        assert shifted.returncode == 0, shifted.stderr

        def state(base: str) -> str | None:
            found = json.loads(_get(f"{base}{PROCESS}/silence-procedures")[1])["items"][0]
            return None if found["state"] == "running" else found["state"]

        assert _until(lambda: state(second), "the silence procedure closed") == "broken"
        assert state(first) == "broken"
        for base in (first, second):
            ready = _until(
                lambda base=base: (r := _get(f"{base}/readyz"))[0] == 200 and r, f"{base} ready"
            )
            assert json.loads(ready[1])["status"] == "ready"
