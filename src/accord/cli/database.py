"""The database behind the commands: created or updated, named in errors, required."""

from accord.cli.errors import CommandError


def migrate() -> None:
    """Create or update the database and load the reference data."""
    from django.core.management import call_command
    from django.db import OperationalError, connection

    from accord.store.reference import load_reference_data

    try:
        connection.ensure_connection()
    except OperationalError as error:
        raise CommandError(
            f"cannot reach the database ({describe_database()}): {error}".strip()
        ) from None
    call_command("migrate", interactive=False, verbosity=0)
    load_reference_data()


def describe_database() -> str:
    from django.db import connection

    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite file {params['NAME']}"
    return (
        f"{connection.vendor} at {params.get('HOST') or 'local socket'}:{params.get('PORT') or ''}"
    )


def require_record() -> None:
    """Commands that read the record refuse an empty database instead of creating one."""
    from django.db import connection

    if "store_event" not in connection.introspection.table_names():
        raise CommandError(
            f"{describe_database()} holds no accord record; run `accord migrate` or point "
            "ACCORD_DATA_DIR or DATABASE_URL at the instance's database"
        )
