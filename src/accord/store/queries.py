"""The read side: every page and endpoint reads through these functions."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from accord.core import compilation as cp
from accord.core import cosponsorship as cs
from accord.core import positions as ps
from accord.core import proposals as pr
from accord.core import provisions as pv
from accord.core import revising as rv
from accord.core.amendments import word_marks
from accord.core.bracketed import BracketedProvision, bracket_version
from accord.core.carry import Revision, carry_proposal
from accord.core.fates import Fate, FateKind, settle_fates
from accord.core.lineage import trace_lineage
from accord.core.participants import PUBLIC, Actor, ParticipantKind, Role, may_propose
from accord.core.redline import Redline, compare_versions
from accord.core.silence import SilenceState
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


def shown_proposals(version: models.Version) -> QuerySet[models.Proposal]:
    """The proposals a compilation of ``version`` shows: those made on it and, when it is the
    current version, every open proposal of its document whatever version it was made on (a
    proposal stays open until a revision gives it a final fate)."""
    later = models.Version.objects.filter(document=version.document_id, number__gt=version.number)
    still_open = Q(version__document=version.document_id, status=pr.ProposalStatus.OPEN)
    mine = Q(version=version) | (still_open & ~Exists(later))
    return (
        models.Proposal.objects.filter(mine)
        .select_related("delegation", "on_behalf_of")
        .order_by("submitted_at", "id")
    )


def carried_onto(version: models.Version, made: list[tuple[int, pr.Proposal]]) -> list[pr.Proposal]:
    """The proposals (each with the id of the version it was made on) as ``version`` shows
    them: those made on an earlier version restated on it through the lineage of every
    revision in between (see `accord.core.carry.carry_proposal`), the others as they are.
    Two queries when any was made earlier, none otherwise."""
    earlier = {made_on for made_on, _ in made if made_on != version.pk}
    if not earlier:
        return [proposal for _, proposal in made]
    versions = list(version.document.versions.filter(number__lte=version.number))
    first = min(k for k, v in enumerate(versions) if v.pk in earlier)
    chain = versions[first:]
    texts = _version_values(chain)
    revisions = [Revision(a, b, trace_lineage(a, b)) for a, b in pairwise(texts)]
    at = {v.pk: k for k, v in enumerate(chain)}

    def restated(made_on: int, proposal: pr.Proposal) -> pr.Proposal:
        if made_on == version.pk:
            return proposal
        origin = chain[at[made_on]]
        return carry_proposal(proposal, (origin.number, origin.label), revisions[at[made_on] :])

    return [restated(made_on, proposal) for made_on, proposal in made]


def _version_values(versions: list[models.Version]) -> list[pv.Version]:
    """The text of each of ``versions``, in one query."""
    rows: dict[int, list[models.Provision]] = {v.pk: [] for v in versions}
    for row in models.Provision.objects.filter(version__in=versions).order_by(
        "version", "position"
    ):
        rows[row.version_id].append(row)
    return [convert.version_value(v, rows[v.pk]) for v in versions]


def fates_of(proposal_ids: QuerySet[models.Proposal, Any] | list[int]) -> dict[int, list[Fate]]:
    """The fates of each of the proposals in every revision so far, oldest first (one query)."""
    found: dict[int, list[Fate]] = {}
    for fate in (
        models.ProposalFate.objects.filter(proposal__in=proposal_ids)
        .select_related("revision")
        .order_by("revision__number")
    ):
        found.setdefault(fate.proposal_id, []).append(convert.fate_value(fate))
    return found


@dataclass(frozen=True, slots=True)
class CompilationFilter:
    """Which proposals a compilation shows: by the proposing ``delegation`` (code), by
    ``group`` (code: proposals on its behalf or by its members), by ``section`` (the uid of a
    section heading: its paragraphs only) and by proposal ``status``. Empty means any."""

    delegation: str = ""
    group: str = ""
    section: str = ""
    status: str = ""

    @property
    def is_active(self) -> bool:
        return bool(self.delegation or self.group or self.section or self.status)


def section_uids(text: pv.Version, section: str) -> set[str]:
    """The uids of section ``section`` and of the provisions under it, in reading order."""
    found: set[str] = set()
    inside = False
    for provision in text:
        if provision.kind is pv.ProvisionKind.SECTION:
            inside = provision.uid == section
        if inside:
            found.add(provision.uid)
    return found


def _filtered(
    rows: QuerySet[models.Proposal],
    version: models.Version,
    text: pv.Version,
    wanted: CompilationFilter,
) -> QuerySet[models.Proposal]:
    if wanted.delegation:
        rows = rows.filter(delegation__code=wanted.delegation)
    if wanted.group:
        members = models.Group.members.through.objects.filter(group__code=wanted.group).values(
            "delegation"
        )
        rows = rows.filter(Q(on_behalf_of__code=wanted.group) | Q(delegation__in=members))
    if wanted.section:
        # A proposal made on an earlier version has its target's uid there; the compilation
        # drops it with the other sections' provisions once it is carried onto this one.
        here = Q(provision_uid__in=section_uids(text, wanted.section))
        rows = rows.filter(here | ~Q(version=version))
    if wanted.status:
        rows = rows.filter(status=wanted.status)
    return rows


def cosponsors(proposal_ids: QuerySet[models.Proposal, Any]) -> dict[int, tuple[pr.Proponent, ...]]:
    """The delegations that consented to co-sponsor each of the proposals, in one query."""
    rows = (
        models.CoSponsorship.objects.filter(
            proposal__in=proposal_ids, status=cs.InvitationStatus.ACCEPTED
        )
        .order_by("delegation__name")
        .values_list("proposal_id", "delegation__code", "delegation__name")
    )
    found: dict[int, list[pr.Proponent]] = {}
    for proposal, code, name in rows:
        found.setdefault(proposal, []).append(pr.Proponent(code, name))
    return {k: tuple(v) for k, v in found.items()}


def compilation(
    version: models.Version,
    text: pv.Version | None = None,
    wanted: CompilationFilter | None = None,
) -> cp.Compilation:
    """The version with every proposal it shows (those ``wanted``, when a filter is given):
    the proposals made on it and, on the current version, the open ones made on earlier
    versions, carried onto it (see `shown_proposals`, `carried_onto`); with their consenting
    co-sponsors and their fates in every revision so far. In five queries whatever its size
    (four when the caller already holds the version's ``text``), two more when a proposal
    was carried. A section filter keeps only that section's provisions."""
    text = text or version_value(version)
    wanted = wanted or CompilationFilter()
    chosen = _filtered(shown_proposals(version), version, text, wanted)
    rows = chosen.values(*convert.PROPOSAL_FIELDS, "version_id")
    joined = cosponsors(chosen.values("pk"))
    fates = fates_of(chosen.values("pk"))
    made = [
        (p["version_id"], convert.proposal_from_fields(p, joined.get(p["id"], ()))) for p in rows
    ]
    compiled = cp.compile_version(text, carried_onto(version, made), fates)
    if not wanted.section:
        return compiled
    shown = section_uids(text, wanted.section)
    return cp.Compilation(
        compiled.title, tuple(e for e in compiled.entries if e.provision.uid in shown)
    )


def compilation_choices(version: models.Version) -> dict[str, list[tuple[str, str]]]:
    """What a compilation can be filtered by: the delegations whose proposals it shows and
    the groups of the process's delegations (code, name), in two queries."""
    delegations = (
        models.Delegation.objects.filter(pk__in=shown_proposals(version).values("delegation"))
        .order_by("name")
        .values_list("code", "name")
    )
    taking_part = version.document.process.participations.values("delegation")
    groups = (
        models.Group.objects.filter(members__in=taking_part)
        .distinct()
        .order_by("name")
        .values_list("code", "name")
    )
    return {"delegations": list(delegations), "groups": list(groups)}


def pending_invitations(
    process: models.Process, delegation: str | None
) -> list[models.CoSponsorship]:
    """The invitations to co-sponsor awaiting ``delegation``'s answer in ``process``, on
    open proposals, oldest first."""
    if delegation is None:
        return []
    return list(
        models.CoSponsorship.objects.filter(
            proposal__version__document__process=process,
            delegation__code=delegation,
            status=cs.InvitationStatus.PENDING,
            proposal__status=pr.ProposalStatus.OPEN,
        )
        .select_related("proposal__delegation", "proposal__version__document")
        .order_by("invited_at", "id")
    )


def members(process: models.Process) -> list[tuple[str, str]]:
    """(code, name) of the process's member delegations, by name."""
    return list(
        process.participations.filter(kind=ParticipantKind.MEMBER)
        .order_by("delegation__name")
        .values_list("delegation__code", "delegation__name")
    )


def invitations(proposal_ids: Iterable[int]) -> dict[int, list[models.CoSponsorship]]:
    """Every invitation on the proposals, by proposal, with its delegation, in one query."""
    found: dict[int, list[models.CoSponsorship]] = {}
    rows = models.CoSponsorship.objects.filter(proposal__in=list(proposal_ids)).select_related(
        "delegation"
    )
    for row in rows.order_by("delegation__name"):
        found.setdefault(row.proposal_id, []).append(row)
    return found


def documents_with_current_title() -> QuerySet[models.Document]:
    """Documents with ``current_title``: the title of their latest version, which a revision
    may have changed ("Zero draft of the report …" becomes "Revised draft …")."""
    latest = models.Version.objects.filter(document=OuterRef("pk")).order_by("-number")
    return models.Document.objects.annotate(
        current_title=Subquery(latest.values("title")[:1])
    ).order_by("id")


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
    """What every reading view of a version shows: the text, its siblings, the reader's role,
    and the silence procedure running on the document, if any."""
    document = version.document
    versions = list(document.versions.order_by("number"))
    accredited = accreditation(user, document.process)
    who = actor_of(accredited, document.process)
    is_current = versions[-1].pk == version.pk
    recorded = list(
        version.adoptions.select_related("vote")
        .prefetch_related("explanations__delegation")
        .order_by("decided_at", "id")
    )
    adoption = next((a for a in recorded if a.adopted), None)
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
        "disassociating": _disassociating(adoption),
        # The outcomes that did not adopt it, each with the members whose objection blocked it.
        "not_adopted": _with_objecting(document.process, [a for a in recorded if not a.adopted]),
        "is_chair": who.role is Role.CHAIR,
        "prepares_revisions": who.role in rv.REVISION_TEAM,
        "silence": running_silence(document),
    }


