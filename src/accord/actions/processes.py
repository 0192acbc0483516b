"""Setting up a process: its participants, its accredited people, its documents."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from accord.actions.events import record
from accord.core.accreditation import (
    check_accreditation,
    check_mandates,
    check_stakeholder_admission,
)
from accord.core.convergence_audience import Audience
from accord.core.decisions import DecisionRule, SilenceProcedure, StakeholderModality
from accord.core.draft_text import parse_draft
from accord.core.errors import (
    EmptyText,
    ImpossibleThreshold,
    NotPermitted,
    Refusal,
    TextTooLong,
)
from accord.core.participants import ParticipantKind, Reason, Role
from accord.core.provisions import Version
from accord.core.silence import ProposalsUnderSilence
from accord.core.text_hygiene import TextKind, clean_text, clean_trimmed, clean_version
from accord.store import convert, models, queries

DRAFTERS = (Role.CHAIR, Role.SECRETARIAT)


@dataclass(slots=True, unsafe_hash=True)
class NotParticipating(Refusal):
    """The delegation named does not take part in this process."""

    delegation: str
    code = "not-participating"


@dataclass(slots=True, unsafe_hash=True)
class AlreadyAccredited(Refusal):
    """A person holds one role in a process."""

    username: str
    code = "already-accredited"


@dataclass(slots=True, unsafe_hash=True)
class PasswordNeeded(Refusal):
    """A new account needs an initial password of at least `MIN_PASSWORD_CHARS` characters."""

    username: str
    code = "password-needed"

    def params(self) -> dict[str, object]:
        return {"username": self.username, "minimum": MIN_PASSWORD_CHARS}


MIN_PASSWORD_CHARS = 12


@dataclass(slots=True, unsafe_hash=True)
class DocumentExists(Refusal):
    """The process already has a document under this short name."""

    slug: str
    code = "document-exists"


@dataclass(slots=True, unsafe_hash=True)
class BadSlug(Refusal):
    """A process's short name goes into addresses: lower-case letters, digits and hyphens."""

    slug: str
    code = "bad-slug"


@dataclass(slots=True, unsafe_hash=True)
class ProcessExists(Refusal):
    """Another process already has this short name."""

    slug: str
    code = "process-exists"


@dataclass(slots=True, unsafe_hash=True)
class UnknownDelegations(Refusal):
    """Codes that name no delegation of the reference data."""

    codes: tuple[str, ...]
    code = "unknown-delegations"


SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?")
MAX_TITLE_CHARS = 300
# A silence procedure of more than a year is a mistake, not a rule.
MAX_SILENCE_HOURS = 8760


def may_create_processes(user: User | None) -> bool:
    """Staff users of the instance set up processes (and become their Secretariat); the
    instance itself (``None``, from the CLI) may too."""
    return user is None or (user.is_active and user.is_staff)


def _check_secretariat(by: User | None, process: models.Process) -> None:
    """Setup is the Secretariat's, or the instance's own (``by=None``, from the CLI)."""
    if by is not None and queries.actor(by, process).role is not Role.SECRETARIAT:
        raise NotPermitted(Reason.NOT_SECRETARIAT)


