import pytest
from django.db import DatabaseError, connection, transaction

from accord.actions.events import record
from accord.store.models import Event, EventsAreAppendOnly

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return record("test.recorded", by=None, process=None, subject="s", payload={"a": 1})


def test_the_application_refuses_to_change_or_delete_an_event(event):
    event.payload = {"a": 2}
    with pytest.raises(EventsAreAppendOnly):
        event.save()
    with pytest.raises(EventsAreAppendOnly):
        event.delete()
    with pytest.raises(EventsAreAppendOnly):
        Event.objects.filter(pk=event.pk).update(kind="forged")
    with pytest.raises(EventsAreAppendOnly):
        Event.objects.filter(pk=event.pk).delete()
    assert Event.objects.get(pk=event.pk).payload == {"a": 1}


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE store_event SET kind = 'forged'",
        "DELETE FROM store_event",
    ],
)
def test_the_database_refuses_to_change_or_delete_an_event(event, statement):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert Event.objects.get(pk=event.pk).kind == "test.recorded"
