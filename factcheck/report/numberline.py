"""Geometry of the number line drawn for a numeric conflict: one row per source
value, hedged values as ranges, open bounds as arrows. The template draws it as
inline SVG from these plain numbers; no markup is built here."""
from __future__ import annotations

import math

from ..model import Quantity
from .figures import format_number

WIDTH = 660
PLOT = (130.0, 500.0)  # x range of the axis; labels left of it, values right of it
ROW = 22
TOP = 16


def _short(x: float) -> str:
    """A compact label in the units Korean news writes: 1,500억, 3.5조, 90만."""
    for size, word in ((1e12, "조"), (1e8, "억"), (1e4, "만")):
        if math.isfinite(x) and abs(x) >= size:
            return f"{x / size:,.4g}{word}"
    return format_number(x)


class _Scale:
    """Linear, or log10 when every point is positive and they span 1000x or more
    (a dropped 억 must not squash the other values into one pixel)."""

    def __init__(self, points: list[float]):
        lo, hi = min(points), max(points)
        self.log = lo > 0 and hi / lo >= 1000
        if self.log:
            lo, hi = math.log10(lo), math.log10(hi)
        if hi == lo:
            pad = abs(lo) * 0.1 or 1.0
        else:
            pad = (hi - lo) * 0.06
        self.lo, self.hi = lo - pad, hi + pad

    def x(self, v: float) -> float:
        if math.isinf(v):
            return PLOT[0] if v < 0 else PLOT[1]
        t = math.log10(v) if self.log else v
        return round(PLOT[0] + (t - self.lo) / (self.hi - self.lo) * (PLOT[1] - PLOT[0]), 1)


def number_line(rows: list[tuple[str, object, int]]) -> dict | None:
    """``rows``: (label, value, side index) per source; values that are not quantities
    are left out. None when there is nothing to draw."""
    drawn = [(label, q, side) for label, q, side in rows if isinstance(q, Quantity)]
    points = [v for _, q, _ in drawn for v in (q.low, q.high, q.value) if math.isfinite(v)]
    if not drawn or not points:
        return None
    scale = _Scale(points)
    out_rows = []
    for i, (label, q, side) in enumerate(drawn):
        y = TOP + i * ROW
        low, high = min(q.low, q.high), max(q.low, q.high)
        out_rows.append({
            "y": y,
            "label": label,
            "side": side,
            "x_low": scale.x(low),
            "x_high": scale.x(high),
            "open_low": math.isinf(low),
            "open_high": math.isinf(high),
            "range": low != high,
            "x_value": scale.x(q.value) if math.isfinite(q.value) else None,
            "text": f"{_short(q.value)} {q.unit}" + (f" ({q.hedge})" if q.hedge else ""),
            "interval": f"[{format_number(low)}, {format_number(high)}] {q.unit}",
        })
    axis_y = TOP + len(drawn) * ROW - 4
    distinct = sorted(set(points))
    tick_values = [distinct[0], distinct[-1]] if len(distinct) > 1 else distinct
    if not scale.log and distinct[0] < 0 < distinct[-1]:
        tick_values.append(0.0)
    ticks: list[dict] = []
    for v in sorted(set(tick_values)):
        x = scale.x(v)
        if ticks and x - ticks[-1]["x"] < 70:  # the labels would overlap
            if v != distinct[-1]:
                continue
            ticks.pop()  # the largest value keeps its label
        ticks.append({"x": x, "label": _short(v)})
    return {
        "width": WIDTH,
        "height": axis_y + 30,
        "x0": PLOT[0],
        "x1": PLOT[1],
        "axis_y": axis_y,
        "rows": out_rows,
        "ticks": ticks,
        "log": scale.log,
    }
