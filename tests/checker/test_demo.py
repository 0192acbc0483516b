"""The demo loads its agreed corpus once, through the import action."""

import pytest

from accord.demo import load_demo
from accord.store import models

pytestmark = pytest.mark.django_db


def test_the_demo_loads_its_corpus_once():
    load_demo()
    counts = dict(
        models.CorpusEntry.objects.values_list("status").annotate(n=models.models.Count("id"))
    )
    assert counts["consensus"] == 30
    assert counts["chairs-summary"] == 6
    assert counts["national-view"] >= 4
    assert counts["proposal"] >= 2
    assert models.Event.objects.filter(kind="corpus.imported").count() == 1
    total = models.CorpusEntry.objects.count()
    load_demo()
    assert models.CorpusEntry.objects.count() == total
    assert models.Event.objects.filter(kind="corpus.imported").count() == 1
