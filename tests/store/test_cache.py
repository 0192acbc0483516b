"""The database cache writes many entries in one statement, and reads back what it wrote."""

import importlib
import os
import re

import pytest
from django.core.management import call_command

from accord.store import queries
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


# The module, not the function `queries.kept` it is named after.
kept_module = importlib.import_module("accord.store.queries.kept")


def test_what_the_pages_keep_is_named_by_the_release_that_kept_it(monkeypatch):
    assert re.fullmatch(r"[0-9a-f]{16}", release())
    assert queries.position_key("page", "3-ab", "en").startswith(f"accord:{release()}:page:3-ab:")
    assert queries.digest_key("entry", "d1") == f"accord:{release()}:entry:d1"
    built: list[str] = []

    def build() -> str:
        built.append(kept_module.release())
        return f"<p>set by {built[-1]}</p>"

    def page() -> str:
        return kept_module.kept(kept_module.position_key("page", "3-ab"), build)

    assert page() == page() == f"<p>set by {release()}</p>"
    # An upgrade: the next release never reads what the one before it kept.
    monkeypatch.setattr(kept_module, "release", lambda: "0123456789abcdef")
    assert page() == page() == "<p>set by 0123456789abcdef</p>"
    assert built == [release(), "0123456789abcdef"]


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
