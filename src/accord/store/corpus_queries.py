"""Reads of the agreed-language checker: the corpus as core values, and its index.

The index is built once per process and rebuilt when the corpus changes (another entry
imported); telling whether it changed costs one small query.
"""

import threading
from dataclasses import dataclass

from django.db.models import Count, Max

from accord.core.checker import (
    CorpusEntry,
    CorpusIndex,
    Report,
    SourceStatus,
    build_index,
    check_passage,
)
from accord.store import models


@dataclass(slots=True)
class _Cached:
    fingerprint: tuple[object, ...]
    index: CorpusIndex


_cache: dict[str, _Cached] = {}
_lock = threading.Lock()


def entry_value(row: models.CorpusEntry) -> CorpusEntry:
    return CorpusEntry(
        document=row.document,
        provision=row.provision,
        status=SourceStatus(row.status),
        holder=row.holder or None,
        date=row.date,
        text=row.text,
    )


def corpus_entries() -> list[CorpusEntry]:
    """Every entry of the instance's corpus, in the order imported (one query)."""
    return [entry_value(r) for r in models.CorpusEntry.objects.order_by("id")]


def corpus_index() -> CorpusIndex:
    """The index of the instance's corpus: one query when unchanged, two when rebuilt."""
    found = models.CorpusEntry.objects.aggregate(
        count=Count("id"), last=Max("id"), latest=Max("imported_at")
    )
    fingerprint = (found["count"], found["last"], found["latest"])
    with _lock:
        cached = _cache.get("instance")
        if cached is None or cached.fingerprint != fingerprint:
            cached = _Cached(fingerprint, build_index(corpus_entries()))
            _cache["instance"] = cached
        return cached.index


def has_batch(content_hash: str) -> bool:
    return models.CorpusEntry.objects.filter(batch=content_hash).exists()


def corpus_counts() -> dict[str, int]:
    """How many entries the corpus holds of each status, keyed ``chairs_summary`` etc. so
    templates can read them (one query)."""
    rows = models.CorpusEntry.objects.values("status").annotate(n=Count("id")).order_by("status")
    return {r["status"].replace("-", "_"): r["n"] for r in rows}


def check_text(text: str) -> Report:
    """``text`` checked against the instance's corpus (raises the passage refusals)."""
    return check_passage(corpus_index(), text)
