"""Akoma Ntoso 3.0 (OASIS LegalDocML) of a version, following the UN profile AKN4UN.

FRBR identifiers name the work (the document), the expression (this version, in its
language) and the manifestation (this XML file). Every provision's ``eId`` is made from its
stable uid, so the same provision has the same ``eId`` in every version whatever its number;
footnotes are ``authorialNote``s where their mark stands.
"""

import re
from collections.abc import Mapping, Sequence
from datetime import date

from lxml import etree

from accord.core.provisions import Provision, ProvisionKind, Version
from accord.documents.akn_schema import AKN_NS
from accord.documents.model import DocumentMeta, Issue
from accord.documents.notes import split_notes

ACCORD_NS = "urn:x-accord:akn:1"
_LANGUAGES = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara", "zh": "zho", "ru": "rus"}
_A = f"{{{AKN_NS}}}"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, _A + tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def work_number(meta: DocumentMeta) -> str:
    """The number in the work's URI: the symbol made URI-safe (a/ac-292/…), else the slug."""
    source = meta.symbol or meta.document_slug
    return re.sub(r"[^0-9a-z]+", "-", source.lower()).strip("-") or "document"


def uris(meta: DocumentMeta, issued: date | None = None) -> tuple[str, str, str]:
    """The FRBR work, expression and manifestation URIs of this version (or of the version
    of the same document ``issued`` that day)."""
    work = f"/akn/un/doc/report/{meta.first_issued.isoformat()}/{work_number(meta)}"
    language = _LANGUAGES.get(meta.language, meta.language)
    expression = f"{work}/{language}@{(issued or meta.issued).isoformat()}"
    return work, expression, f"{expression}.akn"


def eid(provision: Provision) -> str:
    """A stable ``eId``: the same provision has the same one in every version."""
    if provision.kind is ProvisionKind.SECTION:
        return f"sec_{provision.uid}"
    if provision.kind is ProvisionKind.PARAGRAPH:
        return f"para_{provision.uid}"
    return f"para_{provision.parent}__subpara_{provision.uid}"


Runs = Sequence[tuple[str, bool]]
"""A provision's words as runs, each marked disputed or not (the bracketed view)."""


def version_akn(
    meta: DocumentMeta,
    version: Version,
    *,
    generated: date | None = None,
    runs: Mapping[str, Runs] | None = None,
    view: str = "",
) -> bytes:
    """The version as an Akoma Ntoso ``doc``; validates against the official schema.

    ``runs`` gives, by uid, a provision's words cut into runs; a disputed run is set in an
    ``inline name="disputed"`` (the bracketed view, whose ``view`` travels in ``proprietary``).
    """
    root = etree.Element(_A + "akomaNtoso", nsmap={None: AKN_NS, "accord": ACCORD_NS})
    doc = _el(root, "doc", name="report")
    _meta(doc, meta, generated or meta.issued, view)
    _preface(doc, meta)
    _body(_el(doc, "mainBody"), version, runs or {})
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _meta(doc: etree._Element, meta: DocumentMeta, generated: date, view: str = "") -> None:
    work, expression, manifestation = uris(meta)
    element = _el(doc, "meta")
    identification = _el(element, "identification", source="#accord")
    # An adopted version is the same expression, dated by its adoption.
    expressed = meta.adopted or meta.issued
    for tag, this, uri, day, author in (
        ("FRBRWork", f"{work}/!main", work, meta.first_issued, f"#{meta.author}"),
        ("FRBRExpression", f"{expression}/!main", expression, expressed, f"#{meta.author}"),
        ("FRBRManifestation", f"{expression}/!main.xml", manifestation, generated, "#accord"),
    ):
        frbr = _el(identification, tag)
        _el(frbr, "FRBRthis", value=this)
        _el(frbr, "FRBRuri", value=uri)
        if tag == "FRBRWork" and meta.symbol:
            _el(frbr, "FRBRalias", value=meta.symbol, name="symbol")
        _el(frbr, "FRBRdate", date=day.isoformat(), name=_date_name(tag, meta))
        _el(frbr, "FRBRauthor", href=author)
        _frbr_properties(frbr, tag, meta)
    _lifecycle(element, meta, expression)
    _references(element, meta, expression)
    proprietary = _el(element, "proprietary", source="#accord")
    mine = etree.SubElement(
        proprietary,
        f"{{{ACCORD_NS}}}version",
        label=meta.version_label,
        number=str(meta.version_number),
        document=meta.document_slug,
    )
    if view:
        mine.set("view", view)


def _date_name(tag: str, meta: DocumentMeta) -> str:
    if tag == "FRBRManifestation":
        return "generated"
    return "adoption" if tag == "FRBRExpression" and meta.adopted else "generation"


def _frbr_properties(frbr: etree._Element, tag: str, meta: DocumentMeta) -> None:
    if tag == "FRBRWork":
        _el(frbr, "FRBRcountry", value="un")
        _el(frbr, "FRBRnumber", value=work_number(meta))
        _el(frbr, "FRBRname", value=meta.title)
    elif tag == "FRBRExpression":
        _el(frbr, "FRBRversionNumber", value=str(meta.version_number))
        _el(frbr, "FRBRlanguage", language=_LANGUAGES.get(meta.language, meta.language))
    else:
        _el(frbr, "FRBRformat", value="application/akn+xml")


