"""The bracketed view in every format: the same [brackets] the engine computes, readable
back from Word and Akoma Ntoso, in order in the PDF, and valid against both schemas."""

import io
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from lxml import etree
from pypdf import PdfReader
from tests.documents.builders import META, demo_version, proposal, version, with_note

import accord.documents
from accord.core.bracketed import bracket_version, provision_words
from accord.documents import akn_schema
from accord.documents.akn_import import read_akn
from accord.documents.export import export_bracketed
from accord.documents.model import Format
from accord.documents.notes import plain
from accord.documents.word_import import read_docx


def _bracketed():
    """The test draft with a word change on 1, two rival changes on 3, whole alternatives
    on 7bis, and a footnote inside the words 2(a) disputes."""
    value = with_note(version(), "p2-a", "See A/70/174.")
    states = "States reaffirmed the %s norms of responsible State behaviour."
    p2a = value.provision("p2-a").text
    alternatives = replace(
        proposal(4, value, "p7bis", "States should protect infrastructure."),
        options=("States shall protect critical infrastructure.",),
    )
    return bracket_version(
        value,
        [
            proposal(1, value, "p1", "The Group met in four substantive sessions."),
            proposal(2, value, "p3", states % "binding"),
            proposal(3, value, "p3", states % "agreed"),
            proposal(5, value, "p2-a", p2a.replace("hospitals;", "hospitals and schools;")),
            alternatives,
        ],
    )  # fmt: skip


EXPECTED = {
    "p1": "The Group met in [three][four] substantive sessions.",
    "p3": "States reaffirmed the [voluntary, non-binding][binding][agreed] norms of responsible "
    "State behaviour.",
    "p7bis": "[Option 1: States should protect critical infrastructure.] "
    "[Option 2: States shall protect critical infrastructure.]",
}


def test_the_engine_brackets_what_the_exports_show():
    words = {b.provision.uid: provision_words(b) for b in _bracketed()}
    assert {uid: words[uid] for uid in EXPECTED} == EXPECTED
    assert words["s-a"] == "Introduction"


def test_the_word_file_reads_back_with_the_same_numbers_and_bracketed_words():
    bracketed = _bracketed()
    draft = read_docx(export_bracketed(META, bracketed, Format.DOCX).content)
    assert [(p.uid, p.kind, p.label, p.text) for p in draft.version] == [
        (b.provision.uid, b.provision.kind, b.provision.label, provision_words(b))
        for b in bracketed
    ]
    assert draft.footnotes == 1
    document = zipfile.ZipFile(
        io.BytesIO(export_bracketed(META, bracketed, Format.DOCX).content)
    ).read("word/document.xml")
    assert b">Bracketed text<" in document


def test_the_akn_validates_marks_each_disputed_run_and_imports_back_as_printed():
    bracketed = _bracketed()
    data = export_bracketed(META, bracketed, Format.AKN).content
    root = etree.fromstring(data)
    assert akn_schema.errors(root) == []
    ns = {"a": akn_schema.AKN_NS, "accord": "urn:x-accord:akn:1"}
    disputed = root.xpath("//a:inline[@name='disputed']", namespaces=ns)
    assert ["".join(d.itertext()).strip() for d in disputed] == [
        "[three][four]",
        "[hospitals][hospitals and schools]",
        "[voluntary, non-binding][binding][agreed]",
        EXPECTED["p7bis"],
    ]
    assert root.xpath("//accord:version/@view", namespaces=ns) == ["bracketed"]
    meta, again = read_akn(data)
    assert meta.version_label == "Zero draft"
    assert [(p.uid, p.label, p.text) for p in again] == [
        (b.provision.uid, b.provision.label, " ".join(provision_words(b).split()))
        for b in bracketed
    ]


def _squash(text: str) -> str:
    """The text without spaces and hyphens: a PDF's justified lines break words with a hyphen
    at their end, which a text extractor may give as "-" or as a soft hyphen."""
    return re.sub(r"[\s\xad-]+", "", text)


def test_the_pdf_holds_every_bracketed_provision_in_order():
    bracketed = bracket_version(
        demo_version(),
        [proposal(1, demo_version(), "p1", demo_version().provision("p1").text + " Again.")],
    )
    pdf = export_bracketed(META, bracketed, Format.PDF).content
    text = _squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert "intersessionalmeetings[.Again]." in text
    cursor = 0
    for b in bracketed:
        # The first words of each: a page break may fall inside a long paragraph.
        probe = _squash(plain(provision_words(b)))[:40]
        found = text.find(probe, cursor)
        assert found >= cursor, b.provision.uid
        cursor = found + len(probe)


def test_the_pdf_of_the_test_draft_shows_brackets_and_alternatives():
    pdf = export_bracketed(META, _bracketed(), Format.PDF).content
    text = _squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    for words in EXPECTED.values():
        assert _squash(words) in text


def test_html_marks_each_disputed_run_and_escapes_the_words():
    page = export_bracketed(META, _bracketed(), Format.HTML).content.decode()
    assert '<mark class="options">[three][four] </mark>substantive' in page
    assert '<h1>Draft report (test)</h1><p class="subtitle">Zero draft — Bracketed text</p>' in (
        page
    )
    assert '<sup class="note-ref"><a href="#note-1" id="ref-1">1</a></sup>' in page


def test_markdown_is_the_numbered_draft_with_brackets():
    text = export_bracketed(META, _bracketed(), Format.MD).content.decode()
    assert "1. " + EXPECTED["p1"] in text.splitlines()
    sub = "   (a) ransomware against [hospitals][hospitals and schools];^[See A/70/174.]"
    assert sub in text.splitlines()


def test_json_carries_the_segments_and_validates_against_the_schema():
    folder = Path(accord.documents.__file__).parent / "schema"
    schema = json.loads((folder / "accord-document.schema.json").read_text())
    data = json.loads(export_bracketed(META, _bracketed(), Format.JSON).content)
    jsonschema.validate(data, schema, jsonschema.Draft202012Validator)
    assert data["view"] == "bracketed"
    p1 = next(p for p in data["provisions"] if p["uid"] == "p1")
    assert p1["text"] == EXPECTED["p1"]
    assert p1["segments"] == [
        {"kind": "text", "text": "The Group met in ", "options": []},
        {"kind": "options", "text": "[three][four] ", "options": ["three ", "four "]},
        {"kind": "text", "text": "substantive sessions.", "options": []},
    ]
    assert p1["content_hash"] == version().provision("p1").content_hash


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_of_the_bracketed_view_names_itself(fmt):
    exported = export_bracketed(META, _bracketed(), fmt)
    suffix = "akn.xml" if fmt is Format.AKN else fmt.value
    assert exported.filename == f"report-zero-draft-bracketed.{suffix}"
