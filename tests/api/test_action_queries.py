"""What a proposal and a position cost the database through the API: every query an action
makes is paid by every delegation in a full room (`docs/performance.md`, "A full room"), so
the counts are held here; a change that adds a query must change them on purpose."""

import json

import pytest
import time_machine
from django.db import connection

from accord.actions.tokens import create_api_token
from accord.store import models

pytestmark = pytest.mark.django_db

BASE = "/api/v1/processes/wg/documents/report/versions/1"
MOMENT = "2026-06-01T09:00:00+00:00"

# The token, the second-factor rule of the process, the version, the accreditation (with how
# its delegation takes part and whether it holds mandates), the version still current and
# not adopted (and, in the same query, whether silence runs), the text, the row written and
# the event appended with the head moved (on SQLite two statements), inside the savepoint the
# test's transaction turns the action's transaction into. Before they were counted, a
# proposal made 17 queries here and a position 15 (on PostgreSQL; one more on SQLite).
PROPOSAL_QUERIES = 10
POSITION_QUERIES = 10


def _appending() -> int:
    return 0 if connection.vendor == "postgresql" else 1


@pytest.fixture
def bearer(negotiation):
    """The headers that carry a token of Brazil's."""
    _, secret = create_api_token(by=negotiation.brazil, name="Capital's drafting tool")
    return {"Authorization": f"Bearer {secret}"}


def _post(client, path, body, headers):
    return client.post(
        f"{BASE}/{path}", json.dumps(body), content_type="application/json", headers=headers
    )


def test_a_proposal_through_the_api_in_a_fixed_number_of_queries(
    client, negotiation, bearer, django_assert_num_queries
):
    with time_machine.travel(MOMENT, tick=False):
        # Reading the version uses the token, which is noted once a minute.
        assert client.get(BASE, headers=bearer).status_code == 200
        wording = "The voluntary, non-binding norms complement international law."
        with django_assert_num_queries(PROPOSAL_QUERIES + _appending()):
            response = _post(client, "proposals", {"provision": "p4", "wording": wording}, bearer)
    assert response.status_code == 201
    proposal = models.Proposal.objects.get()
    assert response.json()["id"] == proposal.pk
    assert (response.json()["delegation"], response.json()["wording"]) == ("BRA", wording)
    assert models.Event.objects.filter(subject=f"proposal:{proposal.pk}").count() == 1


def test_a_position_through_the_api_in_a_fixed_number_of_queries(
    client, negotiation, bearer, django_assert_num_queries
):
    with time_machine.travel(MOMENT, tick=False):
        # Reading the version uses the token, which is noted once a minute.
        assert client.get(BASE, headers=bearer).status_code == 200
        with django_assert_num_queries(POSITION_QUERIES + _appending()):
            response = _post(client, "positions", {"provision": "p4", "stance": "support"}, bearer)
    assert response.status_code == 201
    assert (response.json()["delegation"], response.json()["stance"]) == ("BRA", "support")
    assert models.Position.objects.get().delegation.code == "BRA"
    assert models.Event.objects.filter(kind="position.recorded").count() == 1
