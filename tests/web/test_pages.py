import re
from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from accord.actions.proposals import submit_proposal
from accord.store import models

pytestmark = pytest.mark.django_db

WORDING_2 = (
    "States shall not conduct or knowingly support ICT activity contrary to their "
    "obligations under international law."
)


def _version_url(n, view="version", **extra):
    return reverse(f"web:{view}", args=["wg", "report", n.version.number, *extra.values()])


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


def test_the_public_reads_a_public_process_without_signing_in(client, negotiation):
    home = client.get("/")
    assert home.status_code == 200
    assert "Working group (test)" in _text(home)
    current = client.get("/p/wg/report/")
    assert current.status_code == 302
    assert current["Location"] == "/p/wg/report/v1/"
    page = client.get("/p/wg/report/v1/")
    assert page.status_code == 200
    text = _text(page)
    assert "Zero draft" in text
    assert "2. States should not conduct or knowingly support ICT activity" in text
    assert "(a) by designating points of contact;" in text
    assert "Propose on" not in text


def test_a_private_process_is_not_found_by_the_public(client, db):
    from tests.builders import make_negotiation

    make_negotiation(is_public=False)
    assert "Working group (test)" not in _text(client.get("/"))
    assert client.get("/p/wg/").status_code == 404
    assert client.get("/p/wg/report/v1/").status_code == 404
    assert client.get("/p/wg/report/v1/compilation/").status_code == 404


def test_an_accredited_user_sees_a_private_process(client, db):
    from tests.builders import make_negotiation

    n = make_negotiation(is_public=False)
    client.force_login(n.brazil)
    assert client.get("/p/wg/report/v1/").status_code == 200


def test_a_delegate_proposes_through_the_form(client, negotiation):
    client.force_login(negotiation.brazil)
    page = client.get("/p/wg/report/v1/")
    assert "Propose on 2" in _text(page)
    assert "You act as Delegate for Brazil." in _text(page)
    form = client.get("/p/wg/report/v1/p2/propose/")
    assert form.status_code == 200
    assert "Propose on paragraph 2" in _text(form)
    response = client.post(
        "/p/wg/report/v1/p2/propose/", {"wording": WORDING_2, "justification": "Firmer."}
    )
    assert response.status_code == 302
    proposal = models.Proposal.objects.get()
    # Back where the delegate was: at the new proposal in the compilation.
    assert response["Location"] == f"/p/wg/report/v1/compilation/#proposal-{proposal.pk}"
    assert (proposal.delegation.code, proposal.provision_uid, proposal.wording) == (
        "BRA",
        "p2",
        WORDING_2,
    )
    followed = client.get(response["Location"])
    assert "Your proposal on paragraph 2 was submitted." in _text(followed)
    assert f'id="proposal-{proposal.pk}"' in followed.content.decode()
    assert "accord/place.js" in followed.content.decode()


def test_a_refused_proposal_says_why_and_stores_nothing(client, negotiation):
    client.force_login(negotiation.brazil)
    response = client.post(
        "/p/wg/report/v1/p2/propose/", {"wording": WORDING_2, "on_behalf_of": "eu"}
    )
    assert response.status_code == 400
    assert "Select a valid choice. eu is not one of the available choices." in _text(response)
    response = client.post(
        "/p/wg/report/v1/p2/propose/",
        {
            "wording": "States should not conduct or knowingly support ICT activity contrary to "
            "their obligations under international law."
        },
    )
    assert response.status_code == 400
    assert "The proposed wording is the same as the current text." in _text(response)
    response = client.post("/p/wg/report/v1/p2/propose/", {"wording": "   "})
    assert response.status_code == 400
    assert "The proposed wording is empty." in _text(response)
    assert models.Proposal.objects.count() == 0


def test_a_group_mandate_is_offered_and_used(client, negotiation):
    client.force_login(negotiation.germany)
    form = client.get("/p/wg/report/v1/p4/propose/")
    assert "On behalf of European Union" in _text(form)
    client.post(
        "/p/wg/report/v1/p4/propose/",
        {"wording": "The norms complement international law.", "on_behalf_of": "eu"},
    )
    assert models.Proposal.objects.get().on_behalf_of.code == "eu"


