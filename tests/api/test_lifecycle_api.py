"""A whole negotiation through the HTTP API alone, on a process created, staffed and run
through it: zero draft, proposals of every kind, revisions with fates, a proposal carried
while pending, silence broken, superseded and passed, an objection at the meeting, adoption
by consensus with a disassociation, explanations of position and the refusals that follow;
and a process that decides by a recorded vote. The clock is fixed throughout."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from tests.builders import PASSWORD, accreditation_body

from accord.actions.periodic import run_due
from accord.actions.tokens import create_api_token
from accord.cli.audit import verify_database
from accord.store import models

pytestmark = pytest.mark.django_db

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

ZERO = """# Report of the open-ended working group

## A. Introduction

1. The working group met in three substantive sessions.

2. Delegations exchanged views in informal consultations.

## B. Norms

3. States should not conduct or knowingly support ICT activity contrary to international law.

4. States should protect critical infrastructure.

5. The voluntary, non-binding norms complement international law.
"""
OBLIGATIONS = (
    "States should not conduct or knowingly support ICT activity contrary to their "
    "obligations under international law."
)
REPORTING = "States should report on their implementation of the norms."
FOUR = "The working group met in four substantive sessions."
THREATS = "States should protect critical infrastructure from ICT threats."
SERVICES = "States should protect critical infrastructure and essential services."
REV1 = f"""# Report of the open-ended working group

## A. Introduction

1. The working group met in three substantive sessions.

## B. Norms

2. {OBLIGATIONS}

3. The voluntary, non-binding norms complement international law.

4. States should protect critical infrastructure.

5. {REPORTING}
"""
ANNEX = """# Recommendations of the Chair

1. States are encouraged to designate points of contact.

2. States are encouraged to share information on incidents.

3. The Secretariat is requested to compile national views.
"""
VOLUNTARILY = "States are encouraged to share information on incidents voluntarily."
REV2 = REV1.replace("three substantive", "four substantive")
REV3 = REV2.replace(
    "protect critical infrastructure.", "protect critical infrastructure from ICT threats."
)


class Api:
    """The test client speaking to the API, each person with their own API token."""

    def __init__(self, client):
        self.client = client
        self.tokens = {}

    def token(self, username):
        if username not in self.tokens:
            user = User.objects.get(username=username)
            self.tokens[username] = create_api_token(by=user, name="program")[1]
        return self.tokens[username]

    def call(self, method, who, path, body=None, **headers):
        headers["Authorization"] = f"Bearer {self.token(who)}"
        if method == "post" and path.endswith(GRAVE) and "If-Match" not in headers:
            headers["If-Match"] = self.read_before(path)
        return self.client.generic(
            method.upper(),
            f"/api/v1{path}",
            json.dumps(body) if body is not None else "",
            content_type="application/json",
            headers=headers,
        )

    def post(self, who, path, body=None, status=201, **headers):
        response = self.call("post", who, path, body, **headers)
        assert response.status_code == status, response.content
        return response.json()

    def get(self, who, path):
        response = self.call("get", who, path)
        assert response.status_code == 200, response.content
        return response.json()

    def etag(self, document, number):
        return self.call("get", "chair", f"{document}/versions/{number}")["ETag"]

    def read_before(self, path):
        """The ETag of the version a grave act acts on, as its client read it just before:
        the version in its path, or for a revision the document's current version."""
        document, _, rest = path.partition("/versions/")
        if rest:
            return self.etag(document, int(rest.split("/")[0]))
        document = path.removesuffix("/revisions")
        return self.etag(document, self.get("chair", document)["current_version"])


# The acts that need If-Match; the Api sends the ETag its client read when a test names none.
GRAVE = ("/adoptions", "/votes", "/silence-procedures", "/status-marks", "/revisions")


def _state():
    """Everything a refusal must leave as it was."""
    return tuple(
        m.objects.count()
        for m in (
            models.Version,
            models.Proposal,
            models.ProposalFate,
            models.Position,
            models.SilenceProcedure,
            models.SilenceBreak,
            models.Adoption,
            models.RecordedVote,
            models.ExplanationOfPosition,
            models.Event,
        )
    )


def _refused(api, who, path, body, status, code):
    """Posting ``body`` is answered with problem ``code`` and stores nothing; its words."""
    before = _state()
    response = api.call("post", who, path, body)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == code
    assert _state() == before
    return response.json()["detail"]