def _earlier(meta: DocumentMeta) -> list[Issue]:
    return [i for i in meta.history if i.number < meta.version_number]


def _lifecycle(meta_element: etree._Element, meta: DocumentMeta, expression: str) -> None:
    """Every version issued up to this one, then its adoption when it was adopted."""
    lifecycle = _el(meta_element, "lifecycle", source="#accord")
    earlier = _earlier(meta)
    for issue in earlier:
        _el(
            lifecycle,
            "eventRef",
            eId=f"evt_v{issue.number}",
            date=issue.issued.isoformat(),
            source=f"#v{issue.number}",
            type="generation" if issue.number == 1 else "amendment",
            refersTo="#issued",
        )
    _el(
        lifecycle,
        "eventRef",
        eId=f"evt_v{meta.version_number}",
        date=meta.issued.isoformat(),
        source="#original",
        type="generation" if not earlier else "amendment",
        refersTo="#issued",
    )
    if meta.adopted:
        _el(
            lifecycle,
            "eventRef",
            eId="evt_adoption",
            date=meta.adopted.isoformat(),
            source="#original",
            type="generation",
            refersTo="#adoption",
        )


def _references(meta_element: etree._Element, meta: DocumentMeta, expression: str) -> None:
    references = _el(meta_element, "references", source="#accord")
    _el(references, "original", eId="original", href=expression, showAs=meta.version_label)
    _el(
        references,
        "TLCOrganization",
        eId="accord",
        href="/ontology/organization/accord",
        showAs="accord",
    )
    _el(
        references,
        "TLCRole",
        eId=meta.author,
        href=f"/ontology/role/un/{meta.author}",
        showAs=meta.author.title(),
    )
    for issue in _earlier(meta):
        _, earlier, _ = uris(meta, issue.issued)
        _el(references, "passiveRef", eId=f"v{issue.number}", href=earlier, showAs=issue.label)
    _el(references, "TLCEvent", eId="issued", href="/ontology/event/un/issued", showAs="Issued")
    if meta.adopted:
        _el(
            references,
            "TLCEvent",
            eId="adoption",
            href="/ontology/event/un/adoption",
            showAs="Adopted by consensus",
        )


def _preface(doc: etree._Element, meta: DocumentMeta) -> None:
    preface = _el(doc, "preface")
    if meta.symbol:
        _el(_el(preface, "p", class_="symbol"), "docNumber", meta.symbol)
    _el(_el(preface, "p", class_="title"), "docTitle", meta.title)
    _el(_el(preface, "p", class_="status"), "docStatus", meta.version_label)
    _el(
        _el(preface, "p", class_="date"),
        "docDate",
        meta.issued.isoformat(),
        date=meta.issued.isoformat(),
    )


def _body(main: etree._Element, version: Version, runs: Mapping[str, Runs]) -> None:
    container = main
    paragraphs: dict[str, etree._Element] = {}
    for provision in version:
        if provision.kind is ProvisionKind.SECTION:
            container = _el(main, "section", eId=eid(provision))
            if provision.label:
                _el(container, "num", f"{provision.label}.")
            _el(container, "heading", provision.text)
        elif provision.kind is ProvisionKind.PARAGRAPH:
            element = _el(container, "paragraph", eId=eid(provision))
            _el(element, "num", f"{provision.label}.")
            _text(_el(element, "content"), provision, runs.get(provision.uid))
            paragraphs[provision.uid] = element
        else:
            parent = paragraphs[provision.parent or ""]
            _as_intro(parent)
            element = _el(parent, "subparagraph", eId=eid(provision))
            _el(element, "num", provision.margin_label)
            _text(_el(element, "content"), provision, runs.get(provision.uid))


def _as_intro(paragraph: etree._Element) -> None:
    """A paragraph with sub-paragraphs holds its own words as an ``intro``."""
    content = paragraph.find(_A + "content")
    if content is not None:
        content.tag = _A + "intro"


def _text(container: etree._Element, provision: Provision, runs: Runs | None = None) -> None:
    p = _el(container, "p")
    count = 0
    for words, disputed in runs or ((provision.text, False),):
        holder = _el(p, "inline", name="disputed") if disputed else p
        count = _words(holder, provision, words, count)


def _words(holder: etree._Element, provision: Provision, text: str, count: int) -> int:
    """Appends ``text`` to ``holder``, its notes as ``authorialNote``s numbered on from
    ``count``; returns the number of the last note."""
    last: etree._Element | None = holder[-1] if len(holder) else None
    for segment in split_notes(text):
        if not segment.is_note:
            if last is None:
                holder.text = (holder.text or "") + segment.text
            else:
                last.tail = (last.tail or "") + segment.text
            continue
        count += 1
        note = _el(
            holder,
            "authorialNote",
            marker=str(count),
            placement="bottom",
            eId=f"{eid(provision)}__authorialNote_{count}",
        )
        _el(note, "p", segment.text)
        last = note
    return count
