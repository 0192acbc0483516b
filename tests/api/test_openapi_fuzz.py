"""schemathesis fuzzes every operation of the live OpenAPI document of the demo, served as
`make demo` serves it, with every check it has: no request it can invent may cause a server
error, every answer (status, content type, headers, body) must be one the document describes,
a request the document calls valid must not be refused as malformed and one it calls invalid
must be refused, credentials and required headers must be enforced. Then it chains requests
(stateful testing) along the links it infers from the document: a proposal's id from the
answer that made it to the request that withdraws it, a version's number to its exports.

The demo's rate limits are raised for the run, so that no answer is a 429 for speed alone;
requests the document calls valid carry the demo's real identifiers and ETags."""

import json
import subprocess
import sys
import urllib.request
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance
from schemathesis.config import SchemathesisConfig
from tests.served_demo import demo_environment_for, served_demo

from accord.api.routes import api

# The answers that say a request was malformed: a request the document calls valid must never
# get one. Any other refusal is a rule of the negotiation that no schema can state (a text
# already adopted, a paragraph that is a heading, a deadline sooner than the rules allow), and
# the document lists its status and code for the operation.
MALFORMED = {"invalid-request", "invalid-text", "bad-request", "invalid-limit", "invalid-cursor"}
# Who calls which operation: the Secretariat sets up and staffs, delegations speak for
# themselves, the Chair does the rest.
SECRETARIAT = {"create_process", "list_accreditations", "create_accreditation"}
SECRETARIAT |= {"delete_accreditation"}
DELEGATE = {"create_proposal", "withdraw", "create_position", "invite", "accept", "decline"}
DELEGATE |= {"my_invitations", "create_break", "create_objection", "create_statement"}
DELEGATE |= {"create_explanation"}
# What a query parameter may say for true (pydantic's words for it).
FOLLOWS = {"true", "1", "yes", "on", "t", "y"}
CONFIG = SchemathesisConfig.from_dict(
    {
        # accord refuses a NUL and a lone surrogate in any text before anything else
        # (docs/security.md; tests/security/test_lone_surrogates.py): no text is made of them.
        "generation": {"allow-x00": False, "codec": "utf-8"},
        "checks": {
            # A grave write without If-Match is answered 428 Precondition Required.
            "missing_required_header": {
                "expected-statuses": [400, 401, 403, 406, 415, 422, 428],
            },
        },
    }
)


def _get(url: str, token: str = "") -> tuple[dict[str, str], bytes]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (our own demo)
    with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
        return dict(answer.headers), answer.read()


class Demo:
    """The served demo: its address, a token for each caller, its real identifiers."""

    def __init__(self, url: str, environment: dict[str, str]) -> None:
        self.url = url
        self.tokens = {who: _token(environment, who) for who in ("chair", "secretariat", "bra")}
        api = f"{url}/api/v1/processes/oewg-ict-demo"
        document = json.loads(_get(f"{api}/documents/report")[1])
        self.version = f"{api}/documents/report/versions/{document['current_version']}"
        silences = json.loads(_get(f"{api}/silence-procedures")[1])["items"]
        requests = json.loads(_get(f"{api}/stakeholder-requests")[1])["items"]
        invited = json.loads(_get(f"{api}/invitations", self.tokens["bra"])[1])["items"]
        self.identifiers = {
            "process": "oewg-ict-demo",
            "document": "report",
            "number": document["current_version"],
            "procedure": silences[0]["id"],
            "request_id": requests[0]["id"],
            "proposal": invited[0]["proposal"],
            "uid": "p29",
            "username": "vat",
            "seq": 1,
            "job": 1,
        }

    def etag(self) -> str:
        return _get(self.version)[0]["ETag"]