def _kinds(process):
    return list(
        models.Event.objects.filter(process__slug=process)
        .order_by("seq")
        .values_list("kind", flat=True)
    )


def _at(days=0, hours=0):
    return START + timedelta(days=days, hours=hours)


REPORT = "/processes/oewg/documents/report"
ANNEX_PATH = "/processes/oewg/documents/annex"
PROCEDURES = "/processes/oewg/silence-procedures"


def _set_up_and_staff(api):
    """A staff user sets the process up and accredits the Secretariat, who staffs the rest."""
    User.objects.create_user("staff", password=PASSWORD, is_staff=True)
    process = api.post(
        "staff",
        "/processes",
        {
            "slug": "oewg",
            "title": "Open-ended working group",
            "decision_rule": "consensus-or-silence",
            "members": ["BRA", "DEU", "FRA", "KEN"],
            "observers": ["VAT"],
        },
    )
    assert process["rules"] == {
        "decision_rule": "consensus-or-silence",
        "silence_minimum_hours": 72,
        "stakeholder_modality": "none",
        "proposals_under_silence": "allowed",
        "delegates_second_factor": False,
        "convergence_audience": "chair-bureau",
    }
    assert (process["members"], process["observers"]) == (["BRA", "FRA", "DEU", "KEN"], ["VAT"])
    api.post("staff", "/processes/oewg/accreditations", accreditation_body("sec", "secretariat"))
    for person in (
        accreditation_body("chair", "chair"),
        accreditation_body("vice", "bureau"),
        accreditation_body("bra", "delegate", "BRA"),
        accreditation_body("deu", "delegate", "DEU", ["eu"]),
        accreditation_body("fra", "delegate", "FRA"),
        accreditation_body("ken", "delegate", "KEN"),
        accreditation_body("vat", "observer", "VAT"),
    ):
        api.post("sec", "/processes/oewg/accreditations", person)
    staffed = api.get("sec", "/processes/oewg/accreditations")["items"]
    assert sorted((a["username"], a["role"], a["delegation"], a["mandates"]) for a in staffed) == [
        ("bra", "delegate", "BRA", []),
        ("chair", "chair", None, []),
        ("deu", "delegate", "DEU", ["eu"]),
        ("fra", "delegate", "FRA", []),
        ("ken", "delegate", "KEN", []),
        ("sec", "secretariat", None, []),
        ("staff", "secretariat", None, []),
        ("vat", "observer", "VAT", []),
        ("vice", "bureau", None, []),
    ]


def _propose_on_the_zero_draft(api):
    """The Chair publishes the zero draft; delegations propose one of every kind, Germany for
    the European Union, France co-sponsoring Brazil's wording."""
    zero = api.post(
        "chair",
        "/processes/oewg/documents",
        {"slug": "report", "text": ZERO, "label": "Zero draft"},
    )
    assert (zero["number"], zero["provisions"], zero["fates"]) == (1, 7, [])
    v1 = f"{REPORT}/versions/1"
    made = {
        "wording": api.post("bra", f"{v1}/proposals", {"provision": "p3", "wording": OBLIGATIONS}),
        "alternatives": api.post(
            "ken",
            f"{v1}/proposals",
            {"provision": "p4", "kind": "alternatives", "options": [THREATS, SERVICES]},
        ),
        "add": api.post(
            "deu",
            f"{v1}/proposals",
            {"provision": "p5", "kind": "add", "wording": REPORTING, "on_behalf_of": "eu"},
        ),
        "delete": api.post("fra", f"{v1}/proposals", {"provision": "p2", "kind": "delete"}),
        "move": api.post(
            "bra", f"{v1}/proposals", {"provision": "p5", "kind": "move", "after": "p3"}
        ),
        "pending": api.post("ken", f"{v1}/proposals", {"provision": "p1", "wording": FOUR}),
    }
    assert [
        (p["kind"], p["delegation"], p["on_behalf_of"], p["structure"]) for p in made.values()
    ] == [
        ("wording", "BRA", None, None),
        ("alternatives", "KEN", None, None),
        ("add", "DEU", "eu", {"op": "add", "uid": None, "after": "p5", "text": REPORTING}),
        ("delete", "FRA", None, {"op": "delete", "uid": "p2", "after": None, "text": None}),
        ("move", "BRA", None, {"op": "move", "uid": "p5", "after": "p3", "text": None}),
        ("wording", "KEN", None, None),
    ]
    assert made["alternatives"]["options"] == [THREATS, SERVICES]
    ids = {kind: p["id"] for kind, p in made.items()}
    invitation = f"{v1}/proposals/{ids['wording']}/invitations"
    assert api.post("bra", invitation, {"delegation": "FRA"})["status"] == "pending"
    assert api.post("fra", f"{invitation}/accept", status=200)["status"] == "accepted"
    compilation = api.get("vice", f"{v1}/compilation")
    assert compilation["proposal_count"] == 6
    cosponsors = {p["id"]: p["cosponsors"] for e in compilation["entries"] for p in e["proposals"]}
    assert cosponsors[ids["wording"]] == [{"delegation": "FRA", "delegation_name": "France"}]
    return ids


