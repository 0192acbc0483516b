"""``{% cite_as %}``: the citation form of a passage, in the reader's language, through the
one function that writes citation forms (`accord.core.citations`)."""

import datetime as dt

from django import template
from django.utils.formats import date_format

from accord.core.citations import Citation, Standing, cite
from accord.words.citations import citation_words

register = template.Library()


@register.simple_tag
def cite_as(
    standing: str, source: str, date: dt.date | dt.datetime | None = None, paragraph: str = ""
) -> str:
    """E.g. ``{% cite_as "national-view" source date=statement.delivered_on %}``."""
    written = date_format(date, "j F Y") if date else ""
    return cite(Citation(Standing(standing), source, paragraph, written), citation_words())
