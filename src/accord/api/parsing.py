"""How the API reads requests: as django-ninja does, but refusing text that holds a NUL
character or a lone surrogate. No text of a negotiation holds one, PostgreSQL can neither
store nor look up a NUL, and a lone surrogate (which JSON writes as an escape such as
``\\ud800``) is no character at all and cannot be written as UTF-8; Django's own forms
never pass one on. The API refuses them before any action runs or any query is made,
whichever field holds them. Every other character is judged by the actions
(`accord.core.text_hygiene`)."""

import re
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja.errors import ValidationError
from ninja.parser import Parser

from accord.api.problems import nothing_here


class NoNulParser(Parser):
    """JSON bodies (refused as unreadable, 400), and form fields and query parameters
    (refused as invalid, 422), with a NUL character or a lone surrogate anywhere in their
    text, keys included."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        _refuse_nul(data, ("body",))
        return data

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        parsed = super().parse_querydict(data, list_fields, request)
        _refuse_nul(parsed, ("form",) if data is request.POST else ("query",))
        return parsed


class RefuseNulInApiPaths:
    """Middleware: an API address whose path holds a NUL character names nothing, since no
    process, document or proposal is called by one, and is answered 404 before routing."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith("/api/") and "\x00" in request.path_info:
            from accord.api.routes import api  # which itself reads requests with this module

            return nothing_here(api, request)
        return self.get_response(request)


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _refuse_nul(value: object, where: tuple[str | int, ...]) -> None:
    found = _UNSTORABLE.search(value) if isinstance(value, str) else None
    if found is not None:
        if found.group() == "\x00":
            message = _("Text may not contain NUL characters.")
        else:
            message = _(
                "Text may not contain a lone surrogate (U+D800 to U+DFFF): it is half of a "
                "UTF-16 pair, not a character."
            )
        raise ValidationError([{"loc": where, "msg": message}])
    if isinstance(value, dict):
        for key, item in value.items():
            _refuse_nul(key, where)
            _refuse_nul(item, (*where, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_nul(item, (*where, index))
