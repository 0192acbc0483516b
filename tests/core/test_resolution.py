"""Resolutions and decisions: preamble and operative part through every engine feature."""

from dataclasses import replace

import pytest
from tests.core.builders import KENYA, fixture_text, load_version, make_proposal

from accord.core.bracketed import bracket_version, bracketed_text
from accord.core.compilation import compile_version
from accord.core.compilation_render import compilation_data
from accord.core.draft_text import parse_draft, render_draft
from accord.core.errors import MalformedDraft, PreambleOutOfOrder
from accord.core.eventlog import version_hash
from accord.core.identifiers import inherit_identifiers
from accord.core.lineage import Succession, trace_lineage
from accord.core.positions import Stance, take_position
from accord.core.provisions import Provision, ProvisionKind, TitleBlock, Version
from accord.core.redline import compare_versions, redline_problems
from accord.core.resolution import opening_split, opening_words
from accord.core.status import ActKind, ProvisionStatus, mark_status, provision_status
from accord.core.structure import AddProvision, DeleteProvision, MoveProvision, apply_structure
from accord.core.text_hygiene import clean_version

DRAFT = load_version("resolution_draft.md")
REV1 = load_version("resolution_rev1.md")


def test_a_resolution_is_read_with_its_title_block_preamble_and_operative_part() -> None:
    assert DRAFT.title_block == TitleBlock(
        "General Assembly", "Eighty-first session", "94", ("Brazil", "Kenya", "Singapore")
    )
    assert DRAFT.is_resolution
    assert [(p.uid, p.kind, p.label, p.page_label) for p in DRAFT][:9] == [
        ("pp1", ProvisionKind.PREAMBULAR, "PP1", ""),
        ("pp2", ProvisionKind.PREAMBULAR, "PP2", ""),
        ("pp3", ProvisionKind.PREAMBULAR, "PP3", ""),
        ("pp4", ProvisionKind.PREAMBULAR, "PP4", ""),
        ("op1", ProvisionKind.PARAGRAPH, "OP1", "1"),
        ("op2", ProvisionKind.PARAGRAPH, "OP2", "2"),
        ("op3", ProvisionKind.PARAGRAPH, "OP3", "3"),
        ("op3-a", ProvisionKind.SUBPARAGRAPH, "OP3(a)", "(a)"),
        ("op3-b", ProvisionKind.SUBPARAGRAPH, "OP3(b)", "(b)"),
    ]
    annex = [(p.uid, p.kind, p.label, p.page_label) for p in DRAFT][-2:]
    assert annex == [
        ("s-1", ProvisionKind.SECTION, "", ""),
        ("p1", ProvisionKind.PARAGRAPH, "1", "1"),
    ]


def test_a_report_is_not_a_resolution_and_keeps_its_hash() -> None:
    report = load_version("zero_draft.md")
    assert not report.is_resolution
    assert report.title_block is None
    assert replace(report, title_block=TitleBlock("General Assembly")).content_hash != (
        report.content_hash
    )


def test_a_resolution_written_back_reads_the_same() -> None:
    assert parse_draft(render_draft(DRAFT)) == DRAFT
    assert render_draft(DRAFT).startswith(
        "# Developments in the field of information and telecommunications in the context "
        "of international security\nBody: General Assembly\nSession: Eighty-first session\n"
        "Agenda item: 94\nSponsors: Brazil, Kenya, Singapore\n\nPP1. Recalling its"
    )


def test_a_title_block_may_name_only_the_body() -> None:
    version = parse_draft("# A decision\nBody: Conference of the Parties\nOP1. Decides to meet.")
    assert version.title_block == TitleBlock("Conference of the Parties")
    assert (
        render_draft(version)
        == "# A decision\nBody: Conference of the Parties\n\nOP1. Decides to meet.\n"
    )


def test_the_title_block_changes_the_hash() -> None:
    sponsored = replace(DRAFT, title_block=replace(DRAFT.title_block, sponsors=("Brazil",)))  # type: ignore[type-var]
    assert sponsored.content_hash != DRAFT.content_hash


def test_a_preambular_paragraph_after_an_operative_one_is_refused() -> None:
    with pytest.raises(MalformedDraft) as refused:
        parse_draft("# R\nOP1. Decides to meet.\nPP1. Recalling its decision.")
    assert refused.value.params() == {"line": 3, "problem": "preambular-after-operative"}


def test_a_title_block_line_after_a_paragraph_is_its_text() -> None:
    version = parse_draft("# R\nOP1. Decides to meet at the\nBody: level.")
    assert version.provision("op1").text == "Decides to meet at the Body: level."
    assert version.title_block is None


