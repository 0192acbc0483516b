"""The bracketed text: disputed words in [brackets], alternatives as options."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accord.core.bracketed import bracketed_html
from accord.store import queries
from accord.web.context import fields_of
from accord.web.views import visible_version


def bracketed(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    found = visible_version(request, process, document, number)
    reading = queries.reading_of(found, request.user)
    context = fields_of(reading)
    provisions = queries.bracketed(found, reading.text)
    context["disputed"] = sum(
        1 for b in provisions if len(b.segments) > 1 or b.segments[0].kind != "text"
    )
    # bracketed_html escapes every text it sets.
    context["bracketed"] = mark_safe(bracketed_html(provisions, _("Option")))  # noqa: S308
    return render(request, "accord/bracketed.html", context)
