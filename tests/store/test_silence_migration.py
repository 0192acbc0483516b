"""Procedures recorded before the lifecycle get their state: open ones still running, or
superseded or closed by adoption where the text moved on while they were open."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("store", "0013_export_jobs")]
AFTER = [("store", "0015_silence_lifecycle")]
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def _migrate(targets):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def latest_schema_after():  # type: ignore[no-untyped-def]
    """Leave the database at the latest migrations for the tests that follow."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_schema_after")
def test_old_outcomes_become_states() -> None:
    old = _migrate(BEFORE)
    user = old.get_model("auth", "User").objects.create(username="chair")
    process = old.get_model("store", "Process").objects.create(slug="wg", title="WG")
    documents, versions = old.get_model("store", "Document"), old.get_model("store", "Version")
    procedures = old.get_model("store", "SilenceProcedure")

    def version(slug: str, number: int, at: datetime):  # type: ignore[no-untyped-def]
        document, _ = documents.objects.get_or_create(process=process, slug=slug, title=slug)
        return versions.objects.create(
            document=document, number=number, label=f"v{number}", title=slug, issued_at=at
        )

    def procedure(on, outcome: str, closed: datetime | None = None) -> int:  # type: ignore[no-untyped-def]
        row = procedures.objects.create(
            version=on,
            launched_by=user,
            launched_at=T0,
            deadline=T0 + timedelta(days=3),
            closed_at=closed,
            outcome=outcome,
        )
        return int(row.pk)

    running = procedure(version("a", 1, T0), "")
    adopted = procedure(version("b", 1, T0), "adopted", T0 + timedelta(days=3))
    broken = procedure(version("c", 1, T0), "broken", T0 + timedelta(days=3))
    replaced = version("d", 1, T0)
    revised_at = T0 + timedelta(days=1)
    left_open = procedure(replaced, "")
    version("d", 2, revised_at)
    on_adopted = version("e", 1, T0)
    old.get_model("store", "Adoption").objects.create(
        version=on_adopted, adopted=True, decided_at=T0 + timedelta(days=2)
    )
    lapsed = procedure(on_adopted, "lapsed", T0 + timedelta(days=3))

    new = _migrate(AFTER)
    rows = {
        row.pk: (row.state, row.closed_at, row.superseded_by and row.superseded_by.number)
        for row in new.get_model("store", "SilenceProcedure").objects.all()
    }
    assert rows == {
        running: ("running", None, None),
        adopted: ("passed", T0 + timedelta(days=3), None),
        broken: ("broken", T0 + timedelta(days=3), None),
        left_open: ("superseded", revised_at, 2),
        lapsed: ("closed-by-adoption", T0 + timedelta(days=3), None),
    }
