"""The server's threads take turns on the interpreter every millisecond (`accord.asgi`), so an
action waiting on the database gets it back soon while pages are rendered; an operator may
set another turn."""

import importlib
import sys

import pytest


@pytest.fixture
def switch_interval():
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # Python's default
    yield
    sys.setswitchinterval(before)


def _served():  # type: ignore[no-untyped-def]
    import accord.asgi

    return importlib.reload(accord.asgi)


def test_the_server_lets_a_waiting_thread_in_after_a_millisecond(switch_interval, monkeypatch):
    monkeypatch.delenv("ACCORD_SWITCH_INTERVAL_MS", raising=False)
    assert _served().SWITCH_INTERVAL_S == 0.001
    assert sys.getswitchinterval() == pytest.approx(0.001)


def test_an_operator_sets_the_turn_in_milliseconds(switch_interval, monkeypatch):
    monkeypatch.setenv("ACCORD_SWITCH_INTERVAL_MS", "5")
    assert _served().SWITCH_INTERVAL_S == 0.005
    assert sys.getswitchinterval() == pytest.approx(0.005)