def _disassociating(adoption: models.Adoption | None) -> list[tuple[str, int]]:
    """Who joined ``adoption``'s consensus and disassociated, by name, from how many
    paragraphs."""
    if adoption is None or not adoption.disassociations:
        return []
    names = dict(
        models.Delegation.objects.filter(code__in=adoption.disassociations).values_list(
            "code", "name"
        )
    )
    return [
        (names.get(code, code), len(uids))
        for code, uids in sorted(adoption.disassociations.items())
    ]


def outcome_of(version: models.Version) -> dict[str, Any]:
    """The latest outcome recorded on ``version``, with the names of the members objecting."""
    latest = version.adoptions.select_related("vote").order_by("-decided_at", "-id")[:1]
    return _with_objecting(version.document.process, latest)[0]


def outcomes(document: models.Document) -> list[dict[str, Any]]:
    """Every outcome recorded on ``document``, oldest first, with the names of the members
    objecting, the recorded vote and the explanations."""
    return _with_objecting(
        document.process,
        models.Adoption.objects.filter(version__document=document)
        .select_related("version__document", "vote")
        .prefetch_related("explanations__delegation")
        .order_by("decided_at", "id"),
    )


def _with_objecting(
    process: models.Process, adoptions: Iterable[models.Adoption]
) -> list[dict[str, Any]]:
    found = list(adoptions)
    if not found:
        return []
    names = dict(
        process.participations.filter(
            kind=ParticipantKind.MEMBER,
            delegation__code__in={code for a in found for code in a.objections},
        ).values_list("delegation__code", "delegation__name")
    )
    return [
        {"adoption": a, "objecting": [names[code] for code in a.objections if code in names]}
        for a in found
    ]


