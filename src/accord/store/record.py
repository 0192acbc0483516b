"""Reading the event log back: the published log lines, and the checks that tie the
database's columns and documents to what the log says."""

import json
from collections.abc import Iterator

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Max

from accord.core.eventlog import commitment, event_line, needs_signature, signature_line
from accord.store import models, queries


def log_lines() -> Iterator[bytes]:
    """The public log, line by line, in the format `accord.core.eventlog` verifies."""
    last = models.Event.objects.aggregate(last=Max("seq"))["last"]
    rows = models.Event.objects.order_by("seq").values_list("seq", "digest", "signature", "body")
    for seq, digest, signature, body in rows.iterator(chunk_size=2000):
        yield event_line(digest.encode(), body.encode())
        if needs_signature(seq, last=seq == last):
            yield signature_line(seq, digest.encode(), bytes.fromhex(signature))


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
    """The first event whose columns say something other than its signed record (for a
    sealed event, other than the content its published commitment binds)."""
    events = models.Event.objects.select_related("process", "actor", "delegation")
    for event in events.order_by("seq").iterator(chunk_size=2000):
        problem = _seal_problem(event) or _column_problem(event)
        if problem:
            return event.seq, problem
    return None


def _seal_problem(event: models.Event) -> str | None:
    if not event.sealed:
        return None
    published = json.loads(event.body).get("commitment")
    if published != commitment(event.salt, event.sealed.encode()):
        return "its sealed content no longer matches its published commitment"
    return None


def _column_problem(event: models.Event) -> str | None:
    record = json.loads(event.sealed or event.body)
    for field, value in _columns(event).items():
        if record.get(field) != value:
            return f"its {field} column differs from its signed record"
    return None


def first_document_mismatch() -> tuple[int, str] | None:
    """The first publication event whose document text no longer has the published hash."""
    kinds = (
        "draft.published",
        "draft.imported",
        "revision.issued",
        "adoption.recorded",
        "silence.closed",
    )
    published = models.Event.objects.filter(kind__in=kinds).select_related("process")
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


def events_after(
    seq: int, *, user: User | AnonymousUser, process: str | None = None, limit: int = 500
) -> list[tuple[int, str, str]]:
    """(seq, kind, JSON) of the next events ``user`` may see after ``seq``: public events
    whole, sealed ones whole for people accredited to their process and as the public log
    shows them to everyone else."""
    events = models.Event.objects.filter(seq__gt=seq).select_related("process").order_by("seq")
    if process is not None:
        events = events.filter(process__slug=process)
    insiders = set(
        models.Accreditation.objects.filter(user=user).values_list("process_id", flat=True)
        if user.is_authenticated
        else []
    )
    return [
        (e.seq, e.kind, e.sealed if e.sealed and e.process_id in insiders else e.body)
        for e in events[:limit]
    ]
