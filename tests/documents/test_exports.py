import io
import json
import re
import zipfile
from dataclasses import replace

import docx
import pytest
from lxml import etree
from pypdf import PdfReader
from tests.documents.builders import META, compilation, demo_version, version, with_note
from tests.documents.word_files import auto_numbered_draft

from accord.core.amendments import Mark, MarkKind, redline_marks
from accord.core.compilation import compile_version
from accord.core.proposals import Carried
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.documents import akn_schema
from accord.documents.akn_export import eids, version_akn, wid
from accord.documents.export import export_clean, export_compilation, export_redline
from accord.documents.model import Attribution, Format, ProvisionRedline
from accord.documents.notes import plain
from accord.documents.word_export import clean_docx, compilation_docx, redline_docx
from accord.documents.word_import import read_docx
from accord.documents.word_revisions import read_revisions


def _numbers(value):
    return [(p.uid, p.kind, p.label, p.text, p.parent) for p in value]


def test_word_import_export_import_gives_the_same_provisions_and_numbers():
    first = read_docx(
        auto_numbered_draft([("section", "Intro"), ("paragraph", "One:"), ("sub", "x;")])
    )
    again = read_docx(clean_docx(META, first.version))
    assert _numbers(again.version) == _numbers(first.version)


def test_the_demo_draft_with_a_footnote_survives_word_both_ways():
    value = with_note(demo_version(), "p2", "See A/70/174, para. 13.")
    again = read_docx(clean_docx(replace(META, title=value.title), value))
    assert again.version == value
    assert (again.symbol, again.footnotes) == (META.symbol, 1)


def test_the_clean_word_file_carries_the_un_front_page():
    document = zipfile.ZipFile(io.BytesIO(clean_docx(META, version()))).read("word/document.xml")
    texts = re.findall(rb"<w:t[^>]*>([^<]*)</w:t>", document)[:6]
    assert texts == [
        b"A/AC.999/2026/L.1",
        b"Distr.: General",
        b"2 March 2026",
        b"Original: English",
        b"Draft report (test)",
        b"Zero draft",
    ]


def test_each_proposal_reads_back_as_tracked_changes_attributed_to_its_proponent():
    compiled = compilation()
    tracked = [p for p in read_revisions(compilation_docx(META, compiled)) if p.authors]
    marks = [
        redline_marks(e.provision.text, p.amendment) for e in compiled.entries for p in e.proposals
    ]
    assert [(t.marks, t.authors) for t in tracked] == [
        (marks[0], ("Germany, on behalf of European Union",)),
        (marks[1], ("Brazil",)),
    ]


def test_tracked_changes_carry_the_date_of_the_proposal():
    document = zipfile.ZipFile(io.BytesIO(compilation_docx(META, compilation()))).read(
        "word/document.xml"
    )
    assert set(re.findall(rb'<w:(?:ins|del) [^>]*w:date="([^"]+)"', document)) == {
        b"2026-03-03T09:30:00Z"
    }


REDLINE = (
    ProvisionRedline("p1", "paragraph", "1", (Mark(MarkKind.SAME, "Kept."),), old_label="1"),
    ProvisionRedline(
        "p3",
        "paragraph",
        "2",
        (
            Mark(MarkKind.SAME, "States "),
            Mark(MarkKind.DELETED, "should "),
            Mark(MarkKind.INSERTED, "shall "),
            Mark(MarkKind.SAME, "act."),
        ),
        old_label="3",
    ),
    ProvisionRedline("p2", "paragraph", "", (Mark(MarkKind.DELETED, "Gone."),), old_label="2"),
    ProvisionRedline("p9", "paragraph", "3", (Mark(MarkKind.INSERTED, "New."),)),
)


def _merged(marks):
    """Neighbouring runs of one kind read back as one run."""
    out = []
    for mark in marks:
        if out and out[-1].kind is mark.kind:
            out[-1] = Mark(mark.kind, out[-1].text + mark.text)
        else:
            out.append(mark)
    return out


def test_a_redline_between_versions_reads_back_exactly_with_renumbering():
    data = redline_docx(META, REDLINE, by=Attribution("Chair", "2026-04-01T00:00:00Z"))
    body = read_revisions(data)[-4:]
    number = {
        "p1": [Mark(MarkKind.SAME, "1.\t")],
        "p3": [
            Mark(MarkKind.DELETED, "3."),
            Mark(MarkKind.INSERTED, "2."),
            Mark(MarkKind.SAME, "\t"),
        ],
        "p2": [Mark(MarkKind.DELETED, "2."), Mark(MarkKind.SAME, "\t")],
        "p9": [Mark(MarkKind.INSERTED, "3."), Mark(MarkKind.SAME, "\t")],
    }
    for paragraph, line in zip(body, REDLINE, strict=True):
        assert list(paragraph.marks) == _merged(number[line.uid] + list(line.marks))
    assert [(p.inserted, p.deleted) for p in body] == [
        (False, False),
        (False, False),
        (False, True),
        (True, False),
    ]
    assert {a for p in body for a in p.authors} == {"Chair"}


