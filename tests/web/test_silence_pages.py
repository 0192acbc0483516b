import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone
from tests.builders import DRAFT, make_user

from accord.actions.adoption import record_adoption
from accord.actions.revisions import issue_revision
from accord.actions.silence import break_silence, close_due_silence_procedures, launch_silence
from accord.actions.stakeholders import propose_stakeholder
from accord.store import models

pytestmark = pytest.mark.django_db


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


def _launch(negotiation):
    deadline = timezone.now() + timedelta(hours=80)
    return launch_silence(negotiation.version, by=negotiation.chair, deadline=deadline)


def test_the_chair_launches_from_the_version_with_the_minimum_shown(client, negotiation):
    client.force_login(negotiation.chair)
    version = client.get("/p/wg/report/v1/")
    assert 'href="/p/wg/report/v1/silence/"' in version.content.decode()
    page = client.get("/p/wg/report/v1/silence/")
    assert page.status_code == 200
    earliest = (timezone.now() + timedelta(hours=72)).strftime("%-d %B %Y")
    assert f"The deadline may be no sooner than {earliest}" in _text(page)
    assert 'type="datetime-local"' in page.content.decode()
    too_soon = (timezone.now() + timedelta(hours=10)).strftime("%Y-%m-%dT%H:%M")
    refused = client.post("/p/wg/report/v1/silence/", {"deadline": too_soon})
    assert refused.status_code == 400
    assert "no sooner than" in _text(refused)
    assert models.SilenceProcedure.objects.count() == 0
    later = (timezone.now() + timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")
    launched = client.post("/p/wg/report/v1/silence/", {"deadline": later})
    procedure = models.SilenceProcedure.objects.get()
    assert launched["Location"] == f"/p/wg/silence/{procedure.pk}/"
    assert procedure.deadline.strftime("%Y-%m-%dT%H:%M") == later
    again = client.get("/p/wg/report/v1/silence/")
    assert "Launch the silence procedure" not in _text(again)
    assert "Under silence" in _text(again)


@pytest.mark.parametrize("who", ["brazil", "secretariat", None])
def test_only_the_chair_may_launch(client, negotiation, who):
    if who:
        client.force_login(getattr(negotiation, who))
    later = (timezone.now() + timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")
    assert client.post("/p/wg/report/v1/silence/", {"deadline": later}).status_code == 404
    assert "Launch the silence procedure" not in _text(client.get("/p/wg/report/v1/silence/"))
    assert models.SilenceProcedure.objects.count() == 0


def test_a_member_breaks_silence_and_everyone_reads_the_attributed_letter(client, negotiation):
    procedure = _launch(negotiation)
    url = f"/p/wg/silence/{procedure.pk}/"
    client.force_login(negotiation.brazil)
    form = client.get(url)
    assert "Break silence for your delegation" in _text(form)
    assert "Time left 3 days" in _text(form)
    # Each paragraph is chosen by what it says, not by its number alone.
    assert (
        '<label for="id_provisions_1"><input type="checkbox" name="provisions" value="p2" '
        'id="id_provisions_1"> Paragraph 2</label> <span class="excerpt" '
        'id="id_provisions_1-text">States should not conduct or knowingly support ICT activity '
        "contrary to their obligations under international law.</span>"
    ) in form.content.decode()
    empty = client.post(url, {"letter": "Brazil objects.", "provisions": []})
    assert empty.status_code == 400
    assert models.SilenceBreak.objects.count() == 0
    broken = client.post(url, {"letter": "Brazil objects.", "provisions": ["p2", "p3-a"]})
    assert broken["Location"] == url
    client.logout()
    page = _text(client.get(url))
    assert "Letter from Brazil (national view)" in page
    assert "Paragraphs of concern: 2, 3(a)" in page
    assert "Brazil objects." in page
    assert "Break silence for your delegation" not in page


@pytest.mark.parametrize("who", ["holy_see", "stakeholder", "chair"])
def test_observers_stakeholders_and_the_chair_cannot_break_silence(client, negotiation, who):
    procedure = _launch(negotiation)
    client.force_login(getattr(negotiation, who))
    url = f"/p/wg/silence/{procedure.pk}/"
    assert "Break silence" not in _text(client.get(url))
    response = client.post(url, {"letter": "No.", "provisions": ["p2"]})
    assert response.status_code == 404
    assert models.SilenceBreak.objects.count() == 0


def test_the_outcome_shows_on_the_version_and_the_consensus_report(client, negotiation):
    procedure = _launch(negotiation)
    close_due_silence_procedures(procedure.deadline)
    version = _text(client.get("/p/wg/report/v1/"))
    assert "Adopted by silence procedure" in version
    report = _text(client.get("/p/wg/report/consensus-report/"))
    assert "Adopted by silence procedure" in report
    assert (
        "Cite as: Report of the working group (test), para 2 (adopted by silence procedure)"
        in report
    )
    assert "Adopted by consensus" not in report
    page = _text(client.get(f"/p/wg/silence/{procedure.pk}/"))
    assert "Adopted by silence procedure" in page
    assert "Time left" not in page


def test_a_broken_silence_is_shown_as_not_adopted(client, negotiation):
    procedure = _launch(negotiation)
    break_silence(procedure, by=negotiation.germany, letter="No.", provisions=["p4"])
    close_due_silence_procedures(procedure.deadline)
    page = _text(client.get(f"/p/wg/silence/{procedure.pk}/"))
    assert "Broken: not adopted" in page
    assert "The deadline came after 1 letter breaking silence: the text is not adopted." in page
    assert "Letter from Germany (national view)" in page
    assert "Adopted" not in _text(client.get("/p/wg/report/v1/"))


def test_an_unknown_procedure_is_not_found(client, negotiation):
    assert client.get("/p/wg/silence/999/").status_code == 404


def test_the_secretariat_proposes_a_stakeholder_and_a_member_objects(client, negotiation):
    person = make_user("drw")
    person.first_name, person.last_name = "Dana", "Ruiz"
    person.save()
    client.force_login(negotiation.secretariat)
    participants = client.get("/p/wg/participants/").content.decode()
    assert 'href="/p/wg/stakeholders/"' in participants
    later = (timezone.now() + timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")
    nobody = client.post(
        "/p/wg/stakeholders/",
        {"organisation": "Digital Rights Watch", "username": "nobody", "deadline": later},
    )
    assert nobody.status_code == 400
    assert "There is no user nobody." in _text(nobody)
    proposed = client.post(
        "/p/wg/stakeholders/",
        {"organisation": "Digital Rights Watch", "username": "drw", "deadline": later},
    )
    assert proposed["Location"] == "/p/wg/stakeholders/"
    request = models.StakeholderRequest.objects.get()
    assert (request.organisation, request.user.username) == ("Digital Rights Watch", "drw")
    client.force_login(negotiation.brazil)
    page = _text(client.get("/p/wg/stakeholders/"))
    assert "Digital Rights Watch" in page
    assert "Pending" in page
    assert "Object to Digital Rights Watch" in page
    assert "Represented by Dana Ruiz;" in page
    assert "Propose a stakeholder" not in page
    url = f"/p/wg/stakeholders/{request.pk}/object/"
    client.post(url, {"reason": "Not neutral."})
    assert list(models.StakeholderObjection.objects.values_list("delegation__code", "reason")) == [
        ("BRA", "Not neutral.")
    ]
    client.logout()
    assert "Objection by Brazil (national view)" in _text(client.get("/p/wg/stakeholders/"))


def test_only_members_object_and_only_the_secretariat_proposes(client, negotiation):
    request = propose_stakeholder(
        negotiation.process,
        by=negotiation.secretariat,
        organisation="Org",
        user=make_user("drw"),
        deadline=timezone.now() + timedelta(days=4),
    )
    client.force_login(negotiation.holy_see)
    page = _text(client.get("/p/wg/stakeholders/"))
    assert "Object to Org" not in page
    answer = client.post(f"/p/wg/stakeholders/{request.pk}/object/", {"reason": "No."})
    assert answer.status_code == 302
    assert "Only delegates of a delegation may do this." in _text(client.get(answer["Location"]))
    later = (timezone.now() + timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")
    form = {"organisation": "X", "username": "vat", "deadline": later}
    assert client.post("/p/wg/stakeholders/", form).status_code == 404
    assert models.StakeholderObjection.objects.count() == 0
    assert models.StakeholderRequest.objects.count() == 1


# The lifecycle on the pages, at fixed moments.

LAUNCHED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LATER = LAUNCHED + timedelta(days=1)
REV1 = DRAFT.replace("three substantive sessions", "four substantive sessions")


def _launch_at_fixed_time(negotiation):
    with time_machine.travel(LAUNCHED, tick=False):
        return launch_silence(
            negotiation.version, by=negotiation.chair, deadline=LAUNCHED + timedelta(days=3)
        )


@time_machine.travel(LATER, tick=False)
def test_a_running_procedure_shows_on_the_version_its_time_left_and_the_rule(client, negotiation):
    procedure = _launch_at_fixed_time(negotiation)
    note = (
        "Zero draft is under a silence procedure until 4 December 2026 09:00 UTC. Proposals may "
        "still be made while it runs; they do not stop it, and the Chair considers them in a "
        "later revision."
    )
    assert note in _text(client.get("/p/wg/report/v1/"))
    assert note in _text(client.get("/p/wg/report/v1/status/"))
    page = _text(client.get(f"/p/wg/silence/{procedure.pk}/"))
    assert "Status Under silence" in page
    assert "Time left 2 days" in page
    client.force_login(negotiation.brazil)
    assert note in _text(client.get("/p/wg/report/v1/p4/propose/"))


@time_machine.travel(LATER, tick=False)
def test_where_the_rules_freeze_proposals_the_proposal_page_says_so_and_refuses(
    client, negotiation
):
    negotiation.process.proposals_under_silence = "frozen"
    negotiation.process.save()
    _launch_at_fixed_time(negotiation)
    client.force_login(negotiation.brazil)
    page = _text(client.get("/p/wg/report/v1/p4/propose/"))
    assert (
        "The rules of procedure freeze proposals while it runs: none can be made on this text "
        "until it closes."
    ) in page
    before = (models.Proposal.objects.count(), models.Event.objects.count())
    refused = client.post(
        "/p/wg/report/v1/p4/propose/", {"kind": "wording", "wording": "Other words."}
    )
    assert refused.status_code == 400
    assert (
        "A silence procedure is running on report and the rules of procedure freeze proposals "
        "while it runs; propose again once it has closed."
    ) in _text(refused)
    assert (models.Proposal.objects.count(), models.Event.objects.count()) == before


def test_a_superseded_procedure_says_so_and_refuses_a_letter_in_words(client, negotiation):
    procedure = _launch_at_fixed_time(negotiation)
    with time_machine.travel(LATER, tick=False):
        issue_revision(negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1")
    url = f"/p/wg/silence/{procedure.pk}/"
    client.force_login(negotiation.brazil)
    with time_machine.travel(LATER + timedelta(hours=1), tick=False):
        page = _text(client.get(url))
        assert "Status Superseded: closed when Rev.1 was issued" in page
        assert "Closed 2 December 2026 09:00 UTC" in page
        assert (
            "Rev.1 was issued: silence follows the text, so this procedure closed then. A new "
            "one may be launched on the current version."
        ) in page
        assert "This silence procedure is closed: silence can no longer be broken on it." in page
        for gone in ("Under silence", "Time left", "Break silence for your delegation"):
            assert gone not in page
        assert "under a silence procedure" not in _text(client.get("/p/wg/report/v2/"))
        before = (models.SilenceBreak.objects.count(), models.Event.objects.count())
        refused = client.post(url, {"letter": "Late.", "provisions": ["p2"]})
    assert refused.status_code == 400
    assert (
        "A revision of report was issued: this silence procedure was superseded then and is "
        "closed; silence can no longer be broken on it."
    ) in _text(refused)
    assert (models.SilenceBreak.objects.count(), models.Event.objects.count()) == before
    history = _text(client.get("/p/wg/history/"))
    assert "Silence procedure superseded by a revision" in history
    assert "Open silence procedures None." in _text(client.get("/p/wg/desk/"))


def test_the_chair_withdraws_a_procedure_with_a_reason_on_its_page(client, negotiation):
    procedure = _launch_at_fixed_time(negotiation)
    url = f"/p/wg/silence/{procedure.pk}/"
    withdraw = f"/p/wg/silence/{procedure.pk}/withdraw/"
    client.force_login(negotiation.brazil)
    with time_machine.travel(LATER, tick=False):
        assert "Withdraw this silence procedure" not in _text(client.get(url))
        before = (models.SilenceProcedure.objects.get().state, models.Event.objects.count())
        refused = client.post(withdraw, {"reason": "Mine."}, follow=True)
        assert "Only the Chair may do this." in _text(refused)
        client.force_login(negotiation.chair)
        assert "Withdraw this silence procedure" in _text(client.get(url))
        empty = client.post(withdraw, {"reason": ""}, follow=True)
        assert "Say why the silence procedure is withdrawn." in _text(empty)
        assert (models.SilenceProcedure.objects.get().state, models.Event.objects.count()) == before
        done = client.post(withdraw, {"reason": "Consultations resume."})
        assert done["Location"] == url
        page = _text(client.get(url))
    assert "Status Withdrawn by the Chair" in page
    assert "The Chair withdrew it, giving this reason: Consultations resume." in page
    for gone in ("Under silence", "Time left", "Withdraw this silence procedure"):
        assert gone not in page
    history = _text(client.get("/p/wg/history/"))
    assert "Silence procedure withdrawn by the Chair: “Consultations resume.”" in history


def test_adoption_at_a_meeting_closes_the_procedure_on_its_page(client, negotiation):
    procedure = _launch_at_fixed_time(negotiation)
    with time_machine.travel(LATER, tick=False):
        record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
        page = _text(client.get(f"/p/wg/silence/{procedure.pk}/"))
    assert "Status Closed: the document was adopted at a meeting" in page
    assert "The document was adopted at a meeting while it ran, so it closed then." in page
    assert "Time left" not in page


def test_past_its_deadline_a_procedure_not_yet_closed_shows_no_time_left(client, negotiation):
    procedure = _launch_at_fixed_time(negotiation)
    with time_machine.travel(procedure.deadline + timedelta(minutes=1), tick=False):
        page = _text(client.get(f"/p/wg/silence/{procedure.pk}/"))
    assert "Time left None: the deadline has passed, and the outcome is being recorded." in page
    close_due_silence_procedures(procedure.deadline)
    history = _text(client.get("/p/wg/history/"))
    assert "Silence procedure closed at its deadline: passed, the text is adopted" in history


@pytest.mark.parametrize(
    ("modality", "said", "refusal"),
    [
        (
            "open",
            "The rules of procedure admit accredited stakeholders openly: the Secretariat "
            "accredits them on the Participants page, with no request for non-objection.",
            "This process admits accredited stakeholders openly: accredit the person on the "
            "Participants page; no request for non-objection is needed.",
        ),
        (
            "none",
            "The rules of procedure of this process admit no stakeholders.",
            "The rules of procedure of this process admit no stakeholders.",
        ),
    ],
)
def test_the_stakeholder_page_follows_the_rules_of_procedure(
    client, negotiation, modality, said, refusal
):
    models.Process.objects.filter(pk=negotiation.process.pk).update(stakeholder_modality=modality)
    make_user("drw")
    client.force_login(negotiation.secretariat)
    page = _text(client.get("/p/wg/stakeholders/"))
    assert said in page
    assert "Propose a stakeholder" not in page
    later = (timezone.now() + timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")
    form = {"organisation": "Digital Rights Watch", "username": "drw", "deadline": later}
    events = models.Event.objects.count()
    answer = client.post("/p/wg/stakeholders/", form)
    assert answer.status_code == 400
    assert refusal in _text(answer)
    assert (models.StakeholderRequest.objects.count(), models.Event.objects.count()) == (0, events)


def test_no_launch_where_the_rules_decide_by_consensus_alone(client, negotiation):
    models.Process.objects.filter(pk=negotiation.process.pk).update(decision_rule="consensus")
    client.force_login(negotiation.chair)
    page = _text(client.get("/p/wg/report/v1/silence/"))
    assert (
        "The rules of procedure of this process do not provide for adopting a text under a "
        "silence procedure; only a process deciding by consensus or silence procedure may."
    ) in page
    assert "Launch the silence procedure" not in page
    later = (timezone.now() + timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")
    assert client.post("/p/wg/report/v1/silence/", {"deadline": later}).status_code == 404
    assert models.SilenceProcedure.objects.count() == 0
