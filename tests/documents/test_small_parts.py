from hypothesis import given
from hypothesis import strategies as st

from accord.core.amendments import Mark, MarkKind
from accord.core.draft_text import parse_draft
from accord.documents.notes import Segment, note, plain, split_notes
from accord.documents.version_redline import provision_redlines
from accord.documents.word_numbers import format_number, letter, roman


def test_a_note_may_hold_brackets_and_an_unclosed_one_stays_text():
    assert split_notes("See^[A/70/174 [para. 13]] here.") == (
        Segment("See"),
        Segment("A/70/174 [para. 13]", is_note=True),
        Segment(" here."),
    )
    assert split_notes("Odd ^[unclosed") == (Segment("Odd ^[unclosed"),)
    assert split_notes("") == ()


@given(st.text(alphabet="ab []^", max_size=30))
def test_splitting_and_joining_notes_gives_the_text_back(text):
    rebuilt = "".join(f"^[{s.text}]" if s.is_note else s.text for s in split_notes(text))
    assert rebuilt == text


def test_note_and_plain():
    assert note("  two   words ") == "^[two words]"
    assert plain("Text.^[A note.] More.") == "Text. More."


def test_word_list_numbers():
    assert [format_number(f, 4) for f in ("decimal", "lowerLetter", "upperLetter")] == [
        "4",
        "d",
        "D",
    ]
    assert (format_number("lowerRoman", 14), format_number("upperRoman", 1994)) == (
        "xiv",
        "MCMXCIV",
    )
    assert (letter(27), roman(4)) == ("aa", "iv")


COOPERATE = "States should cooperate in measures to increase stability and security in ICTs."
PROTECT = "States should protect critical infrastructure from ICT threats under national law."
DROPPED = "This paragraph on a programme of action is no longer needed in the revised text."
ADDED = "Capacity-building should be demand-driven, politically neutral and sustainable."
OLD = parse_draft(f"1. {COOPERATE}\n\n2. {DROPPED}\n\n3. {PROTECT}\n")
NEW = parse_draft(
    f"1. {COOPERATE.replace('cooperate', 'cooperate closely')}\n\n3. {PROTECT}\n\n4. {ADDED}\n"
)


def test_the_version_redline_keeps_deleted_provisions_where_they_stood():
    lines = provision_redlines(OLD, NEW)
    assert [(r.uid, r.label, r.old_label) for r in lines] == [
        ("p1", "1", "1"),
        ("p2", "", "2"),
        ("p3", "3", "3"),
        ("p4", "4", ""),
    ]
    assert [m for m in lines[0].marks if m.kind is not MarkKind.SAME] == [
        Mark(MarkKind.INSERTED, "closely ")
    ]
    assert lines[1].marks == (Mark(MarkKind.DELETED, DROPPED),)
    assert lines[3].marks == (Mark(MarkKind.INSERTED, ADDED),)


def test_a_provision_deleted_at_the_end_comes_last():
    lines = provision_redlines(NEW, OLD)
    assert [(r.uid, r.label) for r in lines] == [("p1", "1"), ("p2", "2"), ("p3", "3"), ("p4", "")]
