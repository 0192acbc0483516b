"""Template contexts made from the values the store's queries return."""

from collections.abc import Callable
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import get_language

from accord.core.language_versions import NATIVE_NAMES, direction
from accord.store import models, queries

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def fields_of(value: "DataclassInstance") -> dict[str, Any]:
    """Each field of ``value`` (a frozen dataclass from `accord.store.queries`) as a template
    variable of the same name, its value as it is (unlike `dataclasses.asdict`, which would
    copy nested values into dicts)."""
    return {field.name: getattr(value, field.name) for field in fields(value)}


def kept_part(process: models.Process, *vary: object) -> str:
    """The key under which the `{% kept %}` tag keeps a page's rendered part (see
    `accord.store.queries.kept`): the process's record position, the reader's language and
    ``vary`` — whatever else the part depends on, such as the delegation whose forms it
    holds. Read before what the part shows, so that the part is never older than its key."""
    position = queries.record_position(process)
    return queries.position_key("page", position, get_language(), *vary)


def language_link(code: str) -> dict[str, str]:
    """What a link to a language says of it: its code, its own name and its direction."""
    return {"code": code, "name": NATIVE_NAMES[code], "dir": direction(code)}


class RecordPositionsRemembered:
    """Middleware: during a request, each process's record position is read once (see
    `accord.store.queries.positions_remembered`) — the status board asked for it three
    times — and read again after any write the request makes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        with queries.positions_remembered():
            return self.get_response(request)
