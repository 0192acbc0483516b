"""Invariants of the checker, tried on many generated cases (Hypothesis)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.bench.checker_corpus import generate_corpus
from accord.core.checker import Verdict, build_index, check_passage
from accord.core.checker.errors import EmptyPassage
from accord.core.checker.languages import detect
from accord.core.checker.words import words_of

CORPUS = generate_corpus(300, seed=7)
INDEX = build_index(CORPUS)
ADOPTED = [n for n, e in enumerate(CORPUS) if e.status.is_adopted]


def _sentence(n: int, k: int) -> str:
    sentences = CORPUS[n].text.split(". ")
    return sentences[k % len(sentences)].rstrip(".") + "."


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ADOPTED), st.integers(0, 2), st.sampled_from([str.upper, str.lower, str]))
def test_any_adopted_sentence_in_any_case_is_agreed_verbatim_from_its_provision(n, k, case):
    (found,) = check_passage(INDEX, case(_sentence(n, k))).findings
    assert found.verdict is Verdict.AGREED_VERBATIM
    assert found.source is not None
    assert found.source.text == CORPUS[n].text


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_any_text_gets_findings_that_point_into_it_or_a_clear_refusal(text):
    language = detect(text)
    shortest = 1 if language == "zh" else 2
    if not any(len(w) >= shortest and not w.isdigit() for w in words_of(text, language).norm):
        with pytest.raises(EmptyPassage):
            check_passage(INDEX, text)
        return
    report = check_passage(INDEX, text)
    for found in report.findings:
        assert text[found.start : found.end] == found.segment
        assert 0.0 <= found.similarity <= 1.0


QUALIFIED = [
    (n, k)
    for n in ADOPTED
    for k, sentence in enumerate(CORPUS[n].text.split(". "))
    if ", " in sentence and k < 3
]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(QUALIFIED))
def test_dropping_the_closing_qualifier_of_an_adopted_sentence_is_named(case):
    n, k = case
    kept, qualifier = _sentence(n, k).rstrip(".").rsplit(", ", 1)
    (found,) = check_passage(INDEX, kept + ".").findings
    assert found.verdict is Verdict.AGREED_ALTERED
    assert found.qualifiers_dropped == (qualifier,)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([(n, k) for n, k in QUALIFIED if " should " in _sentence(n, k)]))
def test_should_turned_into_shall_is_a_strengthened_modal(case):
    n, k = case
    (found,) = check_passage(INDEX, _sentence(n, k).replace(" should ", " shall ")).findings
    assert found.verdict is Verdict.AGREED_ALTERED
    assert [a.value for a in found.alterations] == ["modal-strengthened"]
    assert found.substituted == (("should", "shall"),)
