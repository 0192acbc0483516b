"""Positions: a delegation says where it stands on a provision's current text."""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.actions.preconditions import require_open
from accord.core.errors import NotAmendable, NotPermitted
from accord.core.participants import ParticipantKind, Reason, Role
from accord.core.positions import Stance, take_position
from accord.store import models, queries


@transaction.atomic
def record_position(
    version: models.Version, *, by: User, provision_uid: str, stance: Stance, note: str = ""
) -> models.Position:
    """Record the acting delegation's ``stance`` on provision ``provision_uid`` of the
    current ``version``, bound to the hash of its text. Only delegates of members state
    positions. Writes one ``position.recorded`` event. Raises `NotPermitted`,
    `VersionNotCurrent`, `AlreadyAdopted`, `UnknownProvision`, `NotAmendable`, `NotAMember` or
    `TextTooLong`."""
    process = version.document.process
    accredited = queries.accreditation(by, process)
    actor = queries.actor_of(accredited)
    if actor.role is not Role.DELEGATE or accredited is None or accredited.delegation is None:
        raise NotPermitted(Reason.NOT_A_DELEGATE)
    require_open(version)
    provision = queries.version_value(version).provision(provision_uid)
    if not provision.is_amendable:
        raise NotAmendable(provision_uid)
    # Whether the delegation is a member was read with the accreditation.
    member = actor.participant_kind is ParticipantKind.MEMBER
    members = frozenset([accredited.delegation.code] if member else [])
    taken = take_position(accredited.delegation.code, provision, stance, members=members, note=note)
    position = models.Position.objects.create(
        document=version.document,
        provision_uid=provision_uid,
        delegation=accredited.delegation,
        stance=taken.stance.value,
        text_hash=taken.text_hash,
        note=taken.note,
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    record(
        "position.recorded",
        by=by,
        process=process,
        delegation=position.delegation,
        subject=f"provision:{version.document.slug}/{provision_uid}",
        payload={
            "document": version.document.slug,
            "version": version.number,
            "provision": provision_uid,
            "label": provision.label,
            "stance": taken.stance.value,
            "text_hash": taken.text_hash,
        },
    )
    return position
