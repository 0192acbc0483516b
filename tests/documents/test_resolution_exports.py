"""A resolution through every format accord writes, and back: Akoma Ntoso (a statement with
its preamble), Word, Markdown and JSON read back to the same version; HTML and PDF in the
UN's layout for resolutions. A draft resolution typed in Word imports as a resolution."""

import io
import json
from datetime import date
from pathlib import Path

import jsonschema
import pypdf
import pytest
from docx import Document
from lxml import etree
from tests.core.builders import load_version, make_proposal
from tests.documents.word_files import to_bytes

import accord.documents
from accord.core.bracketed import bracket_version
from accord.core.compilation import compile_version
from accord.core.draft_text import parse_draft
from accord.core.identifiers import inherit_identifiers
from accord.core.lineage import trace_lineage
from accord.core.provisions import Provision, ProvisionKind, TitleBlock, Version
from accord.documents.akn_import import read_akn_file
from accord.documents.akn_schema import AKN_NS, errors
from accord.documents.export import (
    export_bracketed,
    export_clean,
    export_compilation,
    export_redline,
)
from accord.documents.model import Attribution, DocumentMeta, Format
from accord.documents.version_redline import provision_redlines
from accord.documents.word_import import read_docx

A = f"{{{AKN_NS}}}"
VERSIONS = ("resolution_draft.md", "resolution_rev1.md")


def _meta(version: Version) -> DocumentMeta:
    return DocumentMeta(
        title=version.title,
        version_label="Draft",
        issued=date(2026, 10, 1),
        symbol="A/C.1/81/L.11",
        document_slug="resolution",
    )


def _export(name: str, fmt: Format) -> tuple[Version, bytes]:
    version = load_version(name)
    return version, export_clean(_meta(version), version, fmt).content


@pytest.mark.parametrize("name", VERSIONS)
def test_akoma_ntoso_is_a_statement_that_validates_and_reads_back(name: str) -> None:
    version, data = _export(name, Format.AKN)
    root = etree.fromstring(data)
    assert errors(root) == []
    statement = root.find(A + "statement")
    assert statement is not None
    assert statement.get("name") == "resolution"
    preamble = statement.findall(f"{A}preamble/{A}container")
    assert [c.get("name") for c in preamble] == ["preambularParagraph"] * 4
    lead = preamble[1].find(f"{A}p/{A}i")
    assert lead is not None
    assert lead.text in ("Noting with concern", "Welcoming")
    operative = statement.findall(f"{A}mainBody/{A}paragraph")
    assert [p.findtext(A + "num") for p in operative] == ["1.", "2.", "3.", "4.", "5."]
    found = read_akn_file(data)
    assert found.version == version
    assert found.notices == ()


@pytest.mark.parametrize("name", VERSIONS)
def test_word_reads_back_the_same_resolution(name: str) -> None:
    version, data = _export(name, Format.DOCX)
    imported = read_docx(data)
    assert imported.version == version
    assert imported.body == "General Assembly"


@pytest.mark.parametrize("name", VERSIONS)
def test_markdown_reads_back_with_the_draft_reader(name: str) -> None:
    version, data = _export(name, Format.MD)
    text = data.decode()
    body = text.split("---\n", 2)[2]
    assert parse_draft(body) == version
    assert "\nPP2. Noting with concern that" in text or "\nPP2. Welcoming" in text


@pytest.mark.parametrize("name", VERSIONS)
def test_json_validates_and_gives_back_the_version_and_its_hash(name: str) -> None:
    version, data = _export(name, Format.JSON)
    document = json.loads(data)
    schema = json.loads(
        (
            Path(accord.documents.__file__).parent / "schema" / "accord-document.schema.json"
        ).read_text(encoding="utf-8")
    )
    jsonschema.validate(document, schema, jsonschema.Draft202012Validator)
    block = document["version"]["title_block"]
    back = Version(
        document["document"]["title"],
        tuple(
            Provision(p["uid"], ProvisionKind(p["kind"]), p["label"], p["text"], p["parent"])
            for p in document["provisions"]
        ),
        TitleBlock(block["body"], block["session"], block["agenda_item"], tuple(block["sponsors"])),
    )
    assert back == version
    assert document["version"]["content_hash"] == version.content_hash