@pytest.mark.parametrize(
    ("kind", "label", "text", "words"),
    [
        (ProvisionKind.PREAMBULAR, "PP1", "Recalling its resolution 73/27,", 1),
        (ProvisionKind.PREAMBULAR, "PP1", "Recalling also its resolution 73/27,", 2),
        (ProvisionKind.PREAMBULAR, "PP1", "Noting with deep concern that States", 4),
        (ProvisionKind.PREAMBULAR, "PP1", "Deeply concerned by the attacks,", 2),
        (ProvisionKind.PREAMBULAR, "PP1", "Bearing in mind that capacity-building", 3),
        (ProvisionKind.PREAMBULAR, "PP1", "Mindful of the principles,", 1),
        (ProvisionKind.PREAMBULAR, "PP1", "The Assembly, recalling", 0),
        (ProvisionKind.PREAMBULAR, "PP1", "recalling", 0),
        (ProvisionKind.PARAGRAPH, "OP1", "Decides to meet;", 1),
        (ProvisionKind.PARAGRAPH, "OP2", "Calls upon all States", 2),
        (ProvisionKind.PARAGRAPH, "OP3", "Also requests the Secretary-General", 2),
        (ProvisionKind.PARAGRAPH, "OP3", "Requests further the Secretary-General", 2),
        (ProvisionKind.PARAGRAPH, "OP4", "Takes note with appreciation of the report", 4),
        (ProvisionKind.PARAGRAPH, "OP5", "Invites, in this regard, States", 1),
        (ProvisionKind.PARAGRAPH, "OP5", "Further", 0),
        (ProvisionKind.PARAGRAPH, "OP6", "1234 States", 0),
        (ProvisionKind.PARAGRAPH, "4", "Decides to meet;", 0),
        (ProvisionKind.SUBPARAGRAPH, "OP3(a)", "Decides to meet;", 0),
        (ProvisionKind.PARAGRAPH, "OP7", "", 0),
    ],
)
def test_the_opening_words_are_found(
    kind: ProvisionKind, label: str, text: str, words: int
) -> None:
    assert opening_words(Provision("x", kind, label, text)) == words


def test_lineage_follows_a_reordered_preamble_and_split_and_merged_operative_paragraphs() -> None:
    links = {link.old: link for link in trace_lineage(DRAFT, REV1).links}
    assert (links["pp2",].new, links["pp2",].moved) == (("pp4",), True)
    assert (links["pp3",].new, links["pp3",].renumbered, links["pp3",].moved) == (
        ("pp2",),
        True,
        False,
    )
    assert links["op2",].succession is Succession.SPLIT
    assert links["op2",].new == ("op2", "op3")
    assert links["op4", "op5"].succession is Succession.MERGED
    assert links["op4", "op5"].new_labels == ("OP5",)
    assert links["op3",].new_labels == ("OP4",)


def test_identifiers_and_title_block_survive_a_revision() -> None:
    inherited = inherit_identifiers(DRAFT, REV1, trace_lineage(DRAFT, REV1))
    assert [p.uid for p in inherited][:8] == [
        "pp1",
        "pp3",
        "pp4",
        "pp2",
        "op1",
        "op2",
        "op3-2",
        "op3",
    ]
    assert inherited.title_block is not None
    assert inherited.title_block.sponsors == ("Brazil", "Kenya", "Singapore", "Indonesia")


def test_the_redline_of_a_resolution_keeps_every_word() -> None:
    redline = compare_versions(DRAFT, REV1)
    assert redline_problems(DRAFT, REV1, redline) == ()
    split = next(e for e in redline.entries if e.link.old == ("op2",))
    assert "".join(m.text for m in split.marks if m.kind.value == "deleted").strip() == (
        ", and decides"
    )
    merged = next(e for e in redline.entries if e.link.old == ("op4", "op5"))
    assert "".join(m.text for m in merged.marks if m.kind.value == "inserted").strip() == (
        ", and decides"
    )


def test_the_compilation_names_preambular_and_operative_paragraphs() -> None:
    proposal = make_proposal(
        DRAFT,
        "pp2",
        "Noting with grave concern that a number of States are developing ICT capabilities "
        "for military purposes,",
        by=KENYA,
    )
    data = compilation_data(compile_version(DRAFT, [proposal]))
    entries = data["entries"]
    assert isinstance(entries, list)
    pp2 = next(e for e in entries if e["uid"] == "pp2")
    assert (pp2["label"], pp2["kind"], len(pp2["proposals"])) == ("PP2", "preambular", 1)
    op1 = next(e for e in entries if e["uid"] == "op1")
    assert (op1["label"], op1["kind"]) == ("OP1", "paragraph")


