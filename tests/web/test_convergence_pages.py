"""The convergence page, its downloads and its API: who sees them, what they show, and that
bad filters are refused."""

import csv
import io
import re

import pytest
from tests.builders import DRAFT, make_negotiation, make_user

from accord.actions.cosponsorship import accept_invitation, invite_cosponsor
from accord.actions.positions import record_position
from accord.actions.processes import accredit
from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.core.errors import NotPermitted
from accord.core.fates import Fate, FateKind
from accord.core.participants import Role
from accord.core.positions import Stance
from accord.store import models, queries
from accord.words.refusals import explain

pytestmark = pytest.mark.django_db

MEMBERS = ("ARG", "BRA", "CHN", "DEU", "FRA", "USA")
PAGE = "/p/wg/report/v1/convergence/"
API = "/api/v1/processes/wg/documents/report/versions/1/convergence"
S, C, R, OB = "support", "can-accept", "reserve", "object"
# Two camps: Argentina, Brazil and China; Germany, France and the United States. Everyone
# supports paragraph 1; the camps split on 2 and 4; the United States reserves on 3.
STANCES = {
    "p1": dict.fromkeys(MEMBERS, S),
    "p2": {"ARG": S, "BRA": S, "CHN": S, "DEU": OB, "FRA": OB, "USA": OB},
    "p3": {"ARG": S, "BRA": S, "CHN": S, "DEU": C, "FRA": C, "USA": R},
    "p4": {"ARG": OB, "BRA": OB, "CHN": OB, "DEU": S, "FRA": S, "USA": S},
}


@pytest.fixture
def room():
    n = make_negotiation(members=MEMBERS)
    users = {"BRA": n.brazil, "DEU": n.germany}
    for code in ("ARG", "CHN", "FRA", "USA"):
        users[code] = make_user(code.lower())
        accredit(n.process, by=None, user=users[code], role=Role.DELEGATE, delegation=code)
    for uid, stances in STANCES.items():
        for code, stance in stances.items():
            record_position(n.version, by=users[code], provision_uid=uid, stance=Stance(stance))
    # Germany proposes for the EU (Germany and France here); Brazil co-sponsors: a bridge.
    proposal = submit_proposal(
        n.version, by=n.germany, provision_uid="p4", wording="The norms guide.", on_behalf_of="eu"
    )
    invite_cosponsor(proposal, by=n.germany, invitee="BRA")
    accept_invitation(proposal, by=n.brazil)
    n.proposal = proposal  # type: ignore[attr-defined]
    return n


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


def _audience(room, audience):
    # The rules are set when a process is set up; here they change between two requests.
    models.Process.objects.filter(pk=room.process.pk).update(convergence_audience=audience)


