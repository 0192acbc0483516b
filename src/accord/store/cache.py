"""Django's database cache, writing many entries in one statement.

What a page keeps goes in many entries at once — each entry of a compilation and its HTML
(`accord.store.queries.kept`) — and Django's `DatabaseCache.set_many` writes them one at a
time, in five statements each (a count of the table, a read, a write, and the transaction
around them): 1,500 round trips to keep a compilation of 300 paragraphs. This one writes
them all in one statement (an upsert, which PostgreSQL and SQLite both take). It leaves
culling to Django's own single writes, since accord allows far more entries than it keeps
(see ``CACHES`` in `accord.settings`).
"""

import base64
import pickle
from collections.abc import Mapping
from datetime import UTC, datetime
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
