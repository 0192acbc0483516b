"""The OpenAPI document is valid OpenAPI 3.1 (openapi-spec-validator) and says what outside
tools need: security on the writes and none on public reads, the headers of preconditions,
caching, streams and rate limits, typed file and stream answers, examples, bounds."""

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

PROCESS = "/api/v1/processes/{process}"
VERSION = f"{PROCESS}/documents/{{document}}/versions/{{number}}"


@pytest.fixture
def document(client):
    return client.get("/api/v1/openapi.json").json()


def _operations(document):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            yield method.upper(), path, operation


def test_the_document_is_valid_openapi(document):
    validate(document)
    assert document["openapi"].startswith("3.1")


def test_writes_name_their_security_and_public_reads_none(document):
    secured = {
        (method, path)
        for method, path, operation in _operations(document)
        if operation.get("security")
    }
    public = {(m, p) for m, p, _ in _operations(document)} - secured
    for _, _, operation in _operations(document):
        if operation.get("security"):
            assert operation["security"] == [{"TokenAuth": []}, {"SignedInSession": []}]
            assert "401" in operation["responses"]
    assert ("GET", f"{PROCESS}/accreditations") in secured
    assert ("GET", f"{PROCESS}/invitations") in secured
    # Reads anyone may make of a public process, and what needs no account at all.
    assert {
        ("GET", "/api/v1/processes"),
        ("GET", VERSION),
        ("GET", f"{VERSION}/export"),
        ("GET", "/api/v1/events"),
        ("POST", "/api/v1/check"),
        ("POST", "/api/v1/record/cosignatures"),
    } <= public
    assert {method for method, _ in secured} == {"POST", "GET", "DELETE"}
    assert all(
        method == "GET"
        or path.startswith("/api/v1/record")
        or path.endswith(("/check", "/export-jobs"))
        for method, path in public
    )


def test_every_operation_lists_only_the_errors_it_can_answer(document):
    statuses = {
        (method, path): sorted(s for s in operation["responses"] if s >= "400")
        for method, path, operation in _operations(document)
    }
    assert statuses[("GET", "/api/v1/record/witnesses")] == ["429"]
    assert statuses[("GET", f"{PROCESS}")] == ["401", "404", "429"]
    assert statuses[("POST", f"{VERSION}/adoptions")] == [
        "400", "401", "403", "404", "409", "412", "413", "422", "428", "429",
    ]  # fmt: skip
    assert statuses[("GET", "/api/v1/events")] == ["401", "404", "422", "429"]
    for (method, path), errors in statuses.items():
        assert "429" in errors
        if method == "GET":
            assert "412" not in errors, path
            assert "428" not in errors, path


def test_headers_of_preconditions_caching_streams_and_rate_limits(document):
    paths = document["paths"]
    version = paths[VERSION]["get"]
    assert [p["name"] for p in version["parameters"] if p["in"] == "header"] == ["If-None-Match"]
    assert set(version["responses"]["200"]["headers"]) == {"ETag"}
    assert set(version["responses"]["304"]["headers"]) == {"ETag"}
    events = paths["/api/v1/events"]["get"]
    assert [p["name"] for p in events["parameters"] if p["in"] == "header"] == ["Last-Event-ID"]
    assert list(events["responses"]["200"]["content"]) == ["text/event-stream"]
    for _, _, operation in _operations(document):
        assert set(operation["responses"]["429"]["headers"]) == {"Retry-After"}
        if "401" in operation["responses"]:
            assert set(operation["responses"]["401"]["headers"]) == {"WWW-Authenticate"}


def test_files_are_typed_answers(document):
    export = document["paths"][f"{VERSION}/export"]["get"]["responses"]["200"]
    assert sorted(export["content"]) == [
        "application/akn+xml",
        "application/json",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "text/html",
        "text/markdown",
    ]
    assert export["content"]["application/pdf"]["schema"] == {"type": "string", "format": "binary"}


def test_every_operation_has_examples_from_the_demo(document):
    for method, path, operation in _operations(document):
        parameters = operation.get("parameters", [])
        body = operation.get("requestBody", {}).get("content", {})
        examples = [p for p in parameters if "example" in p]
        assert examples or body or not parameters, (method, path)
        for parameter in parameters:
            if parameter["in"] == "path":
                assert "example" in parameter, (method, path, parameter["name"])
    process = document["paths"][PROCESS]["get"]["parameters"][0]
    assert process["example"] == "oewg-ict-demo"
    schemas = document["components"]["schemas"]
    bodies = [name for name in schemas if name.endswith("In")]
    assert bodies
    for name in bodies:
        assert schemas[name].get("examples"), name


def test_constraints_are_stated(document):
    paths = document["paths"]
    limit = next(p for p in paths["/api/v1/processes"]["get"]["parameters"] if p["name"] == "limit")
    assert (limit["schema"]["minimum"], limit["schema"]["maximum"]) == (1, 200)
    kind = next(
        p for p in paths[f"{PROCESS}/statements"]["get"]["parameters"] if p["name"] == "kind"
    )
    assert kind["schema"]["enum"] == ["statement", "written-input"]
