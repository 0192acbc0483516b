"""The Secretariat's pages: setting up a process, its rules on its page, accrediting the
Chair and the Bureau; and what the pages that show a version need to follow the record."""

import re

import pytest
from tests.builders import make_user

from accord.actions.proposals import submit_proposal
from accord.store import models

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Fifth session",
    "slug": "bbnj-5",
    "visibility": "confidential",
    "decision_rule": "consensus-or-silence",
    "silence_minimum_hours": "48",
    "stakeholder_modality": "open",
    "proposals_under_silence": "frozen",
    "delegates_second_factor": "on",
    "convergence_audience": "room",
    "member_scope": "chosen",
    "members": "bra, ken\nDEU",
    "observers": "VAT",
}


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


@pytest.fixture
def staff(db):
    user = make_user("staff")
    user.is_staff = True
    user.save()
    return user


def _state():
    return (
        models.Process.objects.count(),
        models.Participation.objects.count(),
        models.Accreditation.objects.count(),
        models.Event.objects.count(),
    )


def test_a_staff_user_sets_up_a_process_and_sees_its_rules(client, staff):
    client.force_login(staff)
    assert "Set up a process" in _text(client.get("/"))
    form = client.get("/processes/new/")
    assert form.status_code == 200
    assert '<label for="id_slug">' in form.content.decode()
    response = client.post("/processes/new/", FORM)
    assert response.status_code == 302
    assert response["Location"] == "/p/bbnj-5/"
    page = client.get("/p/bbnj-5/")
    text = _text(page)
    assert "“Fifth session” was set up; you are its Secretariat." in text
    assert (
        "Rules of procedure Decision rule Consensus; a text may also be adopted under a silence "
        "procedure Shortest silence procedure 48 hours Proposals during a silence procedure "
        "Frozen: no proposal on a text while a silence procedure runs on it Stakeholder "
        "participation Open: any "
        "accredited stakeholder takes part Second factor for delegates Required: delegates "
        "confirm their sign-ins with a passkey or an authenticator app before acting "
        "Who sees the convergence analytics Everyone accredited to the process "
        "Who may read it Confidential: only the people accredited to it"
    ) in text
    process = models.Process.objects.get(slug="bbnj-5")
    assert sorted(process.participations.values_list("delegation__code", "kind")) == [
        ("BRA", "member"),
        ("DEU", "member"),
        ("KEN", "member"),
        ("VAT", "observer"),
    ]
    assert list(process.accreditations.values_list("user__username", "role")) == [
        ("staff", "secretariat")
    ]
    assert client.logout() is None
    assert client.get("/p/bbnj-5/").status_code == 404


def test_all_member_states_by_default(client, staff):
    client.force_login(staff)
    data = {**FORM, "member_scope": "all", "members": "", "visibility": "public"}
    assert client.post("/processes/new/", data).status_code == 302
    assert (
        models.Process.objects.get(slug="bbnj-5").participations.filter(kind="member").count()
        == 193
    )
    assert "193 member States take part" in _text(client.get("/p/bbnj-5/participants/"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"slug": "Bad Slug"}, "“Bad Slug” cannot be a short name"),
        ({"slug": "wg"}, "There is already a process called “wg”."),
        ({"members": "BRA XXX"}, "No delegation has the code XXX."),
        ({"observers": "VAT QQ"}, "No delegation has the code QQ."),
        ({"members": ""}, "List the members, or choose all member States."),
        ({"silence_minimum_hours": "0"}, "Ensure this value is greater than or equal to 1."),
    ],
)
def test_bad_setups_say_why_and_store_nothing(client, staff, negotiation, change, message):
    client.force_login(staff)
    before = _state()
    response = client.post("/processes/new/", {**FORM, **change})
    assert response.status_code == 400
    assert message in _text(response)
    assert _state() == before


def test_only_staff_users_see_the_setup_page(client, negotiation):
    assert client.get("/processes/new/")["Location"] == "/login/?next=/processes/new/"
    client.force_login(negotiation.secretariat)
    assert "Set up a process" not in _text(client.get("/"))
    before = _state()
    assert client.get("/processes/new/").status_code == 404
    assert client.post("/processes/new/", FORM).status_code == 404
    assert _state() == before


def test_the_rules_of_a_consensus_process_on_its_page(client, negotiation):
    models.Process.objects.filter(pk=negotiation.process.pk).update(
        decision_rule="consensus", stakeholder_modality="none"
    )
    text = _text(client.get("/p/wg/"))
    assert (
        "Rules of procedure Decision rule Consensus Proposals during a silence procedure "
        "Allowed: members may still propose on a text under silence Stakeholder participation None "
        "Second factor for delegates Not required by these rules Who sees the convergence "
        "analytics The Chair and the Bureau Who may read it Public"
    ) in text


def test_the_secretariat_accredits_the_chair_and_a_member_of_the_bureau(client, staff):
    client.force_login(staff)
    client.post("/processes/new/", FORM)
    page = client.get("/p/bbnj-5/participants/").content.decode()
    assert '<option value="bureau">Member of the Bureau</option>' in page
    for username, role in (("madam-chair", "chair"), ("vice-chair", "bureau")):
        response = client.post(
            "/p/bbnj-5/participants/",
            {"username": username, "password": "a long pass phrase", "role": role},
        )
        assert response.status_code == 302
    process = models.Process.objects.get(slug="bbnj-5")
    assert sorted(process.accreditations.values_list("user__username", "role")) == [
        ("madam-chair", "chair"),
        ("staff", "secretariat"),
        ("vice-chair", "bureau"),
    ]
    assert "Member of the Bureau" in _text(client.get("/p/bbnj-5/participants/"))


@pytest.mark.parametrize("view", ["", "compilation/", "positions/"])
def test_pages_showing_a_version_follow_the_record_from_its_latest_event(client, negotiation, view):
    client.force_login(negotiation.brazil)
    submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p4", wording="Other words."
    )
    latest = models.Event.objects.order_by("-seq").first().seq
    page = client.get(f"/p/wg/report/v1/{view}").content.decode()
    assert f'data-events="/api/v1/events?process=wg&amp;after={latest}"' in page
    assert 'data-version-url="/p/wg/report/v0/"' in page
    assert '<script src="/static/accord/live.js" defer></script>' in page


def test_the_adoption_page_is_not_refreshed_under_the_chairs_hands(client, negotiation):
    client.force_login(negotiation.chair)
    page = client.get("/p/wg/report/v1/adoption/").content.decode()
    assert "live.js" not in page
