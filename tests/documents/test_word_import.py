import io
import zipfile

import pytest
from docx import Document
from tests.documents.word_files import add_footnote, auto_numbered_draft, to_bytes, typed_draft

from accord.core.provisions import ProvisionKind
from accord.documents.errors import ArchiveTooLarge, FileTooLarge, Problem, UnreadableDocument
from accord.documents.model import Notice
from accord.documents.safezip import MAX_FILE_BYTES, Package
from accord.documents.word_import import read_docx

TYPED = [
    "A/AC.999/2026/L.1",
    "Distr.: General",
    "## A. Introduction",
    "1. The Group met in three sessions.",
    "2. States identified threats:",
    "(a) ransomware;",
    "(b) attacks on cables.",
    "## B. Norms",
    "7bis. States should protect critical infrastructure.",
]


def _rows(draft):
    return [(p.uid, p.kind.value, p.label, p.text, p.parent) for p in draft.version]


EXPECTED = [
    ("s-a", "section", "A", "Introduction", None),
    ("p1", "paragraph", "1", "The Group met in three sessions.", None),
    ("p2", "paragraph", "2", "States identified threats:", None),
    ("p2-a", "subparagraph", "2(a)", "ransomware;", "p2"),
    ("p2-b", "subparagraph", "2(b)", "attacks on cables.", "p2"),
    ("s-b", "section", "B", "Norms", None),
    ("p7bis", "paragraph", "7bis", "States should protect critical infrastructure.", None),
]


def test_typed_numbers_headings_and_front_matter_are_recognised():
    draft = read_docx(typed_draft(TYPED))
    assert _rows(draft) == EXPECTED
    assert (draft.version.title, draft.symbol, draft.notices) == (
        "Draft report (test)",
        "A/AC.999/2026/L.1",
        (),
    )


def test_words_automatic_numbering_gives_the_same_provisions():
    items = [
        ("section", "Introduction"),
        ("paragraph", "The Group met in three sessions."),
        ("paragraph", "States identified threats:"),
        ("sub", "ransomware;"),
        ("sub", "attacks on cables."),
        ("section", "Norms"),
        ("paragraph", "States should protect critical infrastructure."),
    ]
    draft = read_docx(auto_numbered_draft(items))
    expected = [*EXPECTED[:6], ("p3", "paragraph", "3", EXPECTED[6][3], None)]
    assert _rows(draft) == expected


def test_automatic_sub_paragraph_letters_restart_under_each_paragraph():
    items = [
        ("paragraph", "One:"),
        ("sub", "x;"),
        ("paragraph", "Two:"),
        ("sub", "y;"),
        ("sub", "z."),
    ]
    labels = [p.label for p in read_docx(auto_numbered_draft(items)).version]
    assert labels == ["1", "1(a)", "2", "2(a)", "2(b)"]


def test_footnotes_stay_footnotes_and_tables_are_reported():
    document = Document()
    document.add_paragraph("Report", style="Title")
    paragraph = document.add_paragraph("1. States recalled the norms.")
    add_footnote(document, paragraph, 1, "See A/70/174, para. 13.")
    document.add_table(rows=2, cols=3)
    document.add_paragraph("2. States agreed.")
    draft = read_docx(to_bytes(document))
    assert [p.text for p in draft.version] == [
        "States recalled the norms.^[See A/70/174, para. 13.]",
        "States agreed.",
    ]
    assert draft.footnotes == 1
    assert draft.notices == (Notice("table", "1", "2x3"),)


def test_unnumbered_text_is_joined_to_the_paragraph_above_and_said_so():
    draft = read_docx(typed_draft(["1. States agreed", "on the following."]))
    assert [p.text for p in draft.version] == ["States agreed on the following."]
    assert draft.notices == (Notice("joined", "1", "on the following."),)


@pytest.mark.parametrize(
    ("lines", "problem", "where"),
    [
        (["No numbers here.", "Nor here."], Problem.NO_PARAGRAPHS, ""),
        (["1. One.", "1. Again."], Problem.DUPLICATE_NUMBER, "1"),
        (["(a) orphan;", "1. One."], Problem.SUBPARAGRAPH_WITHOUT_PARAGRAPH, "2"),
    ],
)
def test_a_draft_that_cannot_be_placed_is_refused_with_its_problem(lines, problem, where):
    with pytest.raises(UnreadableDocument) as refused:
        read_docx(typed_draft(lines))
    assert refused.value == UnreadableDocument(problem, where)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _with_document(xml: bytes) -> bytes:
    """A real .docx whose main part is replaced by ``xml``."""
    original = zipfile.ZipFile(io.BytesIO(typed_draft(["1. Text."])))
    members = {name: original.read(name) for name in original.namelist()}
    members["word/document.xml"] = xml
    return _zip(members)


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>1. &secret;</w:t></w:r></w:p></w:body></w:document>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>1. &lol3;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"not a zip at all", UnreadableDocument(Problem.NOT_A_ZIP)),
        (_zip({"hello.txt": b"hi"}), UnreadableDocument(Problem.NOT_A_WORD_FILE)),
        (_with_document(XXE), UnreadableDocument(Problem.FORBIDDEN_XML, "word/document.xml")),
        (_with_document(LAUGHS), UnreadableDocument(Problem.FORBIDDEN_XML, "word/document.xml")),
        (
            _with_document(b"<w:document xmlns:w='x'><w:body><w:p>"),
            UnreadableDocument(Problem.MALFORMED_XML, "word/document.xml:1"),
        ),
    ],
    ids=["not-a-zip", "no-document", "external-entity", "entity-expansion", "malformed"],
)
def test_hostile_or_broken_files_are_refused_with_the_problem_named(data, expected):
    with pytest.raises(type(expected)) as refused:
        read_docx(data)
    assert refused.value == expected


