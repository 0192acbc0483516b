"""Quotations of every script and reported-speech frames: the writer's words kept apart from
what the sentence quotes or reports."""

import pytest

from accord.core.checker.quotes import claims_agreement, frame_end, quoted_spans
from accord.core.checker.words import words_of


def _quoted(text: str) -> list[str]:
    words = words_of(text)
    return [words.raw(*span) for span in quoted_spans(words, 0, len(words))]


@pytest.mark.parametrize(
    "text",
    [
        "The report says “States should cooperate closely on this” and more.",
        "The report says \u2018States should cooperate closely on this\u2019 and more.",
        "Le rapport dit « States should cooperate closely on this » et plus.",
        "Der Bericht sagt „States should cooperate closely on this“ und mehr.",
        "Der Bericht sagt „States should cooperate closely on this” und mehr.",
        "Der Bericht sagt »States should cooperate closely on this« und mehr.",
        "Il dit \u2039States should cooperate closely on this\u203a et plus.",
        "Der Bericht sagt \u201aStates should cooperate closely on this\u2018 und mehr.",
        'The report says "States should cooperate closely on this" and more.',
        "The report says 'States should cooperate closely on this' and more.",
    ],
)
def test_quotation_marks_of_every_script(text):
    assert _quoted(text) == ["States should cooperate closely on this"]


def test_marks_just_outside_the_sentence_belong_to_it():
    assert _quoted("“States should cooperate closely on this.”") == [
        "States should cooperate closely on this"
    ]


def test_apostrophes_and_short_terms_are_no_quotations():
    assert _quoted("States' views differ on the so-called 'norms' of the day.") == []
    assert _quoted("We don't think the States' position holds.") == []
    assert _quoted("The word “voluntary” matters.") == []
    assert _quoted("An opening “mark that never closes its words.") == []
    assert _quoted("It ends with 'States should cooperate closely here'x.") == []


def test_an_ellipsis_cuts_a_quotation_when_both_sides_stand_alone():
    text = (
        "The GGE urged States to “take reasonable steps to ensure the integrity of the supply "
        "chain … prevent the proliferation of malicious ICT tools”."
    )
    assert _quoted(text) == [
        "take reasonable steps to ensure the integrity of the supply chain",
        "prevent the proliferation of malicious ICT tools",
    ]
    short = "It urged “take reasonable steps to ensure … the chain”."
    assert _quoted(short) == ["take reasonable steps to ensure … the chain"]
    dots = "It said 'States should cooperate fully ... on all the matters raised'."
    assert _quoted(dots) == ["States should cooperate fully", "on all the matters raised"]
    two = "It said “States should cooperate fully … … on all the matters raised”."
    assert _quoted(two) == ["States should cooperate fully", "on all the matters raised"]


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("The report calls on States to take reasonable steps.", "The report calls on States to"),
        ("States agreed that States should cooperate.", "States agreed that"),
        ("Norm (g) underscores the obligation of States.", "Norm (g) underscores"),
        ("The report states that States should cooperate.", "The report states that"),
        ("The Group urged all Member States to cooperate.", "The Group urged all Member States to"),
    ],
)
def test_a_frame_ends_where_the_report_starts(text, frame):
    words = words_of(text)
    end = frame_end(words, 0, len(words))
    assert end is not None
    assert words.raw(0, end) == frame


@pytest.mark.parametrize(
    "text",
    [
        "States should cooperate to prevent harm.",
        "States that cooperate prevent harm.",
        "It is what the report says",
        "Everyone agreed",
    ],
)
def test_no_frame(text):
    words = words_of(text)
    assert frame_end(words, 0, len(words)) is None


def test_the_writer_claims_agreement():
    for text, claims in [
        ("States agreed that", True),
        ("As agreed by consensus,", True),
        ("All States accept that", True),
        ("Freedonia considers that", False),
        ("The report states that", False),
    ]:
        words = words_of(text)
        assert claims_agreement(words, 0, len(words)) is claims, text
