"""Where the provisions stand: the Chair's marks, each provision's status, the status
board, the progress over time, and what stands outstanding before an adoption."""

from dataclasses import dataclass

from accord.core import adoption as ad
from accord.core import provisions as pv
from accord.core import status as st
from accord.core.positions import Position
from accord.core.proposals import ProposalStatus
from accord.store import convert, models
from accord.store.queries.decisions import adopted_version
from accord.store.queries.kept import kept, kept_by_provision, position_key, record_position
from accord.store.queries.people import member_names
from accord.store.queries.positions import position_values
from accord.store.queries.proposing import open_counts
from accord.store.queries.versions import version_value


def chair_acts(document: models.Document) -> list[st.ChairAct]:
    """The Chair's marks on ``document``'s provisions, in the order they were recorded."""
    return [convert.act_value(row) for row in document.status_marks.order_by("recorded_at", "id")]


@dataclass(frozen=True, slots=True)
class StatusRow:
    """One provision of a version with its status (None for a section heading)."""

    provision: pv.Provision
    outcome: st.StatusOutcome | None
    pending_names: tuple[str, ...] = ()
    objecting_names: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        return self.outcome.status.value if self.outcome else ""


def statuses(version: models.Version, text: pv.Version) -> list[StatusRow]:
    """Every provision of ``version`` with its status, from the members' positions, the
    proposals open on it (see `open_on`: on the current version, those carried from earlier
    ones too) and the Chair's marks. Worked out once for each position of the process's
    record (see `accord.store.queries.kept`), in eight queries whatever its size (two more
    when a proposal is carried), and then read from the cache in two; after an event that
    changed only some provisions (a proposal, a withdrawal, a position, a mark), only those
    are worked out again (see `accord.store.queries.kept.kept_since`)."""

    def make(only: frozenset[str] | None) -> list[StatusRow]:
        return _statuses(version, text, only=only)

    return list(kept_by_provision("statuses", version, (), make, lambda r: r.provision.uid))


def _statuses(
    version: models.Version, text: pv.Version, *, only: frozenset[str] | None = None
) -> list[StatusRow]:
    """The rows of `statuses`; with ``only`` (a set of uids), of those provisions alone."""
    document = version.document
    adopted = adopted_version(document)
    text_adopted = adopted is not None and adopted.pk == version.pk
    taken: dict[str, list[Position]] = {}
    for position in position_values(document, only=only):  # each provision reads its own
        taken.setdefault(position.provision_uid, []).append(position)
    acts = chair_acts(document)
    open_here = open_counts(version, only=only)
    names = member_names(document.process)
    among = frozenset(names)
    shown = [p for p in text if only is None or p.uid in only]
    outcomes = [
        st.provision_status(
            provision,
            taken.get(provision.uid, ()),
            acts,
            members=among,
            open_proposals=open_here.get(provision.uid, 0),
            text_adopted=text_adopted,
        )
        if provision.is_amendable
        else None
        for provision in shown
    ]

    def named(codes: frozenset[str]) -> tuple[str, ...]:
        return tuple(sorted(names.get(code, code) for code in codes))

    return [
        StatusRow(p, o, named(o.pending), named(o.objecting)) if o else StatusRow(p, None)
        for p, o in zip(shown, outcomes, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class BoardSection:
    """The rows under one section heading (None before the first heading)."""

    heading: pv.Provision | None
    rows: list[StatusRow]


@dataclass(frozen=True, slots=True)
class StatusBoard:
    """The rows grouped under their sections, with the count of paragraphs in each status
    (every status, in order) and in all."""

    sections: list[BoardSection]
    counts: list[tuple[st.ProvisionStatus, int]]
    total: int


def status_board(rows: list[StatusRow]) -> StatusBoard:
    """``rows`` (see `statuses`) grouped under their sections, with counts."""
    sections: list[BoardSection] = []
    counts = dict.fromkeys(st.ProvisionStatus, 0)
    for row in rows:
        if row.outcome is None:
            sections.append(BoardSection(row.provision, []))
            continue
        if not sections:
            sections.append(BoardSection(None, []))
        sections[-1].rows.append(row)
        counts[row.outcome.status] += 1
    return StatusBoard(sections, list(counts.items()), sum(counts.values()))


def progress(document: models.Document) -> tuple[st.Moment, ...]:
    """The paragraphs' statuses after each version issued, each mark of the Chair and the
    adoption, replayed from the recorded rows (three queries) once for each position of the
    process's record, then read from the cache (two queries)."""
    position = record_position(document.process)
    return kept(position_key("progress", position, document.pk), lambda: _progress(document))


def _progress(document: models.Document) -> tuple[st.Moment, ...]:
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
        (row.recorded_at, convert.act_value(row))
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
    rows = statuses(version, version_value(version))
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
