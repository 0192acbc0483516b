"""The read side: every page and endpoint reads through these functions."""

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import OuterRef, Q, QuerySet, Subquery

from accord.core import compilation as cp
from accord.core import positions as ps
from accord.core import proposals as pr
from accord.core import provisions as pv
from accord.core.bracketed import BracketedProvision, bracket_version
from accord.core.fates import Fate
from accord.core.participants import PUBLIC, Actor, ParticipantKind, Role, may_propose
from accord.core.redline import Redline, compare_versions
from accord.store import convert, models


def visible_processes(user: User | AnonymousUser) -> QuerySet[models.Process]:
    """Public processes, and the ones the user is accredited to."""
    processes = models.Process.objects.order_by("title")
    if not user.is_authenticated:
        return processes.filter(is_public=True)
    accredited = models.Accreditation.objects.filter(user=user).values("process")
    return processes.filter(Q(is_public=True) | Q(pk__in=accredited))


def visible_process(user: User | AnonymousUser, slug: str) -> models.Process | None:
    """The process ``slug`` if ``user`` may read it; None otherwise, so private ones stay
    unseen (pages and endpoints answer 404 alike)."""
    return visible_processes(user).filter(slug=slug).first()


def visible_version(
    user: User | AnonymousUser, process: str, document: str, number: int
) -> models.Version | None:
    """Version ``number`` of ``document`` in process ``process``, if ``user`` may read it."""
    return (
        models.Version.objects.select_related("document__process")
        .filter(
            document__process__in=visible_processes(user).filter(slug=process),
            document__slug=document,
            number=number,
        )
        .first()
    )


def accreditation(
    user: User | AnonymousUser, process: models.Process
) -> models.Accreditation | None:
    if not user.is_authenticated:
        return None
    return (
        models.Accreditation.objects.select_related("delegation")
        .filter(process=process, user=user)
        .first()
    )


def actor(user: User | AnonymousUser, process: models.Process) -> Actor:
    """The user as the rules of ``process`` see them (the public when not accredited)."""
    return actor_of(accreditation(user, process), process)


def actor_of(found: models.Accreditation | None, process: models.Process) -> Actor:
    """The actor an accreditation (already read) makes of its user."""
    if found is None:
        return PUBLIC
    participation = (
        models.Participation.objects.filter(process=process, delegation=found.delegation).first()
        if found.delegation
        else None
    )
    mandates = frozenset(found.mandates.values_list("code", flat=True))
    return convert.actor_value(found, participation, mandates)


def current_version(document: models.Document) -> models.Version:
    return document.versions.order_by("-number").first() or _no_version(document)


def _no_version(document: models.Document) -> models.Version:
    raise models.Version.DoesNotExist(f"{document} has no version")


def version_value(version: models.Version) -> pv.Version:
    return convert.version_value(version, list(version.provisions.order_by("position")))


def proposals(version: models.Version) -> QuerySet[models.Proposal]:
    return version.proposals.select_related("delegation", "on_behalf_of").order_by(
        "submitted_at", "id"
    )


def compilation(version: models.Version, text: pv.Version | None = None) -> cp.Compilation:
    """The version with every proposal on it and their fates in later revisions, in four
    queries whatever its size (three when the caller already holds the version's ``text``)."""
    rows = proposals(version).values(*convert.PROPOSAL_FIELDS)
    fates: dict[int, list[Fate]] = {}
    for fate in models.ProposalFate.objects.filter(proposal__version=version).select_related(
        "revision"
    ):
        fates.setdefault(fate.proposal_id, []).append(convert.fate_value(fate))
    return cp.compile_version(
        text or version_value(version), (convert.proposal_from_fields(p) for p in rows), fates
    )


def documents_with_current_version(process: models.Process) -> list[models.Version]:
    """The current version of each of the process's documents, with its document."""
    latest = (
        models.Version.objects.filter(document=OuterRef("document"))
        .order_by("-number")
        .values("pk")[:1]
    )
    return list(
        models.Version.objects.filter(document__process=process, pk=Subquery(latest))
        .select_related("document")
        .order_by("document__title")
    )


def mandates(user: User | AnonymousUser, process: models.Process) -> list[tuple[str, str]]:
    """(code, name) of the groups the user may speak for in ``process``."""
    found = accreditation(user, process)
    if found is None:
        return []
    return list(found.mandates.order_by("name").values_list("code", "name"))


def reading_context(version: models.Version, user: User | AnonymousUser) -> dict[str, Any]:
    """What every reading view of a version shows: the text, its siblings, the reader's role."""
    document = version.document
    versions = list(document.versions.order_by("number"))
    accredited = accreditation(user, document.process)
    who = actor_of(accredited, document.process)
    is_current = versions[-1].pk == version.pk
    adoption = (
        version.adoptions.filter(adopted=True).prefetch_related("explanations__delegation").first()
    )
    return {
        "process": document.process,
        "document": document,
        "version": version,
        "versions": versions,
        "is_current": is_current,
        "text": version_value(version),
        "actor": who,
        "accreditation": accredited,
        "can_propose": is_current and may_propose(who) and adoption is None,
        "adoption": adoption,
        "is_chair": who.role is Role.CHAIR,
    }


def proposal_values(version: models.Version, *, ids: list[int]) -> Iterator[pr.Proposal]:
    return (convert.proposal_value(p) for p in proposals(version).filter(pk__in=ids))


