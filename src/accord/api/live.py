"""Live events for programs and pages: server-sent events, resumable with Last-Event-ID.

Each message is one event of the record: ``id`` its sequence number, ``event`` its kind,
``data`` its JSON. The stream polls the database, so it works the same with one instance on
SQLite or several behind a load balancer on PostgreSQL.
"""

import asyncio
from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest, StreamingHttpResponse
from ninja import Router

from accord.api.auth import optional_user
from accord.store import record

router = Router(tags=["live"])

POLL_SECONDS = 1.0
# A comment line now and then keeps proxies from closing an idle stream.
HEARTBEAT_SECONDS = 15.0


def _start(request: HttpRequest, after: int | None) -> int:
    last = request.headers.get("Last-Event-ID", "")
    return int(last) if last.isdigit() else (after or 0)


async def _stream(
    user: User | AnonymousUser, seq: int, process: str | None, follow: bool
) -> AsyncIterator[str]:
    fetch = sync_to_async(record.events_after)
    idle = 0.0
    while True:
        batch = await fetch(seq, user=user, process=process)
        for seq, kind, data in batch:
            yield f"id: {seq}\nevent: {kind}\ndata: {data}\n\n"
        if not follow:
            return
        idle = 0.0 if batch else idle + POLL_SECONDS
        if idle >= HEARTBEAT_SECONDS:
            idle = 0.0
            yield ": still here\n\n"
        await asyncio.sleep(POLL_SECONDS)


@router.get("/events")
def events(
    request: HttpRequest, after: int | None = None, process: str | None = None, follow: bool = True
) -> StreamingHttpResponse:
    """The record's events as server-sent events, after ``after`` or the ``Last-Event-ID``
    header; ``process`` narrows to one process; ``follow=false`` sends what there is and ends."""
    optional_user(request)
    user = request.user
    response = StreamingHttpResponse(
        _stream(user, _start(request, after), process, follow), content_type="text/event-stream"
    )
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response
