"""Every kind of event of the record, said in words, for the history and the desk."""

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy

from accord.store import models, queries

_ = gettext_lazy

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
    "language-version.added": _("Language version added"),
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
    "summary.translated": _("Entry of the Chair's summary translated"),
}


def event_label(kind: str) -> str:
    """The words for ``kind``; a kind without words shows as itself rather than vanishing."""
    label = EVENT_LABELS.get(kind)
    return str(label) if label is not None else kind


# The events whose payload's label names a version, not a paragraph.
VERSION_EVENTS = frozenset({"draft.published", "draft.imported", "revision.issued"})


def document_name(document: models.Document) -> str:
    """A document as people call it: its symbol, or the title of its current version."""
    return document.symbol or getattr(document, "current_title", None) or document.title


def concerning(event: models.Event, names: queries.EventNames) -> tuple[str, str]:
    """What ``event`` concerns, in words (a version of a document, a paragraph of a version, a
    proposal, a statement, a person…), and the address of the page that shows it ("" for
    none). The subject's internal identifier shows only for a kind of event without words."""
    payload = event.payload
    kind, _sep, key = event.subject.partition(":")
    process = names.process.slug
    if kind == "proposal" and key.isdigit() and int(key) in names.proposals:
        proposal = names.proposals[int(key)]
        on = proposal.version
        label = names.paragraphs.get((on.pk, proposal.provision_uid), "")
        text = gettext("proposal %(number)d on paragraph %(label)s of %(version)s") % {
            "number": proposal.pk,
            "label": label,
            "version": on.label,
        }
        url = reverse("web:compilation", args=[process, on.document.slug, on.number])
        return text, f"{url}#proposal-{proposal.pk}"
    version = names.versions.get((str(payload.get("document")), payload.get("version") or 0))
    if version is not None:
        url = reverse("web:version", args=[process, version.document.slug, version.number])
        uid = payload.get("provision")
        if isinstance(uid, str) and (version.pk, uid) in names.paragraphs:
            text = gettext("paragraph %(label)s of %(version)s") % {
                "label": names.paragraphs[(version.pk, uid)],
                "version": version.label,
            }
            return text, f"{url}#{uid}"
        if kind == "statement":
            return gettext("statement by %(holder)s") % {"holder": payload.get("holder", "")}, url
        document = names.documents.get(version.document.slug, version.document)
        said = {"version": version.label, "document": document_name(document)}
        if event.kind.startswith("silence."):
            return gettext("the silence procedure on %(version)s of %(document)s") % said, url
        return gettext("%(version)s of %(document)s") % said, url
    return _other(event, kind, key, names), ""


def _other(event: models.Event, kind: str, key: str, names: queries.EventNames) -> str:
    """What an event concerns that names no version of a document."""
    payload = event.payload
    if kind == "statement":
        return gettext("statement by %(holder)s") % {"holder": payload.get("holder", "")}
    if kind == "input":
        return gettext("written input by %(holder)s") % {"holder": payload.get("holder", "")}
    if kind == "summary-entry":
        return gettext("entry %(number)s of the Chair's summary") % {"number": key}
    if kind == "user":
        return names.people.get(key, key)
    if kind == "stakeholder-request" and key.isdigit():
        return names.requests.get(int(key), str(payload.get("organisation", key)))
    if kind == "process":
        return names.process.title
    if kind == "corpus":
        return gettext("agreed-language corpus %(name)s") % {"name": payload.get("name", key)}
    if kind == "document" and key in names.documents:
        return document_name(names.documents[key])
    return event.subject