def process_events(process: models.Process, *, before: int | None) -> list[models.Event]:
    """Up to 101 events of ``process``, newest first, older than ``before`` if given (one more
    than a page, to tell whether an older page exists)."""
    events = models.Event.objects.filter(process=process).select_related("actor", "delegation")
    if before is not None:
        events = events.filter(seq__lt=before)
    return list(events.order_by("-seq")[:101])


def may_draft(user: User | AnonymousUser, process: models.Process) -> bool:
    """Whether the user is the process's Chair or Secretariat, who publish drafts."""
    return actor(user, process).role in (Role.CHAIR, Role.SECRETARIAT)


def participants(process: models.Process) -> dict[str, list[models.Delegation]]:
    """The process's delegations by kind of participant (member, observer, stakeholder)."""
    rows = process.participations.select_related("delegation__regional_group").order_by(
        "delegation__name"
    )
    found: dict[str, list[models.Delegation]] = {kind.value: [] for kind in ParticipantKind}
    for row in rows:
        found[row.kind].append(row.delegation)
    return found


def accreditations(process: models.Process) -> QuerySet[models.Accreditation]:
    return (
        process.accreditations.select_related("user", "delegation")
        .prefetch_related("mandates")
        .order_by("role", "delegation__name", "user__username")
    )


def may_administer(user: User | AnonymousUser, process: models.Process) -> bool:
    """Whether the user is the process's Secretariat, who admits and accredits."""
    return actor(user, process).role is Role.SECRETARIAT


def redline(version: models.Version, against: models.Version) -> Redline:
    """``version`` compared with the earlier ``against``, through their lineage."""
    return compare_versions(version_value(against), version_value(version))


def revision_labels(document: models.Document) -> dict[str, dict[str, str]]:
    """For each version label of ``document``, its provisions' number labels by uid."""
    rows = models.Provision.objects.filter(version__document=document).values_list(
        "version__label", "uid", "label"
    )
    labels: dict[str, dict[str, str]] = {}
    for version, uid, label in rows:
        labels.setdefault(version, {})[uid] = label
    return labels


def position_values(document: models.Document) -> list[ps.Position]:
    """Every position on ``document``'s provisions, in the order they were taken."""
    rows = document.positions.select_related("delegation").order_by("recorded_at", "id")
    return [convert.position_value(row) for row in rows]


def positions_board(version: models.Version, text: pv.Version) -> list[dict[str, object]]:
    """For each paragraph of ``version``: the members' standing positions by stance, and the
    positions gone stale because the text changed since."""
    members = frozenset(
        version.document.process.participations.filter(kind=ParticipantKind.MEMBER).values_list(
            "delegation__code", flat=True
        )
    )
    taken = position_values(version.document)
    names = dict(models.Delegation.objects.values_list("code", "name"))
    board = []
    for provision in text:
        if not provision.is_amendable:
            continue
        standing = ps.current_positions(taken, provision, members)
        # In the order of the stances: support, can accept, reserve, object.
        by_stance = [
            sorted(names[p.delegation] for p in standing.values() if p.stance is stance)
            for stance in ps.Stance
        ]
        stale = sorted({names[p.delegation] for p in ps.stale_positions(taken, provision)})
        board.append({"provision": provision, "stances": by_stance, "stale": stale})
    return board


def own_positions(
    version: models.Version, text: pv.Version, delegation: str | None
) -> dict[str, dict[str, object]]:
    """The delegation's latest position on each provision of ``version``, and whether the
    text changed since it was taken (stale)."""
    if delegation is None:
        return {}
    present = {provision.uid for provision in text}
    latest = {
        p.provision_uid: p
        for p in position_values(version.document)
        if p.delegation == delegation and p.provision_uid in present
    }
    return {
        uid: {"stance": p.stance.value, "stale": p.is_stale(text.provision(uid))}
        for uid, p in latest.items()
    }


def consensus_report(document: models.Document) -> dict[str, Any] | None:
    """The consensus report of ``document``, derived from its adoption record: every
    provision of the adopted version whose text still has the hash the adoption covered.
    A provision whose text no longer matches is withheld and named, never shown as agreed.
    None while the document has not been adopted."""
    adoption = (
        models.Adoption.objects.filter(version__document=document, adopted=True)
        .select_related("version")
        .first()
    )
    if adoption is None:
        return None
    text = version_value(adoption.version)
    covered = adoption.provision_hashes
    agreed, withheld = [], []
    for provision in text:
        if not provision.is_amendable or covered.get(provision.uid) == provision.content_hash:
            agreed.append(provision)
        else:
            withheld.append(provision)
    return {
        "adoption": adoption,
        "version": adoption.version,
        "provisions": agreed,
        "withheld": withheld,
    }


def bracketed(version: models.Version, text: pv.Version) -> tuple[BracketedProvision, ...]:
    """``version`` as bracketed text: the words its open proposals and the members' standing
    objections dispute. An adopted version carries no brackets."""
    document = version.document
    if version.adoptions.filter(adopted=True).exists():
        return bracket_version(text, (), agreed=frozenset(p.uid for p in text))
    members = frozenset(
        document.process.participations.filter(kind=ParticipantKind.MEMBER).values_list(
            "delegation__code", flat=True
        )
    )
    open_rows = proposals(version).filter(status=pr.ProposalStatus.OPEN)
    return bracket_version(
        text,
        (convert.proposal_value(p) for p in open_rows),
        position_values(document),
        members=members,
    )


def export_job_file(job: models.ExportJob) -> bytes:
    """The file a finished export job made (read apart: pages about the job skip it)."""
    content = models.ExportJob.objects.values_list("content", flat=True).get(pk=job.pk)
    return bytes(content or b"")
