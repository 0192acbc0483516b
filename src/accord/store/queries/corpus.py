"""Reads of the agreed-language checker: the corpus as core values, and its index.

The index is built once per process and rebuilt when the corpus changes (another entry
imported); telling whether it changed costs one small query. Built indexes are kept on disk
by the hash of the entries (`accord.store.checker_index`), so a restarted process reads the
index back instead of building it again.
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
    content_hash,
    parse_corpus,
)
from accord.core.checker.languages import LANGUAGES
from accord.data.starter import starter_corpus_bytes
from accord.store import convert, models
from accord.store.checker_index import cached_index, entries_key


@dataclass(slots=True)
class _Cached:
    fingerprint: tuple[object, ...]
    index: CorpusIndex


_cache: dict[str, _Cached] = {}
_lock = threading.Lock()


def corpus_entries() -> list[CorpusEntry]:
    """Every entry of the instance's corpus, in the order imported (one query)."""
    return [convert.entry_value(r) for r in models.CorpusEntry.objects.order_by("id")]


def corpus_index() -> CorpusIndex:
    """The index of the instance's corpus: one query when unchanged, two when rebuilt."""
    found = models.CorpusEntry.objects.aggregate(
        count=Count("id"), last=Max("id"), latest=Max("imported_at")
    )
    fingerprint = (found["count"], found["last"], found["latest"])
    with _lock:
        cached = _cache.get("instance")
        if cached is None or cached.fingerprint != fingerprint:
            entries = corpus_entries()
            index = cached_index(entries_key(entries), lambda: build_index(entries))
            cached = _Cached(fingerprint, index)
            _cache["instance"] = cached
        return cached.index


@dataclass(frozen=True, slots=True)
class CorpusCounts:
    """How many entries the corpus holds of each status (see `SourceStatus`), and in each
    language."""

    consensus: int = 0
    vote: int = 0
    chairs_summary: int = 0
    national_view: int = 0
    proposal: int = 0
    # (language, entries) for each language the corpus has, in the order of `LANGUAGES`.
    languages: tuple[tuple[str, int], ...] = ()

    @property
    def total(self) -> int:
        return self.consensus + self.vote + self.chairs_summary + self.national_view + self.proposal


def corpus_counts() -> CorpusCounts:
    """How many entries the corpus holds of each status and in each language (one query)."""
    rows = models.CorpusEntry.objects.values("status", "language").annotate(n=Count("id"))
    statuses: dict[str, int] = {}
    languages: dict[str, int] = {}
    for row in rows:
        status = SourceStatus(row["status"]).name.lower()
        statuses[status] = statuses.get(status, 0) + row["n"]
        languages[row["language"]] = languages.get(row["language"], 0) + row["n"]
    found = tuple((code, languages[code]) for code in LANGUAGES if code in languages)
    return CorpusCounts(**statuses, languages=found)


def starter_index() -> CorpusIndex:
    """The index of the starter corpus shipped with accord, read from the disk cache after
    the first build, and kept for the process."""
    with _lock:
        cached = _cache.get("starter")
        if cached is None:
            data = starter_corpus_bytes()
            key = content_hash(b"".join([content_hash(data).encode("ascii")]))

            def build() -> CorpusIndex:
                return build_index(parse_corpus(data.decode("utf-8").splitlines()))

            cached = _Cached((), cached_index(key, build))
            _cache["starter"] = cached
        return cached.index


def check_text(text: str, *, starter: bool = False, language: str | None = None) -> Report:
    """``text`` checked against the instance's corpus, or the starter corpus, among the entries
    in ``language`` (told from the text when None; raises the passage refusals)."""
    return check_passage(starter_index() if starter else corpus_index(), text, language=language)
