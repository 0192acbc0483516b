"""Text that is not what it seems is refused wherever it enters, by every action that takes
text, through the pages and the API alike, and nothing is stored."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from tests.builders import DRAFT, assert_refused_without_trace
from tests.documents.word_files import typed_draft

from accord.actions.adoption import deliver_explanation, record_adoption
from accord.actions.imports import import_draft
from accord.actions.positions import record_position
from accord.actions.processes import accredit_person, create_process, publish_draft
from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.actions.silence import break_silence, launch_silence, withdraw_silence
from accord.actions.stakeholders import object_to_stakeholder, propose_stakeholder
from accord.actions.statements import add_summary_entry, deliver_statement, submit_input
from accord.actions.tokens import create_api_token
from accord.actions.workspace import save_working_draft
from accord.core.participants import Role
from accord.core.positions import Stance
from accord.core.proposals import ProposalKind
from accord.core.text_hygiene import UnsafeCharacter
from accord.store import models

pytestmark = pytest.mark.django_db

# "States should" with a right-to-left override: shown reversed, stored as typed.
SPOOF = "States \u202eshould\u202c act."
BASE = "/api/v1/processes/wg/documents/report/versions/1"
NEW_2 = "States shall not conduct ICT activity contrary to international law."
CURRENT_2 = (
    "States should not conduct or knowingly support ICT activity contrary to their obligations "
    "under international law."
)


def _state():
    return (
        models.Event.objects.count(),
        models.Proposal.objects.count(),
        models.Statement.objects.count(),
        models.Position.objects.count(),
        models.Version.objects.count(),
        models.Process.objects.count(),
        models.WorkingDraft.objects.count(),
        models.ChairSummaryEntry.objects.count(),
        models.SilenceBreak.objects.count(),
        models.StakeholderRequest.objects.count(),
        models.StakeholderObjection.objects.count(),
        models.ExplanationOfPosition.objects.count(),
        models.ApiToken.objects.count(),
        models.Accreditation.objects.count(),
    )


def _silence(n):
    return launch_silence(n.version, by=n.chair, deadline=timezone.now() + timedelta(days=4))


def _request(n):
    deadline = timezone.now() + timedelta(days=4)
    return propose_stakeholder(
        n.process, by=n.secretariat, organisation="ICT Forum", user=n.outsider, deadline=deadline
    )


def _adopted(n):
    record_adoption(n.version, by=n.chair, confirm=True)
    return n.version.document


# Every action that takes text, each given the spoofed text in one field: (field, call).
ACTIONS = {
    "proposal wording": (
        "wording",
        lambda n: submit_proposal(n.version, by=n.brazil, provision_uid="p2", wording=SPOOF),
    ),
    "proposal justification": (
        "justification",
        lambda n: submit_proposal(
            n.version, by=n.brazil, provision_uid="p2", wording=NEW_2, justification=SPOOF
        ),
    ),
    "proposal alternatives": (
        "options",
        lambda n: submit_proposal(
            n.version,
            by=n.brazil,
            provision_uid="p2",
            kind=ProposalKind.ALTERNATIVES,
            options=(NEW_2, SPOOF),
        ),
    ),
    "new paragraph": (
        "wording",
        lambda n: submit_proposal(
            n.version, by=n.brazil, provision_uid="p2", kind=ProposalKind.ADD, wording=SPOOF
        ),
    ),
    "position note": (
        "note",
        lambda n: record_position(
            n.version, by=n.brazil, provision_uid="p2", stance=Stance.SUPPORT, note=SPOOF
        ),
    ),
    "statement": (
        "text",
        lambda n: deliver_statement(n.process, by=n.brazil, delegation="BRA", text=SPOOF),
    ),
    "written input": ("text", lambda n: submit_input(n.process, by=n.stakeholder, text=SPOOF)),
    "Chair's summary": (
        "text",
        lambda n: add_summary_entry(n.process, by=n.chair, text=SPOOF, delegations=["BRA"]),
    ),
    "draft text": (
        "text",
        lambda n: publish_draft(
            n.process, by=n.chair, slug="other", text=f"1. {SPOOF}", label="Zero draft"
        ),
    ),
    "draft label": (
        "label",
        lambda n: publish_draft(n.process, by=n.chair, slug="other", text=DRAFT, label=SPOOF),
    ),
    "draft symbol": (
        "symbol",
        lambda n: publish_draft(
            n.process, by=n.chair, slug="other", text=DRAFT, label="Zero draft", symbol=SPOOF
        ),
    ),
    "imported draft": (
        "text",
        lambda n: import_draft(
            n.process,
            by=n.chair,
            slug="other",
            label="Zero draft",
            data=typed_draft([f"1. {SPOOF}"]),
        ),
    ),
    "revision text": (
        "text",
        lambda n: issue_revision(
            n.version.document, by=n.chair, text=DRAFT.replace("three", SPOOF), label="Rev.1"
        ),
    ),
    "revision label": (
        "label",
        lambda n: issue_revision(n.version.document, by=n.chair, text=DRAFT, label=SPOOF),
    ),
    "working draft": (
        "text",
        lambda n: save_working_draft(n.version.document, by=n.chair, text=SPOOF, label="Rev.1"),
    ),
    "process title": ("title", lambda n: create_process(by=None, slug="spoof", title=SPOOF)),
    "letter breaking silence": (
        "letter",
        lambda n: break_silence(_silence(n), by=n.brazil, letter=SPOOF, provisions=["p2"]),
    ),
    "withdrawal of silence": (
        "reason",
        lambda n: withdraw_silence(_silence(n), by=n.chair, reason=SPOOF),
    ),
    "stakeholder organisation": (
        "organisation",
        lambda n: propose_stakeholder(
            n.process,
            by=n.secretariat,
            organisation=SPOOF,
            user=n.outsider,
            deadline=timezone.now() + timedelta(days=4),
        ),
    ),
    "objection to a stakeholder": (
        "reason",
        lambda n: object_to_stakeholder(_request(n), by=n.brazil, reason=SPOOF),
    ),
    "explanation at adoption": (
        "explanation",
        lambda n: record_adoption(n.version, by=n.chair, explanations={"BRA": SPOOF}, confirm=True),
    ),
    "explanation after adoption": (
        "explanation",
        lambda n: deliver_explanation(_adopted(n), by=n.brazil, text=SPOOF),
    ),
    "token name": ("name", lambda n: create_api_token(by=n.brazil, name=SPOOF)),
    "full name": (
        "full_name",
        lambda n: accredit_person(
            n.process,
            by=None,
            username="newcomer",
            full_name=SPOOF,
            email="",
            password="a long enough password",
            role=Role.DELEGATE,
            delegation="FRA",
        ),
    ),
}


@pytest.mark.parametrize("action", ACTIONS, ids=list(ACTIONS))
def test_every_action_taking_text_refuses_a_bidirectional_override(negotiation, action):
    field, call = ACTIONS[action]
    with pytest.raises(UnsafeCharacter) as refused:
        call(negotiation)
    assert (refused.value.field, refused.value.codepoint, refused.value.problem) == (
        field,
        0x202E,
        "bidi-control",
    )


@pytest.mark.parametrize(
    "action",
    ["proposal wording", "statement", "draft text", "token name", "Chair's summary"],
)
def test_a_refused_text_stores_nothing(negotiation, action):
    _, call = ACTIONS[action]
    with pytest.raises(UnsafeCharacter):
        call(negotiation)
    before = _state()
    with pytest.raises(UnsafeCharacter):
        call(negotiation)
    assert _state() == before


def _propose(client, wording, **fields):
    body = {"provision": "p2", "wording": wording, **fields}
    return client.post(f"{BASE}/proposals", json.dumps(body), content_type="application/json")


@pytest.mark.parametrize(
    ("wording", "detail"),
    [
        (
            "States \x01should act.",
            "The field “Wording” holds U+0001 at character 8. "
            "It is a control character, which no text of a "
            "negotiation holds. Remove it; nothing was recorded.",
        ),
        (
            "States should act.\ufffe",
            "The field “Wording” holds U+FFFE at character 19. "
            "It is a Unicode non-character, which never "
            "stands in text. Remove it; nothing was recorded.",
        ),
        (
            "\u200b",
            "The field “Wording” holds U+200B (ZERO WIDTH SPACE) at character 1. "
            "It is an invisible "
            "character, which would make the text differ from what readers see. Remove it; "
            "nothing was recorded.",
        ),
        (
            CURRENT_2.replace("should", "sho\u200buld"),
            "The field “Wording” holds U+200B (ZERO WIDTH SPACE) at character 11. "
            "It is an invisible "
            "character, which would make the text differ from what readers see. Remove it; "
            "nothing was recorded.",
        ),
        (
            SPOOF,
            "The field “Wording” holds U+202E (RIGHT-TO-LEFT OVERRIDE) at character 8. "
            "It is a bidirectional "
            "control, which can make text display in another order than the one recorded. "
            "Remove it; nothing was recorded.",
        ),
    ],
)
def test_the_api_refuses_unsafe_wording_naming_the_character(client, negotiation, wording, detail):
    client.force_login(negotiation.brazil)
    before = _state()
    response = _propose(client, wording)
    assert (response.status_code, response["Content-Type"]) == (422, "application/problem+json")
    assert response.json() == {
        "type": "urn:accord:problem:unsafe-character",
        "title": "unsafe-character",
        "status": 422,
        "detail": detail,
    }
    assert _state() == before


def test_a_joiner_added_between_letters_leaves_the_text_unchanged(client, negotiation):
    client.force_login(negotiation.brazil)
    before = _state()
    response = _propose(client, CURRENT_2.replace("should", "sho\u200culd"))
    assert (response.status_code, response.json()["title"]) == (422, "unchanged-text")
    assert response.json()["detail"] == "The proposed wording is the same as the current text."
    assert _state() == before


def test_decomposed_accents_are_stored_composed(client, negotiation):
    client.force_login(negotiation.brazil)
    response = _propose(client, "States should act in the re\u0301gime of the Charter.")
    assert response.status_code == 201
    assert (
        models.Proposal.objects.get().wording == "States should act in the régime of the Charter."
    )


def test_a_statement_keeps_its_direction_marks_but_not_an_override(client, negotiation):
    client.force_login(negotiation.brazil)
    url = "/api/v1/processes/wg/statements"
    marked = "Le Brésil cite \u200fالأمم المتحدة\u200f ici."  # noqa: RUF001 (Arabic words)
    accepted = client.post(url, json.dumps({"text": marked}), content_type="application/json")
    assert accepted.status_code == 201
    assert models.Statement.objects.get().text == marked
    before = _state()
    refused = client.post(url, json.dumps({"text": SPOOF}), content_type="application/json")
    assert (refused.status_code, refused.json()["title"]) == (422, "unsafe-character")
    assert _state() == before


def test_the_proposal_form_refuses_a_control_character_and_stores_nothing(client, negotiation):
    client.force_login(negotiation.brazil)
    before = _state()
    response = client.post("/p/wg/report/v1/p2/propose/", {"wording": "States \x01should act."})
    assert response.status_code == 400
    assert (
        "The field “Wording” holds U+0001 at character 8. "
        "It is a control character, which no text of a "
        "negotiation holds. Remove it; nothing was recorded."
    ) in response.content.decode()
    assert _state() == before


def test_the_proposal_form_refuses_a_wording_of_only_a_zero_width_space(client, negotiation):
    client.force_login(negotiation.brazil)
    before = _state()
    response = client.post("/p/wg/report/v1/p2/propose/", {"wording": "\u200b"})
    assert response.status_code == 400
    assert "U+200B (ZERO WIDTH SPACE)" in response.content.decode()
    assert _state() == before


def test_a_refusal_in_an_imported_file_names_the_paragraph(negotiation):
    draft = typed_draft(["1. States met.", f"2. {SPOOF}"])
    assert_refused_without_trace(
        UnsafeCharacter("text", 0x202E, 8, "bidi-control", where="2"),
        _state,
        lambda: import_draft(
            negotiation.process, by=negotiation.chair, slug="other", label="Zero", data=draft
        ),
    )


def test_the_token_page_refuses_an_unsafe_name_and_stores_nothing(client, negotiation):
    client.force_login(negotiation.brazil)
    before = _state()
    response = client.post("/account/tokens/", {"name": "Capital\u202e tool"})
    assert response.status_code == 200
    assert "The field “Name” holds U+202E (RIGHT-TO-LEFT OVERRIDE) at character 8" in (
        response.content.decode()
    )
    assert _state() == before
