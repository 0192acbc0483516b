"""Co-sponsorship, proposals of every kind and compilation filters in the JSON API."""

import json

import pytest

from accord.actions.cosponsorship import invite_cosponsor
from accord.actions.proposals import submit_proposal
from accord.store import models

pytestmark = pytest.mark.django_db

BASE = "/api/v1/processes/wg/documents/report/versions/1"
WORDING_2 = (
    "States shall not conduct or knowingly support ICT activity contrary to their "
    "obligations under international law."
)


def _post(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def _proposal(negotiation, by=None, uid="p2", wording=WORDING_2, **kwargs):
    return submit_proposal(
        negotiation.version,
        by=by or negotiation.brazil,
        provision_uid=uid,
        wording=wording,
        **kwargs,
    )


def _invitation(proposal, row, delegation, name, status):
    return {
        "proposal": proposal.pk,
        "document": "report",
        "version": 1,
        "provision": proposal.provision_uid,
        "proposer": "BRA",
        "proposer_name": "Brazil",
        "delegation": delegation,
        "delegation_name": name,
        "status": status,
        "invited_at": row.invited_at.isoformat(),
        "answered_at": row.answered_at.isoformat() if row.answered_at else None,
    }


def test_invite_list_accept_and_see_the_cosponsor(client, negotiation):
    proposal = _proposal(negotiation)
    client.force_login(negotiation.brazil)
    response = _post(client, f"{BASE}/proposals/{proposal.pk}/invitations", {"delegation": "deu"})
    assert response.status_code == 201
    row = models.CoSponsorship.objects.get()
    assert response.json() == _invitation(proposal, row, "DEU", "Germany", "pending")

    client.force_login(negotiation.germany)
    listed = client.get("/api/v1/processes/wg/invitations")
    assert listed.json() == {
        "items": [_invitation(proposal, row, "DEU", "Germany", "pending")],
        "next": None,
    }
    accepted = _post(client, f"{BASE}/proposals/{proposal.pk}/invitations/accept")
    assert accepted.status_code == 200
    row.refresh_from_db()
    assert accepted.json() == _invitation(proposal, row, "DEU", "Germany", "accepted")
    assert client.get("/api/v1/processes/wg/invitations").json() == {"items": [], "next": None}

    body = client.get(f"{BASE}/compilation").json()
    (found,) = [p for e in body["entries"] for p in e["proposals"]]
    assert found["cosponsors"] == [{"delegation": "DEU", "delegation_name": "Germany"}]


def test_a_declined_invitation_names_no_cosponsor(client, negotiation):
    proposal = _proposal(negotiation)
    invite_cosponsor(proposal, by=negotiation.brazil, invitee="DEU")
    client.force_login(negotiation.germany)
    declined = _post(client, f"{BASE}/proposals/{proposal.pk}/invitations/decline")
    assert (declined.status_code, declined.json()["status"]) == (200, "declined")
    again = _post(client, f"{BASE}/proposals/{proposal.pk}/invitations/accept")
    assert again.status_code == 409
    assert again.json() == {
        "type": "urn:accord:problem:not-invited",
        "title": "not-invited",
        "status": 409,
        "detail": "Your delegation has no pending invitation to co-sponsor proposal "
        f"{proposal.pk}.",
    }
    body = client.get(f"{BASE}/compilation").json()
    assert [p["cosponsors"] for e in body["entries"] for p in e["proposals"]] == [[]]


@pytest.mark.parametrize(
    ("who", "delegation", "status", "code"),
    [
        ("germany", "FRA", 403, "not-the-proposer"),
        ("brazil", "VAT", 422, "invitee-not-a-member"),
        ("brazil", "DEU", 409, "already-invited"),
        ("holy_see", "FRA", 403, "not-permitted"),
    ],
)
def test_refused_invitations_are_problems_and_store_nothing(
    client, negotiation, who, delegation, status, code
):
    proposal = _proposal(negotiation)
    invite_cosponsor(proposal, by=negotiation.brazil, invitee="DEU")
    events = models.Event.objects.count()
    client.force_login(getattr(negotiation, who))
    response = _post(
        client, f"{BASE}/proposals/{proposal.pk}/invitations", {"delegation": delegation}
    )
    assert (response.status_code, response.json()["title"]) == (status, code)
    assert models.CoSponsorship.objects.count() == 1
    assert models.Event.objects.count() == events


def test_invitations_need_a_signed_in_caller(client, negotiation):
    proposal = _proposal(negotiation)
    assert (
        _post(
            client, f"{BASE}/proposals/{proposal.pk}/invitations", {"delegation": "DEU"}
        ).status_code
        == 401
    )
    assert client.get("/api/v1/processes/wg/invitations").status_code == 401
    assert models.CoSponsorship.objects.count() == 0


def test_proposals_of_every_kind_through_the_api(client, negotiation):
    client.force_login(negotiation.brazil)
    url = f"{BASE}/proposals"
    options = ["States shall cooperate.", "States may cooperate."]
    made = [
        _post(client, url, {"provision": "p4", "kind": "alternatives", "options": options}),
        _post(client, url, {"provision": "p2", "kind": "add", "wording": "A new paragraph."}),
        _post(client, url, {"provision": "p1", "kind": "delete"}),
        _post(client, url, {"provision": "p1", "kind": "move", "after": "p4"}),
    ]
    assert [r.status_code for r in made] == [201] * 4
    bodies = [r.json() for r in made]
    assert [(b["kind"], b["options"], b["structure"]) for b in bodies] == [
        ("alternatives", options, None),
        ("add", [], {"op": "add", "after": "p2", "text": "A new paragraph.", "uid": None}),
        ("delete", [], {"op": "delete", "uid": "p1", "after": None, "text": None}),
        ("move", [], {"op": "move", "uid": "p1", "after": "p4", "text": None}),
    ]
    assert bodies[0]["wording"] == options[0]
    assert bodies[2]["operations"] == [
        {
            "kind": "delete",
            "old": "The working group met in three substantive sessions and held informal "
            "consultations.",
            "new": "",
        }
    ]
    refused = _post(client, url, {"provision": "p4", "kind": "alternatives", "options": ["One."]})
    assert (refused.status_code, refused.json()["title"]) == (422, "too-few-options")
    assert models.Proposal.objects.count() == 4


def test_the_compilation_filters(client, negotiation):
    mine = _proposal(negotiation)
    eu = _proposal(
        negotiation, by=negotiation.germany, uid="p4", wording="Norms.", on_behalf_of="eu"
    )
    german = _proposal(negotiation, by=negotiation.germany, uid="p1", wording="We met.")
    models.Proposal.objects.filter(pk=german.pk).update(status="withdrawn")

    def ids(**params):
        body = client.get(f"{BASE}/compilation", params).json()
        found = [p["id"] for e in body["entries"] for p in e["proposals"]]
        assert body["proposal_count"] == len(found)
        return found, [e["provision"]["uid"] for e in body["entries"]]

    assert ids()[0] == [german.pk, mine.pk, eu.pk]
    assert ids(delegation="bra")[0] == [mine.pk]
    # The EU: on its behalf, or by its members (Germany and France are members).
    assert ids(group="eu")[0] == [german.pk, eu.pk]
    assert ids(status="withdrawn")[0] == [german.pk]
    assert ids(section="s-b") == ([mine.pk, eu.pk], ["s-b", "p2", "p3", "p3-a", "p3-b", "p4"])
    assert ids(section="s-b", delegation="DEU")[0] == [eu.pk]
    assert ids(delegation="XXX") == ([], ids()[1])
    assert ids(section="nowhere") == ([], [])
    assert client.get(f"{BASE}/compilation", {"status": "lost"}).status_code == 422
