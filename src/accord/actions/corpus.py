"""Loading agreed texts and national views into the agreed-language checker's corpus."""

from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.core.checker.corpus import CorpusEntry, content_hash, parse_corpus
from accord.core.checker.errors import (
    CorpusAlreadyImported,
    CorpusTooLarge,
    InvalidCorpus,
    LineProblem,
    LineReason,
)
from accord.core.errors import NotPermitted
from accord.core.participants import Reason
from accord.store import models

SIZE_LIMIT = 64 * 1024 * 1024


@transaction.atomic
def import_corpus(data: bytes, *, by: User | None, name: str = "") -> int:
    """Add every provision of a JSON Lines file to the corpus; return how many.

    Only the instance itself (``by=None``, from the CLI) or staff import. The whole file is
    refused when any line is bad (`InvalidCorpus`, naming each line), when it is empty
    (`EmptyCorpus`), too large (`CorpusTooLarge`) or already imported (`CorpusAlreadyImported`).
    Writes one ``corpus.imported`` event with the counts and the file's content hash.
    """
    if by is not None and not by.is_staff:
        raise NotPermitted(Reason.NOT_SECRETARIAT)
    if len(data) > SIZE_LIMIT:
        raise CorpusTooLarge(len(data), SIZE_LIMIT)
    digest = content_hash(data)
    if models.CorpusEntry.objects.filter(batch=digest).exists():
        raise CorpusAlreadyImported(digest)
    entries = parse_corpus(_text(data).splitlines())
    now = timezone.now()
    models.CorpusEntry.objects.bulk_create(
        (_row(entry, digest, line, now) for line, entry in _numbered(data, entries)),
        batch_size=2000,
    )
    record(
        "corpus.imported",
        by=by,
        process=None,
        subject=f"corpus:{digest[:16]}",
        payload={"name": name, "content_hash": digest, "entries": len(entries), **_counts(entries)},
    )
    return len(entries)


def import_corpus_once(data: bytes, *, by: User | None, name: str) -> int:
    """`import_corpus`, unless this very file, or a file of the same name, was imported
    before: then 0, and nothing is written. The demo loads its corpus this way, so loading
    the demo again, even after its corpus file changed, never doubles the corpus."""
    same_name = models.Event.objects.filter(kind="corpus.imported", payload__name=name)
    if same_name.exists() or models.CorpusEntry.objects.filter(batch=content_hash(data)).exists():
        return 0
    return import_corpus(data, by=by, name=name)


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InvalidCorpus((LineProblem(line, LineReason.NOT_UTF8),)) from None


def _numbered(data: bytes, entries: tuple[CorpusEntry, ...]) -> list[tuple[int, CorpusEntry]]:
    """Each entry with its line number (blank lines are skipped by the parser)."""
    lines = [n for n, line in enumerate(_text(data).splitlines(), start=1) if line.strip()]
    return list(zip(lines, entries, strict=True))


def _counts(entries: tuple[CorpusEntry, ...]) -> dict[str, dict[str, int]]:
    counts: dict[str, int] = {}
    languages: dict[str, int] = {}
    for entry in entries:
        counts[entry.status.value] = counts.get(entry.status.value, 0) + 1
        languages[entry.language] = languages.get(entry.language, 0) + 1
    return {
        "by_status": dict(sorted(counts.items())),
        "by_language": dict(sorted(languages.items())),
    }


def _row(entry: CorpusEntry, batch: str, line: int, now: datetime) -> models.CorpusEntry:
    return models.CorpusEntry(
        document=entry.document,
        provision=entry.provision,
        status=entry.status.value,
        holder=entry.holder or "",
        date=entry.date,
        text=entry.text,
        language=entry.language,
        batch=batch,
        line=line,
        imported_at=now,
    )