def test_akn_export_validates_and_imports_back_to_the_same_version():
    from accord.documents.akn_import import read_akn

    value = with_note(demo_version(), "p7-b", "A note inside a sub-paragraph.")
    data = version_akn(replace(META, title=value.title), value)
    assert akn_schema.errors(etree.fromstring(data)) == []
    meta, again = read_akn(data)
    assert again == value
    assert (meta.symbol, meta.version_label) == (META.symbol, "Zero draft")


def test_an_akn_file_with_stable_ids_in_its_eids_only_imports_back_too():
    from accord.documents.akn_import import read_akn

    value = version()
    root = etree.fromstring(version_akn(META, value))
    # As accord wrote it before its eIds came from numbers: the stable id in eId, no wId.
    for element in root.iter():
        if element.get("wId"):
            element.set("eId", element.attrib.pop("wId"))
    assert read_akn(etree.tostring(root))[1] == value


def test_akn_wids_come_from_stable_uids_so_renumbering_keeps_them():
    value = version()
    provision = value.provision("p7bis")
    renumbered = type(provision)(provision.uid, provision.kind, "4", provision.text)
    assert wid(provision) == wid(renumbered) == "para_p7bis"
    assert wid(value.provision("p2-a")) == "para_p2__subpara_p2-a"


def test_akn_eids_come_from_numbers_as_the_naming_convention_builds_them():
    value = version()
    assert eids(value) == {
        "s-a": "sec_A",
        "p1": "para_1",
        "p2": "para_2",
        "p2-a": "para_2__subpara_a",
        "p2-b": "para_2__subpara_b",
        "s-b": "sec_B",
        "p3": "para_3",
        "p7bis": "para_7bis",
    }
    heading = Provision("x", ProvisionKind.SECTION, "", "Annex")
    twice = Version("t", (heading, replace(heading, uid="y"), *value.provisions[1:3]))
    again = Version("t", (*twice.provisions, replace(value.provision("p2"), uid="z")))
    assert eids(again) == {
        "x": "sec_nn1",
        "y": "sec_nn2",
        "p1": "para_1",
        "p2": "para_2",
        "z": "para_2-2",
    }


def test_akn_of_the_compilation_validates_with_one_amendment_per_proposal():
    data = export_compilation(META, compilation(), Format.AKN).content
    root = etree.fromstring(data)
    assert akn_schema.errors(root) == []
    ns = {"a": akn_schema.AKN_NS}
    assert root.xpath("//a:amendment/a:preface//a:docProponent/text()", namespaces=ns) == [
        "Germany",
        "European Union",
        "Brazil",
    ]


def _squash(text: str) -> str:
    """The text without spaces and hyphens: a PDF's justified lines break words with a hyphen
    at their end, which a text extractor may give as "-" or as a soft hyphen."""
    return re.sub(r"[\s\xad-]+", "", text)


