"""National views on record: statements, explanations of position, disassociations,
proposals not taken up, the Chair's summary and stakeholders' written inputs."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from accord.core.fates import FateKind
from accord.store import models


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
                    "translations",
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


@dataclass(frozen=True, slots=True)
class LabelledStatement:
    """A statement with the number labels of the paragraphs it speaks to."""

    statement: models.Statement
    labels: list[str]


@dataclass(frozen=True, slots=True)
class Disassociation:
    """A delegation (by name) that joined ``adoption``'s consensus but disassociated from
    the paragraphs labelled ``labels``."""

    adoption: models.Adoption
    delegation: str
    labels: list[str]


@dataclass(frozen=True, slots=True)
class NotTakenUp:
    """A proposal a revision did not take up, with the label of the paragraph it targeted."""

    fate: models.ProposalFate
    label: str


@dataclass(frozen=True, slots=True)
class NationalViews:
    """Everything on record in a process that only its holders hold."""

    statements: list[LabelledStatement]
    inputs: list[models.Statement]
    explanations: list[tuple[models.Adoption, models.ExplanationOfPosition]]
    disassociations: list[Disassociation]
    not_taken_up: list[NotTakenUp]
    summary: models.ChairSummary | None


def national_views(process: models.Process) -> NationalViews:
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
        Disassociation(
            a, names.get(code, code), [labels.get((a.version_id, uid), uid) for uid in uids]
        )
        for a in adoptions
        for code, uids in sorted(a.disassociations.items())
    ]
    return NationalViews(
        statements=[
            LabelledStatement(
                s, [labels.get((s.version_id or 0, uid), uid) for uid in s.provision_uids]
            )
            for s in said
        ],
        inputs=list(statements(process, models.Statement.Kind.WRITTEN_INPUT)),
        explanations=[(a, e) for a in adoptions for e in a.explanations.all()],
        disassociations=disassociations,
        not_taken_up=[
            NotTakenUp(f, labels.get((f.proposal.version_id, f.proposal.provision_uid), ""))
            for f in dropped
        ],
        summary=chair_summary(process),
    )
