"""Mermaid charts for the markdown report: the plan as a Gantt chart (phases collapse beyond the first months) and the competency levels as a bar chart, with labels made safe for Mermaid and short enough to read."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pmopath.base.months import month_label, month_start
from pmopath.base.text import one_line

if TYPE_CHECKING:
    from pmopath.views.results import GapView
    from pmopath.views.roadmap import RoadmapView


#: Words that start a statement in a Mermaid gantt (or any diagram) when they begin a line.
#: The level chart's two series: required (behind) and current (in front).
LIGHT, DARK = "#b8cce4", "#1f4e79"
MERMAID_KEYWORDS = frozenset(
    {
        "accdescr",
        "acctitle",
        "axisformat",
        "call",
        "click",
        "dateformat",
        "displaymode",
        "excludes",
        "gantt",
        "includes",
        "inclusiveenddates",
        "section",
        "tickinterval",
        "title",
        "todaymarker",
        "topaxis",
        "weekday",
        "weekend",
    }
)


MERMAID_LABEL = 60


def mermaid_text(text: str, limit: int = MERMAID_LABEL) -> str:
    """Data text made safe as a Mermaid task or axis name.

    Punctuation Mermaid reads as syntax and comment markers (``%%``) are removed,
    leading statement keywords (``section``, ``click``, ...) are dropped, a long
    name is cut at a word with an ellipsis, and an empty one becomes "Untitled".
    """
    plain = re.sub(r"[:;#%\"`<>{}\[\]\\]", " ", one_line(text))
    words = plain.split()
    while words and words[0].lower().rstrip(".,") in MERMAID_KEYWORDS:
        words.pop(0)
    label = " ".join(words).strip(" ,.-")
    if len(label) > limit:
        kept = label[: limit - 1].rsplit(" ", 1)[0].split()
        while len(kept) > 1 and kept[-1].lower() in _DANGLING:
            kept.pop()  # "Redesign the KPI set…", not "Redesign the KPI set and…"
        label = " ".join(kept).rstrip(" ,.-(") + "…"
    return label or "Untitled"


def gantt(view: RoadmapView) -> list[str]:
    """The plan as a Mermaid gantt that stays readable for a long plan.

    The next 90 days are drawn item by item; later phases collapse to
    one bar per competency (its first start to its last end). The view's milestones
    (moves, experience reached, eligibility, exams: the "Milestones" list) are drawn as
    milestones, so the chart and the list never disagree. The red "today" line is off: it would
    follow the reader's clock, not the plan's date.
    """
    rows: list[list[tuple[int, int, str]]] = [[] for _ in view.phases]
    for index, phase in enumerate(view.phases):
        detailed = phase.start_month <= GANTT_DETAIL_MONTHS
        rows[index] += _gantt_rows(view, index, detailed)
    for month, order, line in _collapsed_rows(view):
        rows[_phase_index(view, month)].append((month, order, line))
    for n, milestone in enumerate(view.milestones if view.phases else (), 1):
        month, line = _milestone(view, milestone.text, f"m{n}", milestone.month)
        rows[_phase_index(view, month)].append((month, 0, line))
    lines = [
        "```mermaid",
        "gantt",
        "    title Development plan",
        "    dateFormat YYYY-MM",
        "    axisFormat %Y-%m",
        "    todayMarker off",
    ]
    for phase, phase_rows in zip(view.phases, rows, strict=True):
        lines.append(f"    section {mermaid_text(phase.title)}")
        lines += [f"    {line}" for _, _, line in sorted(phase_rows)]
    lines.append("```")
    return lines


def level_chart(view: GapView) -> list[str]:
    """Required and current levels of the competencies with a gap, as horizontal bars.

    Mermaid draws two bar series on top of each other: the required level (light) behind
    the current one (dark), so the light part of a bar is what is left to build. The
    title names the colours for a Mermaid too old to draw the legend.
    """
    gaps = [g for g in view.competencies if g.gap]
    if not gaps:
        return ["Every required level is met.", ""]
    labels = ", ".join(f'"{mermaid_text(_short(g.name, CHART_LABEL), CHART_LABEL)}"' for g in gaps)
    current = ", ".join(str(g.current or 0) for g in gaps)
    required = ", ".join(str(g.required) for g in gaps)
    return [
        "```mermaid",
        "---",
        "config:",
        "  xyChart:",
        "    width: 700",
        f"    height: {120 + 32 * len(gaps)}",
        "  themeVariables:",
        "    xyChart:",
        f'      plotColorPalette: "{LIGHT}, {DARK}"',
        "---",
        "xychart-beta horizontal",
        '    title "Required level (light) and your level (dark), 0-4"',
        f"    x-axis [{labels}]",
        '    y-axis "Level" 0 --> 4',
        f'    bar "Required" [{required}]',
        f'    bar "You" [{current}]',
        "```",
        "",
        "*Competencies with a gap only; the Gaps table above lists them all.*",
    ]


#: Phases that start by this plan month are drawn item by item; later ones are collapsed.
GANTT_DETAIL_MONTHS = 3


#: Longest gantt bar label and level-chart name, in characters (cut at a word with "…").
GANTT_LABEL = 40


CHART_LABEL = 40


#: The bar a collapsed phase draws for its items of a kind other than competency.
KIND_BARS = {
    "experience": "Build experience",
    "network": "Network and community",
    "application": "Applications",
}


#: Small words a cut label is not left ending on.
_DANGLING = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "of", "on"}
    | {"or", "the", "their", "to", "with", "your"}
)


def _short(text: str, limit: int = GANTT_LABEL) -> str:
    """A long title without its asides, cut to its first clause.

    A title that fits is kept whole. Otherwise parentheses are dropped ("PRINCE2 (7th
    edition) Foundation" -> "PRINCE2 Foundation") and, if still too long, the text is
    cut before the first " - ", ": ", ", " or "; " that leaves three words or more.
    :func:`mermaid_text` then cuts what is still too long at a word.
    """
    text = one_line(text)
    if len(text) <= limit:
        return text
    text = re.sub(r"\s*\([^()]*\)", "", text).strip()
    if len(text) <= limit:
        return text
    cuts = sorted(c for c in (text.find(sep) for sep in (" - ", ": ", ", ", "; ")) if c > 0)
    for cut in cuts:
        if len(text[:cut].split()) >= 3:
            return text[:cut]
    return text


def _bar(view: RoadmapView, label: str, ident: int, first: int, last: int) -> tuple[int, str]:
    text = mermaid_text(_short(label), GANTT_LABEL)
    return first, f"{text} :t{ident}, {_month(view, first)}, {_days(view, first, last)}d"


def _milestone(view: RoadmapView, label: str, ident: str, month: int) -> tuple[int, str]:
    text = mermaid_text(_short(label, MERMAID_LABEL))
    return month, f"{text} :milestone, {ident}, {_month(view, month)}, 0d"


def _gantt_rows(view: RoadmapView, index: int, detailed: bool) -> list[tuple[int, int, str]]:
    """One phase's rows as (plan month, order, line): its items as bars when detailed."""
    rows: list[tuple[int, str]] = []
    for it in view.phases[index].items:
        if detailed and it.kind != "role":
            rows.append(_bar(view, it.title, it.rank, it.start_month, it.end_month))
    return [(month, order, line) for order, (month, line) in enumerate(rows, 1)]


