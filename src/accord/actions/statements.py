"""National views, each in a document of its own: statements of delegations, written inputs
of stakeholders, and the Chair's summary of what did not reach consensus. None of them is
negotiated; all are attributed to who holds them."""

import datetime as dt
from collections.abc import Iterable, Sequence

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.actions.preconditions import require_open
from accord.actions.processes import NotParticipating
from accord.core import national_views as nv
from accord.core.errors import NotAmendable, UnknownProposal, UnknownProvision
from accord.core.fates import FateKind
from accord.core.provisions import content_hash
from accord.store import models, queries

Entry = models.ChairSummaryEntry


def _links(
    process: models.Process, version: models.Version | None, uids: Sequence[str]
) -> list[str]:
    """The paragraphs a statement links to, each checked against ``version`` (of
    ``process``); raise `UnknownProvision` for one it lacks."""
    uids = list(dict.fromkeys(uids))
    if version is None:
        if uids:
            raise UnknownProvision(uids[0])
        return []
    if version.document.process_id != process.pk:
        raise UnknownProvision(uids[0] if uids else "")
    text = queries.version_value(version)
    for uid in uids:
        text.provision(uid)
    return uids


def _statement_payload(row: models.Statement) -> dict[str, object]:
    return {
        "statement": row.pk,
        "holder": row.holder,
        "delivered_on": row.delivered_on.isoformat(),
        "document": row.version.document.slug if row.version else None,
        "version": row.version.number if row.version else None,
        "provisions": row.provision_uids,
        "text_hash": content_hash(row.text),
    }


@transaction.atomic
def deliver_statement(
    process: models.Process,
    *,
    by: User,
    delegation: str,
    text: str,
    version: models.Version | None = None,
    provision_uids: Sequence[str] = (),
    delivered_on: dt.date | None = None,
) -> models.Statement:
    """Record the statement ``delegation`` delivered in ``process``, optionally linked to
    paragraphs (uids) of ``version``. Delegates of members and observers of observer
    delegations deliver statements, each for their own delegation. Writes one
    ``statement.delivered`` event. Raises `NotPermitted`, `EmptyStatement`, `TextTooLong`
    or `UnknownProvision`."""
    nv.check_may_state(queries.actor(by, process), for_delegation=delegation)
    cleaned = nv.clean_text(text)
    links = _links(process, version, provision_uids)
    speaker = models.Delegation.objects.get(code=delegation)
    return _deliver(
        models.Statement(
            process=process,
            kind=models.Statement.Kind.STATEMENT,
            delegation=speaker,
            holder=speaker.name,
            text=cleaned,
            version=version,
            provision_uids=links,
            delivered_on=delivered_on or timezone.localdate(),
            submitted_by=by,
        ),
        "statement.delivered",
        "statement",
    )


@transaction.atomic
def submit_input(
    process: models.Process,
    *,
    by: User,
    text: str,
    version: models.Version | None = None,
    provision_uids: Sequence[str] = (),
    delivered_on: dt.date | None = None,
) -> models.Statement:
    """Record a stakeholder's written input to ``process``: kept apart from the statements
    of states and never counted. Its holder is the stakeholder organisation the person acts
    for, or the person's name. Writes one ``input.submitted`` event. Raises `NotPermitted`,
    `EmptyStatement`, `TextTooLong` or `UnknownProvision`."""
    nv.check_may_submit_input(queries.actor(by, process))
    cleaned = nv.clean_text(text)
    links = _links(process, version, provision_uids)
    accredited = queries.accreditation(by, process)
    organisation = accredited.delegation if accredited else None
    return _deliver(
        models.Statement(
            process=process,
            kind=models.Statement.Kind.WRITTEN_INPUT,
            delegation=organisation,
            holder=organisation.name if organisation else (by.get_full_name() or by.username),
            text=cleaned,
            version=version,
            provision_uids=links,
            delivered_on=delivered_on or timezone.localdate(),
            submitted_by=by,
        ),
        "input.submitted",
        "input",
    )


def _deliver(row: models.Statement, kind: str, subject: str) -> models.Statement:
    """Store a statement or written input and write its one event."""
    row.submitted_at = timezone.now()
    row.save()
    record(
        kind,
        by=row.submitted_by,
        process=row.process,
        delegation=row.delegation,
        subject=f"{subject}:{row.pk}",
        payload=_statement_payload(row),
    )
    return row


def _holders(
    process: models.Process, delegations: Iterable[str], groups: Iterable[str]
) -> tuple[list[models.Delegation], list[models.Group]]:
    """The delegations (taking part in ``process``) and groups named; raise
    `NotParticipating` for a code that is neither, `Unattributed` when none is named."""
    codes, group_codes = sorted(set(delegations)), sorted(set(groups))
    nv.check_attributed([*codes, *group_codes])
    found = {
        p.delegation.code: p.delegation
        for p in process.participations.select_related("delegation").filter(
            delegation__code__in=codes
        )
    }
    named = {g.code: g for g in models.Group.objects.filter(code__in=group_codes)}
    for code in codes:
        if code not in found:
            raise NotParticipating(code)
    for code in group_codes:
        if code not in named:
            raise NotParticipating(code)
    return [found[c] for c in codes], [named[c] for c in group_codes]


