"""Reading the event log back: the published log lines, and the checks that tie the
database's columns and documents to what the log says."""

import json
from collections.abc import Iterator

from django.db.models import Max

from accord.core.eventlog import format_line
from accord.store import models, queries


def log_lines() -> Iterator[bytes]:
    """The public log, line by line, in the format `accord.core.eventlog` verifies."""
    last = models.Event.objects.aggregate(last=Max("seq"))["last"]
    rows = models.Event.objects.order_by("seq").values_list("seq", "digest", "signature", "body")
    for seq, digest, signature, body in rows.iterator(chunk_size=2000):
        yield format_line(
            seq, digest.encode(), bytes.fromhex(signature), body.encode(), last=seq == last
        )


def _columns(event: models.Event) -> dict[str, object]:
    return {
        "seq": event.seq,
        "kind": event.kind,
        "process": event.process.slug if event.process else None,
        "actor": event.actor.get_username() if event.actor else None,
        "delegation": event.delegation.code if event.delegation else None,
        "subject": event.subject,
        "payload": event.payload,
        "occurred_at": event.occurred_at.isoformat(timespec="microseconds"),
        "visibility": event.visibility,
    }


def first_column_mismatch() -> tuple[int, str] | None:
    """The first event whose columns say something other than its signed body."""
    events = models.Event.objects.select_related("process", "actor", "delegation")
    for event in events.order_by("seq").iterator(chunk_size=2000):
        body = json.loads(event.body)
        for field, value in _columns(event).items():
            if body.get(field) != value:
                return event.seq, f"its {field} column differs from its signed record"
    return None


def first_document_mismatch() -> tuple[int, str] | None:
    """The first publication event whose document text no longer has the published hash."""
    published = models.Event.objects.filter(kind="draft.published").select_related("process")
    for event in published.order_by("seq"):
        version = models.Version.objects.filter(
            document__process=event.process,
            document__slug=event.payload["document"],
            number=event.payload["version"],
        ).first()
        if version is None:
            return event.seq, "the version it published is missing"
        if queries.version_value(version).content_hash != event.payload["content_hash"]:
            return event.seq, "the text of the version it published has changed since"
    return None
