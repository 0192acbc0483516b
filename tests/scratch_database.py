"""A database of a test's own for `accord` processes: the embedded file in a folder, or, when
the suite runs on PostgreSQL (``DATABASE_URL``), a database made for the test and dropped
afterwards. For tests that commit what a test's transaction cannot: the record is append-only,
so committed events could never be cleared from the shared test database."""

import contextlib
import os
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql


def on_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@contextlib.contextmanager
def scratch_environment(data_dir: Path, label: str) -> Iterator[dict[str, str]]:
    """The environment of accord processes sharing one new, empty database."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment["ACCORD_DATA_DIR"] = str(data_dir)
    if not on_postgresql():
        yield environment
        return
    server = os.environ["DATABASE_URL"]
    name = sql.Identifier(f"accord_{label}_{os.getpid()}")
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(name))
    path = "/" + name.as_string()[1:-1]
    environment["DATABASE_URL"] = urllib.parse.urlsplit(server)._replace(path=path).geturl()
    try:
        yield environment
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