def _entry(
    process: models.Process,
    by: User | None,
    holders: tuple[list[models.Delegation], list[models.Group]],
    **fields: object,
) -> models.ChairSummaryEntry:
    now = timezone.now()
    summary, _ = models.ChairSummary.objects.get_or_create(
        process=process, defaults={"issued_by": by, "issued_at": now}
    )
    entry = Entry.objects.create(summary=summary, added_by=by, added_at=now, **fields)
    entry.delegations.set(holders[0])
    entry.groups.set(holders[1])
    return entry


def _attribution(entry: models.ChairSummaryEntry) -> dict[str, object]:
    return {
        "entry": entry.pk,
        "delegations": sorted(d.code for d in entry.delegations.all()),
        "groups": sorted(g.code for g in entry.groups.all()),
        "text_hash": content_hash(entry.text),
    }


def _check_chair(by: User | None, process: models.Process) -> None:
    if by is not None:
        nv.check_chair(queries.actor(by, process))


@transaction.atomic
def add_summary_entry(
    process: models.Process,
    *,
    by: User | None,
    text: str = "",
    delegations: Iterable[str] = (),
    groups: Iterable[str] = (),
    proposal: models.Proposal | None = None,
) -> models.ChairSummaryEntry:
    """Add an entry to the Chair's summary of ``process``: either ``proposal``, which the
    latest revision did not take up, quoted with its proponents (and any other delegations
    or groups named), or the Chair's own ``text`` attributed to the delegations and groups
    named. Only the Chair writes it. Writes one ``summary.added`` event. Raises
    `NotPermitted`, `UnknownProposal`, `ProposalTakenUp`, `EmptyStatement`, `TextTooLong`,
    `Unattributed` or `NotParticipating`."""
    _check_chair(by, process)
    if proposal is not None:
        if proposal.version.document.process_id != process.pk:
            raise UnknownProposal(proposal.pk)
        fates = models.ProposalFate.objects.filter(proposal=proposal).order_by("revision__number")
        nv.check_not_taken_up(proposal.pk, (FateKind(f.kind) for f in fates))
        quoted = proposal.wording
        delegations = [proposal.delegation.code, *delegations]
        if proposal.on_behalf_of is not None:
            groups = [proposal.on_behalf_of.code, *groups]
    else:
        quoted = nv.clean_text(text, nv.MAX_ENTRY_CHARS)
    holders = _holders(process, delegations, groups)
    source = Entry.Source.PROPOSAL if proposal else Entry.Source.FREE_TEXT
    entry = _entry(
        process,
        by,
        holders,
        source=source,
        text=quoted,
        proposal=proposal,
        version=proposal.version if proposal else None,
        provision_uid=proposal.provision_uid if proposal else "",
    )
    record(
        "summary.added",
        by=by,
        process=process,
        subject=f"summary-entry:{entry.pk}",
        payload={
            **_attribution(entry),
            "source": source.value,
            "proposal": proposal.pk if proposal else None,
        },
    )
    return entry


@transaction.atomic
def move_to_summary(
    version: models.Version,
    *,
    by: User | None,
    provision_uid: str,
    delegations: Iterable[str] = (),
    groups: Iterable[str] = (),
) -> models.ChairSummaryEntry:
    """Move provision ``provision_uid`` of the current ``version`` out of the negotiated
    text into the Chair's summary, attributed to the delegations and groups that hold it.
    From then on no adoption covers it and no consensus report shows it, whatever later
    version carries it. Only the Chair moves text, before adoption. Writes one
    ``summary.moved`` event naming the provision and the hash of its text. Raises
    `NotPermitted`, `VersionNotCurrent`, `AlreadyAdopted`, `UnknownProvision`,
    `NotAmendable`, `AlreadyMoved`, `Unattributed` or `NotParticipating`."""
    document = version.document
    process = document.process
    _check_chair(by, process)
    require_open(version)
    provision = queries.version_value(version).provision(provision_uid)
    if not provision.is_amendable:
        raise NotAmendable(provision_uid)
    if provision_uid in queries.moved_provisions(document):
        raise nv.AlreadyMoved(provision_uid)
    holders = _holders(process, delegations, groups)
    entry = _entry(
        process,
        by,
        holders,
        source=Entry.Source.MOVED_PROVISION,
        text=provision.text,
        version=version,
        provision_uid=provision_uid,
        text_hash=provision.content_hash,
    )
    record(
        "summary.moved",
        by=by,
        process=process,
        subject=f"provision:{document.slug}/{provision_uid}",
        payload={
            **_attribution(entry),
            "document": document.slug,
            "version": version.number,
            "provision": provision_uid,
            "label": provision.label,
            "text_hash": provision.content_hash,
        },
    )
    return entry
