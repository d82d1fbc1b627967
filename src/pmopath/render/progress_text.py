"""`pmopath progress`'s rows and sentences, shared by the terminal and markdown layouts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmopath.base.text import percent
from pmopath.render import words

if TYPE_CHECKING:
    from pmopath.views.progress import ProgressPoint, ProgressView


def point_cells(p: ProgressPoint) -> tuple[str, ...]:
    """One assessment's row: ID (its time), its day, the target it named, readiness, each
    kind of requirement met of those required, the ready month."""
    return (
        p.id,
        p.day,
        p.target_role_name or "-",
        percent(p.readiness),
        f"{p.competencies_met}/{p.competencies_total}",
        f"{p.experience_met}/{p.experience_total}",
        f"{p.certifications_held}/{p.certifications_recommended}",
        words.history_ready(p.ready_month, p.ready_now),
    )


def movement(view: ProgressView) -> str:
    """The ready month's movement and readiness, first assessment against the latest."""
    first, last = view.points[0], view.points[-1]
    since = first.day[:7] if len(view.points) > 1 else None
    text = words.progress_ready(last.ready_month, last.ready_now, view.ready_change_months, since)
    if since is None:
        return text
    ready = words.diff_readiness(first.readiness, last.readiness, view.readiness_change)
    return f"{text}; {words.DIFF_READINESS.lower()} {ready}"


#: The columns of point_cells; the three counts are requirements met of those required.
HEADER = (
    "Assessment",
    "Day",
    words.PROGRESS_TARGET_NAMED,
    words.DIFF_READINESS,
    *words.PROGRESS_MET,
    words.DIFF_READY_MONTH,
)