def test_bracketed_text_of_a_resolution_uses_its_labels() -> None:
    proposal = make_proposal(
        DRAFT,
        "op1",
        "Welcomes the annual progress report of the Open-ended Working Group, annexed to the "
        "present resolution;",
    )
    text = bracketed_text(bracket_version(DRAFT, [proposal]))
    assert "\nOP1. [Endorses][Welcomes] the annual progress report" in text
    assert text.startswith("PP1. Recalling its resolutions")


def test_a_paragraph_added_after_a_preambular_paragraph_is_preambular() -> None:
    added = apply_structure(DRAFT, (AddProvision("pp2", "Recognizing the work of the Group,"),))
    pp2bis = added.provision("pp2bis")
    assert (pp2bis.kind, pp2bis.label, pp2bis.page_label) == (
        ProvisionKind.PREAMBULAR,
        "PP2bis",
        "",
    )
    assert [p.uid for p in added][:4] == ["pp1", "pp2", "pp2bis", "pp3"]
    assert added.title_block == DRAFT.title_block
    op = apply_structure(DRAFT, (AddProvision("op3-b", "Encourages States to cooperate;"),))
    assert (op.provision("op3bis").kind, op.provision("op3bis").label) == (
        ProvisionKind.PARAGRAPH,
        "OP3bis",
    )


def test_preambular_and_operative_paragraphs_move_and_go() -> None:
    moved = apply_structure(DRAFT, (MoveProvision("pp1", "pp4"), DeleteProvision("op4")))
    assert [p.uid for p in moved][:6] == ["pp2", "pp3", "pp4", "pp1", "op1", "op2"]
    assert "op4" not in {p.uid for p in moved}
    # An operative paragraph moved after the last preambular one opens the operative part.
    first = apply_structure(DRAFT, (MoveProvision("op5", "pp4"),))
    assert [p.uid for p in first][3:6] == ["pp4", "op5", "op1"]


@pytest.mark.parametrize(
    ("op", "first_out_of_place"),
    [(MoveProvision("pp2", "op1"), "pp2"), (MoveProvision("op1", "pp1"), "pp2")],
    ids=["preambular-into-operative", "operative-into-preamble"],
)
def test_the_preamble_stays_before_the_operative_part(
    op: MoveProvision, first_out_of_place: str
) -> None:
    with pytest.raises(PreambleOutOfOrder) as refused:
        apply_structure(DRAFT, (op,))
    assert refused.value.params() == {"uid": first_out_of_place}


def test_status_marks_and_positions_work_on_a_preambular_paragraph() -> None:
    pp3 = DRAFT.provision("pp3")
    act = mark_status(
        pp3, ActKind.AGREED, (), members=frozenset({"BRA", "KEN"}), current=ProvisionStatus.OPEN
    )
    position = take_position("KEN", pp3, Stance.SUPPORT, members=frozenset({"BRA", "KEN"}))
    outcome = provision_status(pp3, [position], [act], members=frozenset({"BRA", "KEN"}))
    assert outcome.status is ProvisionStatus.AGREED_AD_REF


def test_cleaning_a_resolution_keeps_its_title_block() -> None:
    decomposed = replace(
        DRAFT, title_block=TitleBlock("Conference", sponsors=("Co\u0302te d'Ivoire",))
    )
    cleaned = clean_version(decomposed).title_block
    assert cleaned == TitleBlock("Conference", sponsors=("C\u00f4te d'Ivoire",))
    assert clean_version(DRAFT) == DRAFT


def test_a_version_without_operative_or_preamble_is_a_report() -> None:
    assert not Version("t", (Provision("p1", ProvisionKind.PARAGRAPH, "1", "x"),)).is_resolution
    assert fixture_text("resolution_draft.md").count("PP") == 4


def test_the_opening_words_split_off_the_text_and_join_back() -> None:
    noting = Provision("x", ProvisionKind.PREAMBULAR, "PP1", "Noting  with concern that")
    assert opening_split(noting) == ("Noting  with concern", " that")
    plain = Provision("x", ProvisionKind.PARAGRAPH, "4", "Decides to meet")
    assert opening_split(plain) == ("", "Decides to meet")


def test_the_log_verifier_computes_a_resolutions_hash_from_its_export() -> None:
    outline = [
        {"uid": p.uid, "kind": str(p.kind), "label": p.label, "parent": p.parent,
         "content_hash": p.content_hash}
        for p in DRAFT
    ]  # fmt: skip
    block = DRAFT.title_block
    assert block is not None
    exported = {
        "body": block.body,
        "session": block.session,
        "agenda_item": block.agenda_item,
        "sponsors": list(block.sponsors),
    }
    assert version_hash(DRAFT.title, outline, exported) == DRAFT.content_hash
    assert version_hash(DRAFT.title, outline) != DRAFT.content_hash