def test_an_oversized_file_is_refused_before_it_is_opened():
    data = b"PK" + b"\0" * MAX_FILE_BYTES
    with pytest.raises(FileTooLarge) as refused:
        read_docx(data)
    assert refused.value == FileTooLarge(size=MAX_FILE_BYTES + 2, limit=MAX_FILE_BYTES)


def _bomb(size: int) -> bytes:
    out = io.BytesIO()
    zeros = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("word/document.xml", "w") as member,
    ):
        for _ in range(size // len(zeros)):
            member.write(zeros)
    return out.getvalue()


def test_a_zip_bomb_is_stopped_by_its_declared_size_before_it_is_expanded():
    data = _bomb(210 * 1024 * 1024)
    assert len(data) < 1024 * 1024
    with pytest.raises(ArchiveTooLarge) as refused:
        read_docx(data)
    assert refused.value.expanded == 210 * 1024 * 1024


def test_a_member_that_expands_past_its_budget_is_stopped_while_reading():
    package = Package(_bomb(8 * 1024 * 1024), expanded_limit=8 * 1024 * 1024)
    package._budget = 4 * 1024 * 1024  # as if the declared sizes had lied
    with pytest.raises(ArchiveTooLarge):
        package.read("word/document.xml")


def test_kinds_come_out_as_core_kinds():
    draft = read_docx(typed_draft(["1. One."]))
    assert draft.version.provisions[0].kind is ProvisionKind.PARAGRAPH


def test_tracked_changes_in_the_draft_are_read_as_accepted():
    xml = b"""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t xml:space="preserve">1. States </w:t></w:r>
<w:del w:id="1" w:author="Chair"><w:r><w:delText>should </w:delText></w:r></w:del>
<w:ins w:id="2" w:author="Chair"><w:r><w:t xml:space="preserve">shall </w:t></w:r></w:ins>
<w:moveFrom w:id="3" w:author="Chair"><w:r><w:t>moved </w:t></w:r></w:moveFrom>
<w:r><w:t>act.</w:t></w:r></w:p></w:body></w:document>"""
    assert [p.text for p in read_docx(_with_document(xml)).version] == ["States shall act."]


def test_numbering_that_comes_from_the_paragraph_style_counts_too():
    document = Document()
    document.add_paragraph("Report", style="Title")
    for text in ("States met.", "States agreed.", "States noted."):
        document.add_paragraph(text, style="List Number")
    labels = [(p.label, p.text) for p in read_docx(to_bytes(document)).version]
    assert labels == [("1", "States met."), ("2", "States agreed."), ("3", "States noted.")]


def _lists(document, restart: bool):
    """Two list instances of one definition: the second continues it, or restarts at 5."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from tests.documents.word_files import NUMBERING

    numbering = document.part.numbering_part.element
    first = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    first.addprevious(parse_xml(NUMBERING))
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    for num_id in ("80", "81"):
        extra = override if restart and num_id == "81" else ""
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="90"/>'
                f"{extra}</w:num>"
            )
        )


@pytest.mark.parametrize(("restart", "labels"), [(False, ["1", "2", "3"]), (True, ["1", "2", "5"])])
def test_lists_sharing_a_definition_continue_unless_restarted(restart, labels):
    from tests.documents.word_files import _number

    document = Document()
    _lists(document, restart)
    for text, num_id in [("One.", "80"), ("Two.", "80"), ("Three.", "81")]:
        _number(document.add_paragraph(text), num_id, 0)
    assert [p.label for p in read_docx(to_bytes(document)).version] == labels


def _masthead_draft(*headings: tuple[str, int]) -> bytes:
    """A draft whose masthead is in Word headings, then typed paragraphs."""
    document = Document()
    for text, level in headings:
        document.add_heading(text, level=level)
    document.add_heading("A. Introduction", level=1)
    document.add_paragraph("1. The Group met in three sessions.")
    return to_bytes(document)


def test_a_masthead_in_headings_gives_the_title_the_body_and_the_symbol():
    draft = read_docx(
        _masthead_draft(
            ("General Assembly", 1),
            ("A/AC.292/2026/CRP.1", 2),
            ("Draft report of the Open-ended working group on ICTs", 2),
        )
    )
    assert (draft.version.title, draft.body, draft.symbol) == (
        "Draft report of the Open-ended working group on ICTs",
        "General Assembly",
        "A/AC.292/2026/CRP.1",
    )
    # No unnumbered section made of the masthead: the first is the typed one.
    assert _rows(draft) == [
        ("s-a", "section", "A", "Introduction", None),
        ("p1", "paragraph", "1", "The Group met in three sessions.", None),
    ]
    assert draft.notices == ()


def test_a_subsidiary_body_in_heading_1_and_the_title_in_heading_2():
    draft = read_docx(
        _masthead_draft(
            ("Open-ended working group on security of and in the use of ICTs", 1),
            ("Zero draft of the annual progress report", 2),
        )
    )
    assert (draft.version.title, draft.body, draft.symbol) == (
        "Zero draft of the annual progress report",
        "Open-ended working group on security of and in the use of ICTs",
        "",
    )
    assert [p.uid for p in draft.version] == ["s-a", "p1"]


def test_a_title_in_heading_1_alone_is_the_title_and_a_heading_after_it_a_section():
    draft = read_docx(_masthead_draft(("Report of the working group", 1), ("Foreword", 2)))
    assert (draft.version.title, draft.body) == ("Report of the working group", "")
    assert _rows(draft)[0] == ("s-1", "section", "", "Foreword", None)
    assert [p.uid for p in draft.version] == ["s-1", "s-a", "p1"]