def _token(environment: dict[str, str], username: str) -> str:
    made = subprocess.run(
        [sys.executable, "-m", "accord.cli", "token", username, "schemathesis"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return made.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("fuzzed-demo")
    with demo_environment_for(data_dir) as environment:
        environment |= {
            "ACCORD_API_RATE_ANONYMOUS": "100000/min",
            "ACCORD_API_RATE_USER": "100000/min",
            "ACCORD_API_RATE_COSTLY": "100000/min",
        }
        with (data_dir / "server.log").open("w") as log, served_demo(environment, log) as url:
            yield Demo(url, environment)
    # The run's figures, for `pytest -s`: how many operations and requests were fuzzed.
    print(f"\nschemathesis: {len(SENT)} operations, {SENT.total()} cases")


# The document the demo serves, as this code makes it; the requests go to the served demo.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(), config=CONFIG)


# The cases sent, by operation (the checks' own probes, such as a request without credentials,
# come on top).
SENT: Counter[str] = Counter()


def _aim(case, demo: Demo, *, linked: bool = False) -> dict[str, str]:
    """The headers to send, and the case aimed at the demo's own identifiers when it is
    meant to be valid, so that the fuzzing reaches the rules and not only 404s; a ``linked``
    case keeps the identifiers the answer before it gave."""
    operation = case.operation.definition.raw["operationId"]
    SENT[case.operation.label] += 1
    who = "chair"
    if any(operation.endswith(f"_{name}") for name in SECRETARIAT):
        who = "secretariat"
    elif any(operation.endswith(f"_{name}") for name in DELEGATE):
        who = "bra"
    if case.path == "/api/v1/events":
        follow = (case.query or {}).get("follow", True)
        if follow is True or str(follow).lower() in FOLLOWS:
            case.query = {**(case.query or {}), "follow": "false"}  # never ends otherwise
    if case.meta.generation.mode == GenerationMode.POSITIVE:
        if case.path_parameters and not linked:
            known = {k: v for k, v in demo.identifiers.items() if k in case.path_parameters}
            case.path_parameters |= known
        if case.query and "cursor" in case.query:
            case.query = {k: v for k, v in case.query.items() if k != "cursor"}
        if case.headers and "If-Match" in case.headers:
            case.headers["If-Match"] = demo.etag()
    return {"Authorization": f"Bearer {demo.tokens[who]}"}


def _refused_by_a_rule(case, response) -> bool:
    """A request the document calls valid, refused by a rule of the negotiation."""
    if case.meta.generation.mode != GenerationMode.POSITIVE or response.status_code < 400:
        return False
    media = {k.lower(): v for k, v in response.headers.items()}.get("content-type", [""])[0]
    if not media.startswith("application/problem+json"):
        return False
    return response.json()["title"] not in MALFORMED


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_breaks_the_api_or_its_document(case, demo):
    headers = _aim(case, demo)
    response = case.call(base_url=demo.url, headers=headers, timeout=300)
    excluded = [positive_data_acceptance] if _refused_by_a_rule(case, response) else []
    case.validate_response(response, headers=headers, excluded_checks=excluded)


# The demo the stateful workflow calls, set by its test.
_served: list[Demo] = []


class DemoWorkflow(schema.as_state_machine()):
    """Requests chained by the links schemathesis infers from the document: an answer's
    identifiers (a proposal's id, a version's number, a provision's uid) feed the next
    request."""

    def get_call_kwargs(self, case):
        headers = _aim(case, _served[0], linked=True)
        return {"base_url": _served[0].url, "headers": headers, "timeout": 300}

    def validate_response(self, response, case, additional_checks=None, **kwargs):
        excluded = [positive_data_acceptance] if _refused_by_a_rule(case, response) else []
        case.validate_response(
            response,
            headers=kwargs["headers"],
            excluded_checks=excluded,
            transport_kwargs=kwargs,
            recorder=self.recorder,
        )


def test_following_the_links_breaks_nothing(demo):
    _served[:] = [demo]
    DemoWorkflow.run(
        settings=settings(
            max_examples=15,
            stateful_step_count=6,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
    )