def test_the_room_is_read_in_a_few_queries(room, django_assert_num_queries):
    with django_assert_num_queries(13):
        found = queries.convergence_of(room.version)
    # Read again while the record has not moved, the figures come from the cache.
    with django_assert_num_queries(1):
        again = queries.convergence_of(room.version)
    assert again.analysis.groups.labels.tolist() == found.analysis.groups.labels.tolist()
    assert queries.convergence_tables(again) == queries.convergence_tables(found)
    record_position(room.version, by=room.brazil, provision_uid="p3-a", stance=Stance.SUPPORT)
    moved = queries.convergence_of(room.version)
    assert moved.positions == found.positions + 1
    found = queries.convergence_of(room.version, cached=False)
    assert found.positions == 25
    found = again
    assert (found.positions, found.cosponsorships, len(found.names)) == (24, 1, 6)
    assert [s.uid for s in found.sections] == ["s-a", "s-b"]
    tables = queries.convergence_tables(found)
    assert [(r["delegation"], r["group"]) for r in tables["map"]] == [
        ("ARG", 1), ("BRA", 1), ("CHN", 1), ("DEU", 2), ("FRA", 2), ("USA", 2),
    ]  # fmt: skip
    assert tables["groups"] == [
        {"group": 1, "members": 3, "defining": "2 4 3"},
        {"group": 2, "members": 3, "defining": "2 4 3"},
    ]
    assert [(r["kind"], r["label"], r["score"]) for r in tables["closest"]] == [
        ("paragraph", "1", 0.64),
        ("paragraph", "3", 0.48),
        ("proposal", "4", 0.24),
        ("paragraph", "2", 0.16),
        ("paragraph", "4", 0.16),
    ]
    assert tables["closest"][1]["reserving"] == "USA"
    assert [(r["label"], r["divide"], r["objecting"]) for r in tables["divisive"]] == [
        ("2", 0.6, "DEU FRA USA"),
        ("4", 0.6, "ARG BRA CHN"),
        ("3", 0.2, ""),
    ]
    bridge = tables["bridging"][0]
    assert (bridge["proposal"], bridge["groups"], bridge["sponsors"]) == (
        room.proposal.pk,
        "1 2",
        3,
    )
    assert tables["revisions"] == [
        {
            "version": "Zero draft",
            "paragraphs": 6,
            "agreed": 0,
            "bracketed": 2,
            "open": 4,
            "reserved": 1,
            "objections": 6,
            "remaining": 6,
        }
    ]
    assert tables["objections"] == [
        {"provision": "p2", "label": "2", "Zero draft": 3},
        {"provision": "p4", "label": "4", "Zero draft": 3},
    ]
    only = queries.convergence_tables(found, section="s-a", group=2)
    assert [r["delegation"] for r in only["map"]] == ["DEU", "FRA", "USA"]
    assert [r["label"] for r in only["closest"]] == ["1"]
    assert only["bridging"] == []


def test_the_chair_sees_the_page_with_its_groups_and_the_advisory_note(client, room):
    client.force_login(room.chair)
    response = client.get(PAGE)
    assert response.status_code == 200
    text = _text(response)
    assert (
        "Computed from 24 positions of 6 members, 1 open proposals and 1 co-sponsorships on "
        "Zero draft. These figures advise; they decide nothing and change no status or record."
    ) in text
    assert "6 of 6 members placed in 2 groups (the number with the best silhouette, 0.7398)" in text
    page = response.content.decode()
    assert page.count('<g class="group-1">') == 3
    assert page.count('<g class="group-2">') == 3
    assert 'href="/p/wg/report/v1/#p2"' in page
    assert f'href="/p/wg/report/v1/compilation/#proposal-{room.proposal.pk}"' in page
    assert 'href="/p/wg/report/v1/convergence/map.csv"' in page
    assert "Germany: group 2" in page
    board = client.get("/p/wg/report/v1/status/").content.decode()
    assert 'href="/p/wg/report/v1/convergence/"' in board


def test_the_filters_narrow_the_page_and_bad_ones_are_refused(client, room):
    client.force_login(room.chair)
    page = client.get(PAGE, {"section": "s-a", "group": "2"}).content.decode()
    assert page.count('<g class="group-2">') == 3
    assert '<g class="group-1">' not in page
    refused = client.get(PAGE, {"group": "3"})
    assert refused.status_code == 400
    assert "Select a valid choice" in refused.content.decode()