def _collapsed_rows(view: RoadmapView) -> list[tuple[int, int, str]]:
    """After the detailed months, one bar per competency (or kind) across every later phase,
    drawn in the phase where it starts."""
    collapsed = [
        (f"{it.kind}:{it.ref}" if it.kind == "competency" else it.kind, it)
        for phase in view.phases
        if phase.start_month > GANTT_DETAIL_MONTHS
        for it in phase.items
        if it.kind not in ("role", "certification")
    ]
    names = {g.id: g.name for g in view.competencies}
    rows = []
    for key in dict.fromkeys(k for k, _ in collapsed):
        group = [it for k, it in collapsed if k == key]
        kind, _, ref = key.partition(":")
        label = group[0].title
        if len(group) > 1:
            label = names.get(ref, label) if kind == "competency" else KIND_BARS[kind]
        first = min(it.start_month for it in group)
        last = max(it.end_month for it in group)
        rows.append(_bar(view, label, group[0].rank, first, last))
    return [(month, 100 + order, line) for order, (month, line) in enumerate(rows, 1)]


def _phase_index(view: RoadmapView, month: int) -> int:
    """The phase whose months hold ``month`` (the last phase for a later month)."""
    for index, phase in enumerate(view.phases):
        if month <= phase.end_month:
            return index
    return len(view.phases) - 1


def _month(view: RoadmapView, month: int) -> str:
    return month_label(view.as_of, month)


def _days(view: RoadmapView, first: int, last: int) -> int:
    """Calendar days from the start of plan month ``first`` to the end of month ``last``."""
    return (month_start(view.as_of, last + 1) - month_start(view.as_of, first)).days
