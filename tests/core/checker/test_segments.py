"""Cutting a passage into sentences and list items."""

from accord.core.checker.segments import sentences
from accord.core.checker.words import words_of

TEXT = """States should, inter alia:
   (a) work together on measures that strengthen stability;
   (b) refrain from knowingly permitting their territory to be used.
12. States recall this, e.g. in para. 4 of the report. (iv) An inline item.
13. Next one.

A new paragraph without a full stop
and its second line"""


def test_sentences_list_items_and_paragraphs_are_cut_and_markers_left_out():
    words = words_of(TEXT)
    assert [words.raw(a, b) for a, b in sentences(words)] == [
        "States should, inter alia",
        "work together on measures that strengthen stability",
        "refrain from knowingly permitting their territory to be used",
        "12",
        "States recall this, e.g. in para. 4 of the report",
        "An inline item",
        "13",
        "Next one",
        "A new paragraph without a full stop\nand its second line",
    ]
