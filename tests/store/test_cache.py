"""The database cache writes many entries in one statement, and reads back what it wrote."""

import pytest
from django.core.management import call_command

from accord.store.cache import DatabaseCache

pytestmark = pytest.mark.django_db


def test_many_entries_are_written_in_one_statement_and_replaced(
    settings, django_assert_num_queries
):
    settings.CACHES = {
        "default": {"BACKEND": "accord.store.cache.DatabaseCache", "LOCATION": "accord_cache"}
    }
    call_command("createcachetable", verbosity=0)
    cache = DatabaseCache("accord_cache", {})
    values = {f"entry-{n}": {"n": n, "html": b"<p>" * n} for n in range(50)}
    with django_assert_num_queries(1):
        assert cache.set_many(values, 60) == []
    assert cache.get_many(list(values)) == values
    with django_assert_num_queries(1):
        cache.set_many({"entry-3": "again", "entry-60": 60}, 60)
    assert cache.get_many(["entry-2", "entry-3", "entry-60"]) == {
        "entry-2": values["entry-2"],
        "entry-3": "again",
        "entry-60": 60,
    }
    with django_assert_num_queries(0):
        assert cache.set_many({}) == []
    cache.set_many({"gone": 1}, -1)  # expired as soon as it is written
    assert cache.get("gone") is None
    cache.set_many({"kept": 1}, None)  # never expires
    assert cache.get("kept") == 1
