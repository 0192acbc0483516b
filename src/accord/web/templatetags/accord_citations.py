"""``{% cite_as %}``: the citation form of a passage, in the reader's language, through the
one function that writes citation forms (`accord.core.citations`)."""

import datetime as dt

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accord.core.citations import Citation, Standing, cite

register = template.Library()


def words() -> dict[str, str]:
    return {
        Standing.CONSENSUS: _("adopted by consensus"),
        Standing.SILENCE: _("adopted by silence procedure"),
        Standing.VOTE: _("adopted by a recorded vote"),
        Standing.NATIONAL_VIEW: _("national view"),
        Standing.CHAIRS_SUMMARY: _("Chair's summary, not negotiated"),
        Standing.STAKEHOLDER_INPUT: _("stakeholder input, not negotiated"),
        "para": _("para {label}"),
    }


@register.simple_tag
def cite_as(
    standing: str, source: str, date: dt.date | dt.datetime | None = None, paragraph: str = ""
) -> str:
    """E.g. ``{% cite_as "national-view" source date=statement.delivered_on %}``."""
    written = date_format(date, "j F Y") if date else ""
    return cite(Citation(Standing(standing), source, paragraph, written), words())