@pytest.mark.parametrize("who", ["holy_see", "chair", "stakeholder", "outsider"])
def test_people_who_may_not_propose_see_no_link_and_are_refused(client, negotiation, who):
    client.force_login(getattr(negotiation, who))
    assert "Propose on" not in _text(client.get("/p/wg/report/v1/"))
    # Refused before any typing: the form is not offered, and the page says why.
    shown = client.get("/p/wg/report/v1/p2/propose/")
    assert shown.status_code == 403
    assert "Only delegates of a delegation may do this." in _text(shown)
    assert "<textarea" not in shown.content.decode()
    response = client.post("/p/wg/report/v1/p2/propose/", {"wording": WORDING_2})
    assert response.status_code == 403
    assert "Only delegates of a delegation may do this." in _text(response)
    assert models.Proposal.objects.count() == 0


def test_proposing_needs_a_signed_in_user(client, negotiation):
    response = client.get("/p/wg/report/v1/p2/propose/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_proposing_on_a_heading_or_unknown_provision_is_not_found(client, negotiation):
    client.force_login(negotiation.brazil)
    assert client.get("/p/wg/report/v1/s-a/propose/").status_code == 404
    assert client.get("/p/wg/report/v1/p99/propose/").status_code == 404


def test_the_compilation_attributes_each_proposal(client, negotiation):
    submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", wording=WORDING_2
    )
    submit_proposal(
        negotiation.version,
        by=negotiation.germany,
        provision_uid="p2",
        wording=WORDING_2.replace("knowingly ", ""),
        on_behalf_of="eu",
        justification="Knowledge is hard to prove.",
    )
    client.force_login(negotiation.chair)
    page = client.get("/p/wg/report/v1/compilation/")
    text = _text(page)
    assert "2 proposals on this version." in text
    assert text.index("Brazil") < text.index("Germany, on behalf of European Union")
    html = page.content.decode()
    assert (
        '<del><span class="visually-hidden" dir="ltr">deleted: </span>should </del>'
        '<ins><span class="visually-hidden" dir="ltr">inserted: </span>shall </ins>'
    ) in html
    assert '<del><span class="visually-hidden" dir="ltr">deleted: </span>knowingly </del>' in html
    assert "Knowledge is hard to prove." in text


def test_the_compilation_reads_in_a_constant_number_of_queries(
    client, negotiation, django_assert_num_queries
):
    for i in range(3):
        submit_proposal(
            negotiation.version,
            by=negotiation.brazil,
            provision_uid="p2",
            wording=f"{WORDING_2} Variant {i}.",
        )
    # One of them finds the latest event, after which the page follows the record live, and
    # one the record's position (once a request), which the compilation and its setting are
    # kept by; the cache misses, the compilation is built and set. (The tests keep the cache
    # in memory, so it costs no query here; the database cache of a real instance adds its
    # reads and writes.)
    with django_assert_num_queries(13):
        client.get("/p/wg/report/v1/compilation/")
    # Nothing happened since: the compilation is set already, with no query for it.
    with django_assert_num_queries(10):
        client.get("/p/wg/report/v1/compilation/")
    # After events on one paragraph, its entry alone is compiled again, after one query more
    # for the events since: as many queries after 20 proposals as after 3.
    for count in (20, 3):
        for i in range(count):
            submit_proposal(
                negotiation.version,
                by=negotiation.germany,
                provision_uid="p4",
                wording=f"Variant {count}-{i}.",
            )
        with django_assert_num_queries(14):
            client.get("/p/wg/report/v1/compilation/")


def test_a_page_that_is_not_there_says_so_in_accords_own_words(client, db):
    response = client.get("/p/nowhere/")
    assert response.status_code == 404
    assert "A process that is not public is visible only to the people accredited to it." in _text(
        response
    )


def test_the_log_and_the_key_are_published_and_verify(client, negotiation):
    from accord.core import eventlog

    log = b"".join(client.get("/record/log.jsonl").streaming_content)
    key = client.get("/record/public-key.pem").content
    verdict = eventlog.verify(log.splitlines(keepends=True), eventlog.public_key_check(key))
    assert verdict == eventlog.Verdict(ok=True, events=models.Event.objects.count())


