"""The process's events, as the record pages read them."""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Q

from accord.store import models
from accord.store.queries.versions import documents_with_current_title


def process_events(process: models.Process, *, before: int | None) -> list[models.Event]:
    """Up to 101 events of ``process``, newest first, older than ``before`` if given (one more
    than a page, to tell whether an older page exists)."""
    events = models.Event.objects.filter(process=process).select_related("actor", "delegation")
    if before is not None:
        events = events.filter(seq__lt=before)
    return list(events.order_by("-seq")[:101])


def deciding_event(adoption: models.Adoption) -> int | None:
    """The number of the event that recorded ``adoption``'s decision: the adoption at a
    meeting, or the silence procedure closing with the text adopted."""
    version = adoption.version
    decided = Q(kind="adoption.recorded", payload__adopted=True) | Q(
        kind="silence.closed", payload__outcome="adopted"
    )
    return (
        models.Event.objects.filter(
            decided,
            process_id=version.document.process_id,
            payload__document=version.document.slug,
            payload__version=version.number,
        )
        .order_by("-seq")
        .values_list("seq", flat=True)
        .first()
    )


@dataclass(frozen=True, slots=True)
class EventNames:
    """What the events of a page of ``process``'s history name, by the names people know:
    ``documents`` (slug → document, with ``current_title``), ``versions`` ((slug, number) →
    version), ``paragraphs`` ((version id, uid) → number), ``proposals`` (id → proposal with
    its version), ``people`` (user name → full name or user name), ``requests`` (stakeholder
    request id → organisation) and ``delegations`` (code → name)."""

    process: models.Process
    documents: dict[str, models.Document]
    versions: dict[tuple[str, int], models.Version]
    paragraphs: dict[tuple[int, str], str]
    proposals: dict[int, models.Proposal]
    people: dict[str, str]
    requests: dict[int, str]
    delegations: dict[str, str]


def _subject_ids(events: list[models.Event], prefix: str) -> set[str]:
    return {e.subject.removeprefix(prefix) for e in events if e.subject.startswith(prefix)}


def event_names(process: models.Process, events: list[models.Event]) -> EventNames:
    """The names the ``events`` of ``process`` concern (at most seven queries, whatever the
    number of events)."""
    documents = {d.slug: d for d in documents_with_current_title().filter(process=process)}
    versions = {
        (v.document.slug, v.number): v
        for v in models.Version.objects.filter(document__process=process).select_related("document")
    }
    proposal_ids = {int(i) for i in _subject_ids(events, "proposal:") if i.isdigit()}
    proposals = {
        p.pk: p
        for p in models.Proposal.objects.filter(
            pk__in=proposal_ids, version__document__process=process
        ).select_related("version__document")
    }
    uids = {str(e.payload.get("provision")) for e in events if e.payload.get("provision")}
    uids |= {p.provision_uid for p in proposals.values()}
    paragraphs = {
        (version_id, uid): label
        for version_id, uid, label in models.Provision.objects.filter(
            version__document__process=process, uid__in=uids
        ).values_list("version_id", "uid", "label")
    }
    usernames = _subject_ids(events, "user:")
    people = {
        user.get_username(): user.get_full_name() or user.get_username()
        for user in User.objects.filter(username__in=usernames)
    }
    request_ids = {int(i) for i in _subject_ids(events, "stakeholder-request:") if i.isdigit()}
    requests = dict(
        models.StakeholderRequest.objects.filter(process=process, pk__in=request_ids).values_list(
            "pk", "organisation"
        )
    )
    codes = {
        str(code)
        for e in events
        for key in ("blocking", "broken_by", "delegations")
        for code in (e.payload.get(key) or ())
        if isinstance(code, str)
    }
    codes |= {
        str(e.payload[key])
        for e in events
        for key in ("delegation", "invitee", "cosponsor")
        if isinstance(e.payload.get(key), str)
    }
    delegations = dict(
        models.Delegation.objects.filter(code__in=codes).values_list("code", "name")
        if codes
        else ()
    )
    return EventNames(
        process, documents, versions, paragraphs, proposals, people, requests, delegations
    )
