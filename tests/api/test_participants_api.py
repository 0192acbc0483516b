"""Participants, groups and a provision's history through the API: exact bodies."""

import pytest
from tests.actions.test_revisions import REV1

from accord.actions.revisions import issue_revision
from accord.core.amendments import word_marks

pytestmark = pytest.mark.django_db

MEMBERS = [
    {"code": "BRA", "name": "Brazil", "kind": "member", "regional_group": "grulac"},
    {"code": "FRA", "name": "France", "kind": "member", "regional_group": "weog"},
    {"code": "DEU", "name": "Germany", "kind": "member", "regional_group": "weog"},
    {"code": "VAT", "name": "Holy See", "kind": "observer", "regional_group": None},
]


def test_the_participants_with_their_kind_and_regional_group(client, negotiation):
    response = client.get("/api/v1/processes/wg/members")
    assert response.status_code == 200
    assert response.json() == {"items": MEMBERS, "next": None}
    observers = client.get("/api/v1/processes/wg/members?kind=observer").json()
    assert observers == {"items": MEMBERS[3:], "next": None}
    assert client.get("/api/v1/processes/wg/members?kind=chair").status_code == 422


def test_the_participants_page_by_cursor_in_constant_queries(
    client, negotiation, django_assert_num_queries
):
    with django_assert_num_queries(2):
        first = client.get("/api/v1/processes/wg/members?limit=3").json()
    assert first["items"] == MEMBERS[:3]
    with django_assert_num_queries(2):
        rest = client.get(f"/api/v1/processes/wg/members?limit=3&cursor={first['next']}").json()
    assert rest == {"items": MEMBERS[3:], "next": None}
    bad = client.get("/api/v1/processes/wg/members?cursor=%%%")
    assert bad.status_code == 400


def test_the_groups_with_the_members_that_take_part(client, negotiation, django_assert_num_queries):
    with django_assert_num_queries(3):
        response = client.get("/api/v1/processes/wg/groups")
    assert response.status_code == 200
    body = response.json()
    assert body["next"] is None
    by_code = {group["code"]: group for group in body["items"]}
    assert by_code["eu"] == {
        "code": "eu",
        "name": "European Union",
        "kind": "political",
        "members": ["DEU", "FRA"],
    }
    assert all(group["members"] for group in body["items"])
    assert "african-group" not in by_code
    page = client.get("/api/v1/processes/wg/groups?limit=1").json()
    assert page["items"] == body["items"][:1]
    following = client.get(f"/api/v1/processes/wg/groups?limit=1&cursor={page['next']}").json()
    assert following["items"] == body["items"][1:2]


def test_a_private_process_lists_nothing_to_the_public(client, db):
    from tests.builders import make_negotiation

    make_negotiation(is_public=False)
    assert client.get("/api/v1/processes/wg/members").status_code == 404
    assert client.get("/api/v1/processes/wg/groups").status_code == 404
    assert (
        client.get("/api/v1/processes/wg/documents/report/provisions/p2/history").status_code == 404
    )


def test_a_provision_through_the_versions(client, negotiation):
    issue_revision(negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1")
    old = negotiation.version.provisions.get(uid="p2").text
    new = old.replace("should", "shall")
    response = client.get("/api/v1/processes/wg/documents/report/provisions/p2/history")
    assert response.status_code == 200
    assert response.json() == {
        "document": "report",
        "provision": "p2",
        "versions": [
            {
                "number": 1,
                "version_label": "Zero draft",
                "label": "2",
                "kind": "paragraph",
                "text": old,
                "changed": False,
                "marks": [],
            },
            {
                "number": 2,
                "version_label": "Rev.1",
                "label": "1",
                "kind": "paragraph",
                "text": new,
                "changed": True,
                "marks": [{"kind": m.kind.value, "text": m.text} for m in word_marks(old, new)],
            },
        ],
    }
    assert [m["kind"] for m in response.json()["versions"][1]["marks"]] == [
        "same",
        "deleted",
        "inserted",
        "same",
    ]
    dropped = client.get("/api/v1/processes/wg/documents/report/provisions/p1/history").json()
    assert dropped["versions"][1] == {
        "number": 2,
        "version_label": "Rev.1",
        "label": None,
        "kind": None,
        "text": None,
        "changed": False,
        "marks": [],
    }
    unknown = client.get("/api/v1/processes/wg/documents/report/provisions/p99/history")
    assert unknown.status_code == 404
    assert unknown["Content-Type"] == "application/problem+json"
