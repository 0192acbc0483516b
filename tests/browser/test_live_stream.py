"""Live events over real connections: the demo server's streams follow the record as it grows.

Not a browser test, but like them it needs a running `accord demo` server, so it shares their
server and their marker."""

import json
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

API = "/api/v1/processes/oewg-ict-demo/documents/report/versions/2"


def _head(server: str) -> int:
    with urllib.request.urlopen(f"{server}/api/v1/events?follow=false", timeout=30) as answer:  # noqa: S310
        ids = [int(line[4:]) for line in answer.read().decode().splitlines() if line[:4] == "id: "]
    return ids[-1]


def _follow(server: str, after: int, count: int) -> list[dict]:
    """The first ``count`` messages of a following stream after ``after``."""
    address = urlsplit(server)
    stream = HTTPConnection(address.hostname, address.port, timeout=10)
    stream.request("GET", f"/api/v1/events?process=oewg-ict-demo&after={after}")
    answer = stream.getresponse()
    assert answer.status == 200
    messages: list[dict] = []
    fields: dict[str, str] = {}
    # Heartbeats keep a quiet stream alive, so the socket's timeout alone would never end it.
    deadline = time.monotonic() + 30
    while len(messages) < count and time.monotonic() < deadline:
        line = answer.readline().decode().rstrip("\n")
        if line.startswith(("id: ", "event: ", "data: ")):
            key, value = line.split(": ", 1)
            fields[key] = value
        elif not line and fields:
            messages.append({**fields, "id": int(fields["id"])})
            fields = {}
    stream.close()
    return messages


def _token(environment: dict[str, str], username: str) -> str:
    made = subprocess.run(
        [sys.executable, "-m", "accord.cli", "token", username, "live stream test"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return made.stdout.strip().splitlines()[-1]


def _record_position(server: str, token: str, provision: str) -> None:
    request = urllib.request.Request(  # noqa: S310
        f"{server}{API}/positions",
        data=json.dumps({"provision": provision, "stance": "support"}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
        assert answer.status == 201


def test_two_open_streams_receive_each_new_event_once_in_order(demo_server, demo_environment):
    token = _token(demo_environment, "jpn")
    head = _head(demo_server)
    with ThreadPoolExecutor(2) as pool:
        streams = [pool.submit(_follow, demo_server, head, 2) for _ in range(2)]
        _record_position(demo_server, token, "p5")
        _record_position(demo_server, token, "p6")
        received = [stream.result(timeout=30) for stream in streams]
    for messages in received:
        assert [(m["id"], m["event"]) for m in messages] == [
            (head + 1, "position.recorded"),
            (head + 2, "position.recorded"),
        ]
        data = [json.loads(m["data"]) for m in messages]
        assert [(d["delegation"], d["payload"]["provision"]) for d in data] == [
            ("JPN", "p5"),
            ("JPN", "p6"),
        ]
