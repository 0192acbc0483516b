"""The revision desk as a shared, stored workspace: the draft survives sign-out, the Bureau
and the Secretariat read it and edit it when the Chair allows, and it saves as it is typed."""

import re
from datetime import UTC, datetime

import pytest
import time_machine
from tests.actions.test_revisions import REV1 as WITH_NEWLINE
from tests.builders import make_user

from accord.actions.processes import accredit
from accord.actions.proposals import submit_proposal
from accord.core.participants import Role
from accord.core.proposals import ProposalKind
from accord.store import models

pytestmark = pytest.mark.django_db

URL = "/p/wg/report/revise/"
SAVE = "/p/wg/report/revise/save/"
NINE = datetime(2026, 3, 2, 9, 2, tzinfo=UTC)
# A form field keeps the text without its final line break.
REV1 = WITH_NEWLINE.strip()


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


@pytest.fixture
def team(negotiation):
    vice = make_user("vice")
    vice.first_name = "Vice-Chair"
    vice.save()
    accredit(negotiation.process, by=None, user=vice, role=Role.BUREAU)
    negotiation.vice = vice
    return negotiation


def _stored():
    return list(
        models.WorkingDraft.objects.values_list(
            "text", "label", "others_may_edit", "saved_by__username", "saved_at"
        )
    )


def _events():
    return models.Event.objects.count()


def test_the_draft_survives_sign_out_and_the_secretariat_reads_it(client, team):
    events = _events()
    client.force_login(team.chair)
    with time_machine.travel(NINE, tick=False):
        saved = client.post(URL, {"text": REV1, "label": "Rev.1", "step": "save"})
    assert saved.status_code == 200
    assert "The draft of the revision was saved." in _text(saved)
    assert "Saved 09:02 by chair" in _text(saved)
    client.logout()
    client.force_login(team.chair)
    again = client.get(URL)
    assert (again.context["form"]["text"].value(), again.context["form"]["label"].value()) == (
        REV1,
        "Rev.1",
    )
    client.force_login(team.secretariat)
    page = client.get(URL)
    html, text = page.content.decode(), _text(page)
    assert page.status_code == 200
    assert page.context["form"]["text"].value() == REV1
    assert "Draft of the revision of Zero draft" in text
    assert '<p id="draft-saved" role="status" aria-live="polite">Saved 09:02 by chair</p>' in html
    assert (
        "You may read this draft; the Chair has not allowed the Bureau and the Secretariat to "
        "edit it." in text
    )
    assert "readonly" in html
    assert "data-autosave-url" not in html
    for button in ("Save the draft", "Issue the revision", "Start again", "Let them edit it"):
        assert button not in text
    assert "Draft of the next revision" in _text(client.get("/p/wg/report/v1/"))
    assert _events() == events


@pytest.mark.parametrize("who", ["vice", "secretariat"])
def test_an_edit_by_the_bureau_is_refused_unless_the_chair_allows(client, team, who):
    client.force_login(team.chair)
    client.post(URL, {"text": REV1, "label": "Rev.1", "step": "save"})
    before, events = _stored(), _events()
    client.force_login(getattr(team, who))
    refused = client.post(URL, {"text": "1. Mine.", "label": "Rev.9", "step": "save"})
    assert refused.status_code == 403
    assert (
        "The Chair has not allowed the Bureau and the Secretariat to edit the draft of this "
        "revision; you may read it." in _text(refused)
    )
    autosaved = client.post(SAVE, {"text": "1. Mine.", "label": ""})
    assert (autosaved.status_code, autosaved.json()) == (
        403,
        {
            "status": "Not saved: The Chair has not allowed the Bureau and the Secretariat to "
            "edit the draft of this revision; you may read it."
        },
    )
    assert client.post(URL, {"step": "share"}).status_code == 403
    assert (_stored(), _events()) == (before, events)

    client.force_login(team.chair)
    shared = client.post(URL, {"step": "share"}, follow=True)
    assert "The Bureau and the Secretariat may now edit this draft." in _text(shared)
    assert "Let them only read it" in _text(shared)
    client.force_login(getattr(team, who))
    page = client.get(URL)
    assert "The Chair lets the Bureau and the Secretariat edit this draft" in _text(page)
    assert 'data-autosave-url="/p/wg/report/revise/save/"' in page.content.decode()
    assert "Issue the revision" not in _text(page)
    with time_machine.travel(NINE, tick=False):
        saved = client.post(SAVE, {"text": "1. Ours.", "label": "Rev.1"})
    name = getattr(team, who).get_full_name() or getattr(team, who).username
    assert (saved.status_code, saved.json()) == (200, {"status": f"Saved 09:02 by {name}"})
    assert _stored() == [("1. Ours.", "Rev.1", True, getattr(team, who).username, NINE)]
    assert _events() == events


def test_the_autosave_refuses_what_it_cannot_store(client, team):
    client.force_login(team.chair)
    assert client.get(SAVE).status_code == 405
    invalid = client.post(SAVE, {"label": "Rev.1"})
    assert (invalid.status_code, invalid.json()) == (
        400,
        {"status": "Not saved: check the text and the fates."},
    )
    client.force_login(team.brazil)
    assert client.post(SAVE, {"text": REV1}).status_code == 403
    assert _stored() == []


def test_the_chair_s_fate_choices_are_kept_with_the_draft(client, team):
    proposal = submit_proposal(
        team.version, by=team.brazil, provision_uid="p4", wording="The norms guide States."
    )
    client.force_login(team.chair)
    client.post(
        URL,
        {"text": REV1, "label": "Rev.1", "step": "preview", f"fate_{proposal.pk}": "pending"},
    )
    assert models.WorkingDraft.objects.get().choices == {
        str(proposal.pk): {"fate": "pending", "merged_with": []}
    }
    # Saving the text alone keeps the choices made.
    client.post(SAVE, {"text": REV1, "label": "Rev.1"})
    page = client.post(URL, {"text": REV1, "label": "Rev.1", "step": "preview"})
    assert page.context["form"][f"fate_{proposal.pk}"].value() == "pending"
    assert models.WorkingDraft.objects.get().choices == {
        str(proposal.pk): {"fate": "pending", "merged_with": []}
    }


@pytest.mark.parametrize(
    ("kind", "extra", "button", "gone", "kept"),
    [
        ("delete", {}, "delete paragraph 4", "4. The voluntary", "3. States should"),
        ("add", {"wording": "States value capacity-building."}, "add its paragraph after 4",
         None, "4bis. States value capacity-building."),
        ("move", {"after": "p1"}, "move paragraph 4", None,
         "1. The working group met in three substantive sessions and held informal "
         "consultations.\n\n4. The voluntary"),
    ],
)  # fmt: skip
def test_proposals_that_add_delete_or_move_a_paragraph_are_taken_in(
    client, team, kind, extra, button, gone, kept
):
    proposal = submit_proposal(
        team.version, by=team.brazil, provision_uid="p4", kind=ProposalKind(kind), **extra
    )
    client.force_login(team.chair)
    page = client.get(URL)
    assert f"Take in proposal {proposal.pk}: {button}" in _text(page)
    text = page.context["form"]["text"].value()
    taken = client.post(URL, {"text": text, "label": "", "take": str(proposal.pk)})
    assert taken.status_code == 200
    assert f"Proposal {proposal.pk} by Brazil on paragraph 4 was taken in." in _text(taken)
    stored = models.WorkingDraft.objects.get().text
    assert taken.context["form"]["text"].value() == stored
    assert kept in stored
    if gone:
        assert gone not in stored
