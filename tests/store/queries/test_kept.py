"""Values kept for each position of the record: their keys, and a rendered part kept
compressed."""

import zlib

import pytest
from django.core.cache import cache

from accord.store import queries

pytestmark = pytest.mark.django_db


def test_a_key_names_the_value_and_the_position_and_digests_what_it_varies_by():
    typed = "\x16" + "long filter " * 100
    key = queries.position_key("compilation", "12-abc", 7, typed)
    assert key.startswith("accord:compilation:12-abc:")
    assert len(key) == len("accord:compilation:12-abc:") + 64
    assert key != queries.position_key("compilation", "12-abc", 7, "")
    assert key != queries.position_key("compilation", "13-abd", 7, typed)
    # Parts told apart, not run together.
    assert queries.position_key("n", "1", "ab", "") != queries.position_key("n", "1", "a", "b")


def test_a_rendered_part_is_built_once_and_kept_compressed():
    made = []

    def build() -> bytes:
        made.append(1)
        return b"<p>part</p>" * 1000

    key = queries.position_key("page", "1-a", "part")
    assert queries.kept_text(key, build) == b"<p>part</p>" * 1000
    assert queries.kept_text(key, build) == b"<p>part</p>" * 1000
    assert made == [1]
    assert zlib.decompress(cache.get(key)) == b"<p>part</p>" * 1000
    assert len(cache.get(key)) < 200
