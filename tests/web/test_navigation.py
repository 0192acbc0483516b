"""The workplace frame: each role finds what it may do in the process's navigation, and
nothing it may not; breadcrumbs say where the page is; forms have a way back; refusals are
styled pages that say why."""

import html
import re

import pytest

pytestmark = pytest.mark.django_db


def _navigation(response) -> list[str]:
    page = response.content.decode()
    found = re.search(r'<nav class="process"[^>]*>(.*?)</nav>', page, re.S)
    assert found, "the page has no navigation of the process"
    return [html.unescape(text).strip() for text in re.findall(r">([^<]+)</a>", found[1])]


def _crumbs(response) -> list[str]:
    page = response.content.decode()
    found = re.search(r'<nav class="crumbs"[^>]*>(.*?)</nav>', page, re.S)
    assert found
    return [html.unescape(t).strip() for t in re.findall(r">([^<]+)</(?:a|span)>", found[1])]


COMMON = ["National views", "Chair's summary", "Participants"]


@pytest.mark.parametrize(
    ("who", "links"),
    [
        (None, ["Documents", *COMMON, "History"]),
        ("outsider", ["Documents", *COMMON, "History"]),
        (
            "brazil",
            [
                "Documents",
                "My desk",
                "Invitations to co-sponsor",
                *COMMON,
                "Stakeholders",
                "History",
            ],
        ),
        ("holy_see", ["Documents", "My desk", *COMMON, "History"]),
        ("stakeholder", ["Documents", "My desk", *COMMON, "History"]),
        (
            "chair",
            ["Documents", "My desk", *COMMON, "History", "Publish a draft", "Import a draft"],
        ),
        (
            "secretariat",
            [
                "Documents",
                "My desk",
                *COMMON,
                "Stakeholders",
                "History",
                "Publish a draft",
                "Import a draft",
            ],
        ),
    ],
)
def test_the_navigation_holds_what_the_role_may_do_and_nothing_else(
    client, negotiation, who, links
):
    if who:
        client.force_login(getattr(negotiation, who))
    for address in ("/p/wg/", "/p/wg/report/v1/", "/p/wg/history/"):
        assert _navigation(client.get(address)) == links


def test_the_navigation_marks_the_page_it_is_on(client, negotiation):
    page = client.get("/p/wg/history/").content.decode()
    assert '<a href="/p/wg/history/" aria-current="page">History</a>' in page
    assert '<a href="/p/wg/">Documents</a>' in page


def test_the_breadcrumbs_lead_from_the_negotiations_to_the_version(client, negotiation):
    assert _crumbs(client.get("/p/wg/history/")) == ["All negotiations", "Working group (test)"]
    assert _crumbs(client.get("/p/wg/report/v1/compilation/")) == [
        "All negotiations",
        "Working group (test)",
        "Report of the working group (test) — Zero draft",
    ]
    page = client.get("/p/wg/").content.decode()
    assert '<span aria-current="page">Working group (test)</span>' in page


def test_pages_outside_a_process_have_no_process_navigation(client, negotiation):
    assert '<nav class="process"' not in client.get("/").content.decode()


def test_an_observer_is_refused_the_proposal_form_before_typing_on_a_styled_page(
    client, negotiation
):
    client.force_login(negotiation.holy_see)
    response = client.get("/p/wg/report/v1/p2/propose/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "<h1>Not allowed</h1>" in page
    assert "Only delegates of a delegation may do this." in page
    assert "<textarea" not in page
    # The way on: the navigation of the process, and where to ask for another role.
    assert _navigation(response) == ["Documents", "My desk", *COMMON, "History"]
    assert "ask the Secretariat of the process to accredit you in it" in page
    assert 'href="/static/accord/accord.css"' in page


def test_import_refused_to_a_delegate_is_a_styled_page_with_the_navigation(client, negotiation):
    client.force_login(negotiation.brazil)
    response = client.get("/p/wg/import/")
    assert response.status_code == 403
    assert "<h1>Not allowed</h1>" in response.content.decode()
    assert "Import a draft" not in _navigation(response)


@pytest.mark.parametrize(
    ("who", "address", "back"),
    [
        ("brazil", "/p/wg/report/v1/p2/propose/", "/p/wg/report/v1/#p2"),
        ("brazil", "/p/wg/report/v1/p2/position/", "/p/wg/report/v1/#p2"),
        ("chair", "/p/wg/report/v1/p2/status/", "/p/wg/report/v1/#p2"),
        ("chair", "/p/wg/report/v1/adoption/", "/p/wg/report/v1/"),
        ("chair", "/p/wg/drafts/new/", "/p/wg/"),
        ("chair", "/p/wg/import/", "/p/wg/"),
        ("brazil", "/p/wg/national-views/new/", "/p/wg/national-views/"),
    ],
)
def test_every_form_has_a_way_back(client, negotiation, who, address, back):
    client.force_login(getattr(negotiation, who))
    page = client.get(address).content.decode()
    assert f'<a class="cancel" href="{back}">Cancel</a>' in page


def test_accrediting_a_person_starts_on_the_delegate_role(client, negotiation):
    client.force_login(negotiation.secretariat)
    page = client.get("/p/wg/participants/").content.decode()
    role = page[page.index('<select name="role"') :].split("</select>")[0]
    assert re.findall(r'<option value="([^"]*)"[^>]*selected', role) == ["delegate"]


def test_every_page_links_the_record_and_the_api_reference(client, negotiation):
    page = client.get("/").content.decode()
    footer = page[page.index('<footer class="site">') :]
    assert '<a href="/api/v1/docs">API reference</a>' in footer
    assert '<a href="/record/log.jsonl">Published log</a>' in footer
    assert client.get("/api/v1/docs").status_code == 200
