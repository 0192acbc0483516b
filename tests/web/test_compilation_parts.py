"""A large compilation opens on its first part, with the parts to go to and the whole one
click away; the cached compilation follows the record."""

import re

import pytest
from asgiref.sync import async_to_sync
from django.core.cache import cache
from django.test import AsyncClient

from accord.actions.proposals import submit_proposal, withdraw_proposal
from accord.store import queries

pytestmark = pytest.mark.django_db

PAGE = "/p/wg/report/v1/compilation/"


def _html(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def _ids(response):
    return re.findall(r'id="proposal-(\d+)"', _html(response))


def _text(response):
    return re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", _html(response)))
    ).strip()


@pytest.fixture
def large(negotiation):
    """205 proposals: 150 by Brazil on paragraph 2, 55 by Germany on paragraph 4."""
    for i in range(150):
        submit_proposal(
            negotiation.version, by=negotiation.brazil, provision_uid="p2", wording=f"Two {i}."
        )
    for i in range(55):
        submit_proposal(
            negotiation.version, by=negotiation.germany, provision_uid="p4", wording=f"Four {i}."
        )
    return negotiation


def test_a_large_compilation_opens_on_its_first_part(client, large):
    page = client.get(PAGE)
    text = _text(page)
    assert "205 proposals on this version." in text
    assert "Part 1 of 2 is shown." in text
    assert "Paragraphs 1\N{EN DASH}3(b) (150 proposals) Paragraph 4 (55 proposals)" in text
    assert len(_ids(page)) == 150
    second = client.get(PAGE, {"part": "2"})
    assert len(_ids(second)) == 55
    assert "Part 2 of 2 is shown." in _text(second)
    assert set(_ids(page)).isdisjoint(_ids(second))
    html = page.content.decode()
    assert f'href="{PAGE}?all=1" class="show-all"' in html
    assert f'href="{PAGE}?part=2"' in html


def test_show_all_gives_the_whole_compilation_and_a_wrong_part_the_first(client, large):
    whole = _html(client.get(PAGE, {"all": "1"}))
    assert len(re.findall(r'id="proposal-(\d+)"', whole)) == 205
    assert "The whole compilation is shown." in whole
    assert _ids(client.get(PAGE, {"part": "9"})) == _ids(client.get(PAGE, {"part": "x"}))
    assert len(_ids(client.get(PAGE, {"part": "9"}))) == 150


def test_a_filter_is_kept_in_the_links_to_parts_and_to_the_whole(client, large):
    page = client.get(PAGE, {"status": "open"})
    html = page.content.decode()
    assert f'href="{PAGE}?status=open&amp;all=1"' in html
    assert f'href="{PAGE}?status=open&amp;part=2"' in html
    assert "205 proposals match." in _text(page)
    by_germany = client.get(PAGE, {"delegation": "DEU"})
    assert len(_ids(by_germany)) == 55
    assert "Part 1 of" not in _text(by_germany)


def test_the_cached_compilation_follows_the_record(client, negotiation):
    assert _ids(client.get(PAGE)) == []
    made = submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", wording="Two again."
    )
    assert _ids(client.get(PAGE)) == [str(made.pk)]
    withdraw_proposal(made, by=negotiation.brazil)
    page = client.get(PAGE)
    assert "Brazil withdrawn" in _text(page)


def test_the_whole_compilation_is_streamed(client, large):
    whole = client.get(PAGE, {"all": "1"})
    assert whole.streaming
    chunks = list(whole.streaming_content)
    # The page's head first, then each entry as it is set or read back, then the page's end.
    assert chunks[0].decode().rstrip().endswith('<article class="document compilation">')
    assert chunks[-1].decode().lstrip().startswith("</article>")
    assert len(chunks) > 3
    assert len(re.findall(rb'id="proposal-(\d+)"', b"".join(chunks))) == 205


def test_entries_evicted_from_the_cache_are_compiled_again(client, large):
    first = _ids(client.get(PAGE))
    text = queries.version_value(large.version)
    wanted = queries.CompilationFilter()
    outline = queries.compilation_outline(large.version, text, wanted, budget=200)
    evicted = [queries.digest_key("entry", e.digest) for e in outline.entries]
    assert all(cache.get(key) for key in evicted)
    cache.delete_many(evicted)
    # The whole compilation, not set yet past its first part, reads the entries of the
    # second: they are compiled and kept again.
    assert _ids(client.get(PAGE, {"all": "1"}))[: len(first)] == first
    assert cache.get(evicted[-1]) is not None
    assert len(_ids(client.get(PAGE, {"all": "1"}))) == 205


def test_the_whole_compilation_streams_through_asgi_as_it_comes(large):
    """Django reads a synchronous iterator to its end before serving it through ASGI: there
    the page is an asynchronous one, each chunk taken in turn."""

    async def read() -> tuple[bool, list[bytes]]:
        answer = await AsyncClient().get(PAGE, {"all": "1"})
        chunks = [chunk async for chunk in answer.streaming_content]
        return answer.is_async, chunks

    is_async, chunks = async_to_sync(read)()
    assert is_async
    assert len(chunks) > 3
    assert len(re.findall(rb'id="proposal-(\d+)"', b"".join(chunks))) == 205
