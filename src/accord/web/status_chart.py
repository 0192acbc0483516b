"""The progress chart of a status board: stacked bars drawn on the server as inline SVG, one
bar per recorded moment, with the same figures in a table for screen readers."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from accord.core.status import Moment, ProvisionStatus

WIDTH, HEIGHT, TOP, BOTTOM, LEFT = 640, 240, 10, 30, 40
# Drawn from the bottom up; open, bracketed and reopened paragraphs count as not yet agreed.
SERIES = (
    ("adopted", (ProvisionStatus.ADOPTED,)),
    ("agreed-ad-ref", (ProvisionStatus.AGREED_AD_REF,)),
    ("agreed-pending", (ProvisionStatus.AGREED_PENDING,)),
    (
        "not-agreed",
        (ProvisionStatus.OPEN, ProvisionStatus.BRACKETED, ProvisionStatus.REOPENED),
    ),
)


def _names() -> dict[str, str]:
    return {
        "adopted": _("Adopted"),
        "agreed-ad-ref": _("Agreed ad ref"),
        "agreed-pending": _("Agreed pending"),
        "not-agreed": _("Not yet agreed"),
    }


def _what(moment: Moment) -> str:
    if moment.what == "version":
        return _("%(label)s issued") % {"label": moment.label}
    if moment.what == "mark":
        # Translators: a noun: the status the Chair gave a paragraph, a moment in a chart.
        said = pgettext("the Chair's status mark, a noun", "Chair's mark on paragraph %(label)s")
        return said % {"label": moment.label}
    return _("Adoption")


def chart(moments: tuple[Moment, ...]) -> dict[str, Any]:
    """Geometry and figures of the chart for ``moments`` (oldest first)."""
    names = _names()
    rows: list[dict[str, Any]] = []
    for moment in moments:
        values = [(key, sum(moment.count(s) for s in statuses)) for key, statuses in SERIES]
        rows.append({"moment": moment, "what": _what(moment), "values": values})
    highest = max((sum(v for _k, v in row["values"]) for row in rows), default=0) or 1
    plot = HEIGHT - TOP - BOTTOM
    step = (WIDTH - LEFT) / max(len(rows), 1)
    bars = []
    for index, row in enumerate(rows):
        x = LEFT + index * step + step * 0.1
        base = HEIGHT - BOTTOM
        segments = []
        for key, value in row["values"]:
            height = plot * value / highest
            base -= height
            if value:
                segments.append(
                    {
                        "y": round(base, 2),
                        "height": round(height, 2),
                        "key": key,
                        "title": f"{row['what']}: {names[key]} {value}",
                    }
                )
        bars.append({"x": round(x, 2), "width": round(step * 0.8, 2), "segments": segments})
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "axis_y": HEIGHT - BOTTOM,
        "left": LEFT,
        "top": TOP,
        "highest": highest if rows else 0,
        "bars": bars,
        "rows": rows,
        "series": [(key, names[key]) for key, _s in SERIES],
    }
