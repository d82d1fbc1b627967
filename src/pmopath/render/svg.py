"""The HTML report's charts as inline SVG: geometry only.

Each chart is a :class:`Chart` of :class:`Shape` s (a tag, its attributes, its text) drawn
from a view's fields; the template writes them out with every attribute and text escaped,
so nothing here builds markup. Sizes are in the viewBox's units: the chart scales to its
column (``width: 100%``, at most 520 px; 100 mm on paper), and its labels are sized for
a 400 px phone (about 11 px there), a laptop (16 px) and print (9 pt). Labels are placed from estimated text widths
(Arial-like metrics, a little generous), so none is cut at the chart's edge.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from pmopath.base.months import month_label, month_start
from pmopath.base.text import percent
from pmopath.render import words

if TYPE_CHECKING:
    from pmopath.views.progress import ProgressView
    from pmopath.views.results import ComparisonView, GapRow
    from pmopath.views.roadmap import RoadmapView

WIDTH = 400  # the viewBox's width; every chart is drawn to it (shown at most 520 px wide)
PAD = 8
FONT = 12.5  # label size in viewBox units (the stylesheet sets the same)
CHAR = 0.6 * FONT
Box = tuple[
    float, float, float, float
]  # left, top, right, bottom  # an estimated character width, generous for bold and wide glyphs


class Shape(NamedTuple):
    tag: str  # rect | line | circle | polygon | polyline | text | path
    attrs: dict[str, str]
    text: str = ""


class Chart(NamedTuple):
    ident: str  # unique in the page: ids of its title and description
    title: str
    desc: str
    width: int
    height: int
    shapes: tuple[Shape, ...]


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def text_width(text: str, font: float = FONT) -> float:
    return len(text) * 0.6 * font


def _hline(x1: float, x2: float, y: float, cls: str) -> Shape:
    return Shape("line", {"x1": _n(x1), "y1": _n(y), "x2": _n(x2), "y2": _n(y), "class": cls})


def _vline(x: float, y1: float, y2: float, cls: str) -> Shape:
    return Shape("line", {"x1": _n(x), "y1": _n(y1), "x2": _n(x), "y2": _n(y2), "class": cls})


def fit(text: str, room: float) -> str:
    """The text, cut at a word with an ellipsis when it would be wider than ``room``."""
    if text_width(text) <= room:
        return text
    kept = text[: max(int(room / CHAR) - 1, 1)]
    head, space, _ = kept.rpartition(" ")  # at a word when there is one
    return (head if space else kept).rstrip(" ,.-·") + "…"


def label(x: float, y: float, text: str, cls: str = "", anchor: str = "start") -> Shape:
    attrs = {"x": _n(x), "y": _n(y), "text-anchor": anchor}
    if cls:
        attrs["class"] = cls
    return Shape("text", attrs, text)


def marker(kind: str, x: float, y: float, size: float = 6.0) -> Shape:
    """A milestone's mark: its shape says its kind (the legend names them), not only its colour."""
    s = size
    if kind == "move":
        return Shape("circle", {"cx": _n(x), "cy": _n(y), "r": _n(s), "class": f"mk mk-{kind}"})
    if kind == "experience":
        box = {"x": _n(x - s), "y": _n(y - s), "width": _n(2 * s), "height": _n(2 * s)}
        return Shape("rect", {**box, "class": f"mk mk-{kind}"})
    if kind == "ready":  # a five-pointed star
        points = []
        for i in range(10):
            r = s * 1.6 if i % 2 == 0 else s * 0.7
            a = math.pi / 2 + i * math.pi / 5
            points.append(f"{_n(x + r * math.cos(a))},{_n(y - r * math.sin(a))}")
        return Shape("polygon", {"points": " ".join(points), "class": f"mk mk-{kind}"})
    # eligible (an open diamond) and exam (a filled one)
    pts = f"{_n(x)},{_n(y - s - 1)} {_n(x + s + 1)},{_n(y)} {_n(x)},{_n(y + s + 1)} {_n(x - s - 1)},{_n(y)}"
    return Shape("polygon", {"points": pts, "class": f"mk mk-{kind}"})


def _legend(kinds: list[str], y: float) -> tuple[list[Shape], float]:
    """The markers used, each with its word, wrapped to the chart's width."""
    shapes: list[Shape] = []
    x: float = PAD + 6
    for kind in kinds:
        text = words.MILESTONE_KINDS[kind]
        wide = 16 + text_width(text) + 18
        if x + wide > WIDTH - PAD:
            x, y = PAD + 6, y + 20
        shapes += [marker(kind, x, y - 4, 5), label(x + 11, y, text, "legend")]
        x += wide
    return shapes, y + 10


