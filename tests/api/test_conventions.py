"""The API's conventions: tokens, problem documents, pagination, ETags and preconditions."""

import json

import pytest

from accord.actions.processes import create_process
from accord.actions.tokens import create_api_token, revoke_api_token
from accord.store import models

pytestmark = pytest.mark.django_db

BASE = "/api/v1/processes/wg/documents/report/versions/1"
WORDING_4 = "The voluntary, non-binding norms complement international law."


def _post(client, body, **headers):
    return client.post(
        f"{BASE}/proposals", json.dumps(body), content_type="application/json", headers=headers
    )


def _bearer(secret):
    return {"Authorization": f"Bearer {secret}"}


def test_a_token_acts_for_its_owner_and_notes_when_it_was_used(client, negotiation):
    token, secret = create_api_token(by=negotiation.brazil, name="Capital's drafting tool")
    assert secret.startswith(f"accord_{token.prefix}_")
    assert token.secret_hash not in secret
    response = _post(client, {"provision": "p4", "wording": WORDING_4}, **_bearer(secret))
    assert response.status_code == 201
    assert response.json()["delegation"] == "BRA"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_read_only_token_reads_but_may_not_write(client, negotiation):
    _, secret = create_api_token(by=negotiation.brazil, name="reader", read_only=True)
    assert client.get(BASE, headers=_bearer(secret)).status_code == 200
    response = _post(client, {"provision": "p4", "wording": WORDING_4}, **_bearer(secret))
    assert response.status_code == 403
    assert response.json()["title"] == "read-only-token"
    assert models.Proposal.objects.count() == 0


def test_a_revoked_or_unknown_token_is_not_accepted(client, negotiation):
    token, secret = create_api_token(by=negotiation.brazil, name="old")
    revoke_api_token(token, by=negotiation.brazil)
    for presented in (secret, "accord_nothing_here", "not-even-the-format"):
        response = _post(client, {"provision": "p4", "wording": WORDING_4}, **_bearer(presented))
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == 'Bearer realm="accord"'
        assert client.get(BASE, headers=_bearer(presented)).status_code == 401
    assert models.Proposal.objects.count() == 0


def test_a_token_reads_the_private_processes_of_its_owner(client, db):
    from tests.builders import make_negotiation

    n = make_negotiation(is_public=False)
    _, secret = create_api_token(by=n.brazil, name="reader", read_only=True)
    assert client.get(BASE).status_code == 404
    assert client.get(BASE, headers=_bearer(secret)).status_code == 200


def test_nobody_revokes_someone_elses_token(negotiation):
    token, _ = create_api_token(by=negotiation.brazil, name="mine")
    with pytest.raises(models.ApiToken.DoesNotExist):
        revoke_api_token(token, by=negotiation.germany)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_validation_errors_name_the_fields(client, negotiation):
    client.force_login(negotiation.brazil)
    response = _post(client, {"wording": 12})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert (body["title"], body["status"]) == ("invalid-request", 422)
    assert {e["field"] for e in body["errors"]} == {"provision", "wording"}


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (f"{BASE}/adoptions", {"confirm": 0}, "confirm"),
        (f"{BASE}/silence-procedures", {"deadline": 1780000000}, "deadline"),
        ("/api/v1/processes/wg/statements", {"text": "x", "version": "1"}, "version"),
        (
            "/api/v1/processes",
            {"slug": "p", "title": "P", "silence_minimum_hours": "72"},
            "silence_minimum_hours",
        ),
        (
            "/api/v1/processes",
            {"slug": "p", "title": "P", "silence_minimum_hours": 72.5},
            "silence_minimum_hours",
        ),
    ],
)
def test_a_field_takes_only_its_json_type_and_nothing_is_stored(
    client, negotiation, path, body, field
):
    negotiation.chair.is_staff = True
    negotiation.chair.save()
    client.force_login(negotiation.chair)
    etag = client.get(BASE)["ETag"]
    events = models.Event.objects.count()
    refused = client.post(
        path, json.dumps(body), content_type="application/json", headers={"If-Match": etag}
    )
    assert (refused.status_code, refused.json()["title"]) == (422, "invalid-request")
    assert [e["field"] for e in refused.json()["errors"]] == [field]
    assert models.Event.objects.count() == events


def test_a_whole_number_may_be_written_with_a_point_zero(client, negotiation):
    negotiation.chair.is_staff = True
    negotiation.chair.save()
    client.force_login(negotiation.chair)
    body = {"slug": "p", "title": "P", "silence_minimum_hours": 48.0}
    made = client.post("/api/v1/processes", json.dumps(body), content_type="application/json")
    assert made.status_code == 201
    assert made.json()["rules"]["silence_minimum_hours"] == 48


def test_an_unknown_path_is_a_problem_document(client, negotiation):
    response = client.get("/api/v1/processes/wg/documents/report/versions/9")
    assert response.status_code == 404
    assert response.json() == {
        "type": "urn:accord:problem:not-found",
        "title": "not-found",
        "status": 404,
        "detail": "There is nothing here you may see.",
    }


