"""The Mermaid chart of the markdown report: the plan's milestones as a top-to-bottom timeline, with labels made safe for Mermaid and short enough to read on a phone."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pmopath.base.text import one_line
from pmopath.render import words

if TYPE_CHECKING:
    from pmopath.views.roadmap import RoadmapView


#: Words that start a statement in a Mermaid diagram when they begin a line.
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


def timeline(view: RoadmapView) -> list[str]:
    """The plan's milestones as a Mermaid flowchart read top to bottom: the plan's start,
    each milestone of the "Milestones" list in month order (moves, experience reached,
    eligibility, exams), and the month the target's requirements are met.

    One column of short labels: it reads the same on a laptop and on a phone, where a
    gantt chart of the same plan is too wide to read. The labels are the list's own, cut at
    a word, so the chart and the list never disagree.
    """
    target = view.role_names[view.target_role]
    start = f"{view.as_of.isoformat()[:7]} · Plan starts"
    ready = f"{view.ready_label} · Ready for {target}"
    if not view.ready_label:  # ready now, or no month can be estimated
        ready = f"Ready for {target} " + words.ready_when(None, view.ready_in_months)
    nodes = [f'    s(["{_whole(mermaid_text(start, 80))}"])']
    previous = "s"
    for n, m in enumerate(view.milestones, 1):
        label = mermaid_text(f"{m.label} · {mermaid_text(_short(m.short), TIMELINE_LABEL)}", 80)
        nodes.append(f'    {previous} --> m{n}["{_whole(label)}"]')
        previous = f"m{n}"
    nodes.append(f'    {previous} --> r(["{_whole(mermaid_text(ready, 80))}"])')
    return ["```mermaid", "flowchart TD", *nodes, "```"]


def _whole(label: str) -> str:
    """A label that wraps at its spaces, never inside "PMI-PMOCP" or "2030-10"."""
    return label.replace("-", "\u2011")


#: Longest milestone text in the timeline, in characters (cut at a word with "…").
TIMELINE_LABEL = 40


#: Small words a cut label is not left ending on.
_DANGLING = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "of", "on"}
    | {"or", "the", "their", "to", "with", "your"}
)


def _short(text: str, limit: int = TIMELINE_LABEL) -> str:
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
