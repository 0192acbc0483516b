"""Reading the JSON Lines corpus format: every bad line named, nothing half-read."""

import datetime as dt
import json

import pytest

from accord.core.checker import CorpusEntry, SourceStatus, content_hash, parse_corpus
from accord.core.checker.corpus import entry_json
from accord.core.checker.errors import (
    CorpusAlreadyImported,
    CorpusTooLarge,
    EmptyCorpus,
    InvalidCorpus,
    LineProblem,
)

GOOD = {
    "document": "T/REP/1",
    "provision": "3(a)",
    "status": "consensus",
    "holder": None,
    "date": "2024-03-01",
    "text": "States  should cooperate\nclosely.",
}


def _line(**changes: object) -> str:
    return json.dumps({**GOOD, **changes})


def test_a_good_file_gives_its_entries_with_white_space_tidied():
    entries = parse_corpus(
        [
            _line(),
            "",
            _line(status="national-view", holder="Freedonia", provision=7, date=None),
        ]
    )
    assert entries == (
        CorpusEntry(
            "T/REP/1",
            "3(a)",
            SourceStatus.CONSENSUS,
            None,
            dt.date(2024, 3, 1),
            "States should cooperate closely.",
        ),
        CorpusEntry(
            "T/REP/1",
            "7",
            SourceStatus.NATIONAL_VIEW,
            "Freedonia",
            None,
            "States should cooperate closely.",
        ),
    )
    assert parse_corpus([entry_json(entries[1])]) == entries[1:]


def test_every_bad_line_is_reported_with_its_number_and_reason():
    lines = [
        _line(),
        "{not json",
        "[1, 2]",
        json.dumps({k: v for k, v in GOOD.items() if k != "status"}),
        _line(colour="blue"),
        _line(text=12),
        _line(document="  "),
        _line(status="agreed"),
        _line(status="proposal"),
        _line(holder="Freedonia"),
        _line(date="12 March 2024"),
        _line(text="x" * 20_001),
        _line(holder=5),
    ]
    with pytest.raises(InvalidCorpus) as raised:
        parse_corpus(lines)
    assert raised.value.problems == (
        LineProblem(2, "not-json", "Expecting property name enclosed in double quotes"),
        LineProblem(3, "not-an-object"),
        LineProblem(4, "missing-field", "status"),
        LineProblem(5, "unknown-field", "colour"),
        LineProblem(6, "not-text", "text"),
        LineProblem(7, "empty-field", "document"),
        LineProblem(8, "bad-status", "agreed"),
        LineProblem(9, "holder-required", "proposal"),
        LineProblem(10, "holder-not-allowed", "consensus"),
        LineProblem(11, "bad-date", "12 March 2024"),
        LineProblem(12, "too-long", "text"),
        LineProblem(13, "not-text", "holder"),
    )
    assert raised.value.params() == {"count": 12, "first": 2}


def test_a_file_without_entries_is_refused():
    with pytest.raises(EmptyCorpus) as raised:
        parse_corpus(["", "   "])
    assert raised.value.params() == {}


def test_a_label_longer_than_the_limit_is_refused_and_one_at_the_limit_kept():
    lines = [
        _line(document="A" * 301),
        _line(provision="1" * 301),
        _line(status="national-view", holder="F" * 301),
        _line(document="A" * 300, provision="1" * 300),
    ]
    with pytest.raises(InvalidCorpus) as raised:
        parse_corpus(lines)
    assert raised.value.problems == (
        LineProblem(1, "too-long", "document"),
        LineProblem(2, "too-long", "provision"),
        LineProblem(3, "too-long", "holder"),
    )


def test_a_file_is_known_by_the_sha256_of_its_bytes():
    digest = content_hash(b'{"document": "T/REP/1"}\n')
    assert digest == "ef839f6ef2f1dd6175066638b79637e31e3025e70d05399850fe5a34fa9d7ac7"
    assert CorpusAlreadyImported(digest).params() == {"content_hash": digest}


def test_a_file_too_large_is_refused_with_its_size_and_the_limit():
    refusal = CorpusTooLarge(5_000_001, 5_000_000)
    assert (refusal.code, refusal.params()) == (
        "corpus-too-large",
        {"size": 5_000_001, "limit": 5_000_000},
    )
