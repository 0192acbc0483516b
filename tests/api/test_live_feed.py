"""The instance's live feed: a stream that comes while the reader is stopping still gets a
reader, and on PostgreSQL a committed append notifies the feed's listening connection."""

import asyncio
import threading

import psycopg
import pytest
from django.db import connection
from tests.cli.commands import accord
from tests.scratch_database import on_postgresql, scratch_environment

from accord.api import live
from accord.store.chain import NOTIFY_CHANNEL
from accord.store.record import Published


class ControlledSource:
    """A record in memory whose reader moves one step each time the test says so, and whose
    closing waits until the test lets it finish."""

    def __init__(self) -> None:
        self.events: list[Published] = []
        self.tick = threading.Semaphore(0)
        self.closing = threading.Event()
        self.may_close = threading.Event()
        self.closed = 0

    def head(self) -> int:
        return self.events[-1].seq if self.events else 0

    def after(self, seq: int) -> list[Published]:
        return [event for event in self.events if event.seq > seq]

    def wait(self) -> None:
        self.tick.acquire()

    def close(self) -> None:
        self.closing.set()
        self.may_close.wait()
        self.closed += 1


CREATE_PROCESS = (
    "from accord.actions.processes import create_process; "
    "create_process(by=None, slug='wg', title='Working group')"
)


def _event(seq: int) -> Published:
    return Published(seq, "proposal.submitted", None, None, f'{{"seq": {seq}}}', "")


async def _in_thread(wait) -> None:
    await asyncio.get_running_loop().run_in_executor(None, wait)


async def _a_stream_that_connects_while_the_reader_exits() -> tuple[list[int], int]:
    source = ControlledSource()
    source.events.append(_event(1))
    feed = live.Feed(source=source)
    feed.follow()  # the first page
    first = feed.reader
    await feed.ready.wait()
    assert feed.base == 1
    feed.leave()  # ... goes away: the reader looks at its followers once more, and stops
    source.tick.release()
    await _in_thread(source.closing.wait)  # the reader is in its `finally`, closing
    assert not first.done()
    feed.follow()  # a page connects now
    assert feed.reader is not None
    assert feed.reader is not first
    source.may_close.set()
    await first
    await feed.ready.wait()
    arrived = feed.arrived
    source.events.append(_event(2))
    source.tick.release()
    await asyncio.wait_for(arrived.wait(), 30)
    held = [event.seq for event in feed.after(1)]
    second = feed.reader
    feed.leave()
    source.tick.release()
    await second
    return held, source.closed


def test_a_page_connecting_while_the_reader_exits_gets_a_reader_of_its_own():
    held, closed = asyncio.run(_a_stream_that_connects_while_the_reader_exits())
    assert held == [2]
    assert closed == 2  # each reader gave its connection back


def test_the_feed_listens_on_postgresql_and_polls_on_sqlite(db):
    kind = live.ListeningSource if connection.vendor == "postgresql" else live.PollingSource
    assert type(live.database_source()) is kind


@pytest.mark.skipif(not on_postgresql(), reason="notifications are PostgreSQL's")
def test_on_postgresql_committed_appends_notify_the_listening_feed(tmp_path):
    with scratch_environment(tmp_path, "live") as environment:
        migrated = accord("migrate", tmp_path=tmp_path, **environment)
        assert migrated.returncode == 0, migrated.stderr
        listening = psycopg.connect(environment["DATABASE_URL"], autocommit=True)
        with listening:
            listening.execute(f"LISTEN {NOTIFY_CHANNEL}")
            assert list(listening.notifies(timeout=0.01)) == []
            # One action, one transaction, its events appended: one notification at commit.
            created = accord(
                "manage", "shell", "-c", CREATE_PROCESS, tmp_path=tmp_path, **environment
            )
            assert created.returncode == 0, created.stderr
            woken = list(listening.notifies(timeout=30, stop_after=1))
        assert [(n.channel, n.payload) for n in woken] == [(NOTIFY_CHANNEL, "")]
