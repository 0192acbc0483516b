"""How the API reads request bodies: as django-ninja does, but refusing text that holds a NUL
character. No text of a negotiation holds one, PostgreSQL refuses to store one, and Django's
own forms refuse them on the pages; the API refuses them before any action runs."""

from typing import Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja.errors import ValidationError
from ninja.parser import Parser


class NoNulParser(Parser):
    """JSON bodies (refused as unreadable, 400) and form fields (refused as invalid, 422)
    with a NUL character anywhere in their text."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        _refuse_nul(data, ("body",))
        return data

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        parsed = super().parse_querydict(data, list_fields, request)
        if data is request.POST:
            _refuse_nul(parsed, ("form",))
        return parsed


def _refuse_nul(value: object, where: tuple[str | int, ...]) -> None:
    if isinstance(value, str) and "\x00" in value:
        message = _("Text may not contain NUL characters.")
        raise ValidationError([{"loc": where, "msg": message}])
    if isinstance(value, dict):
        for key, item in value.items():
            _refuse_nul(key, where)
            _refuse_nul(item, (*where, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_nul(item, (*where, index))
