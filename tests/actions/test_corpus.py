"""Importing a corpus file: every provision stored and one event, or nothing at all."""

import hashlib
import json

import pytest
from django.contrib.auth.models import User
from tests.builders import CORPUS_FILE

from accord.actions import corpus as corpus_actions
from accord.actions.corpus import import_corpus, import_corpus_once
from accord.core.checker.errors import (
    CorpusAlreadyImported,
    CorpusTooLarge,
    EmptyCorpus,
    InvalidCorpus,
    LineProblem,
)
from accord.core.errors import NotPermitted
from accord.store import models, queries
from accord.words.refusals import explain, explain_corpus_line

pytestmark = pytest.mark.django_db


def _counts():
    return models.CorpusEntry.objects.count(), models.Event.objects.count()


def test_a_file_is_stored_whole_with_one_event(db):
    data = CORPUS_FILE.read_bytes()
    events = models.Event.objects.count()
    assert import_corpus(data, by=None, name="corpus.jsonl") == 22
    digest = hashlib.sha256(data).hexdigest()
    rows = models.CorpusEntry.objects.order_by("id")
    assert rows.count() == 22
    first = rows.first()
    assert first is not None
    assert (first.document, first.provision, first.status, first.holder, first.line) == (
        "T/REP/1",
        "C1",
        "consensus",
        "",
        1,
    )
    assert set(rows.values_list("batch", flat=True)) == {digest}
    assert rows.get(provision="N1").holder == "Freedonia"
    (event,) = models.Event.objects.order_by("id")[events:]
    assert (event.kind, event.actor, event.process, event.subject) == (
        "corpus.imported",
        None,
        None,
        f"corpus:{digest[:16]}",
    )
    assert event.payload == {
        "name": "corpus.jsonl",
        "content_hash": digest,
        "entries": 22,
        "by_status": {
            "chairs-summary": 2,
            "consensus": 15,
            "national-view": 3,
            "proposal": 1,
            "vote": 1,
        },
        "by_language": {"en": 22},
    }
    assert queries.corpus_counts() == queries.CorpusCounts(
        consensus=15, vote=1, chairs_summary=2, national_view=3, proposal=1, languages=(("en", 22),)
    )
    assert queries.corpus_counts().total == 22


def _refused(data: bytes, expected: Exception, *, by: User | None = None) -> None:
    before = _counts()
    with pytest.raises(type(expected)) as raised:
        import_corpus(data, by=by)
    assert raised.value == expected
    assert _counts() == before


def test_a_file_with_bad_lines_is_refused_whole_naming_each_line(db):
    good = CORPUS_FILE.read_bytes()
    bad = good + b'{"document": "X"}\n' + json.dumps({"status": "rumour"}).encode() + b"\n"
    problems = (
        LineProblem(23, "missing-field", "provision"),
        LineProblem(24, "missing-field", "document"),
    )
    _refused(bad, InvalidCorpus(problems))
    assert explain(InvalidCorpus(problems)) == (
        "The corpus file has 2 invalid lines, the first on line 23; nothing from it was stored."
    )
    assert explain_corpus_line(23, "missing-field", "provision") == (
        "Line 23: the field “provision” is missing."
    )


def test_other_bad_files_are_refused_and_store_nothing(db, monkeypatch):
    _refused(b"\n\n", EmptyCorpus())
    _refused(b'{"text": "caf\xe9"}\n', InvalidCorpus((LineProblem(1, "not-utf8"),)))
    monkeypatch.setattr(corpus_actions, "SIZE_LIMIT", 10)
    _refused(b"x" * 11, CorpusTooLarge(11, 10))


def test_the_same_file_twice_is_refused_and_import_once_skips_it(corpus):
    data = CORPUS_FILE.read_bytes()
    _refused(data, CorpusAlreadyImported(hashlib.sha256(data).hexdigest()))
    before = _counts()
    assert import_corpus_once(data, by=None, name="another-name.jsonl") == 0
    assert import_corpus_once(data + b"\n", by=None, name="corpus.jsonl") == 0
    assert _counts() == before
    assert import_corpus_once(data + b"\n", by=None, name="another-name.jsonl") == 22


def test_only_staff_or_the_instance_import(db):
    someone = User.objects.create(username="reader")
    _refused(CORPUS_FILE.read_bytes(), NotPermitted("not-secretariat"), by=someone)
    staff = User.objects.create(username="admin", is_staff=True)
    assert import_corpus(CORPUS_FILE.read_bytes(), by=staff) == 22
    assert models.Event.objects.filter(kind="corpus.imported", actor=staff).count() == 1


def test_the_index_is_rebuilt_when_the_corpus_changes(corpus, django_assert_num_queries):
    with django_assert_num_queries(2):
        first = queries.corpus_index()
    with django_assert_num_queries(1):
        assert queries.corpus_index() is first
    extra = b'{"document": "D", "provision": "1", "status": "consensus", "holder": null, '
    extra += b'"date": null, "text": "States should keep the peace in the ICT environment."}\n'
    import_corpus(extra, by=None)
    assert len(queries.corpus_index()) == 23