def _fates(*rows):
    return [
        {"proposal": p, "kind": k, "provisions": list(u), "merged_with": [], "recorded": True}
        for p, k, u in rows
    ]


def _statuses(api, number):
    compilation = api.get("vice", f"{REPORT}/versions/{number}/compilation")
    return {p["id"]: p for e in compilation["entries"] for p in e["proposals"]}


def _issue_rev1_leaving_one_pending(api, ids):
    """Rev.1 takes in every kind of proposal but Kenya's on paragraph 1, left pending; the
    current compilation carries it, with its fate history."""
    body = {
        "text": REV1,
        "label": "Rev.1",
        "fates": [
            {"proposal": ids["wording"], "kind": "reflected", "provisions": ["p3"]},
            {"proposal": ids["alternatives"], "kind": "not-taken-up"},
            {"proposal": ids["add"], "kind": "reflected", "provisions": ["p5-2"]},
            {"proposal": ids["delete"], "kind": "reflected"},
            {"proposal": ids["move"], "kind": "reflected", "provisions": ["p5"]},
            {"proposal": ids["pending"], "kind": "pending"},
        ],
    }
    rev1 = api.post("chair", f"{REPORT}/revisions", body, **{"If-Match": api.etag(REPORT, 1)})
    assert (rev1["number"], rev1["label"], rev1["fates"]) == (
        2,
        "Rev.1",
        _fates(
            (ids["wording"], "reflected", ["p3"]),
            (ids["alternatives"], "not-taken-up", []),
            (ids["add"], "reflected", ["p5-2"]),
            (ids["delete"], "reflected", []),
            (ids["move"], "reflected", ["p5"]),
            (ids["pending"], "pending", []),
        ),
    )
    text = api.get("vice", f"{REPORT}/versions/2")["provisions"]
    assert [(p["uid"], p["label"]) for p in text] == [
        ("s-a", "A"),
        ("p1", "1"),
        ("s-b", "B"),
        ("p3", "2"),
        ("p5", "3"),
        ("p4", "4"),
        ("p5-2", "5"),
    ]
    made = _statuses(api, 1)
    assert {kind: made[i]["status"] for kind, i in ids.items()} == {
        "wording": "reflected",
        "alternatives": "not-taken-up",
        "add": "reflected",
        "delete": "reflected",
        "move": "reflected",
        "pending": "open",
    }
    carried = _statuses(api, 2)
    assert list(carried) == [ids["pending"]]
    pending = carried[ids["pending"]]
    assert (pending["status"], pending["provision"], pending["operations"]) == (
        "open",
        "p1",
        [{"kind": "replace", "old": "three ", "new": "four "}],
    )
    assert pending["carried"] == {
        "version": 1,
        "version_label": "Zero draft",
        "provision": "p1",
        "provision_label": "1",
        "changes": [],
    }
    assert pending["fates"] == [
        {
            "revision": "Rev.1",
            "version": 2,
            "fate": "pending",
            "provisions": [],
            "merged_with": [],
            "recorded": True,
        }
    ]


