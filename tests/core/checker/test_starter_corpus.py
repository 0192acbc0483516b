"""The starter corpus shipped with accord parses, and every line has its public source."""

import json
from importlib import resources

from accord.core.checker import SourceStatus, build_index, check_passage, parse_corpus
from accord.data.starter import starter_corpus_bytes

ENTRIES = parse_corpus(starter_corpus_bytes().decode("utf-8").splitlines())
SOURCES = [
    json.loads(line)
    for line in resources.files("accord.data")
    .joinpath("agreed_language.sources.jsonl")
    .read_text("utf-8")
    .splitlines()
]


def test_every_line_names_its_symbol_paragraph_and_public_source():
    assert [(s["document"], s["provision"]) for s in SOURCES] == [
        (e.document, e.provision) for e in ENTRIES
    ]
    assert all(s["url"].startswith("https://") for s in SOURCES)
    assert len({(e.document, e.provision) for e in ENTRIES}) == len(ENTRIES)


def test_it_holds_the_2015_norms_and_the_2021_report():
    held = {(e.document, e.provision) for e in ENTRIES}
    assert {("A/70/174", f"13({n})") for n in "abcdefghijk"} <= held
    assert {("A/75/816", "1"), ("A/75/816", "2")} <= held
    views = {(e.document, e.holder) for e in ENTRIES if e.status is SourceStatus.NATIONAL_VIEW}
    assert views == {
        ("A/69/112", "Australia"),
        ("A/76/136", "Australia"),
        ("A/76/136", "Estonia"),
        ("A/76/136", "Japan"),
        ("A/76/136", "Singapore"),
        ("A/76/136", "United Kingdom"),
        ("Germany (2021), position paper", "Germany"),
        ("United Kingdom (2019), non-paper on norms", "United Kingdom"),
        ("United States (2016), national position", "United States"),
    }
    documents = {e.document for e in ENTRIES if e.status is SourceStatus.CONSENSUS}
    assert documents == {
        "A/65/201",
        "A/68/98",
        "A/70/174",
        "A/75/816",
        "A/76/135",
        "A/77/275",
        "A/AC.292/2025/CRP.1",
        "A/RES/70/125",
    }
    assert {e.status for e in ENTRIES} == {SourceStatus.CONSENSUS, SourceStatus.NATIONAL_VIEW}


def test_a_norm_quoted_exactly_is_found_and_a_cut_qualifier_is_not_missed():
    index = build_index(ENTRIES)
    passage = (
        "States should not knowingly allow their territory to be used for internationally "
        "wrongful acts using ICTs."
    )
    (found,) = check_passage(index, passage).findings
    assert (found.verdict.value, found.source.provision) == ("agreed-verbatim", "13(c)")
    cut = (
        "States should take appropriate measures to protect their critical infrastructure "
        "from ICT threats."
    )
    (found,) = check_passage(index, cut).findings
    assert (found.verdict.value, found.source.provision) == ("agreed-altered", "13(g)")
    assert found.qualifiers_dropped == (
        "taking into account General Assembly resolution 58/199 on the creation",
    )
