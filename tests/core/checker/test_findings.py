"""What a finding says beyond its verdict: the words dropped, added and swapped, the marks
for showing them, whose view it is, and the refusals for passages that cannot be checked."""

from pathlib import Path

import pytest

from accord.core.checker import (
    CorpusEntry,
    Mark,
    MarkKind,
    SourceStatus,
    Verdict,
    build_index,
    check_passage,
    parse_corpus,
)
from accord.core.checker.errors import EmptyPassage, PassageTooLong
from accord.core.checker.export import report_json

CORPUS = parse_corpus((Path(__file__).parent / "corpus.jsonl").read_text("utf-8").splitlines())
INDEX = build_index(CORPUS)
TAIL = "share information on threats to submarine cables with the operators concerned."


def _only(passage: str):
    (found,) = check_passage(INDEX, passage).findings
    return found


def test_a_dropped_qualifier_and_a_strengthened_modal_are_spelled_out():
    found = _only(
        "States shall share information on threats to submarine cables with the operators "
        "concerned."
    )
    assert found.omitted == ("should, where appropriate",)
    assert found.added == ("shall",)
    assert found.substituted == (("should, where appropriate", "shall"),)
    assert found.qualifiers_dropped == ("where appropriate",)
    assert found.similarity == 0.857
    assert not found.partial
    assert found.passage_marks == (
        Mark(MarkKind.SAME, "States "),
        Mark(MarkKind.INSERTED, "shall"),
        Mark(MarkKind.SAME, " "),
        Mark(MarkKind.SAME, TAIL),
    )
    assert found.source_marks == (
        Mark(MarkKind.SAME, "States "),
        Mark(MarkKind.DELETED, "should, where appropriate,"),
        Mark(MarkKind.SAME, " "),
        Mark(MarkKind.SAME, TAIL),
    )


def test_a_partial_quote_shows_what_was_not_quoted_apart_from_what_was_left_out():
    found = _only(
        "States should not intentionally conduct ICT operations against the electoral "
        "infrastructure of another State."
    )
    assert found.partial
    assert found.qualifiers_dropped == ("consistent with international law",)
    assert found.omitted == ("consistent with international law",)
    assert found.similarity == 0.875
    assert found.source_marks == (
        Mark(
            MarkKind.SAME,
            "States should not intentionally conduct ICT operations against the electoral "
            "infrastructure of another State, ",
        ),
        Mark(MarkKind.DELETED, "consistent with international law."),
    )


def test_a_national_view_says_whose_it_is_and_names_the_weaker_agreed_match():
    found = _only(
        "The Group agreed that all ICT operations against the electoral infrastructure of "
        "another State are prohibited in all circumstances."
    )
    assert found.verdict is Verdict.NATIONAL_VIEW
    assert found.source is not None
    assert found.source.holder == "Freedonia"
    assert found.also_adopted is not None
    assert found.also_adopted.provision == "C4"


def test_framing_words_are_kept_apart_and_are_no_alteration():
    found = _only(
        "As the report says, states shall settle disputes arising from the use of "
        "ICTs by peaceful means."
    )
    assert (found.verdict, found.framing, found.added) == (
        Verdict.AGREED_VERBATIM,
        "As the report says",
        (),
    )


def test_clauses_of_a_spliced_sentence_point_into_the_passage():
    passage = (
        "Such strategies may include measures to protect critical infrastructure and each "
        "State may designate a national authority to receive reports of incidents affecting "
        "its critical infrastructure."
    )
    first, second = check_passage(INDEX, passage).findings
    assert (first.joined, second.joined, first.sentence, second.sentence) == (True, True, 0, 0)
    assert passage[first.start : first.end] == first.segment
    assert (
        first.segment == "Such strategies may include measures to protect critical infrastructure"
    )
    assert second.segment.startswith("each State may designate")


def test_the_json_shape_has_the_documented_fields():
    (segment,) = report_json(check_passage(INDEX, "The use of ICTs is growing."))["segments"]
    assert segment == {
        "segment": "The use of ICTs is growing.",
        "start": 0,
        "end": 27,
        "sentence": 0,
        "verdict": "not-found",
        "source": None,
        "similarity": 0.0,
        "omitted": [],
        "added": [],
        "substituted": [],
        "qualifiers_dropped": [],
        "alterations": [],
        "partial": False,
        "joined": False,
        "framing": "",
        "also_adopted": None,
        "frame": False,
        "quoted": False,
        "reported": False,
        "agreement_claimed": False,
        "paraphrase": False,
        "alignment": [],
    }


