"""Reading the event log back: the published log lines, and the checks that tie the
database's columns and documents to what the log says."""

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import zip_longest
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Max

from accord.core.eventlog import (
    DECIDING_KINDS,
    PUBLISHING_KINDS,
    ROTATION_KIND,
    commitment,
    event_line,
    needs_signature,
    signature_line,
)
from accord.core.fates import FateKind
from accord.core.provisions import content_hash
from accord.store import models, queries


def log_lines() -> Iterator[bytes]:
    """The public log, line by line, in the format `accord.core.eventlog` verifies."""
    last = models.Event.objects.aggregate(last=Max("seq"))["last"]
    rotations = set(models.Event.objects.filter(kind=ROTATION_KIND).values_list("seq", flat=True))
    rows = models.Event.objects.order_by("seq").values_list("seq", "digest", "signature", "body")
    for seq, digest, signature, body in rows.iterator(chunk_size=2000):
        yield event_line(digest.encode(), body.encode())
        if needs_signature(seq, last=seq == last, rotation=seq in rotations):
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


def first_row_mismatch() -> str | None:
    """The first row of what was said in the room — a proposal's wording, a delegation's
    stance, a statement's text, the fate a revision or an adoption gave a proposal — that
    differs from the event which vouches for it, or that no event vouches for; in words."""
    for check in (_proposal_problem, _position_problem, _statement_problem, _fate_problem):
        problem = check()
        if problem:
            return problem
    return None


Vouched = dict[tuple[int | None, object], tuple[int, dict[str, Any], str | None]]


def _vouching(*kinds: str) -> Vouched:
    """The events of ``kinds`` by (process, the row they name): seq, payload, delegation."""
    rows = models.Event.objects.filter(kind__in=kinds).order_by("seq")
    return {
        (process, payload.get("proposal", payload.get("statement"))): (seq, payload, code)
        for seq, process, payload, code in rows.values_list(
            "seq", "process_id", "payload", "delegation__code"
        ).iterator(chunk_size=2000)
    }


def _proposal_problem() -> str | None:
    vouched = _vouching("proposal.submitted")
    rows = models.Proposal.objects.order_by("id").values_list(
        "pk",
        "version__document__process_id",
        "provision_uid",
        "delegation__code",
        "on_behalf_of__code",
        "wording",
    )
    for pk, process, provision, delegation, group, wording in rows.iterator(chunk_size=2000):
        found = vouched.pop((process, pk), None)
        if found is None:
            return f"proposal {pk} has no event that vouches for it"
        seq, payload, code = found
        for what, stored, said in (
            ("paragraph", provision, payload["provision"]),
            ("delegation", delegation, code),
            ("group", group, payload.get("on_behalf_of")),
            ("wording", content_hash(wording), payload["wording_hash"]),
        ):
            if stored != said:
                return f"event {seq}: proposal {pk}'s {what} differs from what the event says"
    return _unmatched(vouched, "proposal")


def _statement_problem() -> str | None:
    vouched = _vouching("statement.delivered", "input.submitted")
    rows = models.Statement.objects.order_by("id").values_list(
        "pk", "process_id", "holder", "delivered_on", "provision_uids", "text"
    )
    for pk, process, holder, delivered_on, provisions, text in rows.iterator(chunk_size=2000):
        found = vouched.pop((process, pk), None)
        if found is None:
            return f"statement {pk} has no event that vouches for it"
        seq, payload, _ = found
        for what, stored, said in (
            ("holder", holder, payload["holder"]),
            ("date", delivered_on.isoformat(), payload["delivered_on"]),
            ("paragraphs", provisions, payload["provisions"]),
            ("text", content_hash(text), payload["text_hash"]),
        ):
            if stored != said:
                return f"event {seq}: statement {pk}'s {what} differs from what the event says"
    return _unmatched(vouched, "statement")


def _unmatched(vouched: Vouched, what: str) -> str | None:
    if vouched:
        seq = min(seq for seq, _, _ in vouched.values())
        return f"event {seq}: the {what} it vouches for is missing"
    return None


def _position_problem() -> str | None:
    """Positions are kept one after the other, each replacing the last of its delegation on
    its paragraph: matched, in order, with the events that recorded them."""
    said: dict[tuple[object, ...], list[tuple[int, str, str]]] = defaultdict(list)
    events = models.Event.objects.filter(kind="position.recorded").order_by("seq")
    for seq, process, payload, code in events.values_list(
        "seq", "process_id", "payload", "delegation__code"
    ).iterator(chunk_size=2000):
        said[(process, payload["document"], payload["provision"], code)].append(
            (seq, payload["stance"], payload["text_hash"])
        )
    stored: dict[tuple[object, ...], list[tuple[int, str, str]]] = defaultdict(list)
    rows = models.Position.objects.order_by("id").values_list(
        "pk",
        "document__process_id",
        "document__slug",
        "provision_uid",
        "delegation__code",
        "stance",
        "text_hash",
    )
    for pk, process, document, provision, code, stance, text_hash in rows.iterator(chunk_size=2000):
        stored[(process, document, provision, code)].append((pk, stance, text_hash))
    for key in sorted(said.keys() | stored.keys(), key=lambda k: _first_seq(said[k])):
        for event, row in zip_longest(said[key], stored[key]):
            if row is None:
                return f"event {event[0]}: the position it records is missing"
            if event is None:
                return f"position {row[0]} has no event that vouches for it"
            if event[1:] != row[1:]:
                return f"event {event[0]}: position {row[0]} differs from what the event says"
    return None


def _first_seq(events: list[tuple[int, str, str]]) -> int:
    return events[0][0] if events else 0


def _fate_problem() -> str | None:
    """Every fate as the revision that gave it says, or as the adoption that ended the
    proposals still open says (not taken up)."""
    given: dict[tuple[object, ...], tuple[int, str]] = {}
    events = models.Event.objects.filter(kind__in=("revision.issued", "adoption.recorded"))
    for seq, process, payload in events.order_by("seq").values_list("seq", "process_id", "payload"):
        revision = (process, payload["document"], payload["version"])
        for proposal, kind in payload.get("fates", {}).items():
            given[(*revision, int(proposal))] = (seq, kind)
        for proposal in payload.get("not_taken_up", []):
            given[(*revision, proposal)] = (seq, FateKind.NOT_TAKEN_UP.value)
    rows = models.ProposalFate.objects.order_by("id").values_list(
        "proposal_id",
        "revision__document__process_id",
        "revision__document__slug",
        "revision__number",
        "kind",
    )
    for proposal, process, document, number, kind in rows.iterator(chunk_size=2000):
        found = given.pop((process, document, number, proposal), None)
        if found is None:
            return f"the fate of proposal {proposal} in version {number} has no event"
        if found[1] != kind:
            return f"event {found[0]}: the fate of proposal {proposal} differs from its event's"
    if given:
        seq, _ = min(given.values())
        return f"event {seq}: a fate it gave is missing"
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
