"""The delegation's side of the negotiation room: co-sponsoring, proposing every kind of
change with a preview, the compilation's filters and the bracketed text."""

import re

import pytest

from accord.actions.cosponsorship import invite_cosponsor
from accord.actions.positions import record_position
from accord.actions.proposals import submit_proposal
from accord.core.positions import Stance
from accord.store import models

pytestmark = pytest.mark.django_db

V1 = "/p/wg/report/v1"
WORDING_2 = (
    "States shall not conduct or knowingly support ICT activity contrary to their "
    "obligations under international law."
)
OLD_2 = WORDING_2.replace("shall", "should")


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


def _messages(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def _proposal(negotiation, by=None, uid="p2", wording=WORDING_2, **kwargs):
    return submit_proposal(
        negotiation.version,
        by=by or negotiation.brazil,
        provision_uid=uid,
        wording=wording,
        **kwargs,
    )


def test_the_proposer_invites_from_the_compilation(client, negotiation):
    proposal = _proposal(negotiation)
    client.force_login(negotiation.brazil)
    page = client.get(f"{V1}/compilation/")
    html = page.content.decode()
    assert (
        f'<label for="invite-{proposal.pk}">Invite a member delegation to co-sponsor</label>'
        in html
    )
    assert (
        f'<select name="delegation" id="invite-{proposal.pk}"><option value="FRA">France</option>'
        '<option value="DEU">Germany</option></select>'
    ) in html
    response = client.post(
        f"{V1}/proposals/{proposal.pk}/invite/", {"delegation": "DEU"}, follow=True
    )
    assert response.redirect_chain == [(f"{V1}/compilation/#proposal-{proposal.pk}", 302)]
    assert "Germany was invited to co-sponsor your proposal." in _text(response)
    assert "Invited to co-sponsor: Germany (awaiting an answer)" in _text(response)
    assert '<option value="DEU">' not in response.content.decode()
    refused = client.post(
        f"{V1}/proposals/{proposal.pk}/invite/", {"delegation": "DEU"}, follow=True
    )
    assert "Germany has already been invited to co-sponsor." in _text(refused)
    assert models.CoSponsorship.objects.count() == 1


def test_others_see_no_invite_form_and_are_refused(client, negotiation):
    proposal = _proposal(negotiation)
    client.force_login(negotiation.germany)
    assert "Invite a member delegation" not in _text(client.get(f"{V1}/compilation/"))
    response = client.post(
        f"{V1}/proposals/{proposal.pk}/invite/", {"delegation": "FRA"}, follow=True
    )
    assert f"Only the delegation that made proposal {proposal.pk} may invite co-sponsors." in _text(
        response
    )
    assert models.CoSponsorship.objects.count() == 0


def test_the_invited_delegation_accepts_from_its_invitations(client, negotiation):
    proposal = _proposal(negotiation)
    invite_cosponsor(proposal, by=negotiation.brazil, invitee="DEU")
    client.force_login(negotiation.germany)
    process = client.get("/p/wg/")
    assert '<a href="/p/wg/invitations/">Invitations to co-sponsor</a>' in process.content.decode()
    page = client.get("/p/wg/invitations/")
    text = _text(page)
    assert (
        "Proposals Germany is invited to co-sponsor. Your delegation becomes a co-sponsor only "
        "when you accept."
    ) in text
    assert (
        f"Brazil invites you to co-sponsor its proposal {proposal.pk} on paragraph 2 of Report "
        "of the working group (test) (Zero draft)."
    ) in text
    assert f"Accept: co-sponsor proposal {proposal.pk}" in text
    response = client.post(f"/p/wg/invitations/{proposal.pk}/accept/", follow=True)
    assert "Your delegation now co-sponsors this proposal." in _text(response)
    assert "No invitation awaits your answer." in _text(response)
    compilation = _text(client.get(f"{V1}/compilation/"))
    assert "Brazil open Co-sponsored by Germany" in compilation


def test_a_declined_invitation_leaves_no_cosponsor(client, negotiation):
    proposal = _proposal(negotiation)
    invite_cosponsor(proposal, by=negotiation.brazil, invitee="DEU")
    client.force_login(negotiation.germany)
    response = client.post(f"/p/wg/invitations/{proposal.pk}/decline/", follow=True)
    assert "Your delegation declined to co-sponsor this proposal." in _text(response)
    again = client.post(f"/p/wg/invitations/{proposal.pk}/accept/", follow=True)
    assert (
        f"Your delegation has no pending invitation to co-sponsor proposal {proposal.pk}."
        in _text(again)
    )
    assert "Co-sponsored by" not in _text(client.get(f"{V1}/compilation/"))
    assert client.post(f"/p/wg/invitations/{proposal.pk}/maybe/").status_code == 404
    assert models.CoSponsorship.objects.get().status == "declined"


def test_the_invitations_page_needs_a_delegate(client, negotiation):
    assert client.get("/p/wg/invitations/").status_code == 302
    client.force_login(negotiation.chair)
    assert "Only delegates of a delegation receive invitations to co-sponsor." in _text(
        client.get("/p/wg/invitations/")
    )


def test_the_compilation_filter_form_and_its_count(client, negotiation):
    _proposal(negotiation)
    _proposal(negotiation, by=negotiation.germany, uid="p4", wording="Norms.", on_behalf_of="eu")
    page = client.get(f"{V1}/compilation/")
    html = page.content.decode()
    assert '<form method="get" class="filters" role="search"' in html
    assert '<label for="id_delegation">Proposed by</label>' in html
    assert (
        '<option value="" selected>Any</option>\n\n  <option value="BRA">Brazil</option>\n\n'
        '  <option value="DEU">Germany</option>'
    ) in html
    assert '<option value="s-b">B. Rules, norms and principles</option>' in html
    assert "2 proposals on this version." in _text(page)
    filtered = client.get(f"{V1}/compilation/", {"group": "eu"})
    assert "1 proposal matches." in _text(filtered)
    assert "Germany, on behalf of European Union" in _text(filtered)
    assert "Brazil" not in _text(filtered).split("Show all proposals")[1]
    by_section = client.get(f"{V1}/compilation/", {"section": "s-a"})
    assert "0 proposals match." in _text(by_section)
    assert "Rules, norms and principles" not in _text(by_section).split("Show all proposals")[1]
    wrong = client.get(f"{V1}/compilation/", {"status": "lost", "delegation": "BRA"})
    assert "Select a valid choice. lost is not one of the available choices." in _text(wrong)
    assert "1 proposal matches." in _text(wrong)


def test_the_filtered_compilation_reads_in_a_constant_number_of_queries(
    client, negotiation, django_assert_num_queries
):
    _proposal(negotiation)
    _proposal(negotiation, by=negotiation.germany, uid="p4", wording="Variant.")
    query = {"group": "eu", "section": "s-b", "status": "open", "delegation": "DEU"}
    with django_assert_num_queries(13):
        assert client.get(f"{V1}/compilation/", query).status_code == 200
    # One query more after events: those since, so that only what they changed is compiled.
    for count in (10, 3):
        for i in range(count):
            _proposal(negotiation, by=negotiation.germany, uid="p4", wording=f"Variant {i}.")
        with django_assert_num_queries(14):
            client.get(f"{V1}/compilation/", query)
    assert "14 proposals match." in _text(client.get(f"{V1}/compilation/", query))


def test_a_delegate_previews_without_script_then_submits(client, negotiation):
    client.force_login(negotiation.brazil)
    form = client.get(f"{V1}/p2/propose/")
    html = form.content.decode()
    assert '<input type="radio" name="kind" value="wording"' in html
    assert f'data-preview-url="{V1}/p2/propose/preview/"' in html
    assert '<script src="/static/accord/propose.js" defer></script>' in html
    preview = client.post(f"{V1}/p2/propose/", {"wording": WORDING_2, "preview": "1"})
    assert preview.status_code == 200
    assert (
        '<del><span class="visually-hidden" dir="ltr">deleted: </span>should </del>'
        '<ins><span class="visually-hidden" dir="ltr">inserted: </span>shall </ins>'
    ) in preview.content.decode()
    assert models.Proposal.objects.count() == 0
    done = client.post(f"{V1}/p2/propose/", {"wording": WORDING_2})
    assert done.status_code == 302
    assert models.Proposal.objects.count() == 1


def test_the_preview_endpoint_returns_the_redline_fragment(client, negotiation):
    client.force_login(negotiation.brazil)
    url = f"{V1}/p2/propose/preview/"
    response = client.post(url, {"wording": WORDING_2})
    assert response.status_code == 200
    assert response.content.decode().strip() == (
        '<p class="redline" dir="auto">'
        '<span><span class="visually-hidden" dir="ltr"></span>States </span>'
        '<del><span class="visually-hidden" dir="ltr">deleted: </span>should </del>'
        '<ins><span class="visually-hidden" dir="ltr">inserted: </span>shall </ins>'
        '<span><span class="visually-hidden" dir="ltr"></span>not conduct or knowingly support ICT '
        "activity contrary to their obligations under international law.</span></p>"
    )
    unchanged = client.post(url, {"wording": OLD_2})
    assert _text(unchanged) == "The proposed wording is the same as the current text."
    options = client.post(
        url, {"kind": "alternatives", "wording": WORDING_2, "alternatives": "States may act.\n"}
    )
    assert _text(options) == (
        "Option 1: States deleted: should inserted: shall not conduct or knowingly support ICT "
        "activity contrary to their obligations under international law. Option 2: States "
        "deleted: should not conduct or knowingly support ICT activity contrary to their "
        "obligations under international law inserted: may act ."
    )
    added = client.post(url, {"kind": "add", "wording": "A new one."})
    assert _text(added) == "New paragraph after 2: inserted: A new one."
    moved = client.post(url, {"kind": "move", "after": "p4"})
    assert _text(moved) == "Paragraph 2 would move to follow 4."
    bad = client.post(url, {"kind": "sideways"})
    assert _text(bad) == "Select a valid choice. sideways is not one of the available choices."
    assert models.Proposal.objects.count() == 0
    client.logout()
    assert client.post(url, {"wording": WORDING_2}).status_code == 302


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        (
            {"kind": "alternatives", "wording": WORDING_2, "alternatives": "States may act."},
            f"Option 1: {WORDING_2} Option 2: States may act.",
        ),
        ({"kind": "add", "wording": "A new one."}, "A new paragraph after 2: inserted: A new one."),
        ({"kind": "delete"}, f"Delete paragraph 2: deleted: {OLD_2}"),
        ({"kind": "move", "after": "p4"}, "Move paragraph 2 to follow 4."),
    ],
)
def test_every_kind_of_proposal_through_the_form(client, negotiation, data, shown):
    client.force_login(negotiation.brazil)
    response = client.post(f"{V1}/p2/propose/", data)
    assert response.status_code == 302
    assert models.Proposal.objects.get().structure is not None or data["kind"] == "alternatives"
    assert shown in _text(client.get(f"{V1}/compilation/"))


