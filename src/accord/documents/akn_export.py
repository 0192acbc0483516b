"""Akoma Ntoso 3.0 (OASIS LegalDocML) of a version, following the UN profile AKN4UN.

FRBR identifiers name the work (the document, issued by its body), the expression (this
version, in its language: its date and number) and the manifestation (this XML file). Every
provision's ``eId`` is made from its number, as the naming convention builds it
(``para_7__subpara_a``); its ``wId`` from its stable uid, so the same provision keeps its
``wId`` in every version whatever number it carries. Footnotes are ``authorialNote``s where
their mark stands.

A resolution or decision is a ``statement`` (AKN4UN): its title block in the ``preface``, its
preambular paragraphs in the ``preamble``, each a ``container name="preambularParagraph"``,
its operative paragraphs as ``paragraph class="operative"`` in the ``mainBody``, the opening
words of each in ``i``.
"""

import re
from collections.abc import Mapping, Sequence
from datetime import date

from lxml import etree

from accord.core.provisions import Provision, ProvisionKind, TitleBlock, Version
from accord.core.resolution import opening_split
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


# What the work is, as AKN4UN names it: a report is a ``doc``, a resolution a ``statement``.
REPORT = ("doc", "report")
RESOLUTION = ("statement", "resolution")


def work_uri(meta: DocumentMeta, kind: tuple[str, str] = REPORT) -> str:
    """``/akn/un/doc/report/{body}/{date of the first version}/{number}``, as AKN4UN names
    a document (``/akn/un/statement/resolution/…`` a resolution): the issuing body is part of
    the work's IRI."""
    first = meta.first_issued.isoformat()
    return f"/akn/un/{kind[0]}/{kind[1]}/{meta.body}/{first}/{work_number(meta)}"


def uris(
    meta: DocumentMeta, issue: Issue | None = None, kind: tuple[str, str] = REPORT
) -> tuple[str, str, str]:
    """The FRBR work, expression and manifestation URIs of this version (or of the earlier
    ``issue`` of the same document). The expression's version identifiers are its date and
    its number (``eng@2026-12-02;2``), so two versions issued the same day differ."""
    work = work_uri(meta, kind)
    language = _LANGUAGES.get(meta.language, meta.language)
    day, number = (issue.issued, issue.number) if issue else (meta.issued, meta.version_number)
    expression = f"{work}/{language}@{day.isoformat()};{number}"
    return work, expression, f"{expression}.akn"


def wid(provision: Provision) -> str:
    """A stable ``wId``: the same provision has the same one in every version."""
    if provision.kind is ProvisionKind.PREAMBULAR:
        return f"preamble__container_{provision.uid}"
    if provision.kind is ProvisionKind.SECTION:
        return f"sec_{provision.uid}"
    if provision.kind is ProvisionKind.PARAGRAPH:
        return f"para_{provision.uid}"
    return f"para_{provision.parent}__subpara_{provision.uid}"


def token(label: str) -> str:
    """A number or code as it may stand in an identifier: letters, digits and hyphens."""
    return re.sub(r"[^0-9A-Za-z]+", "-", label).strip("-")


class Eids:
    """Hands out ``eId``s from numbers as the naming convention builds them: ``sec_A``,
    ``para_7``, ``para_7__subpara_a``; an unnumbered section is ``sec_nn1``, ``sec_nn2``…
    An ``eId`` already given gets a suffix (``para_7-2``) so every one stays unique."""

    def __init__(self) -> None:
        self.given: dict[str, str] = {}
        self.used: set[str] = set()
        self.unnumbered = 0

    def __call__(self, provision: Provision, suffix: str = "") -> str:
        if provision.kind is ProvisionKind.PREAMBULAR:
            base = f"preamble__container_{token(provision.label) or 'nn'}"
        elif provision.kind is ProvisionKind.SECTION:
            if not token(provision.label):
                self.unnumbered += 1
            base = f"sec_{token(provision.label) or f'nn{self.unnumbered}'}"
        elif provision.kind is ProvisionKind.PARAGRAPH:
            base = f"para_{token(provision.label) or 'nn'}"
        else:
            parent = self.given.get(provision.parent or "", "para_nn")
            base = f"{parent}__subpara_{token(provision.margin_label) or 'nn'}"
        base += suffix
        found, count = base, 1
        while found in self.used:
            count += 1
            found = f"{base}-{count}"
        self.used.add(found)
        self.given[provision.uid] = found
        return found


def eids(version: Version) -> dict[str, str]:
    """Every provision's ``eId`` in ``version``, by uid."""
    make = Eids()
    return {p.uid: make(p) for p in version}


Runs = Sequence[tuple[str, bool]]
"""A provision's words as runs, each marked disputed or not (the bracketed view)."""

