import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone
from tests.builders import DRAFT, make_user

from accord.actions.revisions import issue_revision
from accord.actions.silence import close_due_silence_procedures, launch_silence
from accord.actions.stakeholders import propose_stakeholder
from accord.store import models

pytestmark = pytest.mark.django_db

BASE = "/api/v1/processes/wg"
LAUNCH = f"{BASE}/documents/report/versions/1/silence-procedures"


def _post(client, url, body, **headers):
    """A launch or an adoption sends the ETag of the version it read, unless a test names
    one; a letter breaking silence sends none."""
    if url.endswith(("/silence-procedures", "/adoptions")) and "if_match" not in headers:
        version = url.split("/silence-procedures")[0].split("/adoptions")[0]
        headers["if_match"] = client.get(version)["ETag"]
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
        "state": "running",
        "closed_at": None,
        "reason": None,
        "superseded_by": None,
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


def test_no_silence_procedure_where_the_rules_decide_by_consensus_alone(client, negotiation):
    models.Process.objects.filter(pk=negotiation.process.pk).update(decision_rule="consensus")
    client.force_login(negotiation.chair)
    events = models.Event.objects.count()
    refused = _post(client, LAUNCH, {"deadline": _deadline().isoformat()})
    assert (refused.status_code, refused.json()["title"], refused.json()["detail"]) == (
        409,
        "silence-not-allowed",
        "The rules of procedure of this process do not provide for adopting a text under a "
        "silence procedure; only a process deciding by consensus or silence procedure may.",
    )
    assert (models.SilenceProcedure.objects.count(), models.Event.objects.count()) == (0, events)


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
    assert (body["state"], [b["delegation"] for b in body["breaks"]]) == ("broken", ["BRA"])
    late = _post(client, url, {"letter": "Again.", "provisions": ["p2"]})
    assert (late.status_code, late.json()["title"]) == (409, "silence-closed")


def test_lists_page_with_a_cursor(client, negotiation):
    for _ in range(3):
        procedure = launch_silence(negotiation.version, by=negotiation.chair, deadline=_deadline())
        models.SilenceProcedure.objects.filter(pk=procedure.pk).update(
            closed_at=timezone.now(), state="broken"
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


# The lifecycle through the API, at fixed moments.

LAUNCHED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LATER = LAUNCHED + timedelta(days=1)
REV1 = DRAFT.replace("three substantive sessions", "four substantive sessions")


def _launch_at_fixed_time(negotiation):
    with time_machine.travel(LAUNCHED, tick=False):
        return launch_silence(
            negotiation.version, by=negotiation.chair, deadline=LAUNCHED + timedelta(days=3)
        )


def _traces():
    return (
        list(models.SilenceProcedure.objects.values_list("state", "closed_at", "reason")),
        models.SilenceBreak.objects.count(),
        models.Proposal.objects.count(),
        models.Event.objects.count(),
    )


def _refused(response, status, code, detail):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert (response.json()["title"], response.json()["detail"]) == (code, detail)


def _supersede(client, negotiation):
    issue_revision(negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1")


def _adopt(client, negotiation):
    client.force_login(negotiation.chair)
    adopted = _post(client, f"{BASE}/documents/report/versions/1/adoptions", {"confirm": True})
    assert adopted.status_code == 201


@pytest.mark.parametrize(
    ("close", "closed", "code", "sentence"),
    [
        (
            _supersede,
            {"state": "superseded", "superseded_by": 2},
            "silence-superseded",
            "A revision of report was issued: this silence procedure was superseded then and "
            "is closed; silence can no longer be broken on it.",
        ),
        (
            _adopt,
            {"state": "closed-by-adoption", "superseded_by": None},
            "silence-closed-by-adoption",
            "report was adopted: this silence procedure closed then, and silence can no longer "
            "be broken on it.",
        ),
    ],
    ids=["superseded", "adopted"],
)
@time_machine.travel(LATER, tick=False)
def test_a_procedure_closed_otherwise_reads_so_and_refuses_a_letter(
    client, negotiation, close, closed, code, sentence
):
    procedure = _launch_at_fixed_time(negotiation)
    close(client, negotiation)
    body = client.get(f"{BASE}/silence-procedures/{procedure.pk}").json()
    assert {k: body[k] for k in ("state", "closed_at", "reason", "superseded_by")} == {
        "closed_at": "2026-12-02T09:00:00+00:00",
        "reason": None,
        **closed,
    }
    client.force_login(negotiation.brazil)
    before = _traces()
    _refused(
        _post(
            client,
            f"{BASE}/silence-procedures/{procedure.pk}/breaks",
            {"letter": "Late.", "provisions": ["p2"]},
        ),
        409,
        code,
        sentence,
    )
    assert _traces() == before


@time_machine.travel(LATER, tick=False)
def test_a_new_procedure_runs_on_the_revision_that_superseded_one(client, negotiation):
    _launch_at_fixed_time(negotiation)
    _supersede(client, negotiation)
    # Not refused as "already running": the procedure on the zero draft closed.
    client.force_login(negotiation.chair)
    relaunched = _post(
        client,
        f"{BASE}/documents/report/versions/2/silence-procedures",
        {"deadline": (LATER + timedelta(days=3)).isoformat()},
    )
    assert (relaunched.status_code, relaunched.json()["state"]) == (201, "running")


@time_machine.travel(LATER, tick=False)
def test_the_chair_withdraws_a_procedure_through_the_api(client, negotiation):
    procedure = _launch_at_fixed_time(negotiation)
    url = f"{BASE}/silence-procedures/{procedure.pk}/withdrawal"
    before = _traces()
    client.force_login(negotiation.brazil)
    _refused(
        _post(client, url, {"reason": "Mine."}), 403, "not-permitted", "Only the Chair may do this."
    )
    client.force_login(negotiation.chair)
    _refused(
        _post(client, url, {"reason": "  "}),
        422,
        "missing",
        "Say why the silence procedure is withdrawn.",
    )
    assert _traces() == before
    withdrawn = _post(client, url, {"reason": "Consultations resume."})
    assert withdrawn.status_code == 200
    assert {k: withdrawn.json()[k] for k in ("state", "closed_at", "reason")} == {
        "state": "withdrawn",
        "closed_at": "2026-12-02T09:00:00+00:00",
        "reason": "Consultations resume.",
    }
    event = models.Event.objects.last()
    assert (event.kind, event.payload["reason"]) == ("silence.withdrawn", "Consultations resume.")
    after = _traces()
    _refused(
        _post(client, url, {"reason": "Again."}),
        409,
        "silence-withdrawn",
        "The Chair withdrew this silence procedure on report; it is closed and silence can no "
        "longer be broken on it.",
    )
    assert _traces() == after


@time_machine.travel(LATER, tick=False)
def test_where_the_rules_freeze_proposals_the_api_refuses_one_under_silence(client, negotiation):
    negotiation.process.proposals_under_silence = "frozen"
    negotiation.process.save()
    _launch_at_fixed_time(negotiation)
    client.force_login(negotiation.brazil)
    before = _traces()
    _refused(
        _post(
            client,
            f"{BASE}/documents/report/versions/1/proposals",
            {"provision": "p4", "wording": "Other words."},
        ),
        409,
        "proposals-frozen",
        "A silence procedure is running on report and the rules of procedure freeze proposals "
        "while it runs; propose again once it has closed.",
    )
    assert _traces() == before