def test_a_nul_character_in_an_address_is_answered_before_any_query(client, negotiation):
    # PostgreSQL can look up no text holding one; before, both answered 500 there.
    client.force_login(negotiation.brazil)
    in_path = client.get("/api/v1/processes/w%00g/documents/report")
    assert (in_path.status_code, in_path["Content-Type"]) == (404, "application/problem+json")
    assert in_path.json()["title"] == "not-found"
    in_query = client.get(f"{BASE}/compilation", {"delegation": "BR\x00A", "status": "open"})
    assert (in_query.status_code, in_query.json()["errors"]) == (
        422,
        [{"field": "delegation", "message": "Text may not contain NUL characters."}],
    )


def test_an_unchanged_version_answers_304(client, negotiation):
    first = client.get(BASE)
    etag = first["ETag"]
    assert etag == f'"{negotiation.version.content_hash}"'
    again = client.get(BASE, headers={"If-None-Match": etag})
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", etag)
    assert client.get(BASE, headers={"If-None-Match": '"other"'}).status_code == 200


def test_a_write_against_a_version_read_before_it_changed_answers_412(client, negotiation):
    client.force_login(negotiation.brazil)
    etag = client.get(BASE)["ETag"]
    models.Provision.objects.filter(version=negotiation.version, uid="p1").update(text="Changed.")
    stale = _post(client, {"provision": "p4", "wording": WORDING_4}, **{"If-Match": etag})
    assert stale.status_code == 412
    assert stale.json()["title"] == "precondition-failed"
    assert models.Proposal.objects.count() == 0
    fresh = client.get(BASE)["ETag"]
    assert (
        _post(client, {"provision": "p4", "wording": WORDING_4}, **{"If-Match": fresh}).status_code
        == 201
    )


def test_lists_are_paged_by_cursor(client, db):
    for n in range(5):
        create_process(by=None, slug=f"process-{n}", title=f"Process {n}")
    first = client.get("/api/v1/processes?limit=2").json()
    assert [p["slug"] for p in first["items"]] == ["process-0", "process-1"]
    second = client.get(f"/api/v1/processes?limit=2&cursor={first['next']}").json()
    assert [p["slug"] for p in second["items"]] == ["process-2", "process-3"]
    last = client.get(f"/api/v1/processes?limit=2&cursor={second['next']}").json()
    assert ([p["slug"] for p in last["items"]], last["next"]) == (["process-4"], None)
    bad = client.get("/api/v1/processes?cursor=%%%")
    assert (bad.status_code, bad.json()["title"]) == (400, "invalid-cursor")
    assert client.get("/api/v1/processes?limit=0").json()["title"] == "invalid-limit"


def test_a_signed_in_user_sees_each_process_once(client, negotiation):
    client.force_login(negotiation.brazil)
    assert [p["slug"] for p in client.get("/api/v1/processes").json()["items"]] == ["wg"]


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_a_token_without_a_proper_name_is_refused_and_not_stored(negotiation, name):
    from accord.actions.tokens import TokenNameInvalid

    with pytest.raises(TokenNameInvalid):
        create_api_token(by=negotiation.brazil, name=name)
    assert models.ApiToken.objects.count() == 0


def test_the_document_names_its_current_version(client, negotiation):
    body = client.get("/api/v1/processes/wg/documents/report").json()
    assert body == {
        "slug": "report",
        "title": "Report of the working group (test)",
        "symbol": "",
        "current_version": 1,
        "versions": [{"number": 1, "label": "Zero draft"}],
        "adopted": False,
        "outcomes": [],
    }


def test_without_credentials_a_write_is_401_and_a_session_without_csrf_is_403(negotiation):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    anonymous = _post(strict, {"provision": "p4", "wording": WORDING_4})
    assert (anonymous.status_code, anonymous.json()["title"]) == (401, "not-authenticated")
    strict.force_login(negotiation.brazil)
    forged = _post(strict, {"provision": "p4", "wording": WORDING_4})
    assert (forged.status_code, forged.json()["detail"]) == (403, "CSRF check Failed")
    assert models.Proposal.objects.count() == 0


def test_too_many_requests_are_told_when_to_come_back(client, negotiation, settings):
    from django.core.cache import cache

    cache.clear()
    settings.ACCORD_API_RATE_ANONYMOUS = "2/min"
    assert [client.get("/api/v1/processes").status_code for _ in range(2)] == [200, 200]
    refused = client.get("/api/v1/processes")
    assert refused.status_code == 429
    assert refused.json()["title"] == "too-many-requests"
    assert 1 <= int(refused["Retry-After"]) <= 60
    client.force_login(negotiation.brazil)
    assert client.get("/api/v1/processes").status_code == 200, "a user has a budget of their own"
    cache.clear()
