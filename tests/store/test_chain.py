"""The append path: the hand-written SQL writes exactly the event it was given, moves the head,
locks it, chains to the right event even when another process appended meanwhile, and does so
in as few statements as it claims."""

import json
from datetime import UTC, datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from accord.actions.events import record
from accord.core import eventlog
from accord.core.eventlog import GENESIS, chain_hash
from accord.store import chain, models, signing
from accord.store import record as published

pytestmark = pytest.mark.django_db


def _first_event():
    with transaction.atomic():
        return record("test.first", by=None, process=None, subject="s", payload={})


@transaction.atomic
def _action_failing_after_its_event():
    record("test.lost", by=None, process=None, subject="s", payload={})
    raise RuntimeError("the action failed after writing its event")


def _statements(queries: CaptureQueriesContext) -> list[str]:
    return [
        query["sql"]
        for query in queries.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE"))
    ]


def _verifies() -> bool:
    check = eventlog.public_key_check(signing.public_pem().encode())
    return eventlog.verify(published.log_lines(), check).ok


def test_the_hand_written_sql_names_the_tables_of_the_models():
    assert models.ChainHead._meta.db_table == "store_chainhead"
    assert models.Event._meta.db_table == "store_event"
    assert {field.column for field in chain._fields()} == {
        field.column for field in models.Event._meta.concrete_fields if field.name != "id"
    }


def test_an_appended_event_reads_back_exactly_as_written(negotiation):
    brazil = models.Delegation.objects.get(code="BRA")
    first = _first_event()
    occurred_at = datetime(2026, 11, 29, 10, 0, 0, 123456, tzinfo=UTC)
    payload = {"text": "Égalité — “quoted”", "list": [1, {"n": None}], "ok": True}

    def chained(head: chain.Head) -> models.Event:
        return models.Event(
            seq=head.seq + 1,
            kind="position.recorded",
            process=negotiation.process,
            actor=negotiation.brazil,
            delegation=brazil,
            subject="provision:p1",
            payload=payload,
            occurred_at=occurred_at,
            visibility="public",
            body='{"seq":2}',
            sealed="",
            salt="",
            digest=chain_hash(head.digest, b'{"seq":2}').decode(),
            signature="ab" * 64,
        )

    with transaction.atomic():
        event = chain.append(chained)

    stored = models.Event.objects.get(pk=event.pk)
    assert (stored.seq, stored.kind, stored.subject, stored.visibility) == (
        first.seq + 1,
        "position.recorded",
        "provision:p1",
        "public",
    )
    assert (stored.process, stored.actor, stored.delegation) == (
        negotiation.process,
        negotiation.brazil,
        brazil,
    )
    assert stored.payload == payload
    assert stored.occurred_at == occurred_at
    assert (stored.body, stored.digest, stored.signature) == (
        event.body,
        chain_hash(first.digest.encode(), b'{"seq":2}').decode(),
        event.signature,
    )
    assert models.ChainHead.objects.values_list("seq", "digest").get() == (
        event.seq,
        event.digest,
    )
    with pytest.raises(models.EventsAreAppendOnly):
        event.save()


def test_an_append_after_this_process_last_wrote_is_one_statement_on_postgresql():
    _first_event()
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        event = record("test.second", by=None, process=None, subject="s", payload={"n": 2})
    statements = _statements(queries)
    if connection.vendor == "postgresql":
        assert len(statements) == 1
        assert statements[0].startswith("WITH moved AS (UPDATE store_chainhead")
    else:
        assert len(statements) == 2
        assert statements[0].startswith("UPDATE store_chainhead")
    assert json.loads(event.body)["payload"] == {"n": 2}
    assert _verifies()


def test_after_another_process_appended_the_head_is_read_under_lock_and_the_event_chained_again():
    first = _first_event()
    # Another instance of accord appends: this process's idea of the head is now behind.
    behind = chain._last_written[connection.alias]
    _first_event()
    chain._last_written[connection.alias] = behind
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        third = record("test.third", by=None, process=None, subject="s", payload={})
    assert third.seq == first.seq + 2
    assert any(sql.startswith("SELECT h.seq, h.digest") for sql in _statements(queries))
    assert models.Event.objects.filter(seq__gt=first.seq).count() == 2
    assert _verifies()


def test_a_head_remembered_from_a_transaction_that_rolled_back_is_not_chained_to():
    first = _first_event()
    with pytest.raises(RuntimeError):
        _action_failing_after_its_event()
    assert chain._last_written[connection.alias].seq == first.seq + 1  # remembered, rolled back
    second = _first_event()
    assert second.seq == first.seq + 1
    assert _verifies()


def test_a_head_that_moves_under_the_lock_is_refused_and_nothing_is_written(monkeypatch):
    _first_event()
    chain._last_written.clear()
    before = models.Event.objects.count()
    monkeypatch.setattr(chain, "locked_head", lambda: chain.Head(0, GENESIS, signing.private_key()))
    with pytest.raises(chain.HeadMoved), transaction.atomic():
        record("test.forked", by=None, process=None, subject="s", payload={})
    assert models.Event.objects.count() == before


def test_the_head_is_read_under_a_row_lock_where_the_database_has_row_locks():
    # Made without any lock on the head, which would last as long as the test's transaction.
    models.ChainHead.objects.create(pk=1, seq=0, digest=GENESIS.decode())
    signing.private_key()
    with transaction.atomic():
        assert chain.locked_head().seq == 0
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() "
                    "AND relation = 'store_chainhead'::regclass"
                )
                modes = {mode for (mode,) in cursor.fetchall()}
            assert "RowShareLock" in modes  # what SELECT … FOR UPDATE takes
        else:
            # SQLite has no row locks: every transaction takes the write lock as it begins.
            assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
