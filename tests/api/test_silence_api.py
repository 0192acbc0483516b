import json
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from tests.builders import make_user

from accord.actions.silence import close_due_silence_procedures, launch_silence
from accord.actions.stakeholders import propose_stakeholder
from accord.store import models

pytestmark = pytest.mark.django_db

BASE = "/api/v1/processes/wg"
LAUNCH = f"{BASE}/documents/report/versions/1/silence-procedures"


def _post(client, url, body, **headers):
    return client.post(url, json.dumps(body), content_type="application/json", headers=headers)


def _deadline(hours=80):
    return (timezone.now() + timedelta(hours=hours)).replace(microsecond=0)


def test_the_chair_launches_with_if_match_and_everyone_reads_it(client, negotiation):
    client.force_login(negotiation.chair)
    deadline = _deadline()
    stale = _post(client, LAUNCH, {"deadline": deadline.isoformat()}, if_match='"other"')
    assert stale.status_code == 412
    assert models.SilenceProcedure.objects.count() == 0
    etag = client.get(f"{BASE}/documents/report/versions/1")["ETag"]
    created = _post(client, LAUNCH, {"deadline": deadline.isoformat()}, if_match=etag)
    assert created.status_code == 201
    procedure = models.SilenceProcedure.objects.get()
    body = created.json()
    assert body == {
        "id": procedure.pk,
        "document": "report",
        "version": 1,
        "content_hash": negotiation.version.content_hash,
        "launched_at": body["launched_at"],
        "deadline": deadline.isoformat(),
        "closed_at": None,
        "outcome": None,
        "breaks": [],
    }
    client.logout()
    assert client.get(f"{BASE}/silence-procedures/{procedure.pk}").json() == body
    listed = client.get(f"{BASE}/silence-procedures").json()
    assert listed == {"items": [body], "next": None}


def test_a_short_deadline_and_a_second_procedure_are_refused(client, negotiation):
    client.force_login(negotiation.chair)
    short = _post(client, LAUNCH, {"deadline": _deadline(10).isoformat()})
    assert (short.status_code, short.json()["title"]) == (422, "deadline-too-short")
    naive = _post(client, LAUNCH, {"deadline": _deadline().replace(tzinfo=None).isoformat()})
    assert naive.status_code == 201
    second = _post(client, LAUNCH, {"deadline": _deadline(100).isoformat()})
    assert (second.status_code, second.json()["title"]) == (422, "silence-already-open")
    assert models.SilenceProcedure.objects.count() == 1
    far = datetime(9999, 12, 31, 23, 0, tzinfo=UTC).isoformat().replace("+00:00", "-20:00")
    assert _post(client, LAUNCH, {"deadline": far}).status_code == 422


@pytest.mark.parametrize("who", ["brazil", "secretariat"])
def test_only_the_chair_launches(client, negotiation, who):
    client.force_login(getattr(negotiation, who))
    refused = _post(client, LAUNCH, {"deadline": _deadline().isoformat()})
    assert (refused.status_code, refused.json()["title"]) == (403, "not-permitted")
    assert models.SilenceProcedure.objects.count() == 0


def test_a_member_breaks_silence_and_the_outcome_names_it(client, negotiation):
    procedure = launch_silence(negotiation.version, by=negotiation.chair, deadline=_deadline())
    url = f"{BASE}/silence-procedures/{procedure.pk}/breaks"
    client.force_login(negotiation.holy_see)
    observer = _post(client, url, {"letter": "No.", "provisions": ["p2"]})
    assert observer.status_code == 403
    client.force_login(negotiation.brazil)
    none_named = _post(client, url, {"letter": "No.", "provisions": []})
    assert (none_named.status_code, none_named.json()["title"]) == (422, "no-provisions-named")
    unknown = _post(client, url, {"letter": "No.", "provisions": ["p99"]})
    assert unknown.status_code == 404
    assert models.SilenceBreak.objects.count() == 0
    broken = _post(client, url, {"letter": "Brazil objects.", "provisions": ["p2", "p4"]})
    assert broken.status_code == 201
    assert {k: broken.json()[k] for k in ("delegation", "letter", "provisions")} == {
        "delegation": "BRA",
        "letter": "Brazil objects.",
        "provisions": ["p2", "p4"],
    }
    close_due_silence_procedures(procedure.deadline)
    body = client.get(f"{BASE}/silence-procedures/{procedure.pk}").json()
    assert (body["outcome"], [b["delegation"] for b in body["breaks"]]) == ("broken", ["BRA"])
    late = _post(client, url, {"letter": "Again.", "provisions": ["p2"]})
    assert (late.status_code, late.json()["title"]) == (422, "deadline-passed")


def test_lists_page_with_a_cursor(client, negotiation):
    for _ in range(3):
        procedure = launch_silence(negotiation.version, by=negotiation.chair, deadline=_deadline())
        models.SilenceProcedure.objects.filter(pk=procedure.pk).update(
            closed_at=timezone.now(), outcome="broken"
        )
    first = client.get(f"{BASE}/silence-procedures?limit=2").json()
    assert len(first["items"]) == 2
    rest = client.get(f"{BASE}/silence-procedures?limit=2&cursor={first['next']}").json()
    assert (len(rest["items"]), rest["next"]) == (1, None)
    assert client.get(f"{BASE}/silence-procedures/999").status_code == 404


def test_stakeholder_requests_listed_and_objected_to(client, negotiation):
    request = propose_stakeholder(
        negotiation.process,
        by=negotiation.secretariat,
        organisation="Digital Rights Watch",
        user=make_user("drw"),
        deadline=_deadline(),
    )
    url = f"{BASE}/stakeholder-requests/{request.pk}/objections"
    client.force_login(negotiation.stakeholder)
    assert _post(client, url, {"reason": "No."}).status_code == 403
    client.force_login(negotiation.germany)
    assert _post(client, url, {"reason": " "}).status_code == 422
    assert (
        _post(client, f"{BASE}/stakeholder-requests/999/objections", {"reason": "No."}).status_code
        == 404
    )
    objected = _post(client, url, {"reason": "Not neutral."})
    assert objected.status_code == 201
    assert {k: objected.json()[k] for k in ("delegation", "reason")} == {
        "delegation": "DEU",
        "reason": "Not neutral.",
    }
    listed = client.get(f"{BASE}/stakeholder-requests").json()
    assert listed["next"] is None
    item = listed["items"][0]
    assert (item["organisation"], item["user"], item["accredited"]) == (
        "Digital Rights Watch",
        "drw",
        None,
    )
    assert [o["delegation"] for o in item["objections"]] == ["DEU"]