def test_a_user_creates_sees_once_and_revokes_an_api_token(client, negotiation):
    client.force_login(negotiation.brazil)
    created = client.post("/account/tokens/", {"name": "Capital tool", "read_only": "on"})
    assert created.status_code == 200
    secret = re.search(r'<code id="new-token">(accord_[^<]+)</code>', created.content.decode())[1]
    token = models.ApiToken.objects.get()
    assert (token.user, token.name, token.read_only) == (negotiation.brazil, "Capital tool", True)
    listed = client.get("/account/tokens/")
    assert secret not in listed.content.decode()
    assert "Capital tool" in _text(listed)
    assert "read only" in _text(listed)
    client.force_login(negotiation.germany)
    assert client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 404
    client.force_login(negotiation.brazil)
    assert client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "revoked" in _text(client.get("/account/tokens/"))


def test_a_token_needs_a_name(client, negotiation):
    client.force_login(negotiation.brazil)
    response = client.post("/account/tokens/", {"name": ""})
    assert "This field is required." in _text(response)
    assert models.ApiToken.objects.count() == 0


def test_the_history_says_every_event_in_words_newest_first(client, negotiation):
    proposal = submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", wording=WORDING_2
    )
    page = client.get("/p/wg/history/")
    assert page.status_code == 200
    text = _text(page)
    assert (
        text.index("Proposal submitted")
        < text.index("Draft published")
        < text.index("Process created")
    )
    assert f"Brazil proposal {proposal.pk} on paragraph 2 of Zero draft" in text
    assert "(bra)" not in text
    # No internal identifier where a name exists: subjects are said in words.
    assert not re.search(r"\b(proposal|document|user|provision|process):", text)
    assert "Accreditation granted" in text


def test_the_history_says_which_version_a_draft_or_a_revision_concerns(client, negotiation):
    text = _text(client.get("/p/wg/history/"))
    assert "Draft published chair Zero draft of Report of the working group (test)" in text
    assert "paragraph Zero draft" not in text


def test_the_history_pages_back_in_hundreds(client, negotiation):
    for i in range(120):
        submit_proposal(
            negotiation.version, by=negotiation.brazil, provision_uid="p4", wording=f"Variant {i}."
        )
    first = client.get("/p/wg/history/").content.decode()
    assert first.count('<tr id="event-') == 100
    older = re.search(r'href="\?before=(\d+)"', first)[1]
    second = client.get(f"/p/wg/history/?before={older}").content.decode()
    seqs = [int(s) for s in re.findall(r'<tr id="event-(\d+)"', second)]
    assert seqs[0] == int(older) - 1
    assert seqs == sorted(seqs, reverse=True)


def test_a_private_history_is_not_found_by_the_public(client, db):
    from tests.builders import make_negotiation

    make_negotiation(is_public=False)
    assert client.get("/p/wg/history/").status_code == 404


NEW_DRAFT = """# Draft declaration (test)

## A. General

1. States affirm their commitment to an open and secure ICT environment.

2. States will cooperate:
   (a) by exchanging information;
   (b) by building capacity.
"""


def test_the_chair_previews_then_publishes_a_pasted_draft(client, negotiation):
    client.force_login(negotiation.chair)
    assert "Publish a draft" in _text(client.get("/p/wg/"))
    form = {"text": NEW_DRAFT, "label": "Zero draft", "slug": "declaration", "symbol": ""}
    preview = client.post("/p/wg/drafts/new/", form | {"step": "preview"})
    assert preview.status_code == 200
    text = _text(preview)
    assert "Recognised: “Draft declaration (test)”, 5 provisions" in text
    assert "2(a) sub-paragraph by exchanging information;" in text
    assert not models.Document.objects.filter(slug="declaration").exists()
    published = client.post("/p/wg/drafts/new/", form | {"step": "publish"})
    assert published.status_code == 302
    assert published["Location"] == "/p/wg/declaration/v1/"
    version = models.Version.objects.get(document__slug="declaration")
    assert list(version.provisions.values_list("label", flat=True)) == [
        "A",
        "1",
        "2",
        "2(a)",
        "2(b)",
    ]
    assert models.Event.objects.last().kind == "draft.published"


def test_a_draft_that_cannot_be_read_is_explained_and_not_stored(client, negotiation):
    client.force_login(negotiation.secretariat)
    form = {
        "text": "# Title\nWords before any paragraph.",
        "label": "Zero draft",
        "slug": "declaration",
        "step": "publish",
    }
    response = client.post("/p/wg/drafts/new/", form)
    assert response.status_code == 400
    assert "Line 2: text that belongs to no numbered paragraph." in _text(response)
    taken = client.post("/p/wg/drafts/new/", form | {"text": NEW_DRAFT, "slug": "report"})
    assert taken.status_code == 400
    assert "This process already has a document called “report”." in _text(taken)
    assert models.Document.objects.count() == 1