@transaction.atomic
def create_process(
    *,
    by: User | None,
    slug: str,
    title: str,
    is_public: bool = True,
    decision_rule: DecisionRule = DecisionRule.CONSENSUS,
    silence_minimum_hours: int = 72,
    stakeholder_modality: StakeholderModality = StakeholderModality.NONE,
    proposals_under_silence: ProposalsUnderSilence = ProposalsUnderSilence.ALLOWED,
    delegates_second_factor: bool = False,
    convergence_audience: Audience = Audience.CHAIR_AND_BUREAU,
) -> models.Process:
    """Create a negotiating process under its rules of procedure; a person who creates it
    (a staff user, see `may_create_processes`) becomes its Secretariat. Raises `NotPermitted`,
    `BadSlug`, `ProcessExists`, `EmptyText`, `TextTooLong` or `ImpossibleThreshold` (a silence
    minimum below one hour or above a year). Writes one ``process.created`` event."""
    if not may_create_processes(by):
        raise NotPermitted(Reason.MAY_NOT_CREATE_PROCESS)
    if not SLUG.fullmatch(slug):
        raise BadSlug(slug)
    # A title is one line: line breaks fold into spaces, as they always have.
    title = " ".join(clean_text(title, field="title").split())
    if not title:
        raise EmptyText()
    if len(title) > MAX_TITLE_CHARS:
        raise TextTooLong(length=len(title), limit=MAX_TITLE_CHARS)
    if silence_minimum_hours > MAX_SILENCE_HOURS:
        raise ImpossibleThreshold("silence-minimum", str(silence_minimum_hours))
    SilenceProcedure(minimum=timedelta(hours=silence_minimum_hours))
    if models.Process.objects.filter(slug=slug).exists():
        raise ProcessExists(slug)
    try:
        with transaction.atomic():
            process = models.Process.objects.create(
                slug=slug,
                title=title,
                is_public=is_public,
                decision_rule=decision_rule.value,
                silence_minimum_hours=silence_minimum_hours,
                stakeholder_modality=stakeholder_modality.value,
                proposals_under_silence=proposals_under_silence.value,
                delegates_second_factor=delegates_second_factor,
                convergence_audience=convergence_audience.value,
            )
    except IntegrityError:
        # Someone took the name between the check and the insert.
        raise ProcessExists(slug) from None
    payload: dict[str, object] = {
        "slug": slug,
        "title": title,
        "public": is_public,
        "rules": rules_of_procedure(process),
    }
    if by is not None:
        models.Accreditation.objects.create(process=process, user=by, role=Role.SECRETARIAT.value)
        payload["secretariat"] = by.get_username()
    record("process.created", by=by, process=process, subject=f"process:{slug}", payload=payload)
    return process


def rules_of_procedure(process: models.Process) -> dict[str, object]:
    """A process's rules of procedure as the record and the API carry them."""
    return {
        "decision_rule": process.decision_rule,
        "silence_minimum_hours": process.silence_minimum_hours,
        "stakeholder_modality": process.stakeholder_modality,
        "proposals_under_silence": process.proposals_under_silence,
        "delegates_second_factor": process.delegates_second_factor,
        "convergence_audience": process.convergence_audience,
    }


def un_members() -> list[str]:
    """The codes of the member States of the United Nations, from the reference data."""
    return list(
        models.Delegation.objects.filter(kind=models.Delegation.Kind.MEMBER_STATE)
        .order_by("code")
        .values_list("code", flat=True)
    )


@transaction.atomic
def set_up_process(
    *,
    by: User | None,
    slug: str,
    title: str,
    is_public: bool = True,
    decision_rule: DecisionRule = DecisionRule.CONSENSUS,
    silence_minimum_hours: int = 72,
    stakeholder_modality: StakeholderModality = StakeholderModality.NONE,
    proposals_under_silence: ProposalsUnderSilence = ProposalsUnderSilence.ALLOWED,
    delegates_second_factor: bool = False,
    convergence_audience: Audience = Audience.CHAIR_AND_BUREAU,
    members: Iterable[str] | None = None,
    observers: Iterable[str] = (),
) -> models.Process:
    """Create a process (`create_process`) and admit its members (all member States of the
    United Nations when ``members`` is None) and observers, all or nothing: a refused step
    stores nothing of the others."""
    process = create_process(
        by=by,
        slug=slug,
        title=title,
        is_public=is_public,
        decision_rule=decision_rule,
        silence_minimum_hours=silence_minimum_hours,
        stakeholder_modality=stakeholder_modality,
        proposals_under_silence=proposals_under_silence,
        delegates_second_factor=delegates_second_factor,
        convergence_audience=convergence_audience,
    )
    wanted = un_members() if members is None else list(members)
    admit_participants(process, by=by, codes=wanted, kind=ParticipantKind.MEMBER)
    if observers := list(observers):
        admit_participants(process, by=by, codes=observers, kind=ParticipantKind.OBSERVER)
    return process