def _rect(x: float, y: float, width: float, height: float, cls: str, rx: float = 2) -> Shape:
    box = {"x": _n(x), "y": _n(y), "width": _n(width), "height": _n(height), "rx": _n(rx)}
    return Shape("rect", {**box, "class": cls})


def _years(view: RoadmapView, x_of: Callable[[float], float], span: int, box: Box) -> list[Shape]:
    """The time axis: a gridline and the year at each January, and the plan's first month
    at the start when the first year's label leaves room for it."""
    left, top, right, bottom = box
    shapes = [_hline(left, right, top + 6, "axis")]
    first_x = None
    for month in range(2, span + 1):
        day = month_start(view.as_of, month)
        if day.month != 1:
            continue
        x = x_of(month - 1)
        first_x = x if first_x is None else first_x
        shapes.append(_vline(x, top + 2, bottom, "grid"))
        if right - x > 14:
            shapes.append(label(x, top, str(day.year), "tick", "middle"))
    start = month_label(view.as_of, 1)
    if first_x is None or first_x - left > text_width(start, 11.5) + 20:
        shapes.append(label(left, top, start, "tick", "start"))
    return shapes


def timeline(view: RoadmapView, ident: str = "timeline") -> Chart:
    """The plan's milestones on a time axis, one row each (its label on the line above its
    bar, from the left, so no label is ever cut), ending with the ready month."""
    rows: list[tuple[int, str, str]] = [
        (m.month, m.kind, f"{m.label} · {m.short}") for m in view.milestones
    ]
    target = view.role_names[view.target_role]
    if view.ready_in_months and view.ready_label:
        ready = f"{view.ready_label} · {words.READY_FOR}{target}"
        rows.append((view.ready_in_months, "ready", ready))
    if not rows:  # ready now, nothing dated ahead: no chart (the table says so)
        return Chart(ident, words.timeline_title(target), "", WIDTH, 0, ())
    span = max([m for m, _, _ in rows] + [12]) + 1  # months 0 (the start) .. the last, and room
    left, right, top, row_h = PAD + 10, WIDTH - PAD - 10, 34.0, 36.0
    bottom = top + row_h * len(rows)

    def x_of(month: float) -> float:
        return left + (right - left) * month / span

    shapes = _years(view, x_of, span, (left, top - 12, right, bottom))
    for i, (month, kind, text) in enumerate(rows):
        y, x = top + row_h * i + 25, x_of(month - 0.5)
        shapes.append(_rect(left, y - 2.5, max(x - left, 1), 5, "track", 2.5))
        shapes.append(marker(kind, x, y, 6.5 if kind == "ready" else 5.5))
        cls = "label strong" if kind == "ready" else "label"
        shapes.append(label(left, y - 10, fit(text, right - left), cls))
        if kind == "ready":
            shapes.insert(0, _vline(x, top - 6, bottom, "ready-line"))
    order = ("move", "experience", "eligible", "exam", "ready")
    legend, height = _legend([k for k in order if any(r[1] == k for r in rows)], bottom + 22)
    desc = "; ".join(text for _, _, text in rows)
    title = words.timeline_title(target)
    return Chart(ident, title, desc, WIDTH, int(height + 4), (*shapes, *legend))


def _level_row(g: GapRow, y: float, left: float, unit: float) -> list[Shape]:
    """One competency: its name, the 0-4 track, your level as a bar, the level needed as a
    mark, and both as text ("2 → 4", "3 → 3 ✓" when met)."""
    shapes = [label(left, y + 12, fit(g.name, WIDTH - 2 * PAD), "label")]
    bar_y = y + 18
    shapes.append(_rect(left, bar_y, unit * 4, 10, "scale"))
    if g.current is None:
        shapes.append(_rect(left, bar_y, unit * 4, 10, "unknown"))
        value = f"{words.NOT_ASSESSED_SHORT} → {g.required}"
    else:
        if g.current:
            shapes.append(
                _rect(left, bar_y, unit * g.current, 10, "met" if g.gap == 0 else "short")
            )
        value = f"{g.current} → {g.required}" + (" ✓" if g.gap == 0 else "")
    shapes.append(_vline(left + unit * g.required, bar_y - 4, bar_y + 14, "need"))
    shapes.append(label(WIDTH - PAD, bar_y + 9, value, "value", "end"))
    return shapes


