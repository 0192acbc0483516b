"""`accord backup FILE` and `accord restore FILE`: the whole database, record and all, copied
as the database itself copies it, and put back into an empty database. The signing key is
not in it: it lives in its own file (``ACCORD_SIGNING_KEY_FILE``), kept and backed up apart,
and the restored instance is given the same file.

The database's own tools, not Django's ``dumpdata``: the record is the exact bytes each event
was signed over and the events table refuses updates and deletes (its triggers come back
with it); a copy the database makes of itself keeps all of that as it was, in one
consistent snapshot taken while the instance runs. On SQLite that is SQLite's online backup
(the file it writes is itself a SQLite database); on PostgreSQL, ``pg_dump`` in its custom
format and ``pg_restore`` in one transaction, so a restore that fails leaves the database
empty. After a restore the chain is verified, as
``accord audit verify`` verifies it.
"""

import argparse
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from accord.cli.database import describe_database, require_record
from accord.cli.errors import CommandError

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    backup = commands.add_parser("backup", help="copy the whole database into a file")
    backup.add_argument("file", type=Path)
    backup.set_defaults(run=run_backup)
    restore = commands.add_parser(
        "restore", help="put a backup into an empty database, then verify the chain"
    )
    restore.add_argument("file", type=Path)
    restore.set_defaults(run=run_restore)


def _pg_environment(settings_dict: dict[str, object]) -> tuple[list[str], dict[str, str]]:
    """The connection arguments of pg_dump and pg_restore, and their environment (the
    password goes there, not on a command line others may read)."""
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    arguments = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            arguments += [flag, str(settings_dict[key])]
    return [*arguments, "--dbname", str(settings_dict["NAME"])], environment


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise CommandError(
            f"{name} is not installed; install PostgreSQL's client programs (Debian: "
            "postgresql-client) of the server's version or later"
        )
    return found


def _run(command: list[str], environment: dict[str, str]) -> None:
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise CommandError(f"{Path(command[0]).name} failed: {done.stderr.strip()}")


def run_backup(args: argparse.Namespace) -> None:
    from django.db import connection

    require_record()
    if args.file.exists():
        raise CommandError(f"{args.file} already exists; a backup never overwrites a file")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(args.file)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        arguments, environment = _pg_environment(connection.settings_dict)
        _run(
            [_tool("pg_dump"), "--format=custom", "--file", str(args.file), *arguments],
            environment,
        )
    print(f"Backed up {describe_database()} to {args.file} ({args.file.stat().st_size} bytes).")


def run_restore(args: argparse.Namespace) -> int:
    from django.db import connection

    from accord.cli.audit import verify_database

    if not args.file.is_file():
        raise CommandError(f"no such file: {args.file}")
    with args.file.open("rb") as opened:
        start = opened.read(len(SQLITE_MAGIC))
    if connection.introspection.table_names():
        raise CommandError(
            f"{describe_database()} is not empty; restore into a new, empty database"
        )
    if connection.vendor == "sqlite":
        if not start.startswith(SQLITE_MAGIC):
            raise CommandError(f"{args.file} is not a backup of an embedded (SQLite) database")
        source = sqlite3.connect(f"file:{args.file}?mode=ro", uri=True)
        connection.ensure_connection()
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        if not start.startswith(PG_DUMP_MAGIC):
            raise CommandError(f"{args.file} is not a backup of a PostgreSQL database")
        arguments, environment = _pg_environment(connection.settings_dict)
        connection.close()
        _run(
            [
                _tool("pg_restore"),
                "--single-transaction",
                "--exit-on-error",
                "--no-owner",
                *arguments,
                str(args.file),
            ],
            environment,
        )
    print(f"Restored {args.file} into {describe_database()}; verifying the chain.")
    require_record()
    return verify_database()
