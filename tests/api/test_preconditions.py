"""Grave writes need If-Match: adoption by consensus and by vote, issuing a revision,
launching a silence procedure and the Chair's status marks. Without it they are refused with
428 and store nothing; with the ETag the client read they are taken; with another, 412."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from tests.builders import DRAFT

from accord.store import models

pytestmark = pytest.mark.django_db

DOCUMENT = "/api/v1/processes/wg/documents/report"
V1 = f"{DOCUMENT}/versions/1"


def _state():
    return tuple(
        m.objects.count()
        for m in (
            models.Adoption,
            models.RecordedVote,
            models.Version,
            models.SilenceProcedure,
            models.StatusMark,
            models.Event,
        )
    )


def _grave_acts():
    deadline = (timezone.now() + timedelta(hours=80)).replace(microsecond=0).isoformat()
    return {
        "adoption": (f"{V1}/adoptions", {"confirm": True}),
        "vote": (f"{V1}/votes", {"ballots": {"BRA": "yes", "DEU": "yes"}, "confirm": True}),
        "revision": (
            f"{DOCUMENT}/revisions",
            {"text": DRAFT.replace("three", "four"), "label": "Rev.1"},
        ),
        "silence": (f"{V1}/silence-procedures", {"deadline": deadline}),
        "status mark": (f"{V1}/status-marks", {"provision": "p4", "kind": "agreed"}),
    }


def _post(client, path, body, **headers):
    return client.post(path, json.dumps(body), content_type="application/json", headers=headers)


@pytest.mark.parametrize("act", ["adoption", "vote", "revision", "silence", "status mark"])
def test_a_grave_write_without_if_match_is_refused_with_428_and_stores_nothing(
    client, negotiation, act
):
    if act == "vote":
        negotiation.process.decision_rule = "vote-simple-majority"
        negotiation.process.save()
    client.force_login(negotiation.chair)
    path, body = _grave_acts()[act]
    before = _state()
    refused = _post(client, path, body)
    assert (refused.status_code, refused["Content-Type"]) == (428, "application/problem+json")
    assert refused.json() == {
        "type": "urn:accord:problem:precondition-required",
        "title": "precondition-required",
        "status": 428,
        "detail": "Send the ETag of the version you read as If-Match: this act needs to know "
        "which text it acts on.",
    }
    assert _state() == before
    stale = _post(client, path, body, **{"If-Match": '"not-what-you-read"'})
    assert (stale.status_code, stale.json()["title"]) == (412, "precondition-failed")
    assert _state() == before
    taken = _post(client, path, body, **{"If-Match": client.get(V1)["ETag"]})
    assert taken.status_code == 201, taken.content
    assert _state()[-1] == before[-1] + 1


def test_a_proposal_may_still_be_made_without_if_match(client, negotiation):
    client.force_login(negotiation.brazil)
    made = _post(client, f"{V1}/proposals", {"provision": "p4", "wording": "Other words."})
    assert made.status_code == 201


def test_the_contract_says_which_writes_need_if_match(client):
    document = client.get("/api/v1/openapi.json").json()
    required, optional = set(), set()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "If-Match":
                    name = f"{method.upper()} {path.removeprefix('/api/v1')}"
                    (required if parameter["required"] else optional).add(name)
                    assert "412" in operation["responses"]
                    assert ("428" in operation["responses"]) is parameter["required"]
    version = "/processes/{process}/documents/{document}/versions/{number}"
    assert required == {
        f"POST {version}/adoptions",
        f"POST {version}/votes",
        f"POST {version}/silence-procedures",
        f"POST {version}/status-marks",
        "POST /processes/{process}/documents/{document}/revisions",
    }
    assert optional == {f"POST {version}/proposals", f"POST {version}/move-to-summary"}
