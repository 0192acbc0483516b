"""The Chair's revision desk, the provision history, and the redline of a revision."""

import re

import pytest
from tests.actions.test_revisions import FIRM, REV1
from tests.builders import DRAFT

from accord.actions.adoption import record_adoption
from accord.actions.proposals import submit_proposal
from accord.core.draft_text import render_draft
from accord.store import models, queries

pytestmark = pytest.mark.django_db

URL = "/p/wg/report/revise/"
IGNORED = "The norms replace international law."


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


def _state():
    return (
        models.Version.objects.count(),
        models.Provision.objects.count(),
        models.ProposalFate.objects.count(),
        models.Event.objects.count(),
    )


@pytest.fixture
def proposals(negotiation):
    reflected = submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", wording=FIRM
    )
    ignored = submit_proposal(
        negotiation.version, by=negotiation.germany, provision_uid="p4", wording=IGNORED
    )
    return reflected, ignored


def _current_text(negotiation):
    return render_draft(queries.version_value(negotiation.version))


def test_the_chair_starts_from_the_current_text_with_every_open_proposal(
    client, negotiation, proposals
):
    reflected, ignored = proposals
    client.force_login(negotiation.chair)
    assert "Issue a revision" in _text(client.get("/p/wg/report/v1/"))
    page = client.get(URL)
    assert page.status_code == 200
    html, text = page.content.decode(), _text(page)
    assert page.context["form"]["text"].value() == _current_text(negotiation)
    assert "Issue a revision of Zero draft" in text
    assert "2 open proposals, paragraph by paragraph" in text
    assert f"Proposal {reflected.pk}: Brazil" in text
    assert f"Proposal {ignored.pk}: Germany" in text
    assert f'<button type="submit" name="take" value="{reflected.pk}">' in html
    assert f"Take in proposal {ignored.pk} as paragraph 4" in text
    assert "Preview" in text
    assert "Issue the revision" not in text


def test_taking_in_a_proposal_puts_its_wording_into_the_draft_and_stores_nothing(
    client, negotiation, proposals
):
    reflected, _ignored = proposals
    client.force_login(negotiation.chair)
    before = _state()
    current = _current_text(negotiation)
    taken = client.post(URL, {"text": current, "label": "", "take": str(reflected.pk)})
    assert taken.status_code == 200
    expected = render_draft(
        queries.version_value(negotiation.version).__class__(
            "Report of the working group (test)",
            tuple(
                p.__class__(p.uid, p.kind, p.label, FIRM if p.uid == "p2" else p.text, p.parent)
                for p in queries.version_value(negotiation.version)
            ),
        )
    )
    assert taken.context["form"]["text"].value() == expected
    assert f"Proposal {reflected.pk} by Brazil was taken into paragraph 2." in _text(taken)
    assert _state() == before
    # The draft is kept for the Chair, not recorded.
    assert client.get(URL).context["form"]["text"].value() == expected
    restarted = client.post(URL, {"step": "restart"})
    assert restarted.status_code == 302
    assert client.get(URL).context["form"]["text"].value() == current
    assert _state() == before


def test_taking_in_on_a_paragraph_the_draft_dropped_is_explained(client, negotiation, proposals):
    _reflected, ignored = proposals
    client.force_login(negotiation.chair)
    without_4 = _current_text(negotiation).split("4. ")[0]
    response = client.post(URL, {"text": without_4, "label": "", "take": str(ignored.pk)})
    assert response.status_code == 400
    assert (
        "Paragraph 4 is no longer in the draft of the revision; type the wording in by hand "
        "where it belongs." in _text(response)
    )
    assert client.post(URL, {"text": without_4, "take": "999"}).status_code == 404


def test_the_preview_shows_the_redline_the_number_map_and_every_fate(
    client, negotiation, proposals
):
    reflected, ignored = proposals
    client.force_login(negotiation.chair)
    before = _state()
    preview = client.post(URL, {"text": REV1, "label": "Rev.1", "step": "preview"})
    assert preview.status_code == 200
    html, text = preview.content.decode(), _text(preview)
    assert "provisions changed from Zero draft." in text
    assert (
        "Old and new paragraph numbers Zero draft Rev.1 A deleted 1 deleted B A 2 1 3 2 3(a) 2(a)"
        in text
    )
    assert (
        '<del><span class="visually-hidden" dir="ltr">deleted: </span>should </del>'
        '<ins><span class="visually-hidden" dir="ltr">inserted: </span>shall </ins>'
    ) in html
    assert f"{reflected.pk} — Brazil 2 reflected in 1" in text
    assert f"{ignored.pk} — Germany needs a fate 4 not taken up" in text
    assert f'<select name="fate_{ignored.pk}" id="id_fate_{ignored.pk}">' in html
    assert "Issue the revision" in text
    assert _state() == before


