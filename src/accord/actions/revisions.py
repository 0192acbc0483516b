"""The Chair issues a revision: a new version of the document, with a fate for every open
proposal of the document, whatever version it was made on."""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.actions.preconditions import check_not_adopted
from accord.actions.silence import supersede_silences
from accord.core.draft_text import parse_draft
from accord.core.errors import NotPermitted
from accord.core.fates import Fate, FateReport, check_settled, settle_fates, status_after
from accord.core.identifiers import inherit_identifiers
from accord.core.lineage import trace_lineage
from accord.core.participants import Reason, Role
from accord.core.provisions import Version
from accord.core.text_hygiene import TextKind, clean_text, clean_version
from accord.store import convert, models, queries


@transaction.atomic
def issue_revision(
    document: models.Document,
    *,
    by: User | None,
    text: str = "",
    label: str,
    fates: Mapping[int, Fate] | None = None,
    draft: Version | None = None,
    file: Mapping[str, Any] | None = None,
) -> models.Version:
    """Issue ``text`` (numbered plain text) as the next version of ``document``; or ``draft``,
    the version an imported file holds, with ``file`` (name, format, SHA-256) in the event.

    The new version inherits the stable identifiers of the provisions it continues. Every open
    proposal of the document — those made on earlier versions carried onto the current one —
    gets a fate: the Chair's in ``fates`` (proposal id → `Fate`), the engine's suggestion
    otherwise; a proposal the revision does not reflect and the Chair did not settle would
    vanish, so the revision is refused (`ProposalsWithoutFate`), as is a proposal left
    pending on a provision the revision deletes (`CannotStayPending`). A final fate becomes
    the proposal's status; a pending one keeps it open into the new version. Only the Chair
    issues revisions (``by=None``: the instance, for the demo). Clears the stored draft of the
    revision (`accord.actions.workspace`). Writes one ``revision.issued`` event with the
    old→new number map and the fates.
    """
    process = document.process
    check_may_revise(document, by=by)
    current = queries.current_version(document)
    old = queries.version_value(current)
    typed = clean_version(draft if draft is not None else parse_draft(text))
    label = clean_text(label, field="label", kind=TextKind.LINE)
    new = inherit_identifiers(old, typed, trace_lineage(old, typed))
    lineage = trace_lineage(old, new)
    open_proposals = queries.open_proposals(current)
    report = settle_fates(open_proposals, old, new, lineage, fates or {}, revision=label)
    check_settled(report)
    version = models.Version.objects.create(
        document=document,
        number=current.number + 1,
        label=label,
        title=new.title,
        title_block=convert.title_block_json(new.title_block),
        issued_at=timezone.now(),
        content_hash=new.content_hash,
    )
    models.Provision.objects.bulk_create(convert.provision_rows(version, new))
    models.ProposalFate.objects.bulk_create(
        models.ProposalFate(
            proposal_id=f.proposal_id,
            revision=version,
            kind=f.kind.value,
            provisions=list(f.provisions),
            merged_with=list(f.merged_with),
            recorded=f.recorded,
        )
        for f in report.fates
    )
    _settle_statuses(report)
    # The revision workspace has served its purpose: the next one starts from this version.
    models.WorkingDraft.objects.filter(document=document).delete()
    record(
        "revision.issued",
        by=by,
        process=process,
        subject=f"document:{document.slug}",
        payload={
            "document": document.slug,
            "version": version.number,
            "label": label,
            "replaces": current.number,
            "content_hash": new.content_hash,
            "number_map": {
                old_label: list(new_labels) for old_label, new_labels in lineage.number_map()
            },
            "fates": {str(f.proposal_id): f.kind.value for f in report.fates},
            **({"file": dict(file)} if file is not None else {}),
        },
    )
    supersede_silences(version, by=by)
    return version


def _settle_statuses(report: FateReport) -> None:
    """Each proposal given a final fate takes it as its status; a pending one stays open."""
    by_status: dict[str, list[int]] = {}
    for fate in report.fates:
        by_status.setdefault(status_after(fate), []).append(fate.proposal_id)
    for status, ids in by_status.items():
        models.Proposal.objects.filter(pk__in=ids).update(status=status)


def check_may_revise(document: models.Document, *, by: User | None) -> None:
    """Only the Chair issues revisions, and not of an adopted document."""
    if by is not None and queries.actor(by, document.process).role is not Role.CHAIR:
        raise NotPermitted(Reason.NOT_A_DRAFTER)
    check_not_adopted(document)
