"""The provenance of an adopted provision: its text in every version from the zero draft,
the proposals made on it and their fates, the Chair's marks, the adoption that covered it,
and the national views attached to it."""

from typing import Any

from accord.core.provisions import content_hash
from accord.store import convert, models


def adoption_of(document: models.Document) -> models.Adoption | None:
    """The recorded adoption of ``document``, whatever procedure adopted it."""
    return (
        models.Adoption.objects.filter(version__document=document, adopted=True)
        .select_related("version")
        .prefetch_related("explanations__delegation")
        .order_by("decided_at", "id")
        .first()
    )


def provenance(document: models.Document, uid: str) -> dict[str, Any] | None:
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
        versions.append(
            {
                "version": version,
                "label": row.label if row else None,
                "text": text,
                "changed": text is not None and previous is not None and text != previous,
            }
        )
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
    return {
        "uid": uid,
        "adoption": adoption,
        "adopted_version": adoption.version,
        "provision": convert.version_value(adoption.version, [adopted]).provision(uid),
        "covered": covered is None or covered == content_hash(adopted.text),
        "versions": versions,
        "zero_draft": versions[0],
        "proposals": proposals,
        "marks": [
            {"mark": mark, "pending": [names.get(c, c) for c in mark.pending]} for mark in marks
        ],
        "disassociated_codes": sorted(
            code for code, uids in adoption.disassociations.items() if uid in uids
        ),
        "disassociations": sorted(
            names.get(code, code) for code, uids in adoption.disassociations.items() if uid in uids
        ),
        "explanations": list(adoption.explanations.all()),
    }