def _take_in_the_pending_one_at_rev2(api, ids):
    """A revision that would drop the pending proposal without a fate is refused, naming it;
    Rev.2 takes it in."""
    detail = _refused(
        api,
        "chair",
        f"{REPORT}/revisions",
        {
            "text": REV1.replace("infrastructure.", "infrastructure from ICT threats."),
            "label": "Rev.2",
        },
        422,
        "proposals-without-fate",
    )
    assert detail == (
        f"1 open proposal would vanish without a fate: {ids['pending']}. Record what the "
        "revision does with it."
    )
    body = {
        "text": REV2,
        "label": "Rev.2",
        "fates": [{"proposal": ids["pending"], "kind": "reflected", "provisions": ["p1"]}],
    }
    rev2 = api.post("chair", f"{REPORT}/revisions", body, **{"If-Match": api.etag(REPORT, 2)})
    assert (rev2["number"], rev2["fates"]) == (3, _fates((ids["pending"], "reflected", ["p1"])))
    taken_in = _statuses(api, 1)[ids["pending"]]
    assert (taken_in["status"], [(f["revision"], f["fate"]) for f in taken_in["fates"]]) == (
        "reflected",
        [("Rev.1", "pending"), ("Rev.2", "reflected")],
    )
    assert api.get("vice", f"{REPORT}/versions/3/compilation")["proposal_count"] == 0


def _procedure(api, procedure):
    found = api.get("vice", f"{PROCEDURES}/{procedure}")
    return (found["state"], found["version"], found["closed_at"], found["superseded_by"])


def _silence_broken_then_superseded(api, clock):
    """Germany breaks silence on Rev.2; Rev.3 supersedes the procedure, and a letter to it
    afterwards is refused."""
    clock.move_to(_at(days=1))
    launched = api.post(
        "chair",
        f"{REPORT}/versions/3/silence-procedures",
        {"deadline": _at(days=4).isoformat()},
        **{"If-Match": api.etag(REPORT, 3)},
    )
    assert _procedure(api, launched["id"]) == ("running", 3, None, None)
    clock.move_to(_at(days=1, hours=3))
    letter = api.post(
        "deu",
        f"{PROCEDURES}/{launched['id']}/breaks",
        {"letter": "Germany asks that paragraph 4 name the threats.", "provisions": ["p4"]},
    )
    assert (letter["delegation"], letter["provisions"], letter["at"]) == (
        "DEU",
        ["p4"],
        _at(days=1, hours=3).isoformat(),
    )
    clock.move_to(_at(days=2))
    rev3 = api.post(
        "chair",
        f"{REPORT}/revisions",
        {"text": REV3, "label": "Rev.3"},
        **{"If-Match": api.etag(REPORT, 3)},
    )
    assert (rev3["number"], rev3["fates"]) == (4, [])
    assert _procedure(api, launched["id"]) == ("superseded", 3, _at(days=2).isoformat(), 4)
    detail = _refused(
        api,
        "bra",
        f"{PROCEDURES}/{launched['id']}/breaks",
        {"letter": "Brazil too.", "provisions": ["p1"]},
        409,
        "silence-superseded",
    )
    assert detail == (
        "A revision of report was issued: this silence procedure was superseded then and is "
        "closed; silence can no longer be broken on it."
    )
    return launched["id"]


def _silence_passes_on_rev3(api, clock):
    """A second procedure, on Rev.3, passes at its deadline: the report is adopted by silence."""
    launched = api.post(
        "chair",
        f"{REPORT}/versions/4/silence-procedures",
        {"deadline": _at(days=5).isoformat()},
        **{"If-Match": api.etag(REPORT, 4)},
    )
    clock.move_to(_at(days=5, hours=1))
    assert run_due(now=_at(days=5, hours=1))["close-silence-procedures"] == 1
    assert _procedure(api, launched["id"]) == ("passed", 4, _at(days=5, hours=1).isoformat(), None)
    report = api.get("vat", REPORT)
    assert (report["current_version"], report["adopted"], report["outcomes"]) == (
        4,
        True,
        [
            {
                "version": 4,
                "adopted": True,
                "method": "silence",
                "outcome": "Adopted by silence procedure",
                "objecting": [],
                "decided_at": _at(days=5).isoformat(),
            }
        ],
    )
    states = [(p["version"], p["state"]) for p in api.get("vat", PROCEDURES)["items"]]
    assert states == [(3, "superseded"), (4, "passed")]
    return launched["id"]


def _outcome(found):
    return (
        found["version"],
        found["adopted"],
        found["method"],
        found["outcome"],
        found["objecting"],
    )


