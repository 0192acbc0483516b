"""The Chair's convergence page: opinion groups, what is closest to consensus, what divides,
which proposals bridge the groups, and convergence over the versions. Advisory only."""

import csv
import io
import json
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from accord.core.convergence_audience import Audience, check_may_see
from accord.core.errors import NotPermitted
from accord.store import queries
from accord.web.context import fields_of
from accord.web.convergence_chart import bars, burn_down, group_map, legend
from accord.web.views import visible_version
from accord.words.refusals import explain

SHOWN = 15  # rows of each ranked list on the page; the downloads hold them all


class ConvergenceFilter(forms.Form):
    section = forms.ChoiceField(label=gettext_lazy("Section"), required=False)
    group = forms.TypedChoiceField(
        label=gettext_lazy("Opinion group"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, data: Any, room: queries.RoomConvergence) -> None:
        super().__init__(data)
        every = [("", pgettext("filter: every section", "All"))]
        section = self.fields["section"]
        group = self.fields["group"]
        assert isinstance(section, forms.ChoiceField)
        assert isinstance(group, forms.ChoiceField)
        section.choices = every + [
            (s.uid, f"{s.label}. {s.heading}" if s.label else s.heading) for s in room.sections
        ]
        group.choices = every + [
            (str(g), _("Group %(number)d") % {"number": g})
            for g in range(1, room.analysis.groups.count + 1)
        ]


def _room(
    request: HttpRequest, process: str, document: str, number: int
) -> queries.RoomConvergence:
    version = visible_version(request, process, document, number)
    found = version.document.process
    try:
        check_may_see(queries.actor(request.user, found), Audience(found.convergence_audience))
    except NotPermitted as refusal:
        raise PermissionDenied(explain(refusal)) from None
    return queries.convergence_of(version)


def _filters(request: HttpRequest, room: queries.RoomConvergence) -> ConvergenceFilter:
    return ConvergenceFilter(request.GET or None, room)


def convergence(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    """The convergence page of a version, for those the process's rules let see it."""
    room = _room(request, process, document, number)
    form = _filters(request, room)
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    tables = queries.convergence_tables(
        room, section=chosen.get("section") or "", group=chosen.get("group"), limit=SHOWN
    )
    reading = queries.reading_of(room.version, request.user)
    _for_display(room, tables)
    context = fields_of(reading) | {
        "room": room,
        "form": form,
        "tables": tables,
        "group_numbers": range(1, room.analysis.groups.count + 1),
        "map": group_map(tables["map"]),
        "legend": legend(room.analysis.groups.count),
        "closest_bars": bars(tables["closest"], "score"),
        "divisive_bars": bars(tables["divisive"], "divide"),
        "burn": burn_down(tables["revisions"]),
        "paragraphs": sum(1 for _i in room.labels),
        "proposals": len(room.analysis.matrix.items) - len(room.labels),
        "members": len(room.names),
        "placed": int((room.analysis.groups.labels >= 0).sum()),
        "query": request.GET.urlencode(),
        "advisory": advisory(room),
        "objections": [
            {"provision": row["provision"], "label": row["label"], "counts": list(row.values())[2:]}
            for row in tables["objections"]
        ],
    }
    return render(request, "accord/convergence.html", context, status=400 if form.errors else 200)


def _for_display(room: queries.RoomConvergence, tables: dict[str, list[Any]]) -> None:
    """Adds to the rows what the page's tables show: each group's accepting share in a
    list, the members and negotiating groups by name, the defining paragraphs with their uids."""
    count = room.analysis.groups.count
    uids = {label: uid for uid, label in room.labels.items()}
    for name in ("closest", "divisive", "bridging"):
        for row in tables[name]:
            row["shares"] = [row.get(f"group_{g}") for g in range(1, count + 1)]
            for who in ("objecting", "reserving"):
                row[who] = _by_name(room.names, row[who])
    for row in tables["map"]:
        codes = str(row["negotiating_groups"]).split()
        row["negotiating"] = ", ".join(room.group_names.get(code, code) for code in codes)
    for row in tables["groups"]:
        labels = str(row["defining"]).split()
        row["defining_labels"] = [(label, uids.get(label, "")) for label in labels]


def _by_name(names: dict[str, str], codes: object) -> str:
    """The delegations a figure lists by code ("CHN CUB"), by name ("China, Cuba")."""
    return ", ".join(names.get(code, code) for code in str(codes).split())


def download(
    request: HttpRequest, process: str, document: str, number: int, figure: str, form: str
) -> HttpResponse:
    """One figure of the convergence page as CSV or JSON, with the page's filters."""
    if figure not in queries.FIGURES or form not in ("csv", "json"):
        raise Http404(_("No such figure."))
    room = _room(request, process, document, number)
    filters = _filters(request, room)
    if filters.is_bound and not filters.is_valid():
        return HttpResponse(
            json.dumps(filters.errors.get_json_data()),
            status=400,
            content_type="application/json",
        )
    chosen = filters.cleaned_data if filters.is_bound else {}
    rows = queries.convergence_tables(
        room, section=chosen.get("section") or "", group=chosen.get("group")
    )[figure]
    name = f"{room.version.document.slug}-v{room.version.number}-{figure}.{form}"
    if form == "json":
        body = json.dumps(
            {"advisory": advisory(room), "figure": figure, "rows": rows}, ensure_ascii=False
        )
        response = HttpResponse(body, content_type="application/json")
    else:
        response = HttpResponse(csv_of(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def advisory(room: queries.RoomConvergence) -> str:
    return _(
        "Computed from %(positions)d positions of %(members)d members, %(proposals)d open "
        "proposals and %(cosponsorships)d co-sponsorships on %(label)s. These figures advise; "
        "they decide nothing and change no status or record."
    ) % {
        "positions": room.positions,
        "members": len(room.names),
        "proposals": len(room.analysis.matrix.items) - len(room.labels),
        "cosponsorships": room.cosponsorships,
        "label": room.version.label,
    }


def csv_of(rows: list[dict[str, Any]]) -> str:
    columns: dict[str, None] = {}
    for row in rows:
        columns |= dict.fromkeys(row)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
