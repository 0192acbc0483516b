"""Cursor pagination: every list answers ``{"items": [...], "next": cursor-or-null}``.

The cursor is opaque to clients: the id of the last item sent, base64-encoded. Keyset paging
on the id stays correct while rows are added, which an offset would not.
"""

import base64
import binascii
from typing import Annotated

from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _
from pydantic import WithJsonSchema

from accord.api.problems import Problem

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


def _decode(cursor: str) -> int:
    try:
        return int(base64.urlsafe_b64decode(cursor.encode()).decode())
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise Problem(400, "invalid-cursor", _("This cursor was not given by accord.")) from None


def _encode(last_id: int) -> str:
    return base64.urlsafe_b64encode(str(last_id).encode()).decode()


def page[M: Model](
    rows: QuerySet[M], *, cursor: str | None, limit: int
) -> tuple[list[M], str | None]:
    """One page of ``rows`` (ordered here by id) after ``cursor``, and the next cursor."""
    if not 1 <= limit <= MAX_LIMIT:
        raise Problem(
            400, "invalid-limit", _("limit must be between 1 and %(max)d.") % {"max": MAX_LIMIT}
        )
    if cursor:
        rows = rows.filter(pk__gt=_decode(cursor))
    items = list(rows.order_by("pk")[: limit + 1])
    more = len(items) > limit
    items = items[:limit]
    return items, _encode(items[-1].pk) if more else None


# The ``limit`` of a paged list and its ``cursor`` (the ``next`` of the page before), with
# their bounds in the OpenAPI document. accord checks them itself (`page`), so that a limit
# out of bounds and a cursor it never gave keep their own codes.
Limit = Annotated[
    int, WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 50})
]
Cursor = Annotated[
    str | None, WithJsonSchema({"type": "string", "pattern": "^[A-Za-z0-9_-]*={0,2}$"})
]
