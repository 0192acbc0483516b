"""Live events for programs and pages: server-sent events, resumable with Last-Event-ID.

Each message is one event of the record: ``id`` its sequence number, ``event`` its kind,
``data`` its JSON. A stream first catches up from the database, then follows the instance's
feed: one reader per instance that reads new events on behalf of every stream it serves. So
193 open pages cost one query per new event and one database connection, not 193 of each,
and it works the same with one instance on SQLite or several behind a load balancer on
PostgreSQL (each instance reads the shared record).

What wakes the reader depends on the database (`Source`). On PostgreSQL each append sends a
notification (`accord.store.chain`) when its transaction commits, and the reader listens for
it on a connection of its own (`ListeningSource`): an event is read as soon as it is
committed, and an idle instance reads nothing, but once a second, in case a notification was
missed while the connection was being made again. On SQLite, which has no notifications, the
reader looks a few times a second (`PollingSource`).
"""

import asyncio
import logging
import time
import weakref
from collections import deque
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from asgiref.sync import sync_to_async
from django.db import DatabaseError, connection
from django.http import HttpRequest, StreamingHttpResponse
from ninja import Router

from accord.api import contract
from accord.api.auth import optional_user
from accord.api.contract import TYPED_READ, errors
from accord.api.lookups import visible_process
from accord.security.observability import LIVE_STREAMS
from accord.store import record
from accord.store.chain import NOTIFY_CHANNEL
from accord.store.record import Published

router = Router(tags=["live"])
log = logging.getLogger(__name__)

POLL_SECONDS = 0.2
# On PostgreSQL, the longest the reader waits for a notification before it reads anyway.
LISTEN_SECONDS = 1.0
# A comment line now and then keeps proxies from closing an idle stream.
HEARTBEAT_SECONDS = 15.0
# The newest events the feed holds; a stream further behind catches up from the database.
HELD = 2000
BATCH = 500


class Source(Protocol):
    """Where a feed reads the record, and what tells it to read again. Each method runs in
    the feed's own thread and may block it."""

    def head(self) -> int: ...

    def after(self, seq: int) -> list[Published]: ...

    def wait(self) -> None:
        """Return when new events may have been committed."""

    def close(self) -> None:
        """Give back the connections this source holds in this thread."""


class PollingSource:
    """The record as the feed's thread reads it, looked at every `POLL_SECONDS` (SQLite)."""

    def head(self) -> int:
        return record.head_seq()

    def after(self, seq: int) -> list[Published]:
        return record.published_after(seq)

    def wait(self) -> None:
        time.sleep(POLL_SECONDS)

    def close(self) -> None:
        # Looked up here, in the thread that runs it: the feed's own connection.
        connection.close()


class ListeningSource(PollingSource):
    """PostgreSQL: the reader waits for the appends' notifications on a connection of its
    own, kept open while the feed reads (one per instance)."""

    def __init__(self) -> None:
        self.listening: Any = None

    def _listen(self) -> Any:
        import psycopg

        params = connection.get_connection_params()
        for unused in ("context", "cursor_factory"):
            params.pop(unused, None)
        listening = psycopg.connect(**params, autocommit=True)
        listening.execute(f"LISTEN {NOTIFY_CHANNEL}")
        return listening

    def wait(self) -> None:
        try:
            if self.listening is None:
                self.listening = self._listen()
                return  # read once now: what was committed before the LISTEN sent nothing
            for _ in self.listening.notifies(timeout=LISTEN_SECONDS, stop_after=1):
                pass
        except Exception:
            log.warning("the live feed's listening connection failed; making it again")
            self._drop_listening()
            time.sleep(POLL_SECONDS)

    def _drop_listening(self) -> None:
        if self.listening is not None:
            try:
                self.listening.close()
            finally:
                self.listening = None

    def close(self) -> None:
        self._drop_listening()
        super().close()


def database_source() -> Source:
    """The source for the configured database."""
    return ListeningSource() if connection.vendor == "postgresql" else PollingSource()


