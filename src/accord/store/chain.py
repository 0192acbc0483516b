"""The append: every event chained to the head of the log, and the head moved on.

Appending is on the path of every action, so this is the one place in accord that writes its
SQL by hand — the ORM spends longer composing these statements than the database spends
running them — and it asks as little of the database as it safely can. Each process remembers
the head it last wrote; an append chains to that and moves the head only if the head is still
there, checked by the same statement that writes the event (on PostgreSQL one round trip in
all). When another process has appended since, the head is read under a lock and the event
chained again.

On PostgreSQL the same statement also sends a notification on `NOTIFY_CHANNEL`, which the
database delivers when the transaction commits (once per transaction, however many events it
appends): the live feed of every instance listens for it (`accord.api.live`).
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Field

from accord.core.eventlog import GENESIS
from accord.store import models, signing


@dataclass(frozen=True, slots=True)
class Head:
    """The last event of the chain — its number and hash — and the key to sign the next."""

    seq: int
    digest: bytes
    key: signing.Signer


class HeadMoved(Exception):
    """The head moved while this transaction held its lock: the database is not serialising
    appends, and nothing was written."""


# The channel the appends notify on PostgreSQL.
NOTIFY_CHANNEL = "accord_events"

# The head each database last had from this process, by connection alias.
_last_written: dict[str, Head] = {}


def append(chained: Callable[[Head], models.Event]) -> models.Event:
    """Write the event ``chained`` makes to follow a head, and make it the head; inside the
    action's transaction, which then holds the head until it ends."""
    head = _last_written.get(connection.alias) or locked_head()
    event = chained(head)
    if not _written_after(event, head):
        head = locked_head()
        event = chained(head)
        if not _written_after(event, head):
            raise HeadMoved()
    _last_written[connection.alias] = Head(event.seq, event.digest.encode(), head.key)
    return event


def forget_head() -> None:
    """Forget the head, and the key, this process last wrote with on this connection: the
    next append reads both again (after the key was rotated)."""
    _last_written.pop(connection.alias, None)


def locked_head() -> Head:
    """The chain head, locked until the transaction ends so that concurrent appends line up,
    with the instance's key (which must be the key in force); created on the very first
    append."""
    with connection.cursor() as cursor:
        cursor.execute(_LOCKED_HEAD if connection.features.has_select_for_update_of else _HEAD)
        row = cursor.fetchone()
    if row is not None:
        seq, digest = row
        return Head(seq, digest.encode(), signing.key_in_force())
    head, _ = models.ChainHead.objects.select_for_update().get_or_create(
        pk=1, defaults={"seq": 0, "digest": GENESIS.decode()}
    )
    return Head(head.seq, head.digest.encode(), signing.key_in_force())


def _written_after(event: models.Event, head: Head) -> bool:
    """Insert ``event`` and make it the head, if ``head`` is still the head; else write
    nothing and say so."""
    values = [
        field.get_db_prep_save(getattr(event, field.attname), connection) for field in _fields()
    ]
    moved: list[Any] = [event.seq, event.digest, head.seq, head.digest.decode()]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_insert_sql(after_moving=True), [*moved, *values])
            row = cursor.fetchone()
        else:  # SQLite: its transactions take the write lock as they begin
            cursor.execute(_MOVE_HEAD, moved)
            if cursor.rowcount != 1:
                return False
            cursor.execute(_insert_sql(after_moving=False), values)
            row = cursor.fetchone()
    if row is None:
        return False
    event.pk = row[0]
    event._state.adding, event._state.db = False, connection.alias
    return True


# The table is that of models.ChainHead (tests/store/test_chain.py).
_HEAD = "SELECT h.seq, h.digest FROM store_chainhead h WHERE h.id = 1"
_LOCKED_HEAD = _HEAD + " FOR UPDATE OF h"
_MOVE_HEAD = (
    "UPDATE store_chainhead SET seq = %s, digest = %s WHERE id = 1 AND seq = %s AND digest = %s"
)


@functools.cache
def _fields() -> "list[Field[Any, Any]]":
    return [field for field in models.Event._meta.concrete_fields if not field.primary_key]


@functools.cache
def _insert_sql(*, after_moving: bool) -> str:
    """The event's INSERT; ``after_moving``, one statement that moves the head and inserts the
    event only if the head moved."""
    quote = connection.ops.quote_name
    table = quote(models.Event._meta.db_table)
    columns = ", ".join(quote(str(field.column)) for field in _fields())
    values = ", ".join(["%s"] * len(_fields()))
    if after_moving:
        return (
            f"WITH moved AS ({_MOVE_HEAD} RETURNING 1) "  # noqa: S608 - names from the model
            f"INSERT INTO {table} ({columns}) SELECT {values} FROM moved, "
            f"(SELECT pg_notify('{NOTIFY_CHANNEL}', '')) AS woken RETURNING id"
        )
    return f"INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING id"  # noqa: S608