def test_each_figure_downloads_as_csv_and_json(client, room):
    client.force_login(room.chair)
    response = client.get(PAGE + "map.csv", {"group": "1"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="report-v1-map.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["delegation"], r["name"], r["group"], r["negotiating_groups"]) for r in rows] == [
        ("ARG", "Argentina", "1", "grulac"),
        ("BRA", "Brazil", "1", "grulac"),
        ("CHN", "China", "1", "asia-pacific-group p5"),
    ]
    body = client.get(PAGE + "divisive.json").json()
    assert body["figure"] == "divisive"
    assert body["advisory"].endswith("they decide nothing and change no status or record.")
    assert [r["label"] for r in body["rows"]] == ["2", "4", "3"]
    assert client.get(PAGE + "nothing.csv").status_code == 404
    assert client.get(PAGE + "map.xml").status_code == 404
    bad = client.get(PAGE + "map.json", {"section": "nowhere"})
    assert bad.status_code == 400
    assert "section" in bad.json()


def test_only_the_chair_and_the_bureau_see_it_unless_the_rules_say_more(client, room):
    events = models.Event.objects.count()
    client.force_login(room.brazil)
    refused = client.get(PAGE)
    assert refused.status_code == 403
    assert explain(NotPermitted("not-convergence-audience")) in _text(refused)
    assert client.get(PAGE + "map.csv").status_code == 403
    assert (
        'href="/p/wg/report/v1/convergence/"'
        not in client.get("/p/wg/report/v1/status/").content.decode()
    )
    client.logout()
    assert client.get(PAGE).status_code == 403
    _audience(room, "room")
    client.force_login(room.brazil)
    assert client.get(PAGE).status_code == 200
    client.logout()
    assert client.get(PAGE).status_code == 403
    _audience(room, "public")
    assert client.get(PAGE).status_code == 200
    assert models.Event.objects.count() == events  # reading analytics records nothing


def test_the_api_gives_the_same_figures_to_those_who_may_see_them(client, room):
    client.force_login(room.chair)
    body = client.get(API, {"group": 2}).json()
    assert {k: body[k] for k in ("document", "version", "members", "positions", "groups")} == {
        "document": "report",
        "version": 1,
        "members": 6,
        "positions": 24,
        "groups": 2,
    }
    assert (body["cosponsorships"], body["silhouette"]) == (1, 0.7398)
    assert [r["delegation"] for r in body["figures"]["map"]] == ["DEU", "FRA", "USA"]
    assert body["figures"]["closest"][0]["label"] == "1"
    bad = client.get(API, {"section": "nowhere"})
    assert (bad.status_code, bad.json()["title"]) == (400, "unknown-section")
    assert len(client.get(API, {"limit": 2}).json()["figures"]["closest"]) == 2
    bad = client.get(API, {"limit": 0})
    assert (bad.status_code, bad.json()["title"]) == (400, "bad-limit")
    bad = client.get(API, {"group": 3})
    assert (bad.status_code, bad.json()["title"]) == (400, "unknown-group")
    client.force_login(room.brazil)
    refused = client.get(API)
    assert refused.status_code == 403
    assert refused.json()["title"] == "not-permitted"


def test_each_version_counts_the_positions_taken_while_it_was_current(room):
    # Rev.1 rewords paragraph 4: the positions on it go stale; Brazil then objects to 1.
    rev1 = issue_revision(
        room.version.document,
        by=room.chair,
        text=DRAFT.replace("The voluntary", "The agreed"),
        label="Rev.1",
        fates={room.proposal.pk: Fate(room.proposal.pk, FateKind.NOT_TAKEN_UP)},
    )
    record_position(rev1, by=room.brazil, provision_uid="p1", stance=Stance.OBJECT)
    found = queries.convergence_of(rev1)
    tables = queries.convergence_tables(found)
    assert [
        (r["version"], r["bracketed"], r["reserved"], r["objections"]) for r in tables["revisions"]
    ] == [
        ("Zero draft", 2, 1, 6),
        ("Rev.1", 2, 1, 4),
    ]
    assert tables["objections"] == [
        {"provision": "p1", "label": "1", "Zero draft": 0, "Rev.1": 1},
        {"provision": "p2", "label": "2", "Zero draft": 3, "Rev.1": 3},
        {"provision": "p4", "label": "4", "Zero draft": 3, "Rev.1": 0},
    ]
    # On Rev.1 nobody has a current position on paragraph 4 and no proposal is open.
    assert "p4" not in {r["provision"] for r in tables["closest"]}
    assert tables["bridging"] == []
