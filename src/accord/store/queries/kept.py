"""Render once, serve many: what a page shows, kept for each position of the process's record.

Whatever changes what a version's pages show — a proposal, a withdrawal, a co-sponsor, a
position, a Chair's mark, a revision, an adoption — is an event of the process, so a value
kept under the record's position (its latest event) is never served stale: the next event
moves the key on. The values live in Django's cache, the database cache by default (table
``accord_cache``), so every instance on the same database shares them.
"""

import hashlib
import zlib
from collections.abc import Callable
from typing import cast

from django.core.cache import cache

from accord.store import models

# A value a record position no longer shows is never asked for again; a day bounds how long
# the cache keeps one that nobody replaced.
CACHED_FOR_S = 24 * 3600

_MISSING = object()


def record_position(process: models.Process) -> str:
    """Where the record of ``process`` stands: its latest event's sequence number and digest
    (the digest tells apart two records that reached the same number), in one query."""
    latest = (
        models.Event.objects.filter(process=process)
        .order_by("-seq")
        .values_list("seq", "digest")
        .first()
    )
    return "{}-{}".format(*latest) if latest else "0"


def position_key(name: str, position: str, *vary: object) -> str:
    """The cache key of value ``name`` at record ``position``, for what it varies by: a
    digest of it, since it may hold what a reader typed (a filter), of any length."""
    varies = hashlib.sha256("\x1f".join(map(str, vary)).encode()).hexdigest()
    return f"accord:{name}:{position}:{varies}"


def kept[T](key: str, build: Callable[[], T]) -> T:
    """The value under ``key`` (see `position_key`), built and kept on its first request.
    One query when it is kept."""
    found = cache.get(key, _MISSING)
    if found is not _MISSING:
        return cast(T, found)
    made = build()
    cache.set(key, made, CACHED_FOR_S)
    return made


def kept_text(key: str, build: Callable[[], bytes]) -> bytes:
    """Like `kept`, for a part of a page or an answer of up to megabytes: kept compressed (a
    tenth of the size, to read back from the database)."""
    found = cache.get(key)
    if isinstance(found, bytes):
        return zlib.decompress(found)
    made = build()
    cache.set(key, zlib.compress(made, 1), CACHED_FOR_S)
    return made
