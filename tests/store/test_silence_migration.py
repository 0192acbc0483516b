"""Procedures recorded before the lifecycle get their state: open ones still running, or
superseded or closed by adoption where the text moved on while they were open. The data step
of the migration runs here on today's models, which have the fields it reads and writes."""

import importlib
from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import User

from accord.store import models

MIGRATION = importlib.import_module("accord.store.migrations.0015_silence_lifecycle")
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
DEADLINE = T0 + timedelta(days=3)

pytestmark = pytest.mark.django_db


def test_old_outcomes_become_states() -> None:
    chair = User.objects.create(username="chair")
    process = models.Process.objects.create(slug="wg", title="WG")

    def version(slug: str, number: int, at: datetime = T0) -> models.Version:
        document, _ = models.Document.objects.get_or_create(process=process, slug=slug, title=slug)
        return models.Version.objects.create(
            document=document, number=number, label=f"v{number}", title=slug, issued_at=at
        )

    def procedure(on: models.Version, outcome: str, closed: datetime | None = None) -> int:
        row = models.SilenceProcedure.objects.create(
            version=on,
            launched_by=chair,
            launched_at=T0,
            deadline=DEADLINE,
            closed_at=closed,
            state=outcome,
        )
        return row.pk

    running = procedure(version("a", 1), "")
    adopted = procedure(version("b", 1), "adopted", DEADLINE)
    broken = procedure(version("c", 1), "broken", DEADLINE)
    left_open = procedure(version("d", 1), "")
    revised = T0 + timedelta(days=1)
    version("d", 2, revised)
    on_adopted = version("e", 1)
    models.Adoption.objects.create(version=on_adopted, adopted=True, decided_at=DEADLINE)
    lapsed = procedure(on_adopted, "lapsed", DEADLINE)
    decided = T0 + timedelta(days=2)
    adopted_meanwhile = version("f", 1)
    models.Adoption.objects.create(version=adopted_meanwhile, adopted=True, decided_at=decided)
    open_on_adopted = procedure(adopted_meanwhile, "")

    MIGRATION.to_states(apps, None)

    rows = {
        row.pk: (row.state, row.closed_at, row.superseded_by and row.superseded_by.number)
        for row in models.SilenceProcedure.objects.select_related("superseded_by")
    }
    assert rows == {
        running: ("running", None, None),
        adopted: ("passed", DEADLINE, None),
        broken: ("broken", DEADLINE, None),
        left_open: ("superseded", revised, 2),
        lapsed: ("closed-by-adoption", DEADLINE, None),
        open_on_adopted: ("closed-by-adoption", decided, None),
    }
    MIGRATION.to_outcomes(apps, None)
    back = dict(models.SilenceProcedure.objects.values_list("pk", "state"))
    assert back == {
        running: "",
        adopted: "adopted",
        broken: "broken",
        left_open: "lapsed",
        lapsed: "lapsed",
        open_on_adopted: "lapsed",
    }
