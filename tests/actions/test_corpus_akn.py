"""An adopted resolution or decision in Akoma Ntoso as agreed language for the checker."""

from datetime import date
from pathlib import Path

import pytest
from tests.builders import assert_refused_without_trace

from accord.actions.corpus import import_corpus_akn
from accord.core.checker import check_passage
from accord.core.checker.corpus import SourceStatus
from accord.core.checker.errors import CorpusAlreadyImported, InvalidCorpus, LineProblem
from accord.documents.errors import InvalidAkomaNtoso, SchemaProblem
from accord.store import models, queries

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parents[1] / "documents" / "akn_elsewhere"


def _counts():
    return models.CorpusEntry.objects.count(), models.Event.objects.count()


def test_a_decision_becomes_agreed_language_with_its_symbol_labels_and_date(db):
    data = (FILES / "cop_decision.xml").read_bytes()
    assert import_corpus_akn(data, by=None, status="consensus", name="decision.xml") == 7
    rows = list(
        models.CorpusEntry.objects.order_by("line").values_list(
            "document", "provision", "status", "holder", "date", "line"
        )
    )
    assert rows == [
        ("CBD/COP/DEC/16/7", label, "consensus", "", date(2024, 10, 30), n)
        for n, label in enumerate(
            ["PP1", "PP2", "OP1", "OP2", "OP2(a)", "OP2(b)", "OPB.1"], start=1
        )
    ]
    pp2 = models.CorpusEntry.objects.get(provision="PP2")
    assert pp2.text == "Noting with appreciation the work of the subsidiary body on indicators,"
    event = models.Event.objects.get(kind="corpus.imported")
    assert (event.payload["name"], event.payload["format"], event.payload["entries"]) == (
        "decision.xml",
        "akn",
        7,
    )
    report = check_passage(
        queries.corpus_index(),
        "Invites Parties to report, in their national reports:",
    )
    source = report.findings[0].source
    assert (source.document, source.provision, source.status) == (
        "CBD/COP/DEC/16/7",
        "OP2",
        SourceStatus.CONSENSUS,
    )


def test_the_same_file_twice_is_refused(db):
    data = (FILES / "ga_resolution.xml").read_bytes()
    import_corpus_akn(data, by=None, status="vote")
    assert_refused_without_trace(
        CorpusAlreadyImported(models.CorpusEntry.objects.first().batch),
        _counts,
        lambda: import_corpus_akn(data, by=None, status="vote"),
    )


def test_a_national_view_needs_its_holder(db):
    data = (FILES / "ga_resolution.xml").read_bytes()
    refused = InvalidCorpus(
        tuple(LineProblem(n, "holder-required", "national-view") for n in range(1, 9))
    )
    assert_refused_without_trace(
        refused, _counts, lambda: import_corpus_akn(data, by=None, status="national-view")
    )


def test_a_file_that_breaks_the_schema_stores_nothing(db):
    data = (FILES / "year_only_date.xml").read_bytes()
    with pytest.raises(InvalidAkomaNtoso) as refused:
        import_corpus_akn(data, by=None, status="consensus")
    assert refused.value.problem == SchemaProblem.DATE
    assert _counts() == (0, 0)
