"""Values kept for each position of the record: their keys, and a rendered part kept
compressed."""

import zlib

import pytest
from django.core.cache import cache
from django.db import connection

from accord.actions.proposals import submit_proposal
from accord.store import queries
from accord.store.cache import release

pytestmark = pytest.mark.django_db


def test_a_key_names_the_value_and_the_position_and_digests_what_it_varies_by():
    typed = "\x16" + "long filter " * 100
    key = queries.position_key("compilation", "12-abc", 7, typed)
    named = f"accord:{release()}:compilation:12-abc:"
    assert key.startswith(named)
    assert len(key) == len(named) + 64
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


def test_a_request_reads_the_position_once_and_again_after_it_writes(
    negotiation, django_assert_num_queries
):
    process = negotiation.process
    with queries.positions_remembered():
        with django_assert_num_queries(1):
            first = queries.record_position(process)
            assert queries.record_position(process) == first
        submit_proposal(
            negotiation.version, by=negotiation.brazil, provision_uid="p2", wording="Two."
        )
        # The write moved the record on: the position is read again, never the one before.
        with django_assert_num_queries(1):
            after = queries.record_position(process)
        assert after != first
        assert after == queries.record_position(process)
    with django_assert_num_queries(1):  # outside a request, every call reads the record
        assert queries.record_position(process) == after


def test_a_request_through_the_middleware_reads_the_position_once(client, negotiation):
    reads = []

    def counting(execute, sql, params, many, context):
        if "store_event" in sql and "ORDER BY" in sql and "DESC" in sql:
            reads.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        assert client.get("/p/wg/report/v1/status/").status_code == 200
    assert len(reads) == 1  # the statuses, the progress and the board's paragraphs all ask


def test_the_pieces_of_a_page_are_read_at_once_and_only_the_missing_ones_built():
    built = []

    def build(indices):
        built.append(list(indices))
        return [f"<p>{at}</p>".encode() for at in indices]

    keys = [queries.position_key("piece", str(at)) for at in range(5)]
    cache.set(keys[1], zlib.compress(b"<p>kept</p>"))
    pieces = list(queries.kept_texts(keys, build, [(0, 3), (3, 5)]))
    assert pieces == [b"<p>0</p>", b"<p>kept</p>", b"<p>2</p>", b"<p>3</p>", b"<p>4</p>"]
    assert built == [[0, 2], [3, 4]]
    assert list(queries.kept_texts(keys, build, [(0, 5)])) == pieces
    assert len(built) == 2
