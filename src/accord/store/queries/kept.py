"""Render once, serve many: what a page shows, kept for each position of the process's record.

Whatever changes what a version's pages show — a proposal, a withdrawal, a co-sponsor, a
position, a Chair's mark, a revision, an adoption — is an event of the process, so a value
kept under the record's position (its latest event) is never served stale: the next event
moves the key on. The values live in Django's cache, the database cache by default (table
``accord_cache``), so every instance on the same database shares them. A value its
paragraphs make each apart (the compilation) is brought up to date from the value kept at
an earlier position and the events since, when each of them names what it changed
(`kept_since`).
"""

import hashlib
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, cast

from django.core.cache import cache
from django.db import connection

from accord.store import models
from accord.store.cache import release

# A value a record position no longer shows is never asked for again; a day bounds how long
# the cache keeps one that nobody replaced.
CACHED_FOR_S = 24 * 3600

_MISSING = object()


# The record positions read during the request under way (see `positions_remembered`).
_remembered: ContextVar[dict[int, str] | None] = ContextVar("accord_positions", default=None)


def record_position(process: models.Process) -> str:
    """Where the record of ``process`` stands: its latest event's sequence number and digest
    (the digest tells apart two records that reached the same number), in one query — none
    when it was read already during the same request and nothing was written since."""
    remembered = _remembered.get()
    if remembered is not None and process.pk in remembered:
        return remembered[process.pk]
    latest = (
        models.Event.objects.filter(process=process)
        .order_by("-seq")
        .values_list("seq", "digest")
        .first()
    )
    position = "{}-{}".format(*latest) if latest else "0"
    if remembered is not None:
        remembered[process.pk] = position
    return position