@transaction.atomic
def admit_participants(
    process: models.Process,
    *,
    by: User | None,
    codes: Iterable[str],
    kind: ParticipantKind,
) -> int:
    """Admit delegations (by code) as members, observers or stakeholders of ``process``.

    Delegations already admitted are left as they are. Writes one ``participants.admitted``
    event naming the delegations newly admitted, or none when there are none.
    """
    _check_secretariat(by, process)
    wanted = set(codes)
    delegations = list(models.Delegation.objects.filter(code__in=wanted))
    if len(delegations) != len(wanted):
        raise UnknownDelegations(tuple(sorted(wanted - {d.code for d in delegations})))
    present = set(process.participations.values_list("delegation__code", flat=True))
    new = [d for d in delegations if d.code not in present]
    models.Participation.objects.bulk_create(
        models.Participation(process=process, delegation=d, kind=kind.value) for d in new
    )
    if new:
        record(
            "participants.admitted",
            by=by,
            process=process,
            subject=f"process:{process.slug}",
            payload={"kind": kind.value, "delegations": sorted(d.code for d in new)},
        )
    return len(new)


@transaction.atomic
def accredit(
    process: models.Process,
    *,
    by: User | None,
    user: User,
    role: Role,
    delegation: str | None = None,
    mandates: Iterable[str] = (),
) -> models.Accreditation:
    """Accredit ``user`` to ``process`` in ``role``, acting for ``delegation``.

    The delegation must take part in the process in a way that fits the role (delegates act
    for members, observers for observers; the Chair and Secretariat for no delegation), and
    a user holds one role per process. ``mandates`` name the groups the delegation speaks
    for, each one it is a member of. The Secretariat accredits a stakeholder only where the
    rules of procedure admit stakeholders openly (the instance itself, ``by=None``, also for
    a stakeholder admitted on a non-objection basis). Raises `NotPermitted`,
    `NotParticipating`, `RoleMismatch`, `NoStakeholders`, `StakeholdersByNonObjection`,
    `UnknownGroups`, `MandateOutsideGroup` or `AlreadyAccredited`. Writes one
    ``accreditation.granted`` event.
    """
    _check_secretariat(by, process)
    if role is Role.STAKEHOLDER and by is not None:
        check_stakeholder_admission(
            StakeholderModality(process.stakeholder_modality), StakeholderModality.OPEN
        )
    participation = (
        process.participations.select_related("delegation")
        .filter(delegation__code=delegation)
        .first()
        if delegation
        else None
    )
    if delegation and participation is None:
        raise NotParticipating(delegation)
    check_accreditation(role, ParticipantKind(participation.kind) if participation else None)
    mandates = list(mandates)
    groups = list(models.Group.objects.filter(code__in=mandates).prefetch_related("members"))
    check_mandates(
        delegation, mandates, {g.code: [d.code for d in g.members.all()] for g in groups}
    )
    if process.accreditations.filter(user=user).exists():
        raise AlreadyAccredited(user.get_username())
    acting_for = participation.delegation if participation else None
    found = models.Accreditation.objects.create(
        process=process, user=user, role=role.value, delegation=acting_for
    )
    found.mandates.set(groups)
    record(
        "accreditation.granted",
        by=by,
        process=process,
        delegation=acting_for,
        subject=f"user:{user.get_username()}",
        payload={
            "user": user.get_username(),
            "role": role.value,
            "delegation": delegation,
            "mandates": sorted(g.code for g in groups),
        },
    )
    return found


@transaction.atomic
def accredit_person(
    process: models.Process,
    *,
    by: User | None,
    username: str,
    full_name: str,
    email: str,
    password: str,
    role: Role,
    delegation: str | None = None,
    mandates: Iterable[str] = (),
) -> models.Accreditation:
    """Accredit a person by user name, creating their account with ``password`` if they have
    none yet (an existing account keeps its password). Refusals as for `accredit`; a refused
    accreditation creates no account either."""
    user = User.objects.filter(username=username).first()
    if user is None:
        if len(password) < MIN_PASSWORD_CHARS:
            raise PasswordNeeded(username)
        full_name = clean_trimmed(full_name, field="full_name", kind=TextKind.LINE)
        user = User.objects.create_user(
            username=username, email=email, password=password, first_name=full_name[:150]
        )
    return accredit(process, by=by, user=user, role=role, delegation=delegation, mandates=mandates)


