"""Template contexts made from the values the store's queries return."""

from dataclasses import fields
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.utils.translation import get_language

from accord.store import models, queries

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def fields_of(value: "DataclassInstance") -> dict[str, Any]:
    """Each field of ``value`` (a frozen dataclass from `accord.store.queries`) as a template
    variable of the same name, its value as it is (unlike `dataclasses.asdict`, which would
    copy nested values into dicts)."""
    return {field.name: getattr(value, field.name) for field in fields(value)}


def kept_part(request: HttpRequest, process: "models.Process", *vary: object) -> str:
    """The key under which the `{% kept %}` tag keeps a page's rendered part (see
    `accord.store.queries.kept`): the process's record position, the reader's language and
    ``vary`` — what else the part depends on. A part showing a form of the reader's own
    carries their session's CSRF token: its ``vary`` names the session."""
    position = queries.record_position(process)
    return queries.position_key("page", position, get_language(), *vary)


def session_of(request: HttpRequest) -> str:
    """What tells the reader's parts apart from anyone else's: their session."""
    return f"session-{request.session.session_key}"
