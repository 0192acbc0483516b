"""The convergence page's plots, drawn on the server as inline SVG: the map of delegations
with their opinion groups, horizontal bars for ranked lists, and the burn-down over the
versions. Each plot comes with the same figures in a table beside it."""

from typing import Any

from django.utils.translation import gettext as _

MAP_SIZE, MAP_MARGIN = 420, 20
BAR_WIDTH, BAR_ROW, BAR_LEFT = 360, 22, 90
BURN_WIDTH, BURN_HEIGHT, BURN_LEFT, BURN_BOTTOM, BURN_TOP = 560, 220, 40, 30, 10
# Six shapes so that the groups differ by more than colour (black-and-white print).
SHAPES = ("circle", "square", "triangle", "diamond", "cross", "star")


def _scale(values: list[float], size: int, margin: int) -> list[float]:
    low, high = min(values, default=0.0), max(values, default=0.0)
    span = (high - low) or 1.0
    return [round(margin + (v - low) / span * (size - 2 * margin), 2) for v in values]


# Each shape as the offsets of its corners from the delegation's place (none: a circle).
OUTLINES = {
    "circle": (),
    "square": ((-4, -4), (4, -4), (4, 4), (-4, 4)),
    "triangle": ((0, -5), (5, 4), (-5, 4)),
    "diamond": ((0, -5), (5, 0), (0, 5), (-5, 0)),
    "cross": ((-2, -5), (2, -5), (2, -2), (5, -2), (5, 2), (2, 2), (2, 5), (-2, 5), (-2, 2),
              (-5, 2), (-5, -2), (-2, -2)),
    "star": ((0, -6), (2, -2), (6, -2), (3, 1), (4, 6), (0, 3), (-4, 6), (-3, 1), (-6, -2),
             (-2, -2)),
}  # fmt: skip


def _outline(shape: str, x: float, y: float) -> str:
    return " ".join(f"{round(x + dx, 2)},{round(y + dy, 2)}" for dx, dy in OUTLINES[shape])


def legend(count: int) -> list[tuple[int, str]]:
    """Each group's number and the outline of its shape around the origin."""
    return [(g, _outline(SHAPES[(g - 1) % len(SHAPES)], 0, 0)) for g in range(1, count + 1)]


def group_map(points: list[dict[str, Any]]) -> dict[str, Any]:
    """Where each delegation of ``points`` (rows of the map table) is drawn; those not
    placed in a group are left off the drawing (they stay in the table)."""
    placed = [p for p in points if p["group"] is not None]
    xs = _scale([p["x"] for p in placed], MAP_SIZE, MAP_MARGIN)
    # SVG's y grows downwards; the second axis is drawn upwards.
    ys = _scale([-p["y"] for p in placed], MAP_SIZE, MAP_MARGIN)
    dots = [
        {
            "x": x,
            "y": y,
            "group": p["group"],
            "shape": SHAPES[(p["group"] - 1) % len(SHAPES)],
            "points": _outline(SHAPES[(p["group"] - 1) % len(SHAPES)], x, y),
            "name": p["name"],
        }
        for p, x, y in zip(placed, xs, ys, strict=True)
    ]
    return {"size": MAP_SIZE, "middle": MAP_SIZE / 2, "dots": dots}


def bars(rows: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """Horizontal bars of ``rows[i][key]`` (a value from 0 to 1), one per row."""
    drawn = [
        {
            "y": index * BAR_ROW,
            "width": round(BAR_WIDTH * float(row[key]), 2),
            "value_x": round(BAR_LEFT + BAR_WIDTH * float(row[key]) + 4, 2),
            "label": (
                _("Proposal %(number)s") % {"number": row["proposal"]}
                if row["kind"] == "proposal"
                else row["label"]
            ),
            "value": row[key],
        }
        for index, row in enumerate(rows)
    ]
    return {
        "width": BAR_LEFT + BAR_WIDTH + 60,
        "height": max(len(rows), 1) * BAR_ROW,
        "left": BAR_LEFT,
        "bars": drawn,
    }


def burn_down(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars of the paragraphs still to agree in each version (the burn-down toward
    adoption), with the agreed ones stacked above them."""
    highest = max((int(r["paragraphs"]) for r in rows), default=0) or 1
    plot = BURN_HEIGHT - BURN_TOP - BURN_BOTTOM
    step = (BURN_WIDTH - BURN_LEFT) / max(len(rows), 1)
    base = BURN_HEIGHT - BURN_BOTTOM
    drawn = []
    for index, row in enumerate(rows):
        remaining = plot * int(row["remaining"]) / highest
        agreed = plot * int(row["agreed"]) / highest
        drawn.append(
            {
                "x": round(BURN_LEFT + index * step + step * 0.15, 2),
                "width": round(step * 0.7, 2),
                "remaining_y": round(base - remaining, 2),
                "remaining_height": round(remaining, 2),
                "agreed_y": round(base - remaining - agreed, 2),
                "agreed_height": round(agreed, 2),
                "label_x": round(BURN_LEFT + index * step + step / 2, 2),
                "row": row,
            }
        )
    return {
        "width": BURN_WIDTH,
        "height": BURN_HEIGHT,
        "left": BURN_LEFT,
        "top": BURN_TOP,
        "axis_y": base,
        "highest": highest,
        "bars": drawn,
    }