def levels(rows: tuple[GapRow, ...], ident: str = "levels") -> Chart:
    """Each required competency: the level you are at (a bar) against the level needed (a
    mark), on the 0-4 scale, in framework order."""
    ordered = sorted(rows, key=lambda g: g.position)
    left, top, row_h = float(PAD), 8.0, 38.0
    unit = (WIDTH - PAD - 64 - left) / 4
    bottom = top + row_h * len(ordered)
    shapes: list[Shape] = []
    for level in range(5):  # the scale's gridlines, numbered under the last row
        x = left + unit * level
        shapes += [
            _vline(x, top + 16, bottom, "grid"),
            label(x, bottom + 14, str(level), "tick", "middle"),
        ]
    for i, g in enumerate(ordered):
        shapes += _level_row(g, top + row_h * i, left, unit)
    y = bottom + 22
    shapes += [
        _rect(left, y + 2, 18, 10, "short"),
        label(left + 24, y + 11, words.LEVELS_YOU, "legend"),
        _vline(left + 150, y, y + 14, "need"),
        label(left + 158, y + 11, words.LEVELS_NEEDED, "legend"),
        label(left + 290, y + 11, words.LEVELS_MET_MARK, "legend"),
    ]
    desc = "; ".join(
        f"{g.name}: {words.NOT_ASSESSED if g.current is None else g.current} → {g.required}"
        for g in ordered
    )
    return Chart(ident, words.LEVELS_TITLE, desc, WIDTH, int(y + 20), tuple(shapes))


def trend(view: ProgressView, ident: str = "trend") -> Chart:
    """Competency readiness at each saved assessment, oldest first, on a 0-100 % scale."""
    points = view.points
    left, right, top, bottom = PAD + 34, WIDTH - PAD - 20, 22.0, 170.0
    shapes: list[Shape] = []
    for pct in (0, 25, 50, 75, 100):
        y = bottom - (bottom - top) * pct / 100
        shapes += [_hline(left, right, y, "grid"), label(left - 6, y + 4, f"{pct}%", "tick", "end")]
    n = len(points)

    def x_of(i: int) -> float:
        return (left + right) / 2 if n == 1 else left + 10 + (right - left - 20) * i / (n - 1)

    xy = [(x_of(i), bottom - (bottom - top) * p.readiness) for i, p in enumerate(points)]
    if n > 1:
        line = " ".join(f"{_n(x)},{_n(y)}" for x, y in xy)
        shapes.append(Shape("polyline", {"points": line, "class": "line"}))
    every = max(1, round(n / 6))  # at most about six date labels under the axis
    for i, ((x, y), p) in enumerate(zip(xy, points, strict=True)):
        shapes.append(Shape("circle", {"cx": _n(x), "cy": _n(y), "r": "4.5", "class": "point"}))
        shapes.append(label(x, y - 9, percent(p.readiness), "value", "middle"))
        if i % every == 0 or i == n - 1:
            shapes.append(label(x, bottom + 18, p.day, "tick", "middle"))
    desc = "; ".join(f"{p.day}: {percent(p.readiness)}" for p in points)
    title = words.trend_title(view.target_role_name)
    return Chart(ident, title, desc, WIDTH, int(bottom + 28), tuple(shapes))


def ready_months(view: ComparisonView, ident: str = "ready") -> Chart:
    """Each compared target: the months until you would be ready, as a bar from now, the
    soonest first (as the table), with the month and the count beside it."""
    left, top, row_h = float(PAD), 8.0, 38.0
    texts = [words.ready_bar(t.ready_label, t.ready_in_months) for t in view.targets]
    room = WIDTH - 2 * PAD - 8 - max(text_width(x) for x in texts)  # the longest bar, its label
    longest = max([t.ready_in_months or 0 for t in view.targets] + [12])
    shapes: list[Shape] = []
    for i, t in enumerate(view.targets):
        y = top + row_h * i
        shapes.append(label(left, y + 12, fit(t.name, WIDTH - 2 * PAD), "label"))
        months = t.ready_in_months
        text = texts[i]
        width = room * (months or 0) / longest
        if months is None:
            shapes.append(_rect(left, y + 18, room, 10, "unknown"))
            width = room
        elif months:
            shapes.append(_rect(left, y + 18, width, 10, "ready-bar"))
        shapes.append(label(left + width + 8, y + 27, text, "value"))
    desc = "; ".join(
        f"{t.name}: {words.ready_bar(t.ready_label, t.ready_in_months)}" for t in view.targets
    )
    height = top + row_h * len(view.targets) + 4
    return Chart(ident, words.READY_CHART, desc, WIDTH, int(height), tuple(shapes))
