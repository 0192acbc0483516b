import json

import pytest
from asgiref.sync import async_to_sync
from django.test import AsyncClient

from accord.actions.proposals import submit_proposal
from accord.store import models

pytestmark = pytest.mark.django_db


def _read(client: AsyncClient, path: str, **headers) -> list[dict]:
    return async_to_sync(_aread)(client, path, **headers)


async def _aread(client: AsyncClient, path: str, **headers) -> list[dict]:
    response = await client.get(path, headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/event-stream"
    text = "".join([chunk.decode() async for chunk in response.streaming_content])
    messages = []
    for block in filter(None, text.split("\n\n")):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        messages.append(
            {"id": int(fields["id"]), "event": fields["event"], "data": json.loads(fields["data"])}
        )
    return messages


@pytest.fixture
def proposed(negotiation):
    submit_proposal(
        negotiation.version,
        by=negotiation.brazil,
        provision_uid="p4",
        wording="The norms complement international law.",
    )
    return negotiation


def test_the_stream_sends_the_record_in_order_and_resumes(proposed):
    count = models.Event.objects.count()
    messages = _read(AsyncClient(), "/api/v1/events?follow=false")
    assert [m["id"] for m in messages] == list(range(1, count + 1))
    assert messages[-1]["event"] == "proposal.submitted"
    assert messages[-1]["data"]["delegation"] == "BRA"
    resumed = _read(
        AsyncClient(), "/api/v1/events?follow=false", **{"Last-Event-ID": str(count - 1)}
    )
    assert [m["id"] for m in resumed] == [count]


def test_a_private_process_streams_sealed_to_outsiders_and_whole_to_insiders(db):
    from tests.builders import make_negotiation

    n = make_negotiation(is_public=False)
    # The whole stream carries the sealed events, as the published log does; asking for the
    # process by name is for those who may see it (tests/security/test_api_edges.py).
    outsider = _read(AsyncClient(), "/api/v1/events?follow=false")
    published = next(m for m in outsider if m["event"] == "draft.published")
    assert set(published["data"]) == {"seq", "kind", "occurred_at", "visibility", "commitment"}
    insider_client = AsyncClient()
    async_to_sync(insider_client.aforce_login)(n.brazil)
    insider = _read(insider_client, "/api/v1/events?follow=false&process=wg")
    whole = next(m for m in insider if m["event"] == "draft.published")
    assert whole["data"]["payload"]["document"] == "report"