@pytest.mark.parametrize("who", ["brazil", "holy_see", "outsider"])
def test_only_the_chair_and_secretariat_reach_the_drafting_desk(client, negotiation, who):
    client.force_login(getattr(negotiation, who))
    assert "Publish a draft" not in _text(client.get("/p/wg/"))
    assert client.get("/p/wg/drafts/new/").status_code == 404
    assert (
        client.post(
            "/p/wg/drafts/new/", {"text": NEW_DRAFT, "label": "x", "slug": "d", "step": "publish"}
        ).status_code
        == 404
    )
    assert models.Document.objects.count() == 1


def test_everyone_sees_who_takes_part_but_only_the_secretariat_sees_people(client, negotiation):
    page = _text(client.get("/p/wg/participants/"))
    assert "3 member States take part; only members count for consensus." in page
    assert "Brazil (Latin American and Caribbean Group)" in page
    assert "Holy See" in page
    assert "Accredited people" not in page
    client.force_login(negotiation.secretariat)
    page = _text(client.get("/p/wg/participants/"))
    assert "Accredited people" in page
    assert "deu Delegate Germany European Union" in page


def test_the_secretariat_accredits_a_person_through_the_page(client, negotiation):
    client.force_login(negotiation.secretariat)
    response = client.post(
        "/p/wg/participants/",
        {
            "username": "fra",
            "full_name": "Delegate of France",
            "email": "",
            "password": "a long pass phrase",
            "role": "delegate",
            "delegation": "FRA",
        },
    )
    assert response.status_code == 302
    accreditation = models.Accreditation.objects.get(user__username="fra")
    assert (accreditation.role, accreditation.delegation.code) == ("delegate", "FRA")
    refused = client.post(
        "/p/wg/participants/",
        {
            "username": "vat2",
            "password": "a long pass phrase",
            "role": "delegate",
            "delegation": "VAT",
        },
    )
    assert refused.status_code == 400
    assert (
        "A person in the role “Delegate” cannot act for a participant of the kind “Observer”."
        in _text(refused)
    )
    assert not models.Accreditation.objects.filter(user__username="vat2").exists()


@pytest.mark.parametrize("who", ["chair", "brazil", "outsider"])
def test_only_the_secretariat_accredits(client, negotiation, who):
    client.force_login(getattr(negotiation, who))
    response = client.post(
        "/p/wg/participants/", {"username": "x", "password": "a long pass phrase", "role": "chair"}
    )
    assert response.status_code == 404
    assert not models.Accreditation.objects.filter(user__username="x").exists()


def test_a_delegate_withdraws_their_own_proposal_from_the_compilation(client, negotiation):
    proposal = submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", wording=WORDING_2
    )
    url = f"/p/wg/report/v1/proposals/{proposal.pk}/withdraw/"
    client.force_login(negotiation.germany)
    assert "Withdraw this proposal" not in _text(client.get("/p/wg/report/v1/compilation/"))
    client.post(url)
    proposal.refresh_from_db()
    assert proposal.status == "open"
    client.force_login(negotiation.brazil)
    assert "Withdraw this proposal" in _text(client.get("/p/wg/report/v1/compilation/"))
    followed = client.post(url, follow=True)
    assert "Your proposal was withdrawn." in _text(followed)
    assert "Brazil withdrawn" in _text(followed)
    assert "Withdraw this proposal" not in _text(followed)


def _revise(negotiation):
    from tests.actions.test_revisions import REV1

    from accord.actions.revisions import issue_revision

    return issue_revision(
        negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1"
    )


def test_the_redline_shows_every_change_from_an_earlier_version(client, negotiation):
    _revise(negotiation)
    assert client.get("/p/wg/report/v1/redline/").status_code == 404
    page = client.get("/p/wg/report/v2/redline/")
    assert page.status_code == 200
    html = page.content.decode()
    text = _text(page)
    assert "Versions: Zero draft · Rev.1" in text
    assert "provisions changed from Zero draft to Rev.1." in text
    assert (
        '<del><span class="visually-hidden" dir="ltr">deleted: </span>should </del>'
        '<ins><span class="visually-hidden" dir="ltr">inserted: </span>shall </ins>'
    ) in html
    assert "(deleted 1)" in text
    assert "The working group met in three substantive sessions" in text
    assert "(formerly 3)" in text


