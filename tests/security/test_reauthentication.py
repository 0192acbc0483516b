"""Grave acts ask for the password again when the last sign-in is older than 15 minutes:
issuing a revision, recording adoption and creating an API token. A session left open on a
borrowed laptop cannot do them."""

from datetime import timedelta

import time_machine

from accord.actions.tokens import create_api_token
from accord.store import models

START = "2026-03-02 09:00:00+00:00"
DOCUMENT = "/api/v1/processes/wg/documents/report"
CONFIRM = "/account/confirm/?next=%2Faccount%2Ftokens%2F"
ADOPTION = {"confirm": True}


def _adopt(client, **headers):
    return client.post(
        f"{DOCUMENT}/versions/1/adoptions", ADOPTION, content_type="application/json", **headers
    )


def test_a_token_after_fifteen_minutes_needs_the_password_again(client, negotiation):
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(negotiation.brazil)
        clock.shift(timedelta(minutes=16))
        sent = client.post("/account/tokens/", {"name": "drafting tool"})
        assert (sent.status_code, sent["Location"]) == (302, CONFIRM)
        assert models.ApiToken.objects.count() == 0
        assert client.get("/account/tokens/").status_code == 200, "the list needs no password"
        wrong = client.post(CONFIRM, {"password": "not-it"})
        assert wrong.status_code == 400
        assert "This password is not right." in wrong.content.decode()
        right = client.post(CONFIRM, {"password": "pw"})
        assert right["Location"] == "/account/tokens/"
        made = client.post("/account/tokens/", {"name": "drafting tool"})
        assert made.status_code == 200
        assert models.ApiToken.objects.get().name == "drafting tool"


def test_within_fifteen_minutes_of_signing_in_nothing_more_is_asked(client, negotiation):
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(negotiation.brazil)
        clock.shift(timedelta(minutes=14))
        assert client.post("/account/tokens/", {"name": "tool"}).status_code == 200
    assert models.ApiToken.objects.count() == 1


def test_the_adoption_page_asks_for_the_password_first(client, negotiation):
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(negotiation.chair)
        clock.shift(timedelta(minutes=16))
        page = "/p/wg/report/v1/adoption/"
        sent = client.post(page, {"confirm": "on"})
        assert sent["Location"] == f"/account/confirm/?next={page.replace('/', '%2F')}"
    assert models.Adoption.objects.count() == 0
    assert models.Event.objects.filter(kind="text.adopted").count() == 0


def test_the_api_refuses_recording_adoption_from_an_old_session(client, negotiation):
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(negotiation.chair)
        clock.shift(timedelta(minutes=16))
        refused = _adopt(client)
    assert refused.status_code == 403
    assert refused.json()["title"] == "reauthentication-required"
    assert refused.json()["detail"] == (
        "Give your password again on the confirmation page before this act."
    )
    assert models.Adoption.objects.count() == 0


def test_a_token_acts_without_the_password(client, negotiation):
    _, secret = create_api_token(by=negotiation.chair, name="chair's tool")
    etag = client.get(f"{DOCUMENT}/versions/1")["ETag"]
    recorded = _adopt(client, HTTP_AUTHORIZATION=f"Bearer {secret}", HTTP_IF_MATCH=etag)
    assert recorded.status_code == 201
    assert models.Adoption.objects.count() == 1


def test_issuing_a_revision_from_an_old_session_keeps_the_draft_and_asks(client, negotiation):
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(negotiation.chair)
        clock.shift(timedelta(minutes=16))
        page = "/p/wg/report/revise/"
        form = client.get(page).context["form"]
        data = {name: form[name].value() or "" for name in form.fields} | {
            "label": "Rev.1",
            "step": "issue",
        }
        sent = client.post(page, data)
        assert sent["Location"] == f"/account/confirm/?next={page.replace('/', '%2F')}"
    assert models.Version.objects.count() == 1
    assert models.WorkingDraft.objects.count() == 1