def test_a_revision_leaving_a_proposal_without_fate_is_refused_and_names_it(
    client, negotiation, proposals
):
    _reflected, ignored = proposals
    client.force_login(negotiation.chair)
    before = _state()
    refused = client.post(URL, {"text": REV1, "label": "Rev.1", "step": "issue"})
    assert refused.status_code == 400
    text = _text(refused)
    assert (
        f"1 open proposal would vanish without a fate: {ignored.pk}. Record what the "
        f"revision does with it. Proposal {ignored.pk} by Germany on paragraph 4"
    ) in text
    assert _state() == before
    unlabelled = client.post(
        URL, {"text": REV1, "step": "issue", f"fate_{ignored.pk}": "not-taken-up"}
    )
    assert unlabelled.status_code == 400
    assert "Give the revision a label, for example Rev.2." in _text(unlabelled)
    unreadable = client.post(URL, {"text": "# Title\nno numbers", "step": "issue", "label": "R"})
    assert unreadable.status_code == 400
    assert "Line 2: text that belongs to no numbered paragraph." in _text(unreadable)
    # Even unreadable, the draft is kept for the Chair to mend.
    assert client.get(URL).context["form"]["text"].value() == "# Title\nno numbers"
    wrong = client.post(URL, {"text": REV1, "step": "issue", f"fate_{ignored.pk}": "withdrawn"})
    assert wrong.status_code == 400
    assert _state() == before


def test_the_chair_issues_the_revision_with_the_fates_set_on_the_page(
    client, negotiation, proposals
):
    reflected, ignored = proposals
    client.force_login(negotiation.chair)
    client.post(URL, {"text": REV1, "label": "Rev.1", "step": "save"})
    issued = client.post(
        URL,
        {
            "text": REV1,
            "label": "Rev.1",
            "step": "issue",
            f"fate_{ignored.pk}": "merged",
            f"merged_{ignored.pk}": [str(reflected.pk)],
        },
    )
    assert issued.status_code == 302
    assert issued["Location"] == "/p/wg/report/v2/redline/"
    version = models.Version.objects.get(number=2)
    assert (version.label, version.document.slug) == ("Rev.1", "report")
    fates = {
        f.proposal_id: (f.kind, f.provisions, f.merged_with, f.recorded)
        for f in models.ProposalFate.objects.filter(revision=version)
    }
    assert fates == {
        reflected.pk: ("reflected", ["p2"], [], False),
        ignored.pk: ("merged", ["p4"], [reflected.pk], True),
    }
    event = models.Event.objects.last()
    assert event.kind == "revision.issued"
    assert event.actor == negotiation.chair
    assert event.payload == {
        "document": "report",
        "version": 2,
        "label": "Rev.1",
        "replaces": 1,
        "content_hash": queries.version_value(version).content_hash,
        "number_map": {
            "A": [],
            "1": [],
            "B": ["A"],
            "2": ["1"],
            "3": ["2"],
            "3(a)": ["2(a)"],
            "3(b)": ["2(b)"],
            "4": ["3"],
        },
        "fates": {str(reflected.pk): "reflected", str(ignored.pk): "merged"},
    }
    followed = client.get(issued["Location"])
    assert "Rev.1 was issued." in _text(followed)
    assert "Revision issued" in _text(client.get("/p/wg/history/"))
    # The draft is gone with the issue; the desk now starts from Rev.1.
    assert client.get(URL).context["form"]["text"].value() == render_draft(
        queries.version_value(version)
    )


@pytest.mark.parametrize("who", ["brazil", "holy_see", "stakeholder", "outsider"])
def test_only_those_who_prepare_revisions_reach_the_revision_desk(
    client, negotiation, proposals, who
):
    client.force_login(getattr(negotiation, who))
    assert "revision" not in _text(client.get("/p/wg/report/v1/"))
    before = _state()
    refused = client.get(URL)
    assert refused.status_code == 403
    assert (
        "Only the Chair, the Bureau and the Secretariat see the draft of a revision before it is "
        "issued." in _text(refused)
    )
    assert client.post(URL, {"text": REV1, "label": "Rev.1", "step": "issue"}).status_code == 403
    assert _state() == before


def test_the_public_is_sent_to_sign_in(client, negotiation):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_no_revision_of_an_adopted_document(client, negotiation):
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    client.force_login(negotiation.chair)
    before = _state()
    for response in (
        client.get(URL),
        client.post(URL, {"text": REV1, "label": "Rev.1", "step": "issue"}),
    ):
        assert response.status_code == 409
        assert (
            "“Report of the working group (test)” has been adopted; nothing more can be proposed, "
            "revised or adopted on it." in _text(response)
        )
    assert _state() == before


