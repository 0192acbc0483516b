"""The read side of exports: a version as the documents layer describes it."""

from django.utils import timezone

from accord.documents.export import (
    export_bracketed,
    export_clean,
    export_compilation,
    export_redline,
)
from accord.documents.model import Attribution, DocumentMeta, Exported, Format, Issue, View
from accord.documents.pdf_export import Progress
from accord.documents.text_export import consensus_report_json
from accord.documents.version_redline import provision_redlines
from accord.documents.word_export import word_date
from accord.documents.words import ENGLISH, Words
from accord.store import convert, models, queries


def document_meta(version: models.Version) -> DocumentMeta:
    """What the front page of an exported ``version`` says, with the versions issued before
    it and its adoption (the Akoma Ntoso lifecycle). Needs ``document`` selected."""
    document = version.document
    history = tuple(
        Issue(number, label, timezone.localdate(issued))
        for number, label, issued in document.versions.filter(number__lt=version.number)
        .order_by("number")
        .values_list("number", "label", "issued_at")
    )
    first = history[0].issued if history else timezone.localdate(version.issued_at)
    adopted = version.adoptions.filter(adopted=True).values_list("decided_at", flat=True).first()
    return DocumentMeta(
        title=version.title,
        version_label=version.label,
        issued=timezone.localdate(version.issued_at),
        symbol=document.symbol,
        process_title=document.process.title,
        document_slug=document.slug,
        version_number=version.number,
        work_date=first,
        history=history,
        adopted=timezone.localdate(adopted) if adopted else None,
    )


class NoSuchView(Exception):
    """A view that cannot be exported (yet), or a redline of a first version, which has no
    earlier version to compare with."""


def previous_version(version: models.Version) -> models.Version | None:
    """The version issued just before ``version`` (none for the first): what a redline
    compares with when no other version is named."""
    return version.document.versions.filter(number__lt=version.number).order_by("-number").first()


def export_view(
    version: models.Version,
    view: View,
    fmt: Format,
    *,
    against: models.Version | None = None,
    words: Words = ENGLISH,
    chair: str = "Chair",
    progress: Progress | None = None,
) -> Exported:
    """``view`` of ``version`` as a file. A redline compares ``against`` (by default the
    previous version) with ``version`` and attributes its changes to the Chair, on the day
    ``version`` was issued. ``progress`` hears how many parts of a PDF are set, of how many."""
    meta = document_meta(version)
    told = {"progress": progress} if progress is not None else {}
    if view is View.CLEAN:
        return export_clean(meta, queries.version_value(version), fmt, words, **told)
    if view is View.COMPILATION:
        return export_compilation(meta, queries.compilation(version), fmt, words, **told)
    if view is View.BRACKETED:
        text = queries.version_value(version)
        return export_bracketed(meta, queries.bracketed(version, text), fmt, words, **told)
    if view is View.REDLINE:
        against = against or previous_version(version)
    if view is View.REDLINE and against is not None:
        lines = provision_redlines(queries.version_value(against), queries.version_value(version))
        subtitle = words.redline % {"old": against.label, "new": version.label}
        by = Attribution(chair, word_date(version.issued_at))
        return export_redline(
            meta, lines, fmt, by=by, subtitle=subtitle, words=words,
            previous=document_meta(against), **told,
        )  # fmt: skip
    raise NoSuchView(view.value)


def consensus_report_export(document: models.Document) -> tuple[str, str] | None:
    """The consensus report of ``document`` as JSON, with the adoption and the event that
    decided it, and its file name; None while the document has not been adopted."""
    report = queries.consensus_report(document)
    if report is None:
        return None
    adoption, version = report.adoption, report.version
    covered = adoption.provision_hashes
    decided = {
        "process": document.process.slug,
        "method": adoption.method,
        "decided": timezone.localdate(adoption.decided_at).isoformat(),
        "event": queries.deciding_event(adoption),
        # Every provision of the adopted version, with the hash adopted where there is one:
        # checks the report's title and numbering against the adoption's content hash.
        "outline": [
            {
                "uid": p.uid,
                "kind": p.kind.value,
                "label": p.label,
                "parent": p.parent,
                "content_hash": covered.get(p.uid, p.content_hash),
            }
            for p in report.text
        ],
        # The first checkpoint covering the decision that witnesses co-signed, if any yet.
        "witnessed": {
            "checkpoint": report.witnessed.checkpoint.as_json(),
            "witnesses": list(report.witnessed.witnesses),
        }
        if report.witnessed
        else None,
    }
    if report.text.title_block is not None:
        # A resolution's title block is part of the hash the adoption bound.
        decided["title_block"] = convert.title_block_json(report.text.title_block)
    text = consensus_report_json(document_meta(version), report.provisions, decided)
    return text, f"{document.slug}-consensus-report.json"