def test_a_refused_move_is_explained_and_stores_nothing(client, negotiation):
    client.force_login(negotiation.brazil)
    response = client.post(f"{V1}/p2/propose/", {"kind": "move"})
    assert response.status_code == 400
    assert "This version has no provision ." in _text(response)
    assert models.Proposal.objects.count() == 0


def test_the_bracketed_text_page(client, negotiation):
    _proposal(negotiation)
    submit_proposal(
        negotiation.version,
        by=negotiation.germany,
        provision_uid="p4",
        kind="alternatives",
        options=("The norms complement international law.", "The norms reflect the law."),
    )
    record_position(
        negotiation.version, by=negotiation.germany, provision_uid="p1", stance=Stance.OBJECT
    )
    page = client.get(f"{V1}/bracketed/")
    html = page.content.decode()
    assert f'<a href="{V1}/bracketed/" aria-current="page">Bracketed text</a>' in html
    text = _text(page)
    assert "3 provisions have disputed text." in text
    assert '<mark class="disputed">[The working group met in three substantive sessions' in html
    assert "States [should][shall] not conduct" in text
    assert (
        "[Option 1: The voluntary, non-binding norms complement the application of international "
        "law.] [Option 2: The norms complement international law.] [Option 3: The norms reflect "
        "the law.]"
    ) in text
    assert '<p class="provision paragraph"><span class="label">3</span> States should, in' in html
