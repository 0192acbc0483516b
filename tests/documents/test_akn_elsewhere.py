"""Akoma Ntoso written by other tools, in the shape of published UN resolutions, decisions
and reports (the files in ``akn_elsewhere/``, invented text): mapped onto accord's
provisions, with identifiers from the numbering and every element left out named."""

from pathlib import Path

import pytest

from accord.core.provisions import ProvisionKind, TitleBlock
from accord.documents.akn_import import read_akn_file
from accord.documents.errors import InvalidAkomaNtoso, SchemaProblem
from accord.documents.model import Notice
from accord.words.refusals import explain

FILES = Path(__file__).parent / "akn_elsewhere"


def _read(name: str, data: bytes | None = None):
    return read_akn_file(data if data is not None else (FILES / name).read_bytes())


def _rows(found):
    return [(p.uid, p.kind.value, p.label, p.parent, p.text) for p in found.version]


def test_a_decision_of_a_conference_of_the_parties() -> None:
    found = _read("cop_decision.xml")
    assert (found.meta.symbol, found.meta.title) == (
        "CBD/COP/DEC/16/7",
        "Biodiversity and health in the monitoring framework",
    )
    assert found.version.title_block == TitleBlock(
        "Conference of the Parties to the Convention on Biological Diversity",
        "Sixteenth meeting",
        "12",
    )
    assert _rows(found) == [
        ("pp1", "preambular", "PP1", None, "Recalling its decisions 15/4 and 15/5,"),
        (
            "pp2",
            "preambular",
            "PP2",
            None,
            "Noting with appreciation the work of the subsidiary body^[See document "
            "CBD/SBSTTA/26/10.] on indicators,",
        ),
        ("s-a", "section", "A", None, "Monitoring framework"),
        (
            "op1",
            "paragraph",
            "OP1",
            None,
            "Adopts the indicators contained in annex I to the present decision;",
        ),
        ("op2", "paragraph", "OP2", None, "Invites Parties to report, in their national reports:"),
        ("op2-a", "subparagraph", "OP2(a)", "op2", "on the headline indicators;"),
        (
            "op2-b",
            "subparagraph",
            "OP2(b)",
            "op2",
            "on at least one component indicator for each goal;",
        ),
        ("s-b", "section", "B", None, "Biodiversity and health"),
        (
            "b-op1",
            "paragraph",
            "OPB.1",
            None,
            "Requests the Executive Secretary to report on progress to the Subsidiary Body at a "
            "meeting held before the seventeenth meeting of the Conference of the Parties.",
        ),
    ]
    assert found.notices == (
        Notice("not-carried", "", "formula enactingFormula: The Conference of the Parties,"),
        Notice("not-carried", "A", "intro: The Conference of the Parties,"),
        Notice("not-carried", "OPB.1", "attachments: Indicators for the monitoring framework."),
    )


def test_a_general_assembly_resolution_with_nested_points() -> None:
    found = _read("ga_resolution.xml")
    assert found.meta.symbol == "A/RES/80/112"
    assert found.version.title_block == TitleBlock(
        "General Assembly", "Eightieth session", "97 (c)"
    )
    assert [(p.uid, p.label) for p in found.version] == [
        ("pp1", "PP1"),
        ("pp2", "PP2"),
        ("pp3", "PP3"),
        ("op1", "OP1"),
        ("op2", "OP2"),
        ("op2-a", "OP2(a)"),
        ("op2-b", "OP2(b)"),
        ("op3", "OP3"),
    ]
    assert (
        found.version.provision("pp2").text == "Recalling its resolution 79/45 of 2 December 2024,"
    )
    assert found.version.provision("pp3").text.endswith(
        "between States,^[See the report of the Secretary-General (A/80/301).]"
    )
    assert found.version.provision("op2-b").text == (
        "To strengthen capacity for repair, including: (i) the training of technicians; (ii) "
        "the availability of repair vessels;"
    )
    assert found.notices == (
        Notice("not-carried", "", "formula enactingFormula: The General Assembly,"),
        Notice("joined", "OP2(b)", "point (i): the training of technicians;"),
        Notice("joined", "OP2(b)", "point (ii): the availability of repair vessels;"),
    )


def test_a_report_written_elsewhere_leaves_out_its_table_and_unnumbered_block() -> None:
    found = _read("committee_report.xml")
    assert found.version.title_block is None
    assert not found.version.is_resolution
    assert [(p.uid, p.kind, p.label) for p in found.version] == [
        ("s-i", ProvisionKind.SECTION, "I"),
        ("p1", ProvisionKind.PARAGRAPH, "1"),
        ("p2", ProvisionKind.PARAGRAPH, "2"),
        ("s-ii", ProvisionKind.SECTION, "II"),
        ("p3", ProvisionKind.PARAGRAPH, "3"),
    ]
    assert found.version.provision("p2").text == "The session was attended by the following:"
    assert found.version.provision("p3").text == (
        "The Committee agreed to continue its work at a third session."
    )
    assert found.notices == (
        Notice("not-carried", "2", "table: Member States 112"),
        Notice("not-carried", "II", "hcontainer chairStatement: The Chair made a statement."),
    )


def test_a_year_alone_as_a_date_is_explained_with_what_to_change() -> None:
    with pytest.raises(InvalidAkomaNtoso) as refused:
        _read("year_only_date.xml")
    assert (refused.value.line, refused.value.problem, refused.value.value) == (
        12,
        SchemaProblem.DATE,
        "2025",
    )
    assert explain(refused.value) == (
        "The file could not be imported: it does not follow the Akoma Ntoso 3.0 schema at line "
        "12: the date “2025” (FRBRdate, attribute date) is not a full date: a date must be a "
        "full date, YYYY-MM-DD."
    )


@pytest.mark.parametrize(
    ("old", "new", "sentence"),
    [
        (
            b"<num>3.</num>",
            b"<bogus/>",
            "line 68: the element bogus is not allowed here; the schema expects one of: intro, "
            "content, hcontainer, componentRef, clause, section, part, paragraph, chapter, title.",
        ),
        (
            b' name="enactingFormula"',
            b"",
            "line 39: the element formula needs the attribute name.",
        ),
        (
            b'<paragraph eId="para_3">',
            b'<paragraph eId="para_3" colour="red">',
            "line 67: the element paragraph cannot have the attribute colour; remove it.",
        ),
        (
            b'<FRBRlanguage language="eng"/>',
            b"",
            "line 16: the element FRBRExpression lacks an element it must hold (one of: "
            "FRBRauthor, componentInfo, preservation, FRBRversionNumber, FRBRauthoritative, "
            "FRBRmasterExpression, FRBRlanguage).",
        ),
        (
            b'placement="bottom"',
            b'placement="middle"',
            "line 42: the value “middle” of the attribute placement of authorialNote is not one "
            "the schema allows.",
        ),
    ],
)
def test_schema_errors_are_explained_in_words(old: bytes, new: bytes, sentence: str) -> None:
    data = (FILES / "ga_resolution.xml").read_bytes().replace(old, new, 1)
    with pytest.raises(InvalidAkomaNtoso) as refused:
        _read("", data)
    assert explain(refused.value) == (
        "The file could not be imported: it does not follow the Akoma Ntoso 3.0 schema at "
        + sentence
    )