@contextmanager
def positions_remembered() -> Iterator[None]:
    """Within it, `record_position` reads each process's record once, and again only after
    a statement that may have written to the database (anything but a read, except the
    cache's own writes): a position read before a write of the same request is never
    served after it."""
    remembered: dict[int, str] = {}
    cache_table = getattr(cache, "_table", "\0")  # the database cache's table

    def forgetting(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if remembered and sql.lstrip()[:6].upper() != "SELECT" and cache_table not in sql:
            remembered.clear()
        return execute(sql, params, many, context)

    token = _remembered.set(remembered)
    try:
        with connection.execute_wrapper(forgetting):
            yield
    finally:
        _remembered.reset(token)


def position_key(name: str, position: str, *vary: object) -> str:
    """The cache key of value ``name`` at record ``position``, for what it varies by: a
    digest of it, since it may hold what a reader typed (a filter), of any length. It names
    the release that keeps it (see `accord.store.cache.release`)."""
    varies = hashlib.sha256("\x1f".join(map(str, vary)).encode()).hexdigest()
    return f"accord:{release()}:{name}:{position}:{varies}"


def digest_key(name: str, digest: str) -> str:
    """The cache key of value ``name`` kept under the ``digest`` of what it shows (an entry of
    a compilation), naming the release that keeps it."""
    return f"accord:{release()}:{name}:{digest}"


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


# The events that change only what they name: the provisions of one document they were
# taken on. Any other event may change anything (a revision, an adoption, a silence
# procedure, who takes part), and what is kept is worked out again whole after it.
_LOCAL = {
    "proposal.submitted",
    "proposal.withdrawn",
    "position.recorded",
    "status.marked",
    "cosponsorship.invited",
    "cosponsorship.accepted",
    "cosponsorship.declined",
}

# Beyond this many events since a kept value, it is worked out again whole.
_MOST_EVENTS = 500


def touched_since(
    process: models.Process, position: str, version: models.Version
) -> frozenset[str] | None:
    """The provisions of ``version`` the events of ``process`` after ``position`` (see
    `record_position`) changed, or None when one of them may have changed more (or the
    record no longer holds that position): one query, and one more when a withdrawal or a
    co-sponsor names its proposal without its version."""
    seq, _, digest = position.partition("-")
    if not digest:
        return None
    rows = list(
        models.Event.objects.filter(process=process, seq__gte=int(seq))
        .order_by("seq")
        .values_list("digest", "kind", "payload")[: _MOST_EVENTS + 1]
    )
    if not rows or rows[0][0] != digest or len(rows) > _MOST_EVENTS:
        return None
    touched: set[str] = set()
    by_proposal: dict[int, str] = {}
    for _, kind, payload in rows[1:]:
        if kind not in _LOCAL:
            return None
        if "document" in payload:
            if payload["document"] != version.document.slug:
                continue
            if kind.startswith("proposal") and payload["version"] != version.number:
                return None  # a proposal made on another version, carried or not
            touched.add(payload["provision"])
        else:
            by_proposal[payload["proposal"]] = payload["provision"]
    if by_proposal:
        made = models.Proposal.objects.filter(pk__in=by_proposal).values_list(
            "pk", "version_id", "version__document_id"
        )
        for pk, version_id, document_id in made:
            if version_id == version.pk:
                touched.add(by_proposal[pk])
            elif document_id == version.document_id:
                return None  # carried from an earlier version, perhaps onto another uid
    return frozenset(touched)


def kept_since[T](
    name: str,
    version: models.Version,
    vary: tuple[object, ...],
    build: Callable[[], T],
    update: Callable[[T, frozenset[str]], T],
) -> T:
    """Like `kept`, for a value of ``version`` that its provisions make each apart: when it
    is not kept for the record's position yet, the value kept at an earlier position is
    brought up to date (``update``, given it and the provisions the events since changed;
    see `touched_since`) instead of being built whole again (``build``). Two queries when it
    is kept, at most five more when it is brought up to date."""
    process = version.document.process
    position = record_position(process)
    key = position_key(name, position, version.pk, *vary)
    latest = position_key(name, "latest", version.pk, *vary)
    found = cache.get_many([key, latest])
    if key in found:
        return cast(T, found[key])
    made: Any = _MISSING
    before = found.get(latest)
    if isinstance(before, str) and before != position:
        touched = touched_since(process, before, version)
        previous = _MISSING
        if touched is not None:
            previous = cache.get(position_key(name, before, version.pk, *vary), _MISSING)
        if previous is not _MISSING:
            made = update(cast(T, previous), touched or frozenset())
    if made is _MISSING:
        made = build()
    cache.set_many({key: made, latest: position}, CACHED_FOR_S)
    return cast(T, made)


def kept_by_provision[T](
    name: str,
    version: models.Version,
    vary: tuple[object, ...],
    make: Callable[[frozenset[str] | None], Sequence[T]],
    uid_of: Callable[[T], str],
) -> tuple[T, ...]:
    """`kept_since` for a value made of one part for each provision of ``version``, in order:
    ``make(None)`` makes every part, ``make(uids)`` those of the provisions named alone, and
    after an event only the parts of the provisions it touched are made again."""

    def update(before: tuple[T, ...], touched: frozenset[str]) -> tuple[T, ...]:
        if not touched:
            return before
        fresh = {uid_of(part): part for part in make(touched)}
        return tuple(fresh.get(uid_of(part), part) for part in before)

    return kept_since(name, version, vary, lambda: tuple(make(None)), update)


def kept_texts(
    keys: Sequence[str],
    build: Callable[[Sequence[int]], Sequence[bytes]],
    batches: Sequence[tuple[int, int]],
) -> Iterator[bytes]:
    """Like `kept_text` for many pieces of a page at once, in order, as they come: the
    pieces under ``keys`` are read in one query; those not kept are built (``build``, given
    their indices) and kept batch by batch (``batches``: each a first index and the index
    after its last), one query more for each batch that missed some."""
    found = cache.get_many(keys)
    for start, end in batches:
        missing = [at for at in range(start, end) if keys[at] not in found]
        made = dict(zip(missing, build(missing), strict=True)) if missing else {}
        if made:
            cache.set_many({keys[at]: zlib.compress(m, 1) for at, m in made.items()}, CACHED_FOR_S)
        for at in range(start, end):
            yield made[at] if at in made else zlib.decompress(found[keys[at]])