@dataclass(slots=True, unsafe_hash=True)
class NotAccredited(Refusal):
    """The person named holds no accreditation to this process."""

    username: str
    code = "not-accredited"


@transaction.atomic
def withdraw_accreditation(
    process: models.Process, *, by: User | None, username: str
) -> models.Accreditation:
    """Withdraw the accreditation of ``username`` to ``process``: they keep their account but
    no longer act in the process. Only the Secretariat (or the instance) withdraws, and not
    its own accreditation, so a process never loses the last person who accredits. What they
    did stays on the record. Raises `NotPermitted` or `NotAccredited`. Writes one
    ``accreditation.withdrawn`` event."""
    _check_secretariat(by, process)
    found = (
        process.accreditations.select_related("user", "delegation")
        .filter(user__username=username)
        .first()
    )
    if found is None:
        raise NotAccredited(username)
    if by is not None and found.user == by:
        raise NotPermitted(Reason.OWN_ACCREDITATION)
    payload = {
        "user": username,
        "role": found.role,
        "delegation": found.delegation.code if found.delegation else None,
    }
    found.delete()
    record(
        "accreditation.withdrawn",
        by=by,
        process=process,
        delegation=found.delegation,
        subject=f"user:{username}",
        payload=payload,
    )
    return found


@transaction.atomic
def publish_draft(
    process: models.Process,
    *,
    by: User | None,
    slug: str,
    text: str,
    label: str,
    symbol: str = "",
) -> models.Version:
    """Publish the first version of a new document from numbered plain text.

    Only the Chair or the Secretariat publish. Raises `MalformedDraft` for text that is not
    numbered paragraphs, `DocumentExists` for a short name already taken and
    `UnsafeCharacter` for a character a draft may not hold. Writes one
    ``draft.published`` event.
    """
    check_may_draft(by, process, slug)
    value = clean_version(parse_draft(text))
    version = store_first_version(process, slug=slug, value=value, label=label, symbol=symbol)
    record(
        "draft.published",
        by=by,
        process=process,
        subject=f"document:{slug}",
        payload=first_version_payload(version, value),
    )
    return version


def check_may_draft(by: User | None, process: models.Process, slug: str) -> None:
    """Only the Chair or the Secretariat start a document, under a name not yet taken."""
    if by is not None and queries.actor(by, process).role not in DRAFTERS:
        raise NotPermitted(Reason.NOT_A_DRAFTER)
    if process.documents.filter(slug=slug).exists():
        raise DocumentExists(slug)


def store_first_version(
    process: models.Process, *, slug: str, value: Version, label: str, symbol: str
) -> models.Version:
    """The rows of a new document and its first version; the caller records the event.
    Raises `UnsafeCharacter` for a character the label or the symbol may not hold (the
    caller cleans ``value`` with `clean_version`)."""
    label = clean_text(label, field="label", kind=TextKind.LINE)
    symbol = clean_text(symbol, field="symbol", kind=TextKind.LINE)
    title = value.title[:300] or slug
    document = models.Document.objects.create(
        process=process, slug=slug, title=title, symbol=symbol[:80]
    )
    version = models.Version.objects.create(
        document=document,
        number=1,
        label=label,
        title=title,
        title_block=convert.title_block_json(value.title_block),
        issued_at=timezone.now(),
        content_hash=value.content_hash,
    )
    models.Provision.objects.bulk_create(convert.provision_rows(version, value))
    return version


def first_version_payload(version: models.Version, value: Version) -> dict[str, object]:
    return {
        "document": version.document.slug,
        "version": 1,
        "label": version.label,
        "content_hash": value.content_hash,
        "provisions": len(value),
    }
