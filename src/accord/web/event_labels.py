"""Every kind of event of the record, said in words, for the history and the desk."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

EVENT_LABELS: dict[str, Promise] = {
    "process.created": _("Process created"),
    "participants.admitted": _("Participants admitted"),
    "accreditation.granted": _("Accreditation granted"),
    "draft.published": _("Draft published"),
    "draft.imported": _("Draft imported"),
    "proposal.submitted": _("Proposal submitted"),
    "proposal.withdrawn": _("Proposal withdrawn"),
    "position.recorded": _("Position recorded"),
    "revision.issued": _("Revision issued"),
    "adoption.recorded": _("Adoption recorded"),
    "corpus.imported": _("Agreed-language corpus imported"),
}


def event_label(kind: str) -> str:
    """The words for ``kind``; a kind without words shows as itself rather than vanishing."""
    label = EVENT_LABELS.get(kind)
    return str(label) if label is not None else kind