def test_the_pdf_holds_every_provision_in_order():
    value = demo_version()
    pdf = export_clean(META, value, Format.PDF).content
    text = _squash("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    cursor = 0
    for provision in value:
        probe = _squash(plain(provision.text))[:40]
        found = text.find(probe, cursor)
        assert found >= cursor, provision.uid
        cursor = found + len(probe)


def test_the_compilation_pdf_shows_who_proposed_what():
    pdf = export_compilation(META, compilation(), Format.PDF).content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Germany, on behalf of European Union" in text
    assert text.count("Brazil") == 1


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_of_the_clean_view_names_itself(fmt):
    exported = export_clean(META, version(), fmt)
    assert (
        exported.filename
        == f"report-zero-draft-clean.{'akn.xml' if fmt is Format.AKN else fmt.value}"
    )
    assert exported.content


def test_markdown_is_the_numbered_draft_format():
    text = export_clean(META, version(), Format.MD).content.decode()
    assert text.splitlines()[7:14] == [
        "# Draft report (test)",
        "",
        "## A. Introduction",
        "",
        "1. The Group met in three substantive sessions.",
        "",
        "2. States identified the following threats:",
    ]


def test_markdown_compilation_marks_changes_in_criticmarkup():
    text = export_compilation(META, compilation(), Format.MD).content.decode()
    assert (
        "   > **Brazil**: States reaffirmed the {--voluntary, non-binding --}{++binding ++}norms"
        in text
    )


def _with_one_carried():
    """The compilation, its first proposal made on the zero draft and carried onto this one."""
    compiled = compilation()
    entries = tuple(
        replace(
            entry,
            proposals=tuple(
                replace(p, carried=Carried(1, "Zero draft", p.provision_uid, "4"))
                if p.id == 1
                else p
                for p in entry.proposals
            ),
        )
        for entry in compiled.entries
    )
    return replace(compiled, entries=entries)


def _said(content: bytes, fmt: Format) -> list[str]:
    """The lines of an exported file as a reader sees them."""
    if fmt is Format.DOCX:
        return [p.text for p in docx.Document(io.BytesIO(content)).paragraphs]
    return content.decode().splitlines()


@pytest.mark.parametrize("fmt", [Format.MD, Format.HTML, Format.DOCX])
def test_a_carried_proposal_says_where_it_was_made_in_every_compilation_file(fmt):
    made_on = "Made on Zero draft, on paragraph 4; still open."
    said = _said(export_compilation(META, _with_one_carried(), fmt).content, fmt)
    assert sum(line.count(made_on) for line in said) == 1
    if fmt is Format.DOCX:
        assert said[said.index(made_on) - 1] == "Brazil"
    plain = _said(export_compilation(META, compilation(), fmt).content, fmt)
    assert not any("Made on" in line for line in plain)


def test_json_clean_view_follows_the_schema_fields():
    data = json.loads(export_clean(META, version(), Format.JSON).content)
    assert (data["format"], data["format_version"], data["view"]) == ("accord-document", 1, "clean")
    assert data["provisions"][3] == {
        "uid": "p2-a",
        "kind": "subparagraph",
        "label": "2(a)",
        "parent": "p2",
        "text": "ransomware against hospitals;",
        "content_hash": version().provision("p2-a").content_hash,
    }


def test_json_compilation_carries_marks_and_proponents():
    data = json.loads(export_compilation(META, compilation(), Format.JSON).content)
    proposals = [p for provision in data["provisions"] for p in provision["proposals"]]
    assert [(p["delegation"], p["on_behalf_of"]) for p in proposals] == [
        ("DEU", "eu"),
        ("BRA", None),
    ]
    assert proposals[1]["marks"][1] == {"kind": "deleted", "text": "voluntary, non-binding "}


def test_html_is_one_standalone_file_with_footnotes_at_the_end():
    page = export_clean(META, with_note(version(), "p1", "A note."), Format.HTML).content.decode()
    assert "<link" not in page
    assert "src=" not in page
    assert '<li id="note-1">A note. <a href="#ref-1">↩</a></li>' in page


@pytest.mark.parametrize("fmt", list(Format))
def test_every_redline_format_renders(fmt):
    exported = export_redline(META, REDLINE, fmt, by=Attribution("Chair"), previous=META)
    assert exported.filename.endswith("redline." + ("akn.xml" if fmt is Format.AKN else fmt.value))


def test_sections_survive_as_sections():
    kinds = [p.kind for p in read_docx(clean_docx(META, version())).version]
    assert kinds.count(ProvisionKind.SECTION) == 2


def test_a_long_compilation_set_in_parts_keeps_its_page_numbers_notes_and_order():
    from accord.documents.pdf_export import parts_to_pdf
    from accord.documents.typst_export import compilation_parts

    noted = with_note(with_note(version(), "p1", "First note."), "p3", "Second note.")
    compiled = compile_version(noted, [])
    parts = compilation_parts(META, compiled, size=2)
    assert len(parts) == 4
    pages = PdfReader(io.BytesIO(parts_to_pdf(parts))).pages
    assert len(pages) == 4
    assert [page.extract_text().split()[-1] for page in pages] == ["1", "2", "3", "4"]
    text = _squash("".join(page.extract_text() for page in pages))
    labels = [text.find(_squash(plain(e.provision.text))[:30]) for e in compiled.entries]
    assert labels == sorted(labels)
    assert -1 not in labels
    # The masthead names the symbol on the first page, the running header on the others.
    assert text.count("A/AC.999/2026/L.1") == len(pages)
    # Footnotes are numbered on through the parts: the last part's note is 2, not 1.
    assert "1Firstnote." in _squash(pages[0].extract_text())
    assert "2Secondnote." in _squash(pages[3].extract_text())


def test_an_akn_revision_validates_and_lists_the_old_to_new_number_map():
    from accord.documents.akn_redline import redline_akn

    older = replace(META, version_label="Zero draft", issued=META.issued)
    newer = replace(META, version_label="Rev.1", version_number=2)
    root = etree.fromstring(redline_akn(newer, REDLINE, previous=older))
    assert akn_schema.errors(root) == []
    ns = {"a": akn_schema.AKN_NS, "accord": "urn:x-accord:akn:1"}
    mods = [
        (m.get("type"), m.find("a:destination", ns).get("href"),
         m.findtext("a:old/accord:num", None, ns), m.findtext("a:new/accord:num", None, ns))
        for m in root.iterfind(".//a:passiveModifications/a:textualMod", ns)
    ]  # fmt: skip
    assert mods == [
        ("renumbering", "#para_2", "3", "2"),
        ("substitution", "#para_2", None, None),
        ("repeal", "#para_2-removed", "2", None),
        ("insertion", "#para_3", None, "3"),
    ]
    numbers = ["".join(n.itertext()) for n in root.iterfind(".//a:mainBody//a:num", ns)]
    assert numbers == ["1.", "3.2.", "2.", "3."]


def test_html_and_markdown_redlines_show_the_old_and_new_numbers():
    page = export_redline(META, REDLINE, Format.HTML, by=Attribution("Chair")).content.decode()
    assert (
        '<span class="number"><del title="deleted">3.</del><ins title="inserted">2.</ins></span>'
        in page
    )
    text = export_redline(META, REDLINE, Format.MD, by=Attribution("Chair")).content.decode()
    assert "{--3--}{++2++}. States {--should --}{++shall ++}act." in text