def test_the_compilation_of_an_earlier_version_shows_each_proposals_fate(client, negotiation):
    proposal = submit_proposal(
        negotiation.version,
        by=negotiation.brazil,
        provision_uid="p2",
        wording="States shall not conduct or knowingly support ICT "
        "activity contrary to their obligations under international law.",
    )
    _revise(negotiation)
    text = _text(client.get("/p/wg/report/v1/compilation/"))
    assert f"proposal-{proposal.pk}" in client.get("/p/wg/report/v1/compilation/").content.decode()
    assert "Rev.1: reflected in 1" in text


def test_a_delegate_states_a_position_and_sees_it_go_stale(client, negotiation):
    client.force_login(negotiation.brazil)
    form = client.get("/p/wg/report/v1/p4/position/")
    assert "Position on paragraph 4" in _text(form)
    response = client.post("/p/wg/report/v1/p4/position/", {"stance": "reserve", "note": ""})
    assert response.status_code == 302
    assert response["Location"] == "/p/wg/report/v1/#p4"
    page = _text(client.get("/p/wg/report/v1/"))
    assert "Your position: reserve, pending capital" in page
    assert "stale" not in page
    # A version's text never changes in place (a revision is a new version); changed here
    # behind the record's back, the pages kept for the record's position are let go too.
    models.Provision.objects.filter(version=negotiation.version, uid="p4").update(text="New.")
    cache.clear()
    assert "Your position: reserve, pending capital — stale: the text changed since" in _text(
        client.get("/p/wg/report/v1/")
    )


def test_the_positions_board_is_for_the_accredited(client, negotiation):
    from accord.actions.positions import record_position
    from accord.core.positions import Stance

    record_position(
        negotiation.version, by=negotiation.germany, provision_uid="p2", stance=Stance.OBJECT
    )
    assert client.get("/p/wg/report/v1/positions/").status_code == 302
    client.force_login(negotiation.outsider)
    assert client.get("/p/wg/report/v1/positions/").status_code == 404
    client.force_login(negotiation.chair)
    text = _text(client.get("/p/wg/report/v1/positions/"))
    assert "2 — — — Germany —" in text


def test_an_observer_cannot_state_a_position(client, negotiation):
    client.force_login(negotiation.holy_see)
    response = client.post("/p/wg/report/v1/p4/position/", {"stance": "object"})
    assert response.status_code == 400
    assert "Only delegates of a delegation may do this." in _text(response)
    assert models.Position.objects.count() == 0


def test_the_chair_records_adoption_and_everyone_sees_it_with_national_views(client, negotiation):
    client.force_login(negotiation.chair)
    assert "Adoption" in _text(client.get("/p/wg/report/v1/"))
    response = client.post(
        "/p/wg/report/v1/adoption/",
        {
            "objections": "vat",
            "disassociations": "FRA: 2, 3(a)",
            "explanations": "BRA: Brazil reads paragraph 4 as non-binding.",
            "confirm": "on",
        },
    )
    assert response.status_code == 302
    adoption = models.Adoption.objects.get()
    assert adoption.adopted
    assert adoption.disassociations == {"FRA": ["p2", "p3-a"]}
    client.logout()
    page = _text(client.get("/p/wg/report/v1/"))
    assert "Adopted by consensus" in page
    assert "France joined consensus and disassociated from 2 paragraphs (national view)." in page
    assert (
        "Explanation of position by Brazil (national view) Brazil reads paragraph 4 as non-binding."
    ) in page
    assert "Propose on" not in page


def test_the_chair_names_delegations_at_the_adoption_by_their_names(client, negotiation):
    client.force_login(negotiation.chair)
    response = client.post(
        "/p/wg/report/v1/adoption/",
        {
            "objections": "Holy See",
            "disassociations": "france: 2",
            "explanations": "Brazil: Brazil reads paragraph 4 as non-binding.",
            "confirm": "on",
        },
    )
    assert response.status_code == 302
    adoption = models.Adoption.objects.get()
    assert adoption.disassociations == {"FRA": ["p2"]}
    explained = adoption.explanations.get()
    assert explained.delegation.code == "BRA"