def _objection_at_the_meeting(api, clock):
    """The Secretariat publishes the Chair's recommendations; the Chair, seeing what is
    outstanding, records Kenya's objection: not adopted, naming Kenya."""
    clock.move_to(_at(days=6))
    annex = api.post(
        "sec",
        "/processes/oewg/documents",
        {"slug": "annex", "text": ANNEX, "label": "Chair's draft"},
    )
    assert (annex["number"], annex["provisions"]) == (1, 3)
    v1 = f"{ANNEX_PATH}/versions/1"
    voluntarily = api.post("ken", f"{v1}/proposals", {"provision": "p2", "wording": VOLUNTARILY})
    assert api.post("ken", f"{v1}/positions", {"provision": "p2", "stance": "object"})[
        "stance"
    ] == ("object")
    reserve = {"provision": "p3", "stance": "reserve", "note": "Awaiting instructions."}
    assert api.post("bra", f"{v1}/positions", reserve)["stance"] == "reserve"
    assert api.get("vice", f"{v1}/adoption-checklist") == {
        "nothing_outstanding": False,
        "not_agreed": ["1", "2", "3"],
        "open_proposals": [{"delegation": "Kenya", "paragraph": "2", "version": "Chair's draft"}],
        "silences_running": 0,
        "reserving": ["Brazil"],
        "objecting": ["Kenya"],
    }
    detail = _refused(
        api,
        "chair",
        f"{v1}/adoptions",
        {"objections": ["KEN"]},
        409,
        "adoption-not-confirmed",
    )
    assert detail.startswith(
        "Matters are outstanding. 3 paragraphs are not agreed. 1 proposal is open. "
    )
    recorded = api.post(
        "chair",
        f"{v1}/adoptions",
        {"objections": ["KEN"], "confirm": True},
        **{"If-Match": api.etag(ANNEX_PATH, 1)},
    )
    not_adopted = (1, False, "consensus", "Not adopted — objection by Kenya", ["Kenya"])
    assert (_outcome(recorded), recorded["objections"]) == (not_adopted, ["KEN"])
    document = api.get("vat", ANNEX_PATH)
    assert (document["adopted"], [_outcome(o) for o in document["outcomes"]]) == (
        False,
        [not_adopted],
    )
    assert [_outcome(o) for o in api.get("vat", v1)["outcomes"]] == [not_adopted]
    return voluntarily["id"]


def _adoption_by_consensus(api, clock, voluntarily):
    """Rev.1 of the recommendations takes in Kenya's wording; the Chair marks two paragraphs
    agreed and records the adoption by consensus, confirming what is still outstanding, with
    Brazil disassociating from paragraph 3; Brazil and Kenya explain their positions."""
    clock.move_to(_at(days=6, hours=4))
    body = {
        "text": ANNEX.replace("on incidents.", "on incidents voluntarily."),
        "label": "Rev.1",
        "fates": [{"proposal": voluntarily, "kind": "reflected", "provisions": ["p2"]}],
    }
    api.post("chair", f"{ANNEX_PATH}/revisions", body, **{"If-Match": api.etag(ANNEX_PATH, 1)})
    v2 = f"{ANNEX_PATH}/versions/2"
    assert api.post("ken", f"{v2}/positions", {"provision": "p2", "stance": "support"})[
        "stance"
    ] == ("support")
    for uid in ("p1", "p2"):
        mark = {"provision": uid, "kind": "agreed"}
        api.post("chair", f"{v2}/status-marks", mark, **{"If-Match": api.etag(ANNEX_PATH, 2)})
    assert api.get("vice", f"{v2}/adoption-checklist") == {
        "nothing_outstanding": False,
        "not_agreed": ["3"],
        "open_proposals": [],
        "silences_running": 0,
        "reserving": ["Brazil"],
        "objecting": [],
    }
    body = {
        "disassociations": {"BRA": ["p3"]},
        "explanations": {"BRA": "Brazil disassociates itself from paragraph 3."},
        "confirm": True,
    }
    recorded = api.post("chair", f"{v2}/adoptions", body, **{"If-Match": api.etag(ANNEX_PATH, 2)})
    assert (_outcome(recorded), recorded["disassociations"]) == (
        (2, True, "consensus", "Adopted by consensus", []),
        {"BRA": ["p3"]},
    )
    explained = api.post("ken", f"{ANNEX_PATH}/explanations", {"text": "Kenya joins consensus."})
    assert explained == {
        "delegation": "KEN",
        "delegation_name": "Kenya",
        "text": "Kenya joins consensus.",
    }
    records = api.get("vat", f"{ANNEX_PATH}/adoptions")
    assert [(_outcome(r), r["disassociations"]) for r in records] == [
        ((1, False, "consensus", "Not adopted — objection by Kenya", ["Kenya"]), {}),
        ((2, True, "consensus", "Adopted by consensus", []), {"BRA": ["p3"]}),
    ]
    assert [(e["delegation"], e["text"]) for e in records[1]["explanations"]] == [
        ("BRA", "Brazil disassociates itself from paragraph 3."),
        ("KEN", "Kenya joins consensus."),
    ]
    assert api.get("vat", ANNEX_PATH)["adopted"] is True