@dataclass(eq=False)
class Feed:
    """The record's newest events, read for all of one instance's streams at once.

    Once ``ready``, ``base`` is the sequence number after which every event is held in
    ``events``. The feed reads in a thread of its own, so it holds one database connection
    (and on PostgreSQL one listening connection) however many streams follow it, and it stops
    reading when the last stream has gone. ``reader`` is the reading task while it serves
    streams: it lets go of it at the moment it decides to stop, so a stream that comes while
    the old reader is still closing its connections starts a new one.
    """

    source: Source = field(default_factory=database_source)
    events: deque[Published] = field(default_factory=lambda: deque(maxlen=HELD))
    base: int = 0
    followers: int = 0
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    reader: asyncio.Task[None] | None = None
    thread: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="accord-live")
    )

    def after(self, seq: int) -> list[Published] | None:
        """The held events after ``seq``; None when ``seq`` is older than what is held."""
        if seq < self.base:
            return None
        return [event for event in self.events if event.seq > seq]

    def follow(self) -> None:
        self.followers += 1
        if self.reader is None:
            self.ready.clear()
            self.events.clear()
            self.reader = asyncio.get_running_loop().create_task(self._read())

    def leave(self) -> None:
        self.followers -= 1

    async def _read(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self.followers > 0:
                try:
                    if not self.ready.is_set():
                        self.base = await loop.run_in_executor(self.thread, self.source.head)
                        self.ready.set()
                    else:
                        self._hold(await loop.run_in_executor(self.thread, self._next))
                except DatabaseError:
                    # A database that went away: drop the connection, try again next time.
                    await loop.run_in_executor(self.thread, self.source.close)
                await loop.run_in_executor(self.thread, self.source.wait)
        finally:
            # No await between the last look at the followers and letting go: a stream that
            # follows from here on starts a reader of its own.
            if self.reader is asyncio.current_task():
                self.reader = None
            await loop.run_in_executor(self.thread, self.source.close)

    def _next(self) -> list[Published]:
        return self.source.after(self.events[-1].seq if self.events else self.base)

    def _hold(self, new: list[Published]) -> None:
        if not new:
            return
        dropped = len(self.events) + len(new) - HELD
        if dropped > 0:
            self.base = [*self.events, *new][dropped - 1].seq
        self.events.extend(new)
        self.arrived.set()
        self.arrived = asyncio.Event()


_feeds: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Feed]" = weakref.WeakKeyDictionary()


def _feed() -> Feed:
    """The feed of the running event loop (one per server process)."""
    loop = asyncio.get_running_loop()
    if loop not in _feeds:
        _feeds[loop] = Feed()
    return _feeds[loop]


def _give_back_connection() -> None:
    """Close this thread's database connection, unless a transaction is using it (as the
    tests' transactions do): a stream lives long and must not hold a connection while it
    waits."""
    if not connection.in_atomic_block:
        connection.close()


def _catch_up(seq: int, process: str | None) -> list[Published]:
    try:
        return record.published_after(seq, process=process, limit=BATCH)
    finally:
        _give_back_connection()


def _message(event: Published, insiders: frozenset[int]) -> str:
    return f"id: {event.seq}\nevent: {event.kind}\ndata: {event.seen_by(insiders)}\n\n"


async def _stream(
    insiders: frozenset[int], seq: int, process: str | None, follow: bool
) -> AsyncIterator[str]:
    # In the request's own thread, as every database read of a request is.
    catch_up = sync_to_async(_catch_up)
    while True:
        batch = await catch_up(seq, process)
        for event in batch:
            seq = event.seq
            yield _message(event, insiders)
        if len(batch) < BATCH:
            break
    if not follow:
        return
    feed = _feed()
    feed.follow()
    LIVE_STREAMS.inc()
    try:
        await feed.ready.wait()
        while True:
            held = feed.after(seq)
            if held is None:  # behind what the feed holds: read the gap from the database
                floor = feed.base  # every event up to here was committed before the read
                held = await catch_up(seq, process)
                if len(held) < BATCH:
                    seq = max(seq, floor)
            for event in held:
                seq = event.seq
                if process is None or event.process == process:
                    yield _message(event, insiders)
            if held:
                continue
            try:
                await asyncio.wait_for(feed.arrived.wait(), HEARTBEAT_SECONDS)
            except TimeoutError:
                yield ": still here\n\n"
    finally:
        LIVE_STREAMS.dec()
        feed.leave()


@router.get(
    "/events",
    response={200: None, **errors(*TYPED_READ)},
    openapi_extra=contract.LAST_EVENT_ID,
)
def events(
    request: HttpRequest, after: int | None = None, process: str | None = None, follow: bool = True
) -> StreamingHttpResponse:
    """The record's events as server-sent events, after ``after`` or the ``Last-Event-ID``
    header; ``process`` narrows to one process; ``follow=false`` sends what there is and ends."""
    optional_user(request)
    if process is not None:
        # A confidential process's slug answers exactly as a slug that names nothing.
        visible_process(request, process)
    last = request.headers.get("Last-Event-ID", "")
    start = int(last) if last.isdigit() else (after or 0)
    insiders = record.insider_processes(request.user)
    # Who is asking is settled; the stream itself reads through the feed, so this request
    # gives its connection back now instead of holding it for as long as the page is open.
    _give_back_connection()
    response = StreamingHttpResponse(
        _stream(insiders, start, process, follow), content_type="text/event-stream"
    )
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response