def test_a_bad_adoption_record_is_explained_and_not_stored(client, negotiation):
    client.force_login(negotiation.chair)
    unknown = client.post("/p/wg/report/v1/adoption/", {"disassociations": "FRA: 9"})
    assert unknown.status_code == 400
    assert "No paragraph 9 in this version." in _text(unknown)
    shapeless = client.post("/p/wg/report/v1/adoption/", {"explanations": "no colon here"})
    assert "Line 1 should read “Delegation: …”." in _text(shapeless)
    stranger = client.post("/p/wg/report/v1/adoption/", {"objections": "KEN"})
    assert "Kenya does not take part in this process." in _text(stranger)
    assert models.Adoption.objects.count() == 0


@pytest.mark.parametrize("who", ["secretariat", "brazil"])
def test_only_the_chair_reaches_the_adoption_desk(client, negotiation, who):
    client.force_login(getattr(negotiation, who))
    assert client.post("/p/wg/report/v1/adoption/", {}).status_code == 404
    assert models.Adoption.objects.count() == 0


def test_the_consensus_report_is_derived_from_the_adoption_and_withholds_changed_text(
    client, negotiation
):
    from accord.actions.adoption import record_adoption

    assert client.get("/p/wg/report/consensus-report/").status_code == 404
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    text = _text(client.get("/p/wg/report/consensus-report/"))
    assert "Adopted by consensus" in text
    assert (
        "4. The voluntary, non-binding norms complement the application of international "
        "law. Cite as: Report of the working group (test), para 4 (adopted by consensus)"
    ) in text
    models.Provision.objects.filter(version=negotiation.version, uid="p4").update(
        text="The norms are binding."
    )
    text = _text(client.get("/p/wg/report/consensus-report/"))
    assert "1 paragraph no longer has the text that was adopted and is withheld: 4" in text
    assert "The norms are binding." not in text


def test_after_proposing_the_delegate_lands_in_the_part_that_holds_the_proposal(
    client, negotiation, monkeypatch
):
    from accord.web import views

    monkeypatch.setattr(views, "PART_PROPOSALS", 1)
    submit_proposal(
        negotiation.version, by=negotiation.germany, provision_uid="p1", wording="The group met."
    )
    client.force_login(negotiation.brazil)
    response = client.post("/p/wg/report/v1/p4/propose/", {"wording": "The norms complement law."})
    proposal = models.Proposal.objects.get(provision_uid="p4")
    assert response["Location"] == (f"/p/wg/report/v1/compilation/?part=2#proposal-{proposal.pk}")
    assert f'id="proposal-{proposal.pk}"' in client.get(response["Location"]).content.decode()


def test_the_consensus_report_names_the_witnessed_checkpoint_that_covers_the_decision(
    client, negotiation
):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from accord.actions.adoption import record_adoption
    from accord.actions.witnesses import keep_cosignature, register_witness
    from accord.core import merkle
    from accord.store import tree

    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    decided = models.Event.objects.get(kind="adoption.recorded").seq
    text = _text(client.get("/p/wg/report/consensus-report/"))
    assert "No witness has yet co-signed a checkpoint that covers this decision." in text

    def cosign(checkpoint: merkle.Checkpoint, name: str) -> None:
        key = Ed25519PrivateKey.generate()
        pem = key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
        witness = register_witness(name=name, public_pem=pem, by=None)
        unsigned = merkle.Cosignature(checkpoint, witness.key_id, "t")
        keep_cosignature(
            merkle.Cosignature(checkpoint, witness.key_id, "t", key.sign(unsigned.note()).hex())
        )

    first = tree.sign_checkpoint(datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    assert first is not None
    covering = tree.checkpoint_value(first)
    cosign(covering, "Library")
    cosign(covering, "Observer")
    text = _text(client.get("/p/wg/report/consensus-report/"))
    assert (
        f"The decision (event {decided}) is in checkpoint {covering.size} of {covering.time},"
        " co-signed by the witnesses Library, Observer."
    ) in text
    exported = client.get("/p/wg/report/consensus-report.json").json()
    assert exported["adoption"]["witnessed"] == {
        "checkpoint": covering.as_json(),
        "witnesses": ["Library", "Observer"],
    }
