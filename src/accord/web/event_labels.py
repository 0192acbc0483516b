"""Every kind of event of the record, said in words, for the history and the desk."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

EVENT_LABELS: dict[str, Promise] = {
    "process.created": _("Process created"),
    "participants.admitted": _("Participants admitted"),
    "accreditation.granted": _("Accreditation granted"),
    "accreditation.withdrawn": _("Accreditation withdrawn"),
    "witness.registered": _("Witness registered"),
    "draft.published": _("Draft published"),
    "draft.imported": _("Draft imported"),
    "proposal.submitted": _("Proposal submitted"),
    "proposal.withdrawn": _("Proposal withdrawn"),
    "position.recorded": _("Position recorded"),
    "revision.issued": _("Revision issued"),
    "adoption.recorded": _("Adoption recorded"),
    "corpus.imported": _("Agreed-language corpus imported"),
    "explanation.delivered": _("Explanation of position delivered"),
    "status.marked": _("Paragraph status marked by the Chair"),
    "cosponsorship.invited": _("Invited to co-sponsor"),
    "cosponsorship.accepted": _("Co-sponsorship accepted"),
    "cosponsorship.declined": _("Co-sponsorship declined"),
    "silence.launched": _("Silence procedure launched"),
    "silence.broken": _("Silence broken"),
    "silence.closed": _("Silence procedure closed at its deadline"),
    "silence.superseded": _("Silence procedure superseded by a revision"),
    "silence.withdrawn": _("Silence procedure withdrawn by the Chair"),
    "silence.ended": _("Silence procedure closed by the adoption of the document"),
    "stakeholder.proposed": _("Stakeholder proposed for accreditation"),
    "stakeholder.objected": _("Objection to a stakeholder"),
    "stakeholder.decided": _("Stakeholder accreditation decided"),
    "statement.delivered": _("Statement delivered"),
    "input.submitted": _("Written input submitted"),
    "summary.added": _("Entry added to the Chair's summary"),
    "summary.moved": _("Paragraph moved to the Chair's summary"),
}


def event_label(kind: str) -> str:
    """The words for ``kind``; a kind without words shows as itself rather than vanishing."""
    label = EVENT_LABELS.get(kind)
    return str(label) if label is not None else kind