ADOPTED = "“{}” has been adopted; nothing more can be proposed, revised or adopted on it."


def _refusals_once_adopted(api, passed):
    """Nothing more is proposed, stated, broken, revised or explained twice on adopted texts;
    each refusal is a problem document that stores nothing."""
    wording = {"provision": "p1", "wording": "Other words."}
    for who, path, body, status, code, detail in [
        (
            "fra",
            f"{ANNEX_PATH}/versions/2/proposals",
            wording,
            422,
            "already-adopted",
            ADOPTED.format("Recommendations of the Chair"),
        ),
        (
            "fra",
            f"{REPORT}/versions/4/proposals",
            wording,
            422,
            "already-adopted",
            ADOPTED.format("Report of the open-ended working group"),
        ),
        (
            "deu",
            f"{ANNEX_PATH}/versions/2/positions",
            {"provision": "p1", "stance": "object"},
            422,
            "already-adopted",
            ADOPTED.format("Recommendations of the Chair"),
        ),
        (
            "ken",
            f"{PROCEDURES}/{passed}/breaks",
            {"letter": "Kenya objects.", "provisions": ["p1"]},
            409,
            "silence-closed",
            "This silence procedure closed at its deadline (2026-03-07T09:00:00+00:00); silence "
            "can no longer be broken on it.",
        ),
        (
            "chair",
            f"{REPORT}/revisions",
            {"text": REV3.replace("four", "five"), "label": "Rev.4"},
            422,
            "already-adopted",
            ADOPTED.format("Report of the open-ended working group"),
        ),
        (
            "chair",
            f"{ANNEX_PATH}/versions/2/adoptions",
            {"confirm": True},
            422,
            "already-adopted",
            ADOPTED.format("Recommendations of the Chair"),
        ),
        (
            "ken",
            f"{ANNEX_PATH}/explanations",
            {"text": "Again."},
            409,
            "already-explained",
            "Kenya has already explained its position on this adoption.",
        ),
    ]:
        assert _refused(api, who, path, body, status, code) == detail


EVENTS = [
    "process.created",
    "participants.admitted",
    "participants.admitted",
    *["accreditation.granted"] * 8,
    "draft.published",
    *["proposal.submitted"] * 6,
    "cosponsorship.invited",
    "cosponsorship.accepted",
    "revision.issued",
    "revision.issued",
    "silence.launched",
    "silence.broken",
    "revision.issued",
    "silence.superseded",
    "silence.launched",
    "silence.closed",
    "draft.published",
    "proposal.submitted",
    "position.recorded",
    "position.recorded",
    "adoption.recorded",
    "revision.issued",
    "position.recorded",
    "status.marked",
    "status.marked",
    "adoption.recorded",
    "explanation.delivered",
]


def test_a_whole_negotiation_through_the_api(client, capsys):
    api = Api(client)
    with time_machine.travel(START, tick=False) as clock:
        _set_up_and_staff(api)
        ids = _propose_on_the_zero_draft(api)
        _issue_rev1_leaving_one_pending(api, ids)
        clock.move_to(_at(hours=2))
        _take_in_the_pending_one_at_rev2(api, ids)
        _silence_broken_then_superseded(api, clock)
        passed = _silence_passes_on_rev3(api, clock)
        voluntarily = _objection_at_the_meeting(api, clock)
        _adoption_by_consensus(api, clock, voluntarily)
        _refusals_once_adopted(api, passed)
    assert _kinds("oewg") == EVENTS
    assert verify_database() == 0
    assert capsys.readouterr().out.startswith(f"ok: {len(EVENTS)} events, chain and signatures")


