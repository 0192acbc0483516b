"""Proposals: those a version shows, carried onto later versions, their fates and their
co-sponsors."""

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from accord.core import cosponsorship as cs
from accord.core import proposals as pr
from accord.core.carry import Revision, carry_proposal
from accord.core.fates import Fate, FateKind
from accord.core.lineage import trace_lineage
from accord.store import convert, models
from accord.store.queries.versions import current_version, version_values


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


def open_proposals_of(version: models.Version, delegation: str) -> list[int]:
    """The ids of ``delegation``'s open proposals a compilation of ``version`` shows (see
    `shown_proposals`), in one query."""
    mine = shown_proposals(version).filter(
        delegation__code=delegation, status=pr.ProposalStatus.OPEN
    )
    return list(mine.values_list("pk", flat=True))


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
    texts = version_values(chain)
    revisions = [Revision(a, b, trace_lineage(a, b)) for a, b in pairwise(texts)]
    at = {v.pk: k for k, v in enumerate(chain)}

    def restated(made_on: int, proposal: pr.Proposal) -> pr.Proposal:
        if made_on == version.pk:
            return proposal
        origin = chain[at[made_on]]
        return carry_proposal(proposal, (origin.number, origin.label), revisions[at[made_on] :])

    return [restated(made_on, proposal) for made_on, proposal in made]


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


def pending_invitations(
    process: models.Process, delegation: str | None
) -> list[models.CoSponsorship]:
    """The invitations to co-sponsor awaiting ``delegation``'s answer in ``process``, on
    open proposals, oldest first; each with ``paragraph``, the number of the paragraph its
    proposal is on."""
    if delegation is None:
        return []
    paragraph = models.Provision.objects.filter(
        version=OuterRef("proposal__version"), uid=OuterRef("proposal__provision_uid")
    ).values("label")[:1]
    return list(
        models.CoSponsorship.objects.filter(
            proposal__version__document__process=process,
            delegation__code=delegation,
            status=cs.InvitationStatus.PENDING,
            proposal__status=pr.ProposalStatus.OPEN,
        )
        .select_related("proposal__delegation", "proposal__version__document")
        .annotate(paragraph=Subquery(paragraph))
        .order_by("invited_at", "id")
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


def open_proposals(
    version: models.Version, *, only: frozenset[str] | None = None
) -> list[pr.Proposal]:
    """Every open proposal of the document whose current version is ``version``, in the order
    they were submitted: those made on an earlier version carried onto it (see
    `carried_onto`). One query, three when a proposal was carried. With ``only`` (a set of
    uids), those on these provisions alone."""
    rows = models.Proposal.objects.filter(
        version__document=version.document_id, status=pr.ProposalStatus.OPEN
    ).order_by("submitted_at", "id")
    if only is None:
        return carried_onto(version, made_values(rows))
    # Where a proposal made on an earlier version stands now is known once it is carried.
    rows = rows.filter(Q(provision_uid__in=only) | ~Q(version=version))
    return [p for p in carried_onto(version, made_values(rows)) if p.provision_uid in only]


def made_values(rows: QuerySet[models.Proposal]) -> list[tuple[int, pr.Proposal]]:
    """The proposals ``rows`` (without co-sponsors), each with the id of the version it was
    made on, read as plain column values: building model instances for thousands of them
    took most of a status board's time."""
    return [
        (p["version_id"], convert.proposal_from_fields(p))
        for p in rows.values(*convert.PROPOSAL_FIELDS, "version_id")
    ]


def open_on(version: models.Version, *, only: frozenset[str] | None = None) -> list[pr.Proposal]:
    """The proposals open while ``version`` was current, in the order they were submitted: on
    the current version every open proposal of the document, carried onto it (see
    `open_proposals`); on an earlier one, those made on it and not withdrawn (a revision
    settled them since). With ``only`` (a set of uids), those on these provisions alone."""
    if current_version(version.document).pk == version.pk:
        return open_proposals(version, only=only)
    made = proposals(version).exclude(status=pr.ProposalStatus.WITHDRAWN)
    if only is not None:
        made = made.filter(provision_uid__in=only)
    return [proposal for _, proposal in made_values(made)]


def open_counts(version: models.Version, *, only: frozenset[str] | None = None) -> Counter[str]:
    """How many of the proposals open while ``version`` was current (see `open_on`) stand on
    each of its provisions (those whose uids are ``only``, when a set is given), by uid,
    without reading them whole: only those made on an earlier version are, to carry them
    onto it. Three queries, five when one was carried."""
    if current_version(version.document).pk != version.pk:
        made = version.proposals.exclude(status=pr.ProposalStatus.WITHDRAWN)
        if only is not None:
            made = made.filter(provision_uid__in=only)
        return Counter(made.values_list("provision_uid", flat=True))
    rows = models.Proposal.objects.filter(
        version__document=version.document_id, status=pr.ProposalStatus.OPEN
    )
    here = rows.filter(version=version)
    if only is not None:
        here = here.filter(provision_uid__in=only)
    counts = Counter(here.values_list("provision_uid", flat=True))
    earlier = made_values(rows.exclude(version=version).order_by("submitted_at", "id"))
    counts.update(
        p.provision_uid
        for p in carried_onto(version, earlier)
        if only is None or p.provision_uid in only
    )
    return counts


def proposal_values(version: models.Version, *, ids: list[int]) -> Iterator[pr.Proposal]:
    """The proposals ``ids`` of ``version``'s document, as they were made."""
    chosen = (
        models.Proposal.objects.filter(version__document=version.document_id, pk__in=ids)
        .select_related("delegation", "on_behalf_of")
        .order_by("submitted_at", "id")
    )
    joined = cosponsors(chosen.values("pk"))
    return (convert.proposal_value(p, joined.get(p.pk, ())) for p in chosen)


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