ADOPTED = "Adopted"
"""The ``docStatus`` of an adopted version (its label stays in ``proprietary``)."""


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
    kind = RESOLUTION if version.is_resolution else REPORT
    root, doc = document(meta, generated=generated, view=view, kind=kind)
    if kind is RESOLUTION:
        _title_block(doc, version.title_block)
        _preamble(doc, version, runs or {})
    _body(_el(doc, "mainBody"), version, runs or {})
    return serialise(root)


def _title_block(doc: etree._Element, block: TitleBlock | None) -> None:
    """The body, session, agenda item and sponsors in the preface; exactly, for reading back,
    in ``proprietary``."""
    if block is None:
        return
    preface = doc.find(_A + "preface")
    assert preface is not None  # document() wrote it
    if block.body:
        _el(_el(preface, "p", class_="body"), "docAuthority", block.body)
    if block.session:
        _el(_el(preface, "p", class_="session"), "session", block.session, value=block.session)
    if block.agenda_item:
        _el(_el(preface, "p", class_="agendaItem"), "docNumber", block.agenda_item)
    if block.sponsors:
        sponsors = _el(preface, "p", class_="sponsors")
        for sponsor in block.sponsors:
            _el(sponsors, "docProponent", sponsor)
    proprietary = doc.find(f"{_A}meta/{_A}proprietary")
    assert proprietary is not None  # _meta wrote it
    mine = etree.SubElement(
        proprietary,
        f"{{{ACCORD_NS}}}titleBlock",
        body=block.body,
        session=block.session,
        agendaItem=block.agenda_item,
    )
    for sponsor in block.sponsors:
        etree.SubElement(mine, f"{{{ACCORD_NS}}}sponsor").text = sponsor


def _preamble(doc: etree._Element, version: Version, runs: Mapping[str, Runs]) -> None:
    preambular = [p for p in version if p.kind is ProvisionKind.PREAMBULAR]
    if not preambular:
        return
    preamble = _el(doc, "preamble")
    make = Eids()
    for provision in preambular:
        ids = {"eId": make(provision), "wId": wid(provision)}
        container = _el(preamble, "container", name="preambularParagraph", **ids)
        _text(container, ids["eId"], provision, runs.get(provision.uid))


def serialise(root: etree._Element) -> bytes:
    """The file's bytes, not pretty-printed: indenting would add spaces inside mixed content
    (a ``num`` or ``p`` that begins with an ``ins``, ``del`` or disputed run)."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def document(
    meta: DocumentMeta,
    *,
    generated: date | None = None,
    view: str = "",
    kind: tuple[str, str] = REPORT,
) -> tuple[etree._Element, etree._Element]:
    """The root and the ``doc`` (or ``statement``) of a version, with its ``meta`` and
    ``preface``: the body is the caller's."""
    root = etree.Element(_A + "akomaNtoso", nsmap={None: AKN_NS, "accord": ACCORD_NS})
    doc = _el(root, kind[0], name=kind[1])
    _meta(doc, meta, generated or meta.issued, view, kind)
    _preface(doc, meta)
    return root, doc


def _meta(
    doc: etree._Element,
    meta: DocumentMeta,
    generated: date,
    view: str = "",
    kind: tuple[str, str] = REPORT,
) -> None:
    work, expression, manifestation = uris(meta, kind=kind)
    element = _el(doc, "meta")
    identification = _el(element, "identification", source="#accord")
    # An adopted version is the same expression, dated by its adoption.
    expressed = meta.adopted or meta.issued
    for tag, this, uri, day, author, role in (
        ("FRBRWork", f"{work}/!main", work, meta.first_issued, meta.body, "author"),
        ("FRBRExpression", f"{expression}/!main", expression, expressed, meta.body, "author"),
        ("FRBRManifestation", f"{expression}/!main.xml", manifestation, generated, "accord",
         "editor"),
    ):  # fmt: skip
        frbr = _el(identification, tag)
        _el(frbr, "FRBRthis", value=this)
        _el(frbr, "FRBRuri", value=uri)
        if tag == "FRBRWork" and meta.symbol:
            _el(frbr, "FRBRalias", value=meta.symbol, name="symbol")
        _el(frbr, "FRBRdate", date=day.isoformat(), name=_date_name(tag, meta))
        _el(frbr, "FRBRauthor", href=f"#{author}", **{"as": f"#{role}"})
        _frbr_properties(frbr, tag, meta, kind[1])
    _lifecycle(element, meta)
    _references(element, meta, expression, kind)
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


def _frbr_properties(frbr: etree._Element, tag: str, meta: DocumentMeta, subtype: str) -> None:
    if tag == "FRBRWork":
        _el(frbr, "FRBRcountry", value="un")
        _el(frbr, "FRBRsubtype", value=subtype)
        _el(frbr, "FRBRnumber", value=work_number(meta))
        # The work's name is the same in every version: its symbol (else its short name).
        _el(frbr, "FRBRname", value=meta.symbol or meta.document_slug)
    elif tag == "FRBRExpression":
        _el(frbr, "FRBRversionNumber", value=str(meta.version_number))
        _el(frbr, "FRBRlanguage", language=_LANGUAGES.get(meta.language, meta.language))
    else:
        _el(frbr, "FRBRformat", value="application/akn+xml")