def recorded_votes(version: models.Version) -> list[dict[str, Any]]:
    """The recorded votes held on ``version``, oldest first: each with every member's ballot
    by name ("" for a member that did not vote) and the explanations of vote."""
    adoptions = list(
        version.adoptions.filter(method="vote")
        .select_related("vote")
        .prefetch_related("explanations__delegation")
        .order_by("decided_at", "id")
    )
    if not adoptions:
        return []
    members = (
        version.document.process.participations.filter(kind=ParticipantKind.MEMBER)
        .order_by("delegation__name")
        .values_list("delegation__code", "delegation__name")
    )
    return [
        {
            "adoption": a,
            "ballots": [(name, a.vote.ballots.get(code, "")) for code, name in members],
            "explanations": list(a.explanations.all()),
        }
        for a in adoptions
    ]


def proposal_values(version: models.Version, *, ids: list[int]) -> Iterator[pr.Proposal]:
    """The proposals ``ids`` of ``version``'s document, as they were made."""
    chosen = (
        models.Proposal.objects.filter(version__document=version.document_id, pk__in=ids)
        .select_related("delegation", "on_behalf_of")
        .order_by("submitted_at", "id")
    )
    joined = cosponsors(chosen.values("pk"))
    return (convert.proposal_value(p, joined.get(p.pk, ())) for p in chosen)


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