def test_the_json_of_a_quote_names_its_source_in_the_import_format():
    (segment,) = report_json(check_passage(INDEX, "States should protect submarine cables."))[
        "segments"
    ]
    assert (segment["verdict"], segment["partial"], segment["also_adopted"]) == (
        "agreed-verbatim",
        True,
        None,
    )
    assert segment["source"] == {
        "document": "T/REP/1",
        "provision": "C15",
        "status": "consensus",
        "holder": None,
        "date": "2024-03-01",
        "text": "States should protect submarine cables and exchange, where appropriate, "
        "information on incidents affecting them.",
        "language": "en",
    }


@pytest.mark.parametrize("passage", ["", "   \n\t", "12. (a)", "…"])
def test_a_passage_without_words_is_refused(passage):
    with pytest.raises(EmptyPassage) as raised:
        check_passage(INDEX, passage)
    assert raised.value.params() == {}


def test_an_enormous_passage_is_refused_before_any_work():
    with pytest.raises(PassageTooLong) as raised:
        check_passage(INDEX, "word " * 10_001)
    assert raised.value.params() == {"length": 50_005, "limit": 50_000}


def test_an_empty_corpus_finds_nothing():
    index = build_index([])
    assert (len(index), len(INDEX)) == (0, 22)
    report = check_passage(index, "States shall settle disputes by peaceful means.")
    assert [f.verdict for f in report.findings] == [Verdict.NOT_FOUND]
    assert report.counts() == {Verdict.NOT_FOUND: 1}


def test_a_word_the_corpus_never_uses_is_not_taken_for_a_connective():
    report = check_passage(
        INDEX,
        "Zorblat quux frobnicate wibble States should protect data centres and cloud "
        "services, consistent with international law.",
    )
    assert [(f.verdict, f.segment[:7]) for f in report.findings] == [
        (Verdict.AGREED_ALTERED, "Zorblat")
    ]


def _adopted(*texts: str):
    return build_index(
        [
            CorpusEntry("T/RES/3", str(n), SourceStatus.CONSENSUS, None, None, text)
            for n, text in enumerate(texts, start=1)
        ]
    )


def test_british_and_american_spellings_of_the_same_provision_are_agreed_verbatim():
    index = _adopted(
        "States should support the capacity-building programmes of regional organizations."
    )
    (found,) = check_passage(
        index, "States should support the capacity-building programmes of regional organisations."
    ).findings
    assert (found.verdict, found.added, found.omitted, found.similarity) == (
        Verdict.AGREED_VERBATIM,
        (),
        (),
        1.0,
    )


def test_two_neighbouring_qualifiers_dropped_together_are_named_as_one():
    index = _adopted(
        "States reaffirmed that voluntary, non-binding norms of responsible State behaviour "
        "reduce risks to international peace and security."
    )
    (found,) = check_passage(
        index,
        "States reaffirmed that norms of responsible State behaviour reduce risks to "
        "international peace and security.",
    ).findings
    assert found.verdict is Verdict.AGREED_ALTERED
    assert found.qualifiers_dropped == ("voluntary, non-binding",)
    assert found.omitted == ("voluntary, non-binding",)
    assert [a.value for a in found.alterations] == ["qualifier-dropped"]


def test_an_introduction_longer_than_twelve_words_is_an_addition_not_framing():
    found = _only(
        "After three years of negotiations in New York and Geneva, the Group concluded that "
        "States shall settle disputes arising from the use of ICTs by peaceful means."
    )
    assert (found.verdict, found.source and found.source.provision) == (
        Verdict.AGREED_ALTERED,
        "C5",
    )
    assert found.framing == ""
    assert found.added == (
        "After three years of negotiations in New York and Geneva, the Group concluded that",
    )
    assert [a.value for a in found.alterations] == ["wording-changed"]


def test_a_sentence_sharing_only_a_turn_of_phrase_with_a_provision_is_found_nowhere():
    found = _only("Our delegation has published its national security strategies.")
    assert (found.verdict, found.source, found.similarity) == (Verdict.NOT_FOUND, None, 0.0)
