"""One entry point for every export: a view of a version in a format, as a file.

Each export first drops from what it is given the characters XML cannot carry
(`accord.documents.xmltext.scrub`), in every format alike: text stored before accord refused
them must not make any export fail.

The layers above fetch the version (and its compilation) and call `export_clean`,
`export_compilation` or `export_redline`; each returns the bytes, media type and file name.
"""

import re
from collections.abc import Sequence

from accord.core.bracketed import (
    BracketedProvision,
    SegmentKind,
    provision_words,
    segment_words,
)
from accord.core.compilation import Compilation
from accord.core.provisions import Provision, Version
from accord.documents import (
    akn_compilation,
    akn_export,
    akn_redline,
    html_export,
    text_export,
    typst_export,
    word_export,
)
from accord.documents.language_export import localise_docx
from accord.documents.model import (
    Attribution,
    DocumentMeta,
    Exported,
    Format,
    ProvisionRedline,
    View,
)
from accord.documents.pdf_export import Progress, document_to_pdf, parts_to_pdf
from accord.documents.words import ENGLISH, Words
from accord.documents.xmltext import scrub

MEDIA_TYPES = {
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.PDF: "application/pdf",
    Format.AKN: "application/akn+xml",
    Format.HTML: "text/html; charset=utf-8",
    Format.MD: "text/markdown; charset=utf-8",
    Format.JSON: "application/json",
}
_SUFFIX = {Format.AKN: "akn.xml"}


def filename(meta: DocumentMeta, view: View, fmt: Format) -> str:
    """``report-zero-draft-clean.docx``: ASCII only, safe in a Content-Disposition header."""
    stem = re.sub(
        r"[^0-9a-z]+", "-", f"{meta.document_slug} {meta.version_label} {view.value}".lower()
    )
    return f"{stem.strip('-')}.{_SUFFIX.get(fmt, fmt.value)}"


def _file(meta: DocumentMeta, view: View, fmt: Format, content: bytes | str) -> Exported:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return Exported(data, MEDIA_TYPES[fmt], filename(meta, view, fmt))


def _silent(done: int, total: int) -> None:
    return None


def export_clean(
    meta: DocumentMeta,
    version: Version,
    fmt: Format,
    words: Words = ENGLISH,
    *,
    progress: Progress = _silent,
) -> Exported:
    meta, version = scrub((meta, version))
    content: bytes | str
    if fmt is Format.DOCX:
        content = word_export.clean_docx(meta, version, words)
        if meta.language != "en":
            content = localise_docx(content, meta.language)
    elif fmt is Format.PDF:
        content = document_to_pdf(typst_export.clean(meta, version, words), progress)
    elif fmt is Format.AKN:
        content = akn_export.version_akn(meta, version)
    elif fmt is Format.HTML:
        content = html_export.clean_html(meta, version, words)
    elif fmt is Format.MD:
        content = text_export.clean_md(meta, version, words)
    else:
        content = text_export.clean_json(meta, version)
    return _file(meta, View.CLEAN, fmt, content)


def export_compilation(
    meta: DocumentMeta,
    compilation: Compilation,
    fmt: Format,
    words: Words = ENGLISH,
    *,
    progress: Progress = _silent,
) -> Exported:
    """The compilation; its PDF is set in parts, and ``progress`` hears of each."""
    meta, compilation = scrub((meta, compilation))
    content: bytes | str
    if fmt is Format.DOCX:
        content = word_export.compilation_docx(meta, compilation, words)
    elif fmt is Format.PDF:
        parts = typst_export.compilation_parts(meta, compilation, words)
        content = parts_to_pdf(parts, progress)
    elif fmt is Format.AKN:
        content = akn_compilation.compilation_akn(meta, compilation)
    elif fmt is Format.HTML:
        content = html_export.compilation_html(meta, compilation, words)
    elif fmt is Format.MD:
        content = text_export.compilation_md(meta, compilation, words)
    else:
        content = text_export.compilation_json(meta, compilation)
    return _file(meta, View.COMPILATION, fmt, content)


def export_redline(
    meta: DocumentMeta,
    redlines: Sequence[ProvisionRedline],
    fmt: Format,
    *,
    by: Attribution,
    subtitle: str = "",
    words: Words = ENGLISH,
    previous: DocumentMeta | None = None,
    progress: Progress = _silent,
) -> Exported:
    """The redline between two versions, from the engine's marks per provision. Akoma Ntoso
    needs ``previous``, the older version's description, to point at it."""
    meta, redlines, by, subtitle, previous = scrub((meta, redlines, by, subtitle, previous))
    content: bytes | str
    if fmt is Format.DOCX:
        content = word_export.redline_docx(meta, redlines, by=by, subtitle=subtitle, words=words)
    elif fmt is Format.PDF:
        data = typst_export.redline(meta, redlines, words, subtitle=subtitle)
        content = document_to_pdf(data, progress)
    elif fmt is Format.HTML:
        content = html_export.redline_html(meta, redlines, words, subtitle=subtitle)
    elif fmt is Format.MD:
        content = text_export.redline_md(meta, redlines, words, subtitle=subtitle)
    elif fmt is Format.JSON:
        content = text_export.redline_json(meta, redlines)
    elif previous is not None:
        content = akn_redline.redline_akn(meta, redlines, previous=previous)
    else:
        raise ValueError("an Akoma Ntoso redline needs the older version's description")
    return _file(meta, View.REDLINE, fmt, content)


def export_bracketed(
    meta: DocumentMeta,
    provisions: Sequence[BracketedProvision],
    fmt: Format,
    words: Words = ENGLISH,
    *,
    progress: Progress = _silent,
) -> Exported:
    """The bracketed text: the version with disputed words and alternatives in [brackets]."""
    meta, provisions = scrub((meta, provisions))
    content: bytes | str
    if fmt is Format.DOCX:
        content = word_export.bracketed_docx(meta, provisions, words)
    elif fmt is Format.PDF:
        content = document_to_pdf(typst_export.bracketed(meta, provisions, words), progress)
    elif fmt is Format.AKN:
        content = akn_export.version_akn(
            meta,
            Version(meta.title, tuple(_as_printed(b, words) for b in provisions)),
            runs={b.provision.uid: _runs(b, words) for b in provisions},
            view=View.BRACKETED.value,
        )
    elif fmt is Format.HTML:
        content = html_export.bracketed_html(meta, provisions, words)
    elif fmt is Format.MD:
        content = text_export.bracketed_md(meta, provisions, words)
    else:
        content = text_export.bracketed_json(meta, provisions, words)
    return _file(meta, View.BRACKETED, fmt, content)


def _as_printed(b: BracketedProvision, words: Words) -> Provision:
    p = b.provision
    return Provision(p.uid, p.kind, p.label, provision_words(b, words.option), p.parent)


def _runs(b: BracketedProvision, words: Words) -> list[tuple[str, bool]]:
    return [
        (segment_words(s, b.alternatives, words.option), s.kind is not SegmentKind.TEXT)
        for s in b.segments
    ]
