"""Decisions on a version: the outcomes recorded, recorded votes, and the consensus report
derived from the adoption."""

from collections.abc import Iterable
from dataclasses import dataclass

from accord.core import provisions as pv
from accord.core.participants import ParticipantKind
from accord.store import models, tree
from accord.store.queries.events import deciding_event
from accord.store.queries.national import moved_provisions
from accord.store.queries.versions import version_value


@dataclass(frozen=True, slots=True)
class Outcome:
    """An outcome recorded on a version, with the names of the members whose objection
    blocked it."""

    adoption: models.Adoption
    objecting: list[str]


def outcome_of(version: models.Version) -> Outcome:
    """The latest outcome recorded on ``version``, with the names of the members objecting."""
    latest = version.adoptions.select_related("vote").order_by("-decided_at", "-id")[:1]
    return with_objecting(version.document.process, latest)[0]


def outcomes(document: models.Document) -> list[Outcome]:
    """Every outcome recorded on ``document``, oldest first, with the names of the members
    objecting, the recorded vote and the explanations."""
    return with_objecting(
        document.process,
        models.Adoption.objects.filter(version__document=document)
        .select_related("version__document", "vote")
        .prefetch_related("explanations__delegation")
        .order_by("decided_at", "id"),
    )


def with_objecting(process: models.Process, adoptions: Iterable[models.Adoption]) -> list[Outcome]:
    """The ``adoptions`` as outcomes, naming the members that objected (one query)."""
    found = list(adoptions)
    if not found:
        return []
    names = dict(
        process.participations.filter(
            kind=ParticipantKind.MEMBER,
            delegation__code__in={code for a in found for code in a.objections},
        ).values_list("delegation__code", "delegation__name")
    )
    return [Outcome(a, [names[code] for code in a.objections if code in names]) for a in found]


@dataclass(frozen=True, slots=True)
class Vote:
    """A recorded vote: every member's ballot by name ("" for a member that did not vote),
    and the explanations of vote."""

    adoption: models.Adoption
    ballots: list[tuple[str, str]]
    explanations: list[models.ExplanationOfPosition]


def recorded_votes(version: models.Version) -> list[Vote]:
    """The recorded votes held on ``version``, oldest first."""
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
        Vote(
            a,
            [(name, a.vote.ballots.get(code, "")) for code, name in members],
            list(a.explanations.all()),
        )
        for a in adoptions
    ]


def adopted_version(document: models.Document) -> models.Version | None:
    """The version a recorded adoption adopted, whatever procedure adopted it."""
    found = (
        models.Adoption.objects.filter(version__document=document, adopted=True)
        .select_related("version")
        .order_by("decided_at", "id")
        .first()
    )
    return found.version if found else None


@dataclass(frozen=True, slots=True)
class ConsensusReport:
    """The consensus report of a document: ``provisions``, those of the adopted ``version``
    whose text still has the hash the ``adoption`` covered; ``withheld``, those whose text no
    longer matches (never shown as agreed); ``moved``, those the Chair moved to the Chair's
    summary; and ``text``, the whole adopted version."""

    adoption: models.Adoption
    version: models.Version
    text: pv.Version
    provisions: list[pv.Provision]
    withheld: list[pv.Provision]
    moved: list[pv.Provision]
    # The event that recorded the decision, and the first checkpoint covering it that
    # witnesses co-signed (None while none has).
    event: int | None
    witnessed: tree.Witnessed | None


def consensus_report(document: models.Document) -> ConsensusReport | None:
    """The consensus report of ``document``, derived from its adoption record; None while
    the document has not been adopted."""
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
    event = deciding_event(adoption)
    seen = tree.witnessed(event) if event is not None else None
    return ConsensusReport(
        adoption, adoption.version, text, agreed, withheld, elsewhere, event, seen
    )
