"""Django's database cache, writing many entries in one statement.

What a page keeps goes in many entries at once — each entry of a compilation and its HTML
(`accord.store.queries.kept`) — and Django's `DatabaseCache.set_many` writes them one at a
time, in five statements each (a count of the table, a read, a write, and the transaction
around them): 1,500 round trips to keep a compilation of 300 paragraphs. This one writes
them all in one statement (an upsert, which PostgreSQL and SQLite both take). It leaves
culling to Django's own single writes, since accord allows far more entries than it keeps
(see ``CACHES`` in `accord.settings`).

The release (`release`) names what the pages keep (`accord.store.queries.kept`).
"""

import base64
import functools
import hashlib
import os
import pickle
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router


class DatabaseCache(DjangoDatabaseCache):
    def set_many(
        self, data: Mapping[str, Any], timeout: float | None = DEFAULT_TIMEOUT, version: Any = None
    ) -> list[str]:
        if not data:
            return []
        expires = self.get_backend_timeout(timeout)
        zone = UTC if settings.USE_TZ else None
        when = datetime.max if expires is None else datetime.fromtimestamp(expires, tz=zone)
        connection = connections[router.db_for_write(self.cache_model_class)]
        at = connection.ops.adapt_datetimefield_value(when.replace(microsecond=0))
        rows = [
            (
                self.make_and_validate_key(key, version=version),
                base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1"),
                at,
            )
            for key, value in data.items()
        ]
        name = connection.ops.quote_name
        key, value, expiry = name("cache_key"), name("value"), name("expires")
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {name(self._table)} ({key}, {value}, {expiry}) "  # type: ignore[attr-defined]  # noqa: S608
                f"VALUES (%s, %s, %s) ON CONFLICT ({key}) DO UPDATE "
                f"SET {value} = EXCLUDED.{value}, {expiry} = EXCLUDED.{expiry}",
                rows,
            )
        return []


# What shapes the values kept: accord's code, its templates and its translations.
_SHAPING = (".py", ".html", ".mo")


def files_digest(root: Path) -> str:
    """A digest of the files under ``root`` that shape what is kept (their paths and
    contents, not when they were written: every machine with the same release agrees)."""
    digest = hashlib.sha256()
    for folder, folders, names in os.walk(root):
        folders.sort()
        for name in sorted(names):
            if name.endswith(_SHAPING):
                path = Path(folder, name)
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def release() -> str:
    """The digest of this release of accord (see `files_digest`), which leads the key of
    whatever the pages keep: what is kept is HTML, JSON and pickled values made by accord's
    code, templates and translations, so an upgrade must not be handed what the release
    before it kept. Instances of the same release share what they keep. Read once a process:
    a server reads it as it starts (`accord.asgi`), before files may be replaced under it."""
    return files_digest(Path(__file__).resolve().parent.parent)
