"""Reading the event log back: the published log lines, and the checks that tie the
database's columns and documents to what the log says."""

import json
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Max

from accord.core.eventlog import (
    DECIDING_KINDS,
    PUBLISHING_KINDS,
    commitment,
    event_line,
    needs_signature,
    signature_line,
)
from accord.store import models, queries


def log_lines() -> Iterator[bytes]:
    """The public log, line by line, in the format `accord.core.eventlog` verifies."""
    last = models.Event.objects.aggregate(last=Max("seq"))["last"]
    rows = models.Event.objects.order_by("seq").values_list("seq", "digest", "signature", "body")
    for seq, digest, signature, body in rows.iterator(chunk_size=2000):
        yield event_line(digest.encode(), body.encode())
        if needs_signature(seq, last=seq == last):
            yield signature_line(seq, digest.encode(), bytes.fromhex(signature))


def released_lines(process: models.Process) -> Iterator[bytes]:
    """The sealed events of ``process`` as a release: for each, its number, salt and full
    content, which anyone can check against the commitment in the public log."""
    sealed = models.Event.objects.filter(process=process).exclude(sealed="")
    rows = sealed.order_by("seq").values_list("seq", "salt", "sealed")
    for seq, salt, content in rows.iterator(chunk_size=2000):
        release = {"seq": seq, "salt": salt, "content": content}
        yield json.dumps(release, ensure_ascii=False, sort_keys=True).encode() + b"\n"


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
    kinds = (*PUBLISHING_KINDS, *DECIDING_KINDS)
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


@dataclass(frozen=True, slots=True)
class Published:
    """An event as the live streams send it: public events whole; a sealed one whole to
    people accredited to its process and, to everyone else, as the public log shows it."""

    seq: int
    kind: str
    process_id: int | None
    process: str | None
    body: str
    sealed: str

    def seen_by(self, insiders: frozenset[int]) -> str:
        return self.sealed if self.sealed and self.process_id in insiders else self.body


def insider_processes(user: User | AnonymousUser) -> frozenset[int]:
    """The processes ``user`` is accredited to, whose sealed events they may read whole."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(
        models.Accreditation.objects.filter(user=user).values_list("process_id", flat=True)
    )


def head_seq() -> int:
    """The sequence number of the newest event (0 for an empty record)."""
    head = models.ChainHead.objects.filter(pk=1).values_list("seq", flat=True).first()
    return head or 0


def published_after(seq: int, *, process: str | None = None, limit: int = 500) -> list[Published]:
    """The next events after ``seq``, oldest first, of ``process`` if given."""
    events = models.Event.objects.filter(seq__gt=seq).order_by("seq")
    if process is not None:
        events = events.filter(process__slug=process)
    fields = ("seq", "kind", "process_id", "process__slug", "body", "sealed")
    return [Published(*row) for row in events.values_list(*fields)[:limit]]


def event_bodies() -> Iterator[bytes]:
    """The public bodies of the events in order: the leaves of the Merkle tree."""
    rows = models.Event.objects.order_by("seq").values_list("body", flat=True)
    for body in rows.iterator(chunk_size=2000):
        yield body.encode()
