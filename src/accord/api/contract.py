"""What the OpenAPI document promises beyond the bodies: the error statuses each operation
may answer, the headers of preconditions, caching and rate limits, file and stream answers,
and examples taken from the demo.

Each route names its own error statuses with `errors` and its headers with the fragments
here, passed as django-ninja's ``openapi_extra``; `finish` adds what every operation shares.
schemathesis checks the promises against the running API (tests/api/test_openapi_fuzz.py).
"""

from typing import Any

from accord.api import schemas
from accord.documents.export import MEDIA_TYPES

Fragment = dict[str, Any]


def errors(*statuses: int) -> dict[int, type[schemas.Problem]]:
    """The error statuses an operation may answer, each a problem document; every operation
    may also answer 429 when its caller goes over a rate limit."""
    return dict.fromkeys(sorted({*statuses, 429}), schemas.Problem)


# What the usual kinds of operation may answer, beyond what their own rules add:
# a read that looks a process up (a token that is not valid, nothing the caller may see),
READ = (401, 404)
# ... that also takes a typed parameter (a number, a choice) that may not parse,
TYPED_READ = (*READ, 422)
# ... that pages (a cursor accord never gave, a limit out of bounds),
PAGED_READ = (*TYPED_READ, 400)
# and a write with a JSON body: an unreadable body, no credentials or no right to act,
# nothing there, a state that forbids it, a body too large, a body or rule refusing it.
WRITE = (400, 401, 403, 404, 409, 413, 422)
# A write without a body.
BARE_WRITE = (401, 403, 404, 409, 422)

ETAG_HEADER = {
    "ETag": {
        "description": "The version's content hash, quoted: send it back as If-None-Match "
        "or If-Match.",
        "schema": {"type": "string", "pattern": '^"[0-9a-f]{64}"$'},
    }
}


def if_match(*, required: bool) -> Fragment:
    """The If-Match header of a write on a version: refused with 412 when it names another
    text; with ``required``, a write without it is refused with 428."""
    consequence = (
        "Required: without it the act is refused with 428 precondition-required. "
        if required
        else "Optional. "
    )
    return {
        "parameters": [
            {
                "name": "If-Match",
                "in": "header",
                "required": required,
                "description": consequence
                + "The ETag of the version as the caller read it (GET …/versions/{number}); "
                "412 precondition-failed when the text changed since.",
                # Sent empty, an optional If-Match counts as not sent; a required one does not.
                "schema": {"type": "string", "minLength": 1} if required else {"type": "string"},
                "example": '"9c1185a5c5e9fc54612808977ee8f548b2258d31a3b7c5b1c1f3e7d2e4f4a3b8"',
            }
        ]
    }


IF_NONE_MATCH: Fragment = {
    "parameters": [
        {
            "name": "If-None-Match",
            "in": "header",
            "required": False,
            "description": "The ETag read before: 304 with no body when the version's text is "
            "still that.",
            "schema": {"type": "string"},
        }
    ],
    "responses": {
        "200": {"headers": ETAG_HEADER},
        "304": {"description": "Not Modified: the text is the one named.", "headers": ETAG_HEADER},
    },
}

LAST_EVENT_ID: Fragment = {
    "parameters": [
        {
            "name": "Last-Event-ID",
            "in": "header",
            "required": False,
            "description": "Resume after this event (its sequence number); browsers send it "
            "when they reconnect. Wins over ``after``.",
            "schema": {"type": "string"},
            "example": "74",
        }
    ],
    "responses": {
        "200": {
            "description": "Server-sent events: ``id`` (sequence number), ``event`` (its "
            "kind) and ``data`` (its JSON) per message.",
            "content": {
                "text/event-stream": {
                    # Each message: its sequence number, its kind and its JSON.
                    "schema": {
                        "type": "object",
                        "required": ["id", "event", "data"],
                        "properties": {
                            "id": {"type": "string", "pattern": "^[0-9]+$"},
                            "event": {"type": "string", "pattern": "^[a-z_]+\\.[a-z_.]+$"},
                            "data": {"type": "string", "contentMediaType": "application/json"},
                        },
                    },
                    "example": 'id: 75\nevent: proposal.submitted\ndata: {"seq": 75, …}\n\n',
                }
            },
        }
    },
}

_FILE = {"type": "string", "format": "binary"}
_DISPOSITION = {
    "Content-Disposition": {
        "description": "attachment, with the file's name",
        "schema": {"type": "string"},
    }
}


def file_answer(status: int = 200) -> Fragment:
    """A file in one of the formats accord exports."""
    media = sorted({m.split(";")[0] for m in MEDIA_TYPES.values()})
    return {
        "responses": {
            str(status): {
                "description": "The file, in the media type of its format.",
                "headers": _DISPOSITION,
                "content": {
                    m: {"schema": {"type": "object"} if m == "application/json" else _FILE}
                    for m in media
                },
            }
        }
    }


# Examples of path and query parameters: the demo's own (`make demo`).
EXAMPLES = {
    "process": "oewg-ict-demo",
    "document": "report",
    "number": 2,
    "proposal": 12,
    "uid": "p29",
    "procedure": 1,
    "request_id": 1,
    "username": "ken",
    "job": 1,
    "seq": 1,
    "delegation": "KEN",
    "group": "eu",
    "kind": "statement",
    "view": "redline",
    "format": "pdf",
    "language": "fr",
    "against": 1,
    "first": 1,
    "second": 10,
    "limit": 50,
    "after": 74,
}

_RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer", "minimum": 0},
    }
}
_WWW_AUTHENTICATE = {
    "WWW-Authenticate": {
        "description": "How to authenticate: a bearer token.",
        "schema": {"type": "string"},
    }
}


def finish(schema: dict[str, Any]) -> dict[str, Any]:
    """What every operation shares: Retry-After on 429, WWW-Authenticate on 401, and the
    demo's identifiers as examples of parameters."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            # django-ninja keys its answers by number and the fragments here by text: one key.
            responses: dict[str, Any] = {}
            for status, answer in operation.get("responses", {}).items():
                responses.setdefault(str(status), {}).update(answer)
            operation["responses"] = responses
            for status, headers in (("429", _RETRY_AFTER), ("401", _WWW_AUTHENTICATE)):
                if status in responses:
                    responses[status]["headers"] = {
                        **responses[status].get("headers", {}),
                        **headers,
                    }
            for parameter in operation.get("parameters", []):
                if parameter["name"] in EXAMPLES and "example" not in parameter:
                    parameter["example"] = EXAMPLES[parameter["name"]]
    return schema