def test_a_process_deciding_by_a_recorded_vote_through_the_api(client):
    """The result follows from the ballots: a first vote fails, a second carries; the observer
    never votes, and an outcome typed as consensus is refused."""
    api = Api(client)
    User.objects.create_user("staff", password=PASSWORD, is_staff=True)
    with time_machine.travel(START, tick=False) as clock:
        rules = api.post(
            "staff",
            "/processes",
            {
                "slug": "vote-wg",
                "title": "Working group deciding by vote",
                "decision_rule": "vote-simple-majority",
                "members": ["BRA", "DEU", "FRA", "KEN"],
                "observers": ["VAT"],
            },
        )["rules"]
        assert rules["decision_rule"] == "vote-simple-majority"
        for person in (
            accreditation_body("chair", "chair"),
            accreditation_body("fra", "delegate", "FRA"),
            accreditation_body("vat", "observer", "VAT"),
        ):
            api.post("staff", "/processes/vote-wg/accreditations", person)
        resolution = "/processes/vote-wg/documents/resolution"
        api.post(
            "chair",
            "/processes/vote-wg/documents",
            {"slug": "resolution", "text": ANNEX, "label": "Draft resolution"},
        )
        votes = f"{resolution}/versions/1/votes"
        for path, body, status, code in [
            (votes, {"ballots": {"BRA": "yes", "VAT": "no"}, "confirm": True}, 422, "not-a-member"),
            (votes, {"ballots": {"BRA": "yes"}}, 409, "adoption-not-confirmed"),
            (f"{resolution}/versions/1/adoptions", {"confirm": True}, 422, "vote-required"),
        ]:
            _refused(api, "chair", path, body, status, code)
        failed = api.post(
            "chair", votes, {"ballots": {"BRA": "yes", "DEU": "no", "FRA": "no"}, "confirm": True}
        )
        clock.move_to(_at(hours=3))
        carried = api.post(
            "chair",
            votes,
            {
                "ballots": {"BRA": "yes", "deu": "yes", "FRA": "no", "KEN": "abstain"},
                "explanations": {"FRA": "France voted against: paragraph 3 asks too much."},
                "confirm": True,
            },
        )
        assert api.post("vat", f"{resolution}/explanations", {"text": "The Holy See welcomes it."})
    assert [(_outcome(r), r["vote"]) for r in (failed, carried)] == [
        (
            (
                1,
                False,
                "vote",
                "Not adopted — a recorded vote of 1–2–0 (yes, no, abstain); "  # noqa: RUF001 (a tally is written with en dashes)
                "2 yes votes were needed",
                [],
            ),
            {
                "rule": "vote-simple-majority",
                "ballots": {"BRA": "yes", "DEU": "no", "FRA": "no"},
                "yes": 1,
                "no": 2,
                "abstentions": 0,
                "present": 3,
                "needed": 2,
                "quorum_needed": 2,
                "quorum_met": True,
            },
        ),
        (
            (
                1,
                True,
                "vote",
                "Adopted by a recorded vote of 2–1–1 (yes, no, abstain)",  # noqa: RUF001 (a tally is written with en dashes)
                [],
            ),
            {
                "rule": "vote-simple-majority",
                "ballots": {"BRA": "yes", "DEU": "yes", "FRA": "no", "KEN": "abstain"},
                "yes": 2,
                "no": 1,
                "abstentions": 1,
                "present": 4,
                "needed": 2,
                "quorum_needed": 2,
                "quorum_met": True,
            },
        ),
    ]
    document = api.get("vat", resolution)
    assert (document["adopted"], [o["adopted"] for o in document["outcomes"]]) == (
        True,
        [False, True],
    )
    explained = api.get("vat", f"{resolution}/adoptions")[1]["explanations"]
    assert [(e["delegation"], e["text"]) for e in explained] == [
        ("FRA", "France voted against: paragraph 3 asks too much."),
        ("VAT", "The Holy See welcomes it."),
    ]
    assert _kinds("vote-wg") == [
        "process.created",
        "participants.admitted",
        "participants.admitted",
        *["accreditation.granted"] * 3,
        "draft.published",
        "adoption.recorded",
        "adoption.recorded",
        "explanation.delivered",
    ]
    assert verify_database() == 0
