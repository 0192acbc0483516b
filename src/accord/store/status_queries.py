"""Reads of the provisions' status: the Chair's marks, the board, progress and provenance."""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from accord.core import adoption as ad
from accord.core import provisions as pv
from accord.core import status as st
from accord.core.participants import ParticipantKind
from accord.core.proposals import ProposalStatus
from accord.store import convert, models, queries


def member_names(process: models.Process) -> dict[str, str]:
    """The process's members: their names by code."""
    return dict(
        process.participations.filter(kind=ParticipantKind.MEMBER).values_list(
            "delegation__code", "delegation__name"
        )
    )


def members(process: models.Process) -> frozenset[str]:
    return frozenset(member_names(process))


def act_value(row: models.StatusMark) -> st.ChairAct:
    return st.ChairAct(
        st.ActKind(row.kind), row.provision_uid, row.text_hash, frozenset(row.pending)
    )


def chair_acts(document: models.Document) -> list[st.ChairAct]:
    """The Chair's marks on ``document``'s provisions, in the order they were recorded."""
    return [act_value(row) for row in document.status_marks.order_by("recorded_at", "id")]


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
class Row:
    """One provision of a version with its status (None for a section heading)."""

    provision: pv.Provision
    outcome: st.StatusOutcome | None
    pending_names: tuple[str, ...] = ()
    objecting_names: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        return self.outcome.status.value if self.outcome else ""


def statuses(version: models.Version, text: pv.Version) -> list[Row]:
    """Every provision of ``version`` with its status, from the members' positions, the
    proposals open on it (see `queries.open_on`: on the current version, those carried from
    earlier ones too) and the Chair's marks; in seven queries whatever its size, two more
    when a proposal is carried."""
    document = version.document
    adopted = adopted_version(document)
    text_adopted = adopted is not None and adopted.pk == version.pk
    taken = queries.position_values(document)
    acts = chair_acts(document)
    open_counts = Counter(p.provision_uid for p in queries.open_on(version))
    names = member_names(document.process)
    among = frozenset(names)
    outcomes = [
        st.provision_status(
            provision,
            taken,
            acts,
            members=among,
            open_proposals=open_counts.get(provision.uid, 0),
            text_adopted=text_adopted,
        )
        if provision.is_amendable
        else None
        for provision in text
    ]

    def named(codes: frozenset[str]) -> tuple[str, ...]:
        return tuple(sorted(names.get(code, code) for code in codes))

    return [
        Row(p, o, named(o.pending), named(o.objecting)) if o else Row(p, None)
        for p, o in zip(text, outcomes, strict=True)
    ]


def board(rows: list[Row]) -> dict[str, Any]:
    """The rows grouped under their sections, with the count of paragraphs in each status."""
    sections: list[dict[str, Any]] = []
    counts = dict.fromkeys(st.ProvisionStatus, 0)
    for row in rows:
        if row.outcome is None:
            sections.append({"heading": row.provision, "rows": []})
            continue
        if not sections:
            sections.append({"heading": None, "rows": []})
        sections[-1]["rows"].append(row)
        counts[row.outcome.status] += 1
    return {"sections": sections, "counts": list(counts.items()), "total": sum(counts.values())}


def progress(document: models.Document) -> tuple[st.Moment, ...]:
    """The paragraphs' statuses after each version issued, each mark of the Chair and the
    adoption, replayed from the recorded rows (three queries)."""
    versions = list(document.versions.order_by("number"))
    provisions: dict[int, list[models.Provision]] = {}
    for row in models.Provision.objects.filter(version__document=document).order_by(
        "version", "position"
    ):
        provisions.setdefault(row.version_id, []).append(row)
    texts = [
        (v.issued_at, v.label, convert.version_value(v, provisions.get(v.pk, []))) for v in versions
    ]
    marks = [
        (row.recorded_at, act_value(row))
        for row in document.status_marks.order_by("recorded_at", "id")
    ]
    adoption = (
        models.Adoption.objects.filter(version__document=document, adopted=True)
        .order_by("decided_at", "id")
        .first()
    )
    return st.progress(texts, marks, adoption.decided_at if adoption else None)


def adoption_checklist(version: models.Version) -> ad.Checklist:
    """What stands outstanding before the adoption of ``version``: its paragraphs not agreed
    and the members reserving or objecting (from the status board), the open proposals on
    the document whatever version they were made on, and its silence procedures running."""
    document = version.document
    rows = statuses(version, queries.version_value(version))
    proposals = list(
        models.Proposal.objects.filter(version__document=document, status=ProposalStatus.OPEN)
        .select_related("delegation", "version")
        .order_by("version__number", "submitted_at", "id")
    )
    rows_of_labels = models.Provision.objects.filter(
        version_id__in={p.version_id for p in proposals},
        uid__in={p.provision_uid for p in proposals},
    ).values_list("version_id", "uid", "label")
    labels = {(version_id, uid): label for version_id, uid, label in rows_of_labels}
    running = models.SilenceProcedure.objects.filter(
        version__document=document, closed_at__isnull=True
    ).count()
    return ad.checklist(
        ((row.provision.label, row.outcome) for row in rows if row.outcome is not None),
        (
            ad.OpenProposal(
                p.delegation.name, labels.get((p.version_id, p.provision_uid), ""), p.version.label
            )
            for p in proposals
        ),
        running,
        member_names(document.process),
    )