def test_html_is_in_the_layout_of_a_resolution() -> None:
    _, data = _export("resolution_draft.md", Format.HTML)
    page = data.decode()
    assert '<p class="title-block">Brazil, Kenya and Singapore: draft resolution</p>' in page
    assert (
        '<div class="provision preambular" id="pp2"><span class="number"></span>'
        '<p class="text"><em>Noting with concern</em> that a number of States' in page
    )
    assert '<span class="number">2.</span><p class="text"><em>Calls upon</em> all States' in page
    assert "PP2" not in page
    assert "OP2" not in page


def test_the_pdf_is_in_the_layout_of_a_resolution() -> None:
    _, data = _export("resolution_draft.md", Format.PDF)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "Brazil, Kenya and Singapore: draft resolution" in lines
    assert "Agenda item 94" in lines
    assert any(line.startswith("Recalling its resolutions 73/27") for line in lines)
    assert any(line.startswith("1. Endorses the annual progress report") for line in lines)
    assert "PP1" not in text
    assert "OP1" not in text


def test_a_draft_resolution_typed_in_word_imports_as_a_resolution() -> None:
    document = Document()
    document.add_paragraph("A/C.3/81/L.7")
    document.add_paragraph("Strengthening the protection of undersea cables", style="Title")
    document.add_paragraph("General Assembly")
    document.add_paragraph("Eighty-first session")
    document.add_paragraph("Agenda item 71 (b)")
    document.add_paragraph("Chile, Ghana and Norway: draft resolution")
    for opening, rest in (
        ("Recalling", " its resolution 79/45 of 2 December 2024,"),
        ("Deeply concerned", " by damage to submarine cables,"),
    ):
        paragraph = document.add_paragraph()
        paragraph.add_run(opening).italic = True
        paragraph.add_run(rest)
    document.add_paragraph("1.\tCalls upon all States to protect submarine cables;")
    document.add_paragraph("(a)\tby sharing information on incidents;")
    document.add_paragraph("2.\tDecides to remain seized of the matter.")
    imported = read_docx(to_bytes(document))
    assert imported.symbol == "A/C.3/81/L.7"
    assert imported.version.title_block == TitleBlock(
        "General Assembly", "Eighty-first session", "71 (b)", ("Chile", "Ghana", "Norway")
    )
    assert [(p.uid, p.kind, p.label, p.text) for p in imported.version] == [
        (
            "pp1",
            ProvisionKind.PREAMBULAR,
            "PP1",
            "Recalling its resolution 79/45 of 2 December 2024,",
        ),
        ("pp2", ProvisionKind.PREAMBULAR, "PP2", "Deeply concerned by damage to submarine cables,"),
        (
            "op1",
            ProvisionKind.PARAGRAPH,
            "OP1",
            "Calls upon all States to protect submarine cables;",
        ),
        ("op1-a", ProvisionKind.SUBPARAGRAPH, "OP1(a)", "by sharing information on incidents;"),
        ("op2", ProvisionKind.PARAGRAPH, "OP2", "Decides to remain seized of the matter."),
    ]
    assert imported.notices == ()


@pytest.mark.parametrize("fmt", list(Format))
def test_every_view_of_a_resolution_exports(fmt: Format) -> None:
    old = load_version("resolution_draft.md")
    new = inherit_identifiers(
        old,
        load_version("resolution_rev1.md"),
        trace_lineage(old, load_version("resolution_rev1.md")),
    )
    meta = _meta(new)
    proposal = make_proposal(
        new,
        "pp4",
        "Noting with grave concern that a number of States are developing ICT capabilities "
        "for military purposes,",
    )
    files = [
        export_compilation(meta, compile_version(new, [proposal]), fmt),
        export_redline(
            meta, provision_redlines(old, new), fmt, by=Attribution("Chair"), previous=_meta(old)
        ),
        export_bracketed(meta, bracket_version(new, [proposal]), fmt),
    ]
    for exported in files:
        assert exported.content
        if fmt is Format.AKN:
            assert errors(etree.fromstring(exported.content)) == []
    if fmt is Format.MD:
        compilation = files[0].content.decode()
        assert "\nPP4. Noting with concern" in compilation
        assert "\nOP3. Decides to keep the matter under review;" in compilation
