"""The database cache writes many entries in one statement, and reads back what it wrote."""

import os
import re

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

from accord.store.cache import DatabaseCache, files_digest, release

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


def test_every_key_names_the_release_that_wrote_it(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "accord.store.cache.DatabaseCache",
            "LOCATION": "accord_cache",
            "KEY_FUNCTION": "accord.store.cache.release_key",
        }
    }
    call_command("createcachetable", verbosity=0)
    cache = caches.create_connection("default")
    cache.set_many({"page": "<p>kept</p>"}, 60)
    cache.set("one", 1, 60)
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM accord_cache ORDER BY cache_key")
        stored = [row[0] for row in cursor.fetchall()]
    assert stored == [f"{release()}::1:one", f"{release()}::1:page"]
    assert cache.get_many(["page", "one"]) == {"page": "<p>kept</p>", "one": 1}


def test_the_release_is_told_by_what_shapes_the_pages_not_by_when_it_was_written(tmp_path):
    (tmp_path / "web" / "templates").mkdir(parents=True)
    template = tmp_path / "web" / "templates" / "page.html"
    template.write_text("<p>{{ text }}</p>")
    (tmp_path / "views.py").write_text("PAGE = 1\n")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    first = files_digest(tmp_path)
    assert re.fullmatch(r"[0-9a-f]{16}", first)
    os.utime(template, (0, 0))
    (tmp_path / "logo.png").write_bytes(b"\x89PNG again")
    assert files_digest(tmp_path) == first
    template.write_text("<p class='new'>{{ text }}</p>")
    assert files_digest(tmp_path) != first
    template.write_text("<p>{{ text }}</p>")
    assert files_digest(tmp_path) == first
    (tmp_path / "web" / "templates" / "page.html").rename(tmp_path / "web" / "page.html")
    assert files_digest(tmp_path) != first
