"""Words both text renderers print, in one place so the terminal and markdown agree.

Plain strings only (no Rich markup, no markdown escaping): each renderer escapes and
styles them its own way. Wording that belongs to a view's content (a requirement not met,
a status) is the view's (:mod:`pmopath.views.wording`); these are the renderers' own labels.
"""

from __future__ import annotations

ALSO_FOUND_AS = "Also found as: "
OTHER_TITLES = "Other titles: "
KEYWORDS = "Keywords: "
SUPERSEDED_BY = "Superseded by "
WHAT_IS_MISSING = "What is missing"
NOT_IN_FRAMEWORK = "(not in framework)"
NO_ASSESSMENTS = "No saved assessments yet. Run `pmopath assess` to make one."
HISTORY_DATE = "Date (UTC)"


def months_short(months: int | None) -> str:
    """ " (12 months short)" after a requirement count, or nothing when none are short."""
    return f" ({months} months short)" if months else ""


def ready_when(label: str | None, months: int | None) -> str:
    """A target's ready month: its label, "now", or "not estimated"."""
    return label or ("now" if months == 0 else "not estimated")