def test_the_provision_history_follows_a_paragraph_through_the_versions(
    client, negotiation, proposals
):
    client.force_login(negotiation.chair)
    client.post(
        URL, {"text": REV1, "label": "Rev.1", "step": "issue", f"fate_{proposals[1].pk}": "pending"}
    )
    clean = client.get("/p/wg/report/v2/").content.decode()
    assert '<a href="/p/wg/report/provisions/p2/">History of 1</a>' in clean
    page = client.get("/p/wg/report/provisions/p2/")
    assert page.status_code == 200
    html, text = page.content.decode(), _text(page)
    assert "History of paragraph 1" in text
    assert "Zero draft" in text
    assert "Rev.1" in text
    assert '<a href="/p/wg/report/v1/#p2">Zero draft</a>' in html
    assert '<a href="/p/wg/report/v2/#p2">Rev.1</a>' in html
    assert (
        '<del><span class="visually-hidden" dir="ltr">deleted: </span>should </del>'
        '<ins><span class="visually-hidden" dir="ltr">inserted: </span>shall </ins>'
    ) in html
    dropped = _text(client.get("/p/wg/report/provisions/p1/"))
    assert "Not in this version: deleted, or merged into another paragraph." in dropped
    kept = _text(client.get("/p/wg/report/provisions/p4/"))
    assert "Words unchanged (numbered 4 before)." in kept
    assert client.get("/p/wg/report/provisions/p99/").status_code == 404


def test_a_private_provision_history_is_not_found_by_the_public(client, db):
    from tests.builders import make_negotiation

    make_negotiation(is_public=False)
    assert client.get("/p/wg/report/provisions/p2/").status_code == 404


def test_the_redline_of_a_revision_compares_with_any_earlier_version(
    client, negotiation, proposals
):
    client.force_login(negotiation.chair)
    for label, text in (("Rev.1", REV1), ("Rev.2", REV1.replace("complement", "support"))):
        fates = {
            f"fate_{p.id}": "pending"
            for p in queries.open_proposals(queries.current_version(negotiation.version.document))
        }
        response = client.post(URL, {"text": text, "label": label, "step": "issue", **fates})
        assert response.status_code == 302, _text(response)
    page = client.get("/p/wg/report/v3/redline/?against=1")
    html, text = page.content.decode(), _text(page)
    assert '<option value="1" selected>Zero draft</option>' in html
    assert '<option value="2">Rev.1</option>' in html
    assert "provisions changed from Zero draft to Rev.2." in text
    assert "Old and new paragraph numbers Zero draft Rev.2" in text
    assert DRAFT.splitlines()[0].lstrip("# ") in text


def test_the_desk_and_the_history_read_in_a_constant_number_of_queries(
    client, negotiation, proposals
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(negotiation.chair)
    form = {"text": REV1, "label": "Rev.1", "step": "preview"}

    def counted(act):
        with CaptureQueriesContext(connection) as queries_made:
            assert act().status_code == 200
        return len(queries_made)

    desk = counted(lambda: client.post(URL, form))
    history = counted(lambda: client.get("/p/wg/report/provisions/p2/"))
    for uid in ("p2", "p3", "p3-a"):
        submit_proposal(
            negotiation.version, by=negotiation.germany, provision_uid=uid, wording=FIRM
        )
    assert counted(lambda: client.post(URL, form)) == desk
    client.post(
        URL,
        form
        | {"step": "issue", **{f"fate_{p.pk}": "pending" for p in models.Proposal.objects.all()}},
    )
    assert models.Version.objects.count() == 2
    assert counted(lambda: client.get("/p/wg/report/provisions/p2/")) == history


def test_pages_name_the_document_by_the_title_of_the_version_they_show(client, negotiation):
    from accord.actions.revisions import issue_revision

    revised = DRAFT.replace(
        "# Report of the working group (test)", "# Revised report of the working group (test)"
    )
    issue_revision(negotiation.version.document, by=negotiation.chair, text=revised, label="Rev.1")
    process = _text(client.get("/p/wg/"))
    assert "Revised report of the working group (test) Rev.1" in process
    client.force_login(negotiation.chair)
    mark = _text(client.get("/p/wg/report/v2/p4/status/"))
    assert "Revised report of the working group (test) — Rev.1" in mark
    old = _text(client.get("/p/wg/report/v1/p4/status/"))
    assert "Report of the working group (test) — Zero draft" in old
    assert "Revised report" not in old


def test_the_number_map_lists_only_the_paragraphs_whose_numbers_change(client, negotiation):
    client.force_login(negotiation.chair)
    reworded = _current_text(negotiation).replace("complement the application", "complement")
    preview = client.post(URL, {"text": reworded, "label": "Rev.1", "step": "preview"})
    html = preview.content.decode()
    table = html[html.index('<details class="number-map"') :].split("</details>")[0]
    assert "<tbody></tbody>" in table
    assert "Paragraphs not listed keep their numbers." in table
