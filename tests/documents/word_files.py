"""Word files for the import tests, written here with python-docx (never downloaded)."""

import io
from collections.abc import Iterable

from docx import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement

NUMBERING = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum>"""
SECTIONS = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>"""


def to_bytes(document) -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def typed_draft(lines: Iterable[str], *, title: str = "Draft report (test)") -> bytes:
    """Headings as Word headings, every other line a plain paragraph with its number typed."""
    document = Document()
    document.add_paragraph(title, style="Title")
    for line in lines:
        if line.startswith("## "):
            document.add_heading(line[3:], level=1)
        else:
            document.add_paragraph(line)
    return to_bytes(document)


def _add_lists(document) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for definition in (SECTIONS, NUMBERING):
        element = parse_xml(definition)
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)
    for num_id, abstract in (("90", "90"), ("91", "91")):
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract}"/></w:num>'
            )
        )
    return "90", "91"


def _number(paragraph, num_id: str, level: int) -> None:  # type: ignore[no-untyped-def]
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def auto_numbered_draft(items: Iterable[tuple[str, str]], *, title: str = "Draft (auto)") -> bytes:
    """Items are (kind, text): "section", "paragraph" or "sub", numbered by Word itself."""
    document = Document()
    paragraphs, sections = _add_lists(document)
    document.add_paragraph(title, style="Title")
    for kind, text in items:
        if kind == "section":
            _number(document.add_heading(text, level=1), sections, 0)
        else:
            _number(document.add_paragraph(text), paragraphs, 0 if kind == "paragraph" else 1)
    return to_bytes(document)


def add_footnote(document, paragraph, note_id: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Append a footnote reference to ``paragraph`` and the note itself to the notes part."""
    part = _footnotes_part(document)
    part._blob = part._blob.replace(
        b"</w:footnotes>",
        f'<w:footnote w:id="{note_id}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>".encode(),
    )
    run = paragraph.add_run()
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(note_id))
    run._r.append(reference)


def _footnotes_part(document) -> Part:  # type: ignore[no-untyped-def]
    for rel in document.part.rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES:
            return rel.target_part
    blob = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {nsdecls("w")}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    ).encode()
    part = Part(
        PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, blob, document.part.package
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    return part