def working_draft(document: models.Document) -> models.WorkingDraft | None:
    """The stored draft of ``document``'s next revision, with who saved it last."""
    return models.WorkingDraft.objects.select_related("saved_by").filter(document=document).first()


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
    A provision whose text no longer matches is withheld and named, never shown as agreed;
    one the Chair moved to the Chair's summary is named apart (``moved``); ``text`` is the
    whole adopted version. None while the document has not been adopted."""
    adoption = (
        models.Adoption.objects.filter(version__document=document, adopted=True)
        .select_related("version")
        .first()
    )
    if adoption is None:
        return None
    text = version_value(adoption.version)
    covered = adoption.provision_hashes
    moved = moved_provisions(document)
    agreed, withheld, elsewhere = [], [], []
    for provision in text:
        if provision.uid in moved:
            elsewhere.append(provision)
        elif not provision.is_amendable or covered.get(provision.uid) == provision.content_hash:
            agreed.append(provision)
        else:
            withheld.append(provision)
    return {
        "adoption": adoption,
        "version": adoption.version,
        "text": text,
        "provisions": agreed,
        "withheld": withheld,
        "moved": elsewhere,
    }


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


DESK_CHANGES = 50


def desk(user: User, process: models.Process) -> dict[str, Any]:
    """What a person's desk shows for ``process``: the events since their last visit (newest
    first, at most `DESK_CHANGES`, with how many there are in all); for a delegation, its
    positions that went stale because the text changed since they were taken and the
    invitations to co-sponsor awaiting its answer; and the open silence procedures with
    their deadlines."""
    visit = models.DeskVisit.objects.filter(user=user, process=process).first()
    seen = visit.seen_seq if visit else 0
    since = models.Event.objects.filter(process=process, seq__gt=seen)
    changes = list(since.select_related("actor", "delegation").order_by("-seq")[:DESK_CHANGES])
    accredited = accreditation(user, process)
    delegation = accredited.delegation.code if accredited and accredited.delegation else None
    stale = []
    for version in documents_with_current_version(process):
        text = version_value(version)
        for uid, position in own_positions(version, text, delegation).items():
            if position["stale"]:
                stale.append({"version": version, "provision": text.provision(uid), **position})
    open_silences = (
        models.SilenceProcedure.objects.filter(
            version__document__process=process, state=SilenceState.RUNNING
        )
        .select_related("version__document")
        .prefetch_related("breaks__delegation")
        .order_by("deadline", "id")
    )
    return {
        "last_visit": visit.seen_at if visit else None,
        "changes": changes,
        "change_count": len(changes) if len(changes) < DESK_CHANGES else since.count(),
        "latest_seq": changes[0].seq if changes else seen,
        "stale_positions": stale,
        "invitations": pending_invitations(process, delegation),
        "open_silences": list(open_silences),
    }


def open_proposals(version: models.Version) -> list[pr.Proposal]:
    """Every open proposal of the document whose current version is ``version``, in the order
    they were submitted: those made on an earlier version carried onto it (see
    `carried_onto`). One query, three when a proposal was carried."""
    rows = (
        models.Proposal.objects.filter(
            version__document=version.document_id, status=pr.ProposalStatus.OPEN
        )
        .select_related("delegation", "on_behalf_of")
        .order_by("submitted_at", "id")
    )
    return carried_onto(version, [(row.version_id, convert.proposal_value(row)) for row in rows])


def revision_preview(
    version: models.Version,
    draft: rv.RevisionDraft,
    open_: list[pr.Proposal],
    recorded: dict[int, Fate],
    label: str,
) -> dict[str, Any]:
    """What the Chair checks before issuing ``draft`` as the revision of ``version``: the
    redline against it, the old→new number map, and every open proposal's fate (the Chair's
    where recorded, the engine's suggestion otherwise) with the ones that would vanish, and
    the engine's suggestion for each."""
    report = settle_fates(open_, draft.old, draft.new, draft.lineage, recorded, revision=label)
    suggested = settle_fates(open_, draft.old, draft.new, draft.lineage, {}, revision=label)
    return {
        "new": draft.new,
        "redline": compare_versions(draft.old, draft.new, draft.lineage),
        "report": report,
        "suggested": dict(zip((p.id for p in open_), suggested.fates, strict=True)),
    }


