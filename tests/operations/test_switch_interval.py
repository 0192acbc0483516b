"""The server's threads take turns on the interpreter every millisecond (`accord.asgi`), so an
action waiting on the database gets it back soon while pages are rendered."""

import importlib
import sys

import pytest


def test_the_server_lets_a_waiting_thread_in_after_a_millisecond():
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # Python's default
        import accord.asgi

        importlib.reload(accord.asgi)
        assert sys.getswitchinterval() == pytest.approx(0.001)
        assert accord.asgi.SWITCH_INTERVAL_S == 0.001
    finally:
        sys.setswitchinterval(before)
