"""A provision's story: its text in every version, and the provenance of an adopted one."""

from dataclasses import dataclass

from accord.core import provisions as pv
from accord.core.amendments import Mark, word_marks
from accord.core.provisions import content_hash
from accord.store import convert, models


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A provision in one ``version``: its row there (None when the version lacks it), the
    word marks against its previous appearance, and that appearance."""

    version: models.Version
    provision: models.Provision | None
    marks: tuple[Mark, ...]
    previous: models.Provision | None


def provision_history(document: models.Document, uid: str) -> list[HistoryEntry]:
    """Provision ``uid`` of ``document`` in each version, oldest first (two queries): its
    text where the version has it (a revision inherits the uid of the provision it
    continues) and the word marks against its previous appearance."""
    versions = list(document.versions.order_by("number"))
    rows = {
        row.version_id: row
        for row in models.Provision.objects.filter(version__document=document, uid=uid)
    }
    history: list[HistoryEntry] = []
    before: models.Provision | None = None
    for version in versions:
        row = rows.get(version.pk)
        marks = word_marks(before.text, row.text) if row and before else ()
        history.append(HistoryEntry(version, row, marks, before))
        before = row or before
    return history


def adoption_of(document: models.Document) -> models.Adoption | None:
    """The recorded adoption of ``document``, whatever procedure adopted it."""
    return (
        models.Adoption.objects.filter(version__document=document, adopted=True)
        .select_related("version")
        .prefetch_related("explanations__delegation")
        .order_by("decided_at", "id")
        .first()
    )


@dataclass(frozen=True, slots=True)
class ProvenanceStep:
    """The provision in one ``version``: its number ``label`` and ``text`` there (None when
    the version lacks it), and whether the text changed since its previous appearance."""

    version: models.Version
    label: str | None
    text: str | None
    changed: bool


@dataclass(frozen=True, slots=True)
class ProvenanceMark:
    """A mark of the Chair on the provision, with the names of the members it is pending."""

    mark: models.StatusMark
    pending: list[str]


@dataclass(frozen=True, slots=True)
class Provenance:
    """The story of provision ``uid`` of an adopted document (see `provenance`).
    ``covered`` says whether its adopted text has the hash the adoption covered;
    ``disassociated_codes`` and ``disassociations`` name (by code, by name) the members
    that disassociated from it."""

    uid: str
    adoption: models.Adoption
    adopted_version: models.Version
    provision: pv.Provision
    covered: bool
    versions: list[ProvenanceStep]
    zero_draft: ProvenanceStep
    proposals: list[models.Proposal]
    marks: list[ProvenanceMark]
    disassociated_codes: list[str]
    disassociations: list[str]
    explanations: list[models.ExplanationOfPosition]


def provenance(document: models.Document, uid: str) -> Provenance | None:
    """The story of provision ``uid`` of adopted ``document``, followed by its stable uid
    through the versions; None unless the document is adopted and the adopted version has
    that provision. Ten queries whatever the number of versions and proposals."""
    adoption = adoption_of(document)
    if adoption is None:
        return None
    rows = {
        row.version_id: row
        for row in models.Provision.objects.filter(version__document=document, uid=uid)
    }
    adopted = rows.get(adoption.version_id)
    if adopted is None:
        return None
    versions = []
    previous: str | None = None
    for version in document.versions.order_by("number"):
        row = rows.get(version.pk)
        text = row.text if row else None
        changed = text is not None and previous is not None and text != previous
        versions.append(ProvenanceStep(version, row.label if row else None, text, changed))
        previous = text if text is not None else previous
    proposals = list(
        models.Proposal.objects.filter(version__document=document, provision_uid=uid)
        .select_related("delegation", "on_behalf_of", "version")
        .prefetch_related("fates__revision")
        .order_by("submitted_at", "id")
    )
    marks = list(
        document.status_marks.filter(provision_uid=uid)
        .select_related("version")
        .order_by("recorded_at", "id")
    )
    names = dict(models.Delegation.objects.values_list("code", "name"))
    covered = adoption.provision_hashes.get(uid)
    disassociated = sorted(code for code, uids in adoption.disassociations.items() if uid in uids)
    return Provenance(
        uid=uid,
        adoption=adoption,
        adopted_version=adoption.version,
        provision=convert.version_value(adoption.version, [adopted]).provision(uid),
        covered=covered is None or covered == content_hash(adopted.text),
        versions=versions,
        zero_draft=versions[0],
        proposals=proposals,
        marks=[ProvenanceMark(mark, [names.get(c, c) for c in mark.pending]) for mark in marks],
        disassociated_codes=disassociated,
        disassociations=sorted(names.get(code, code) for code in disassociated),
        explanations=list(adoption.explanations.all()),
    )
