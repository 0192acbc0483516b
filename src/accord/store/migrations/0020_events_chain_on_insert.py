"""The database itself refuses an event that does not follow the last one and chain to it:
a row slipped into the log by hand — with the next number but a hash that does not bind it to
the event before, or with a number out of turn — is refused as it is written. (Whether an
event was signed by the instance's key is for `accord audit verify`: the database holds no
key.) On SQLite the hash is computed by the SHA256 function Django gives its connections, so
a connection of another program, which lacks it, cannot append at all."""

from django.db import migrations

# The hash of `accord.core.eventlog.chain_hash`: SHA-256 of the previous event's digest (64
# zeros before the first), a tab, the public body and a newline, in lowercase hex.
SQLITE = [
    """CREATE TRIGGER store_event_chains BEFORE INSERT ON store_event
       WHEN NEW.seq != 1 + coalesce((SELECT max(seq) FROM store_event), 0)
         OR NEW.digest != SHA256(
           coalesce((SELECT digest FROM store_event WHERE seq = NEW.seq - 1), hex(zeroblob(32)))
           || char(9) || NEW.body || char(10))
       BEGIN SELECT RAISE(ABORT, 'an event must follow the last one and chain to it'); END""",
]
SQLITE_REVERSE = ["DROP TRIGGER store_event_chains"]
POSTGRESQL = [
    """CREATE FUNCTION store_event_chains() RETURNS trigger AS $$
       DECLARE previous text;
       BEGIN
         SELECT digest INTO previous FROM store_event WHERE seq = NEW.seq - 1;
         IF NEW.seq <> 1 + coalesce((SELECT max(seq) FROM store_event), 0)
            OR NEW.digest <> encode(sha256(convert_to(
                 coalesce(previous, repeat('0', 64)) || E'\\t' || NEW.body || E'\\n', 'UTF8'
               )), 'hex') THEN
           RAISE EXCEPTION 'an event must follow the last one and chain to it';
         END IF;
         RETURN NEW;
       END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER store_event_chains BEFORE INSERT ON store_event
       FOR EACH ROW EXECUTE FUNCTION store_event_chains()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER store_event_chains ON store_event",
    "DROP FUNCTION store_event_chains()",
]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("store", "0019_delegates_second_factor")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
