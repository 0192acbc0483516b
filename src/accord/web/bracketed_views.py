"""The bracketed text: disputed words in [brackets], alternatives as options."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accord.store import queries
from accord.web.context import fields_of
from accord.web.views import chosen_part, visible_version

# Characters of HTML a reader is handed at once: a longer bracketed text opens on its first
# part of whole sections (1.2 MB for 300 paragraphs under 5,000 proposals).
PART_CHARS = 400_000


def bracketed(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    found = visible_version(request, process, document, number)
    reading = queries.reading_of(found, request.user)
    context = fields_of(reading)
    disputed, parts = queries.bracketed_parts(
        found, reading.text, budget=PART_CHARS, option=_("Option")
    )
    number, whole = chosen_part(request)
    part = next((p for p in parts if p.number == number), parts[0])
    shown = parts if whole else (part,)
    several = len(parts) > 1
    context |= {
        "disputed": disputed,
        "parts": parts if several else (),
        "part": part if several and not whole else None,
        # set_bracketed escapes every text it sets.
        "bracketed": mark_safe(  # noqa: S308
            f'<article class="bracketed">{"".join(p.html for p in shown)}</article>'
        ),
    }
    return render(request, "accord/bracketed.html", context)
