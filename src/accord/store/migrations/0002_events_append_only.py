"""The database itself refuses to update or delete events, whatever the application does."""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER store_event_no_update BEFORE UPDATE ON store_event
       BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
    """CREATE TRIGGER store_event_no_delete BEFORE DELETE ON store_event
       BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER store_event_no_update",
    "DROP TRIGGER store_event_no_delete",
]
POSTGRESQL = [
    """CREATE FUNCTION store_event_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'events are append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER store_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
       ON store_event FOR EACH STATEMENT EXECUTE FUNCTION store_event_append_only()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER store_event_append_only ON store_event",
    "DROP FUNCTION store_event_append_only()",
]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("store", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
