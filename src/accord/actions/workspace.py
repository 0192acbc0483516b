"""The revision workspace: the stored draft of a document's next revision, which the Chair
prepares with the Bureau and the Secretariat until the Chair issues it.

The workspace is a working paper, not an act of the negotiation: nothing in it is decided
until the revision is issued, and that is what the record shows (``revision.issued``). So
saving it, sharing it and discarding it write no event; it is never public."""

from collections.abc import Mapping
from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.preconditions import check_not_adopted
from accord.core.draft_text import render_draft
from accord.core.errors import NotPermitted, TextTooLong
from accord.core.fates import FateKind
from accord.core.participants import Reason, Role
from accord.core.revising import check_may_edit_draft, check_may_read_draft
from accord.core.text_hygiene import TextKind, clean_text
from accord.store import models, queries

# As long as the longest text a revision desk accepts.
MAX_DRAFT_CHARS = 2_000_000
MAX_LABEL_CHARS = 80

# A fate chosen for an open proposal: its kind and the proposals it was merged with.
type Choice = tuple[FateKind, tuple[int, ...]]


def read_working_draft(document: models.Document, *, by: User) -> models.WorkingDraft | None:
    """The stored draft of ``document``'s next revision, or None when nobody has started
    one. Only the Chair, the Bureau and the Secretariat read it (`NotPermitted`)."""
    check_may_read_draft(queries.actor(by, document.process).role)
    return queries.working_draft(document)


@transaction.atomic
def save_working_draft(
    document: models.Document,
    *,
    by: User,
    text: str,
    label: str,
    choices: Mapping[int, Choice] | None = None,
    now: datetime | None = None,
) -> models.WorkingDraft:
    """Store ``text`` and ``label`` as the draft of ``document``'s next revision, with the
    fates chosen so far (``choices``; None keeps those already stored). The text need not be
    readable yet: it is read when previewed or issued. The Chair saves, and the Bureau and
    the Secretariat when the Chair allows (`NotPermitted`); not after adoption
    (`AlreadyAdopted`); `TextTooLong` past `MAX_DRAFT_CHARS` or a label past
    `MAX_LABEL_CHARS`. Writes no event."""
    draft = _locked(document)
    role = queries.actor(by, document.process).role
    check_may_edit_draft(role, others_may_edit=bool(draft and draft.others_may_edit))
    check_not_adopted(document)
    text = clean_text(text, field="text")
    label = clean_text(label, field="label", kind=TextKind.LINE)
    for value, limit in ((text, MAX_DRAFT_CHARS), (label, MAX_LABEL_CHARS)):
        if len(value) > limit:
            raise TextTooLong(length=len(value), limit=limit)
    fields: dict[str, object] = {
        "text": text,
        "label": label.strip(),
        "saved_by": by,
        "saved_at": now or timezone.now(),
    }
    if choices is not None:
        fields["choices"] = {
            str(proposal): {"fate": kind.value, "merged_with": list(merged)}
            for proposal, (kind, merged) in sorted(choices.items())
        }
    if draft is None:
        return models.WorkingDraft.objects.create(document=document, **fields)
    for name, given in fields.items():
        setattr(draft, name, given)
    draft.save()
    return draft


@transaction.atomic
def share_working_draft(
    document: models.Document, *, by: User, others_may_edit: bool, now: datetime | None = None
) -> models.WorkingDraft:
    """The Chair lets the Bureau and the Secretariat edit the draft (``others_may_edit``), or
    only read it. A workspace not yet started starts from the current text. Only the Chair
    (`NotPermitted`); not after adoption. Writes no event."""
    _check_chair(document, by)
    draft = _locked(document) or _started(document, by=by, now=now)
    draft.others_may_edit = others_may_edit
    draft.save(update_fields=["others_may_edit"])
    return draft


@transaction.atomic
def discard_working_draft(
    document: models.Document, *, by: User, now: datetime | None = None
) -> None:
    """The Chair starts again from the current text: the stored draft and its choices go
    (whether others may edit is kept). Only the Chair (`NotPermitted`). Writes no event."""
    _check_chair(document, by)
    draft = _locked(document)
    if draft is not None and draft.others_may_edit:
        current = queries.current_version(document)
        draft.text = render_draft(queries.version_value(current))
        draft.label, draft.choices = "", {}
        draft.saved_by, draft.saved_at = by, now or timezone.now()
        draft.save()
    elif draft is not None:
        draft.delete()


def _check_chair(document: models.Document, by: User) -> None:
    if queries.actor(by, document.process).role is not Role.CHAIR:
        raise NotPermitted(Reason.NOT_THE_CHAIR)
    check_not_adopted(document)


def _locked(document: models.Document) -> models.WorkingDraft | None:
    """The stored draft, locked against a concurrent save until the transaction ends."""
    return models.WorkingDraft.objects.select_for_update().filter(document=document).first()


def _started(document: models.Document, *, by: User, now: datetime | None) -> models.WorkingDraft:
    current = queries.current_version(document)
    return models.WorkingDraft.objects.create(
        document=document,
        text=render_draft(queries.version_value(current)),
        saved_by=by,
        saved_at=now or timezone.now(),
    )
