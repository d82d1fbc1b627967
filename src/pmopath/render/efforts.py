"""How much an item of the markdown plan takes, in words: study hours, months at work, a
block course, a monthly load."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmopath.base.text import count, hours
from pmopath.render import words

if TYPE_CHECKING:
    from pmopath.views.roadmap import ItemRow


def effort_words(it: ItemRow) -> str:
    """ "40 h of study", "3 months at work"."""
    if it.mode == "on-the-job":
        months = it.end_month - it.start_month + 1
        return f"{count(months, 'month')} at work, about {hours(it.effort_hours)}"
    if it.course is not None:
        return words.course_block(it.course.days, it.course.residential, it.effort_hours)
    if it.mode == "alongside":
        months = it.end_month - it.start_month + 1
        if it.hours_per_month:
            return f"{words.per_month(it.hours_per_month, months)}, alongside the rest"
        return f"{hours(it.effort_hours)} over {count(months, 'month')}, alongside the rest"
    if it.kind in ("application", "network"):  # time, not study
        return f"about {hours(it.effort_hours)}" if it.effort_hours else "no study"
    return f"{hours(it.effort_hours)} of study" if it.effort_hours else "no study"
