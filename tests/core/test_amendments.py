"""Word-level amendments: derivation, application, contradictions, marks."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.core.amendments import (
    Amendment,
    Mark,
    MarkKind,
    OpKind,
    WordOp,
    apply_amendment,
    check_operations,
    derive_amendment,
    redline_marks,
    tokenize,
    word_marks,
)
from accord.core.errors import (
    AmendmentDoesNotApply,
    AmendmentForOtherText,
    OverlappingOperations,
)
from accord.core.provisions import content_hash

WORDS = st.sampled_from(
    [
        "States",
        "should",
        "shall",
        "may",
        "cooperate",
        "voluntary",
        ",",
        "non-binding",
        "norms",
        "international",
        "law",
        ".",
        "and",
        "the",
        "(",
        ")",
        "\u2019s",
        "  ",
    ]
)
TEXTS = st.lists(WORDS, max_size=30).map(" ".join)

OLD = "States should cooperate, consistent with international law."


def _side(marks: tuple[Mark, ...], kind: MarkKind) -> str:
    return "".join(m.text for m in marks if m.kind in (MarkKind.SAME, kind))


@given(TEXTS, TEXTS)
def test_applying_the_derived_amendment_gives_exactly_the_wording(old: str, new: str) -> None:
    assert apply_amendment(old, derive_amendment(old, new)) == new


@given(TEXTS, TEXTS)
def test_word_marks_reproduce_both_texts(old: str, new: str) -> None:
    marks = word_marks(old, new)
    assert _side(marks, MarkKind.DELETED) == old
    assert _side(marks, MarkKind.INSERTED) == new


@given(TEXTS)
def test_tokens_join_back_to_the_text(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_a_replacement_reads_as_one_edit_of_the_phrase() -> None:
    amendment = derive_amendment(OLD, "States shall cooperate, consistent with international law.")
    assert amendment.ops == (WordOp(OpKind.REPLACE, 1, 2, "should ", "shall "),)
    assert redline_marks(OLD, amendment) == (
        Mark(MarkKind.SAME, "States "),
        Mark(MarkKind.DELETED, "should "),
        Mark(MarkKind.INSERTED, "shall "),
        Mark(MarkKind.SAME, "cooperate, consistent with international law."),
    )


def test_equal_texts_give_one_kept_run_and_empty_texts_none() -> None:
    assert word_marks(OLD, OLD) == (Mark(MarkKind.SAME, OLD),)
    assert word_marks("", "") == ()


def test_a_word_that_loses_its_space_reads_as_replaced() -> None:
    # Each word carries its following space, so "should " and the final "should" differ.
    marks = word_marks("States should cooperate", "States should")
    assert marks == (
        Mark(MarkKind.SAME, "States "),
        Mark(MarkKind.DELETED, "should cooperate"),
        Mark(MarkKind.INSERTED, "should"),
    )


def test_operations_on_the_same_words_are_refused() -> None:
    first = WordOp(OpKind.REPLACE, 1, 3, "should cooperate", "shall act")
    second = WordOp(OpKind.DELETE, 2, 3, "cooperate", "")
    with pytest.raises(OverlappingOperations) as refused:
        apply_amendment(OLD, Amendment("x", (first, second)))
    assert refused.value.params() == {"first": 1, "second": 2}
    assert refused.value.code == "overlapping-operations"


def test_two_insertions_at_one_point_are_refused() -> None:
    one = WordOp(OpKind.INSERT, 1, 1, "", "firmly ")
    two = WordOp(OpKind.INSERT, 1, 1, "", "gladly ")
    with pytest.raises(OverlappingOperations):
        check_operations((one, two))


def test_an_insertion_right_after_a_replacement_is_in_order() -> None:
    replace = WordOp(OpKind.REPLACE, 0, 1, "States ", "Members ")
    insert = WordOp(OpKind.INSERT, 1, 1, "", "firmly ")
    result = apply_amendment(OLD, Amendment(content_hash(OLD), (replace, insert)))
    assert result.startswith("Members firmly should")


def test_an_amendment_applies_only_to_the_text_it_targets() -> None:
    amendment = derive_amendment(OLD, OLD.replace("should", "shall"))
    elsewhere = OLD.replace("law", "obligations")
    with pytest.raises(AmendmentForOtherText) as refused:
        apply_amendment(elsewhere, amendment)
    assert refused.value.params() == {
        "expected": content_hash(OLD),
        "found": content_hash(elsewhere),
    }


def test_an_amendment_whose_words_are_gone_is_refused_with_what_was_found() -> None:
    amendment = derive_amendment(OLD, "States should cooperate.")
    with pytest.raises(AmendmentDoesNotApply) as refused:
        apply_amendment("States should act.", amendment)
    assert refused.value.params()["expected"] == ", consistent with international law"


def test_an_amendment_past_the_end_is_refused() -> None:
    op = WordOp(OpKind.DELETE, 40, 41, "law", "")
    with pytest.raises(AmendmentDoesNotApply):
        apply_amendment(OLD, Amendment("x", (op,)))


def test_a_refusal_passes_through_a_context_manager() -> None:
    from contextlib import contextmanager

    @contextmanager
    def guarded():  # type: ignore[no-untyped-def]
        yield

    with pytest.raises(AmendmentDoesNotApply), guarded():
        raise AmendmentDoesNotApply(expected="a", found="b")


def test_refusals_compare_by_value_and_hash() -> None:
    one = AmendmentDoesNotApply(expected="a", found="b")
    assert one == AmendmentDoesNotApply(expected="a", found="b")
    assert len({one, AmendmentDoesNotApply(expected="a", found="b")}) == 1


def test_a_proposal_redline_that_ends_with_a_change() -> None:
    amendment = derive_amendment(OLD, "States should cooperate, consistent with law!")
    assert redline_marks(OLD, amendment)[-2:] == (
        Mark(MarkKind.DELETED, "."),
        Mark(MarkKind.INSERTED, "!"),
    )
