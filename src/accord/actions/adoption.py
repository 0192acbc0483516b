"""The Chair convenes the adoption of a version: consensus holds when no member objects."""

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.checks import require_open
from accord.actions.events import record
from accord.actions.processes import NotParticipating
from accord.actions.silence import close_silences_on_adoption
from accord.core.decisions import Consensus, evaluate_consensus
from accord.core.errors import Missing, NotPermitted, Refusal, TextTooLong
from accord.core.participants import ParticipantKind, Reason, Role
from accord.store import models, queries

MAX_EXPLANATION_CHARS = 20_000


@transaction.atomic
def record_adoption(
    version: models.Version,
    *,
    by: User | None,
    objections: Iterable[str] = (),
    disassociations: Mapping[str, Iterable[str]] | None = None,
    explanations: Mapping[str, str] | None = None,
) -> models.Adoption:
    """Record the outcome when the Chair asked for objections to ``version`` (current).

    Adopted by consensus when no member objects; a member may join consensus while
    disassociating from named provisions (uids); explanations of position are kept as each
    delegation's own view. Objections of observers are recorded but never counted. The
    record binds the hash of every provision it covered (all but those the Chair moved to
    the Chair's summary). Only the Chair records it. Writes
    one ``adoption.recorded`` event. Raises `NotPermitted`, `VersionNotCurrent`,
    `AlreadyAdopted`, `NotParticipating`, `UnknownProvision` or `TextTooLong`.
    """
    process = version.document.process
    if by is not None and queries.actor(by, process).role is not Role.CHAIR:
        raise NotPermitted(Reason.NOT_A_DRAFTER)
    require_open(version)
    text = queries.version_value(version)
    said = {code: tuple(uids) for code, uids in (disassociations or {}).items()}
    explained = {code: note.strip() for code, note in (explanations or {}).items()}
    kinds = dict(process.participations.values_list("delegation__code", "kind"))
    for code in {*objections, *said, *explained}:
        if code not in kinds:
            raise NotParticipating(code)
    for uids in said.values():
        for uid in uids:
            text.provision(uid)
    for note in explained.values():
        if len(note) > MAX_EXPLANATION_CHARS:
            raise TextTooLong(length=len(note), limit=MAX_EXPLANATION_CHARS)
    moved = queries.moved_provisions(version.document)
    members = frozenset(c for c, kind in kinds.items() if kind == ParticipantKind.MEMBER)
    outcome = evaluate_consensus(Consensus(), members, objections, said)
    adoption = models.Adoption.objects.create(
        version=version,
        adopted=outcome.passed,
        objections=sorted(set(objections)),
        disassociations={code: list(uids) for code, uids in outcome.disassociations},
        # A provision moved to the Chair's summary is a national view: no adoption covers it.
        provision_hashes={
            p.uid: p.content_hash for p in text if p.is_amendable and p.uid not in moved
        },
        recorded_by=by,
        decided_at=timezone.now(),
    )
    delegations = {d.code: d for d in models.Delegation.objects.filter(code__in=list(explained))}
    models.ExplanationOfPosition.objects.bulk_create(
        models.ExplanationOfPosition(adoption=adoption, delegation=delegations[code], text=note)
        for code, note in sorted(explained.items())
        if note
    )
    record(
        "adoption.recorded",
        by=by,
        process=process,
        subject=f"document:{version.document.slug}",
        payload={
            "document": version.document.slug,
            "version": version.number,
            "rule": "consensus",
            "adopted": outcome.passed,
            "blocking": sorted(outcome.blocking),
            "objections_not_counted": sorted(outcome.ignored & set(objections)),
            "disassociations": adoption.disassociations,
            "explanations": sorted(c for c, note in explained.items() if note),
            "content_hash": text.content_hash,
            "provision_hashes": adoption.provision_hashes,
        },
    )
    close_silences_on_adoption(adoption, by=by)
    return adoption


@dataclass(frozen=True, slots=True)
class NotAdopted(Refusal):
    """An explanation of position follows a decision; this document has none yet."""

    document: str
    code = "not-adopted"

    def params(self) -> dict[str, object]:
        return {"document": self.document}


@dataclass(frozen=True, slots=True)
class AlreadyExplained(Refusal):
    """A delegation (named) explains its position on an adoption once."""

    delegation: str
    code = "already-explained"

    def params(self) -> dict[str, object]:
        return {"delegation": self.delegation}


@transaction.atomic
def deliver_explanation(
    document: models.Document, *, by: User, text: str
) -> models.ExplanationOfPosition:
    """A delegation's explanation of position after ``document`` was adopted: its own view,
    shown attributed beside the adoption, never part of the consensus report. Delegates of
    members and observers deliver one each, for their own delegation. Writes one
    ``explanation.delivered`` event. Raises `NotPermitted`, `NotAdopted`, `AlreadyExplained`,
    `Missing` or `TextTooLong`."""
    process = document.process
    actor = queries.actor(by, process)
    if actor.role not in (Role.DELEGATE, Role.OBSERVER) or actor.delegation is None:
        raise NotPermitted(Reason.NOT_A_DELEGATE)
    adoption = (
        models.Adoption.objects.select_for_update()
        .filter(version__document=document, adopted=True)
        .select_related("version")
        .first()
    )
    if adoption is None:
        raise NotAdopted(document.slug)
    note = text.strip()
    if not note:
        raise Missing("explanation")
    if len(note) > MAX_EXPLANATION_CHARS:
        raise TextTooLong(length=len(note), limit=MAX_EXPLANATION_CHARS)
    delegation = models.Delegation.objects.get(code=actor.delegation)
    if adoption.explanations.filter(delegation=delegation).exists():
        raise AlreadyExplained(delegation.name)
    explanation = models.ExplanationOfPosition.objects.create(
        adoption=adoption, delegation=delegation, text=note
    )
    record(
        "explanation.delivered",
        by=by,
        process=process,
        delegation=delegation,
        subject=f"document:{document.slug}",
        payload={
            "document": document.slug,
            "version": adoption.version.number,
            "text_hash": hashlib.sha256(note.encode()).hexdigest(),
        },
    )
    return explanation
