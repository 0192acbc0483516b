"""The Chair marks a paragraph agreed ad referendum, agreed pending named members, or
reopens it."""

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.actions.preconditions import require_open
from accord.core.errors import NotAmendable, NotPermitted
from accord.core.participants import Reason, Role
from accord.core.status import ActKind, mark_status
from accord.store import models, queries


@transaction.atomic
def mark_provision_status(
    version: models.Version,
    *,
    by: User,
    provision_uid: str,
    kind: ActKind,
    pending: Iterable[str] = (),
) -> models.StatusMark:
    """Record the Chair's ``kind`` of mark on provision ``provision_uid`` of the current
    ``version``, bound to the hash of its text; ``pending`` names the members that still have
    to confirm an "agreed pending". Only the Chair marks. Writes one ``status.marked`` event.
    Raises `NotPermitted`, `VersionNotCurrent`, `AlreadyAdopted`, `UnknownProvision`,
    `NotAmendable`, `PendingMismatch`, `PendingNotAMember` or `NothingToReopen`."""
    document = version.document
    process = document.process
    if queries.actor(by, process).role is not Role.CHAIR:
        raise NotPermitted(Reason.NOT_THE_CHAIR)
    require_open(version)
    text = queries.version_value(version)
    provision = text.provision(provision_uid)
    if not provision.is_amendable:
        raise NotAmendable(provision_uid)
    row = next(r for r in queries.statuses(version, text) if r.provision.uid == provision_uid)
    assert row.outcome is not None
    act = mark_status(
        provision,
        kind,
        pending,
        members=frozenset(queries.member_names(process)),
        current=row.outcome.status,
    )
    mark = models.StatusMark.objects.create(
        document=document,
        version=version,
        provision_uid=provision_uid,
        kind=act.kind.value,
        pending=sorted(act.pending),
        text_hash=act.text_hash,
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    record(
        "status.marked",
        by=by,
        process=process,
        subject=f"provision:{document.slug}/{provision_uid}",
        payload={
            "document": document.slug,
            "version": version.number,
            "provision": provision_uid,
            "label": provision.label,
            "kind": act.kind.value,
            "pending": mark.pending,
            "text_hash": act.text_hash,
        },
    )
    return mark
