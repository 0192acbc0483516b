"""docs/api.md lists every stable error code the API can answer, each with its status: the
codes of the rules' refusals, of the API's own problems and of the answers at its edges."""

import re
from pathlib import Path

from django.http import HttpResponse
from django.test import RequestFactory
from tests.words.test_refusals import REFUSALS

from accord.api import edges, problems

ROOT = Path(__file__).resolve().parents[2]
# The API's own problems, as its code raises them: Problem(422, "invalid-deadline", …),
# problem(api, request, 401, "not-authenticated", …) and problem_response(413, "too-large", …).
RAISED = re.compile(
    r'(?:Problem\(|problem\(\s*api,\s*request,|problem_response\()\s*(\d{3}),\s*"([a-z0-9-]+)"'
)


def _documented() -> set[tuple[str, str]]:
    text = (ROOT / "docs/api.md").read_text()
    section = text.split("## Error codes", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([^|]+) \| (.+) \|$", section, re.MULTILINE)
    listed = set()
    for status, codes in rows:
        if status.strip() != "status":
            code_list = re.findall(r"`([a-z0-9-]+)`", codes)
            listed |= {(status.strip(), code) for code in code_list}
    return listed


def _answered() -> set[tuple[str, str]]:
    refusals = {(str(problems._REFUSAL_STATUS.get(type(r), 422)), type(r).code) for r in REFUSALS}
    source = "".join(p.read_text() for p in (ROOT / "src/accord/api").glob("*.py"))
    raised = set(RAISED.findall(source))
    request = RequestFactory().get("/api/v1/")
    at_edges = {
        (str(status), edges._words(status, request, HttpResponse(status=status))[0])
        for status in (400, 403, 404, 405)
    }
    other = edges._words(418, request, HttpResponse(status=418))[0]
    return refusals | raised | at_edges | {("any other", other)}


def test_the_api_document_lists_every_error_code_with_its_status():
    answered = _answered()
    # The search through the API's code finds what it should.
    assert {("428", "precondition-required"), ("413", "too-large")} <= answered
    assert _documented() == answered