def provision_history(document: models.Document, uid: str) -> list[dict[str, Any]]:
    """Provision ``uid`` of ``document`` in each version, oldest first (two queries): its
    text where the version has it (a revision inherits the uid of the provision it
    continues) and the word marks against its previous appearance."""
    versions = list(document.versions.order_by("number"))
    rows = {
        row.version_id: row
        for row in models.Provision.objects.filter(version__document=document, uid=uid)
    }
    history: list[dict[str, Any]] = []
    before: models.Provision | None = None
    for version in versions:
        row = rows.get(version.pk)
        marks = word_marks(before.text, row.text) if row and before else ()
        history.append({"version": version, "provision": row, "marks": marks, "previous": before})
        before = row or before
    return history


def participations(process: models.Process) -> QuerySet[models.Participation]:
    """The process's participants with their delegation and its regional group."""
    return process.participations.select_related("delegation__regional_group")


def groups_with_participants(process: models.Process) -> QuerySet[models.Group]:
    """The groups with at least one member taking part in ``process``, each with those
    members (prefetched in one more query)."""
    taking_part = models.Delegation.objects.filter(
        pk__in=process.participations.values("delegation")
    ).order_by("code")
    return (
        models.Group.objects.filter(members__in=taking_part)
        .distinct()
        .prefetch_related(Prefetch("members", queryset=taking_part, to_attr="participants"))
    )


def bracketed(version: models.Version, text: pv.Version) -> tuple[BracketedProvision, ...]:
    """``version`` as bracketed text: the words its open proposals (see `open_on`) and the
    members' standing objections dispute. An adopted version carries no brackets."""
    document = version.document
    if version.adoptions.filter(adopted=True).exists():
        return bracket_version(text, (), agreed=frozenset(p.uid for p in text))
    members = frozenset(
        document.process.participations.filter(kind=ParticipantKind.MEMBER).values_list(
            "delegation__code", flat=True
        )
    )
    return bracket_version(text, open_on(version), position_values(document), members=members)


def open_on(version: models.Version) -> list[pr.Proposal]:
    """The proposals open while ``version`` was current, in the order they were submitted: on
    the current version every open proposal of the document, carried onto it (see
    `open_proposals`); on an earlier one, those made on it and not withdrawn (a revision
    settled them since)."""
    if current_version(version.document).pk == version.pk:
        return open_proposals(version)
    made = proposals(version).exclude(status=pr.ProposalStatus.WITHDRAWN)
    return [convert.proposal_value(p) for p in made]


def silence_procedures(version: models.Version) -> list[models.SilenceProcedure]:
    """The silence procedures on ``version``, newest first, with who broke silence."""
    return list(
        version.silences.select_related("launched_by", "adoption", "superseded_by")
        .prefetch_related("breaks__delegation")
        .order_by("-launched_at", "-id")
    )


def silence_procedure(process: models.Process, pk: int) -> models.SilenceProcedure | None:
    """Procedure ``pk`` of ``process``, with its version, document and letters."""
    return (
        models.SilenceProcedure.objects.select_related(
            "version__document", "adoption", "superseded_by"
        )
        .prefetch_related("breaks__delegation", "breaks__recorded_by")
        .filter(version__document__process=process, pk=pk)
        .first()
    )


def running_silence(document: models.Document) -> models.SilenceProcedure | None:
    """The silence procedure running on ``document``, if one is (one at a time)."""
    return (
        models.SilenceProcedure.objects.select_related("version")
        .filter(version__document=document, state=SilenceState.RUNNING)
        .first()
    )


def stakeholder_requests(process: models.Process) -> list[models.StakeholderRequest]:
    """The process's stakeholder requests, pending first then newest, with objections."""
    return list(
        process.stakeholder_requests.select_related("user", "proposed_by")
        .prefetch_related("objections__delegation")
        .order_by("decided_at", "-proposed_at", "-id")
    )


def moved_provisions(document: models.Document) -> set[str]:
    """The uids of ``document``'s provisions the Chair moved to the Chair's summary."""
    return set(
        models.ChairSummaryEntry.objects.filter(
            version__document=document, source=models.ChairSummaryEntry.Source.MOVED_PROVISION
        ).values_list("provision_uid", flat=True)
    )


