"""The demo's agreed corpus parses, and partial quotes of it are judged by what they leave out."""

from importlib import resources

import pytest

from accord.core.checker import SourceStatus, build_index, check_passage, parse_corpus

DEMO = parse_corpus(
    resources.files("accord.demo").joinpath("agreed_corpus.jsonl").read_text("utf-8").splitlines()
)
INDEX = build_index(DEMO)


def test_the_demo_corpus_holds_a_report_a_chairs_summary_and_views():
    statuses = [e.status for e in DEMO]
    assert statuses.count(SourceStatus.CONSENSUS) == 30
    assert statuses.count(SourceStatus.CHAIRS_SUMMARY) == 6
    assert statuses.count(SourceStatus.NATIONAL_VIEW) == 5
    assert statuses.count(SourceStatus.PROPOSAL) == 2


@pytest.mark.parametrize(
    ("passage", "verdict", "provision", "dropped"),
    [
        # A qualifier two words beyond the quotation, on other words: a fair partial quote.
        (
            "The cumulative and evolving framework for responsible State behaviour in the use "
            "of ICTs.",
            "agreed-verbatim",
            "1",
            (),
        ),
        # A qualifier closing the clause far from the quoted opening: a fair partial quote.
        ("States recognized the contributions of stakeholders.", "agreed-verbatim", "29", ()),
        # A qualifier closing the clause right after the quotation bears on it.
        (
            "States should take appropriate measures to protect their critical infrastructure "
            "from ICT threats.",
            "agreed-altered",
            "9",
            ("taking into account national circumstances",),
        ),
        (
            "States should respond to appropriate requests for assistance by another State whose "
            "critical infrastructure is subject to malicious ICT acts.",
            "agreed-altered",
            "10",
            ("with due regard to the sovereignty of States",),
        ),
    ],
)
def test_partial_quotes_of_the_demo_report(passage, verdict, provision, dropped):
    (found,) = check_passage(INDEX, passage).findings
    assert found.source is not None
    assert (found.verdict.value, found.source.provision, found.qualifiers_dropped) == (
        verdict,
        provision,
        dropped,
    )