def earlier(meta: DocumentMeta) -> list[Issue]:
    """The versions issued before this one, oldest first."""
    return [i for i in meta.history if i.number < meta.version_number]


def _lifecycle(meta_element: etree._Element, meta: DocumentMeta) -> None:
    """Every version issued up to this one, once each, then its adoption when it was."""
    lifecycle = _el(meta_element, "lifecycle", source="#accord")
    before = earlier(meta)
    for issue in before:
        _el(
            lifecycle,
            "eventRef",
            eId=f"evt_v{issue.number}",
            date=issue.issued.isoformat(),
            source=f"#v{issue.number}",
            type="generation" if issue.number == before[0].number else "amendment",
            refersTo="#issued",
        )
    _el(
        lifecycle,
        "eventRef",
        eId=f"evt_v{meta.version_number}",
        date=meta.issued.isoformat(),
        source="#original",
        type="generation" if not before else "amendment",
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


def _references(
    meta_element: etree._Element, meta: DocumentMeta, expression: str, kind: tuple[str, str]
) -> None:
    references = _el(meta_element, "references", source="#accord")
    _el(references, "original", eId="original", href=expression, showAs=meta.version_label)
    for issue in earlier(meta):
        _, older, _ = uris(meta, issue, kind)
        _el(references, "passiveRef", eId=f"v{issue.number}", href=older, showAs=issue.label)
    _el(
        references,
        "TLCOrganization",
        eId=meta.body,
        href=f"/ontology/organization/un/{meta.body}",
        showAs=meta.body_name,
    )
    _el(
        references,
        "TLCOrganization",
        eId="accord",
        href="/ontology/organization/accord",
        showAs="accord",
    )
    _el(references, "TLCRole", eId="author", href="/ontology/role/author", showAs="Author")
    _el(references, "TLCRole", eId="editor", href="/ontology/role/editor", showAs="Editor")
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
    status = ADOPTED if meta.adopted else meta.version_label
    _el(_el(preface, "p", class_="status"), "docStatus", status)
    day = meta.adopted or meta.issued
    _el(_el(preface, "p", class_="date"), "docDate", day.isoformat(), date=day.isoformat())


def _body(main: etree._Element, version: Version, runs: Mapping[str, Runs]) -> None:
    container = main
    make = Eids()
    paragraphs: dict[str, etree._Element] = {}
    for provision in version:
        if provision.kind is ProvisionKind.PREAMBULAR:
            continue  # in the preamble
        ids = {"eId": make(provision), "wId": wid(provision)}
        if provision.kind is ProvisionKind.SECTION:
            container = _el(main, "section", **ids)
            if provision.label:
                _el(container, "num", f"{provision.label}.")
            _el(container, "heading", provision.text)
        elif provision.kind is ProvisionKind.PARAGRAPH:
            if provision.is_operative:
                ids["class"] = "operative"
            element = _el(container, "paragraph", **ids)
            _el(element, "num", f"{provision.page_label}.")
            _text(_el(element, "content"), ids["eId"], provision, runs.get(provision.uid))
            paragraphs[provision.uid] = element
        else:
            parent = paragraphs[provision.parent or ""]
            as_intro(parent)
            element = _el(parent, "subparagraph", **ids)
            _el(element, "num", provision.margin_label)
            _text(_el(element, "content"), ids["eId"], provision, runs.get(provision.uid))


def as_intro(paragraph: etree._Element) -> None:
    """A paragraph with sub-paragraphs holds its own words as an ``intro``."""
    content = paragraph.find(_A + "content")
    if content is not None:
        content.tag = _A + "intro"


def _text(
    container: etree._Element, where: str, provision: Provision, runs: Runs | None = None
) -> None:
    """The provision's words in a ``p``: cut into ``runs`` (the bracketed view), else with a
    resolution's opening words in ``i``."""
    p = _el(container, "p")
    count = 0
    lead, rest = opening_split(provision)
    if lead and not runs:
        _el(p, "i", lead)
        words_into(p, where, rest, count)
        return
    for words, disputed in runs or ((provision.text, False),):
        holder = _el(p, "inline", name="disputed") if disputed else p
        count = words_into(holder, where, words, count)


def words_into(holder: etree._Element, where: str, text: str, count: int) -> int:
    """Appends ``text`` to ``holder``, its notes as ``authorialNote``s numbered on from
    ``count`` (their ``eId``s under ``where``); returns the number of the last note."""
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
            eId=f"{where}__authorialNote_{count}",
        )
        _el(note, "p", segment.text)
        last = note
    return count