def statements(
    process: models.Process, kind: str, delegation: str | None = None
) -> QuerySet[models.Statement]:
    """The process's statements (or written inputs), with their delegation and version."""
    rows = process.statements.filter(kind=kind).select_related("delegation", "version__document")
    if delegation:
        rows = rows.filter(delegation__code=delegation)
    return rows


def chair_summary(process: models.Process) -> models.ChairSummary | None:
    """The Chair's summary of ``process`` with its entries, their holders and sources."""
    return (
        models.ChairSummary.objects.filter(process=process)
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=models.ChairSummaryEntry.objects.select_related(
                    "proposal__delegation", "proposal__on_behalf_of", "version__document"
                )
                .prefetch_related(
                    "delegations",
                    "groups",
                    Prefetch(
                        "proposal__fates",
                        queryset=models.ProposalFate.objects.select_related("revision").order_by(
                            "revision__number"
                        ),
                    ),
                )
                .order_by("added_at", "id"),
            )
        )
        .first()
    )


def _labels(version_ids: set[int]) -> dict[tuple[int, str], str]:
    rows = models.Provision.objects.filter(version_id__in=version_ids).values_list(
        "version_id", "uid", "label"
    )
    return {(version, uid): label for version, uid, label in rows}


def national_views(process: models.Process) -> dict[str, Any]:
    """Everything on record in ``process`` that only its holders hold: statements,
    explanations of position, disassociations, proposals not taken up, the Chair's summary
    and (apart) stakeholders' written inputs. A fixed number of queries."""
    adoptions = list(
        models.Adoption.objects.filter(version__document__process=process)
        .select_related("version__document")
        .prefetch_related("explanations__delegation")
        .order_by("decided_at", "id")
    )
    dropped = list(
        models.ProposalFate.objects.filter(
            revision__document__process=process, kind=FateKind.NOT_TAKEN_UP
        )
        .select_related(
            "revision", "proposal__delegation", "proposal__on_behalf_of", "proposal__version"
        )
        .order_by("revision__document__title", "revision__number", "proposal_id")
    )
    said = list(statements(process, models.Statement.Kind.STATEMENT))
    versions = {a.version_id for a in adoptions} | {f.proposal.version_id for f in dropped}
    labels = _labels(versions | {s.version_id for s in said if s.version_id})
    names = dict(
        models.Delegation.objects.filter(
            code__in={code for a in adoptions for code in a.disassociations}
        ).values_list("code", "name")
    )
    disassociations = [
        {
            "adoption": a,
            "delegation": names.get(code, code),
            "labels": [labels.get((a.version_id, uid), uid) for uid in uids],
        }
        for a in adoptions
        for code, uids in sorted(a.disassociations.items())
    ]
    explanations = [(a, e) for a in adoptions for e in a.explanations.all()]
    not_taken_up = [
        {"fate": f, "label": labels.get((f.proposal.version_id, f.proposal.provision_uid), "")}
        for f in dropped
    ]
    return {
        "statements": [
            {
                "statement": s,
                "labels": [labels.get((s.version_id or 0, uid), uid) for uid in s.provision_uids],
            }
            for s in said
        ],
        "inputs": list(statements(process, models.Statement.Kind.WRITTEN_INPUT)),
        "explanations": explanations,
        "disassociations": disassociations,
        "not_taken_up": not_taken_up,
        "summary": chair_summary(process),
    }


def group_codes(codes: list[str]) -> set[str]:
    """Which of ``codes`` name groups (the others name delegations)."""
    return set(models.Group.objects.filter(code__in=codes).values_list("code", flat=True))


def proposals_not_taken_up(process: models.Process) -> list[models.Proposal]:
    """The process's proposals whose latest fate is "not taken up", in order."""
    latest: dict[int, str] = {}
    for proposal_id, kind in models.ProposalFate.objects.filter(
        proposal__version__document__process=process
    ).values_list("proposal_id", "kind"):
        latest[proposal_id] = kind
    ids = [pk for pk, kind in latest.items() if kind == FateKind.NOT_TAKEN_UP]
    return list(
        models.Proposal.objects.filter(pk__in=ids)
        .select_related("delegation", "on_behalf_of")
        .order_by("submitted_at", "id")
    )


def export_job_file(job: models.ExportJob) -> bytes:
    """The file a finished export job made (read apart: pages about the job skip it)."""
    content = models.ExportJob.objects.values_list("content", flat=True).get(pk=job.pk)
    return bytes(content or b"")
