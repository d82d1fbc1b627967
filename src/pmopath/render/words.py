"""Words both text renderers print, in one place so the terminal and markdown agree.

Plain strings only (no Rich markup, no markdown escaping): each renderer escapes and
styles them its own way. Wording that belongs to a view's content (a requirement not met,
a status) is the view's (:mod:`pmopath.views.wording`); these are the renderers' own labels:
section titles, the labels before a value and the fixed sentences. Table column headers
stay with the table that has them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmopath.base.text import count, hours

if TYPE_CHECKING:
    from pmopath.model.framework import Provenance

# ------------------------------------------------------------ section titles

RESPONSIBILITIES = "Responsibilities"
REQUIRED_LEVELS = "Required competency levels (0-4)"
EXPERIENCE = "Experience"
RECOMMENDED_CERTIFICATIONS = "Recommended certifications"
LEADS_TO = "Leads to"
LEVEL_DESCRIPTORS = "What each level looks like"
DEVELOPMENT_ACTIONS = "Development actions"
REQUIRED_BY = "Roles that require it"
CERTIFICATIONS = "Certifications"
ELIGIBILITY = "Eligibility"
YOUR_ELIGIBILITY = "Your eligibility"
EXAM = "Exam"
FEES = "Fees"
RENEWAL = "Renewal"
STUDY_EFFORT = "Study effort"
SUITS = "Suits"
EVIDENCES = "Evidences"
ASSUMED = "Assumed"
BACKGROUND = "Background"
WORK_HISTORY = "Work history"
RATINGS = "Competency ratings (0-4)"
EXPLANATION = "How this was computed"
DEVELOPMENT_PLAN = "Development plan"
MILESTONES = "Milestones"
STAR_SEEDS = "STAR story seeds"

# ------------------------------------------------------------ plan items

BEFORE_YOU_MOVE = "Before you move: "


def plan_title(title: str, form: object | None) -> str:
    """An item's title; an action offered in its doable form says it is for before the move."""
    return BEFORE_YOU_MOVE + title if form is not None else title


def course_block(days: int, residential: bool, course_hours: float) -> str:
    """A course taken as one block: "a 5-day residential course, 40 h"."""
    kind = "residential course" if residential else "course"
    return f"a {days}-day {kind}, {hours(course_hours)}"


def action_needs(context_label: str, doable_title: str | None) -> str:
    """What a competency's action needs, after its title: "needs line management; until
    then: Propose to your manager ..."."""
    return f"needs {context_label}" + (f"; until then: {doable_title}" if doable_title else "")


def per_month(hours_a_month: float, months: int) -> str:
    """A recurring light load: "1 h a month for 12 months"."""
    return f"{hours(hours_a_month)} a month for {count(months, 'month')}"


def cited_by(n: int) -> str:
    """The title over what cites a source: "Cited by (3)"."""
    return f"Cited by ({n})"


# ------------------------------------------------------- labels and sentences

ALSO_FOUND_AS = "Also found as: "
OTHER_TITLES = "Other titles: "
KEYWORDS = "Keywords: "
ALIGNED_TO = "Aligned to: "
SUPERSEDED_BY = "Superseded by "
MISSING = "Missing:"
WHAT_IS_MISSING = "What is missing"
PATH = "Path"
NEXT_STEP = "Next step"
STRENGTHS = "Strengths"
NOT_IN_FRAMEWORK = "(not in framework)"
NOT_SURE = "not sure"
NOT_ASSESSED = "not assessed"
ALSO_SUITS = "also suits this role"
NO_EXPERIENCE = "No prior experience required"
TOP_OF_LADDER = "The top of the ladder."
NOTHING_CITES = "Nothing in the framework cites it."
NO_ASSESSMENTS = "No saved assessments yet. Run `pmopath assess` to make one."
HISTORY_DATE = "Date (UTC)"


def route(number: int) -> str:
    """ "Route 2: " before a route's name."""
    return f"Route {number}: "


def sources_line(item: Provenance) -> str:
    """Where an entry's facts come from and when: "Sources: S1, S2 · as of 2026-11-01"."""
    from pmopath.model.framework import source_label

    cited = ", ".join(source_label(s) for s in item.sources)
    return f"Sources: {cited} · as of {item.as_of.isoformat()}"


def unassessed_note(names: tuple[str, ...]) -> str:
    """The line under a gap table when some required competencies were not rated."""
    return (
        f"? = not assessed: unknown, left out of readiness, and nothing is planned for it"
        f" until you rate it (`pmopath assess`): {', '.join(names)}"
    )


def months_short(months: int | None) -> str:
    """ " (12 months short)" after a requirement count, or nothing when none are short."""
    from pmopath.base.text import count

    return f" ({count(months, 'month')} short)" if months else ""


def ready_when(label: str | None, months: int | None) -> str:
    """A target's ready month: its label, "now", or "not estimated"."""
    return label or ("now" if months == 0 else "not estimated")


def left_out_not_offered(n: int) -> str:
    """``certs --eligible`` without ``--all``: how many legacy certifications it left out."""
    from pmopath.base.text import count

    verb = "is" if n == 1 else "are"
    return f"{count(n, 'certification')} no longer offered {verb} left out (--all shows them)."


def whose_and_when(basis: str, as_of: str, hours_per_week: float) -> str:
    """The line under an eligibility list: whose profile, the day, the weekly hours."""
    return f"{basis}, as of {as_of}, at {hours_per_week:g} hours a week."


def held_cert(name: str, year: int | None, renewed: int | None, lapsed: bool) -> str:
    """A certification a profile lists: "PMP (2020, renewed 2024)", "CSM (lapsed)"."""
    parts = [str(year)] if year else []
    if renewed:
        parts.append(f"renewed {renewed}")
    if lapsed:
        parts.append("lapsed")
    return name + (f" ({', '.join(parts)})" if parts else "")


#: Under the markdown timeline: where the chart draws, and what to do elsewhere.
CHART_NOTE = (
    "The chart draws where Mermaid 10.3 or later runs (GitHub, GitLab, many editors); the"
    " list below says the same. `--no-charts` leaves it out."
)
READY_FOR = "Ready for "
MISSING_LEAD = "Missing: "
EVIDENCE = "Evidence"

HISTORY_READY = "Ready"
HISTORY_CHANGE = "Change"


def history_ready(month: str | None, now: bool) -> str:
    """A history row's ready month: "now", the month, or "-" when not estimated."""
    return "now" if now else month or "-"


def history_change(
    readiness: float | None, months: int | None, target_changed: bool, first: bool
) -> str:
    """What moved since the previous assessment: "+8 pts, 3 months earlier"."""
    from pmopath.base.text import count

    if first:
        return "first"
    if target_changed:
        return "new target"
    parts = []
    if readiness is not None:
        points = round(readiness * 100)
        parts.append(f"{points:+d} pts" if points else "readiness unchanged")
    if months is not None:
        moved = "later" if months > 0 else "earlier"
        parts.append(
            f"{count(abs(months), 'month')} {moved}" if months else "ready month unchanged"
        )
    return ", ".join(parts) or "-"


SOURCES = "Sources"


# ------------------------------------------------------------------ diff

DIFF_TITLE = "What changed"
DIFF_READINESS = "Readiness"
DIFF_READY_MONTH = "Ready month"
DIFF_RATINGS = "Ratings changed"
DIFF_ITEMS = "The first assessment's plan"
DIFF_THEN, DIFF_NOW = "Then", "Now"
DIFF_NO_CHANGE = "no change"
DIFF_NOTHING_DONE = "none of its items done or dropped yet"
CERT_CHANGE = {
    "gained": "gained",
    "lapsed": "lapsed",
    "renewed": "renewed",
    "removed": "no longer listed",
}
ITEM_STATUS = {"done": "done", "not-needed": "no longer needed"}


def diff_level(level: int | None) -> str:
    return "not assessed" if level is None else str(level)


def diff_readiness(before: float | None, after: float | None, change: float | None) -> str:
    """ "45% → 60% (+15 pts)"; "-" for a side with no target."""
    from pmopath.base.text import percent

    text = (
        f"{'-' if before is None else percent(before)} → {'-' if after is None else percent(after)}"
    )
    if change is not None:
        points = round(change * 100)
        text += f" ({points:+d} pts)" if points else " (unchanged)"
    return text


def diff_ready(
    before: str | None, before_now: bool, after: str | None, after_now: bool, months: int | None
) -> str:
    """ "2029-03 → 2028-11 (4 months earlier)"."""
    text = f"{history_ready(before, before_now)} → {history_ready(after, after_now)}"
    if months is not None:
        text += f" ({history_change(None, months, False, False)})"
    return text


def targets_differ(before: str | None, after: str) -> str:
    """The first assessment aimed elsewhere (both names already escaped for the format)."""
    aim = "named no target" if before is None else f"aimed at {before}"
    return f"The targets differ: the first {aim}; both are compared against {after}."


def still_planned(n: int) -> str:
    from pmopath.base.text import count

    return f"{count(n, 'item')} of that plan still planned."


# ------------------------------------------------------------------ progress

PROGRESS_TITLE = "Progress"
PROGRESS_ASSESSMENTS = "Assessments"
PROGRESS_TREND = "Competencies"
#: requirements met of those required, per kind
PROGRESS_MET = ("Competencies met", "Experience met", "Certifications held")
PROGRESS_TARGET_NAMED = "Target named"
PROGRESS_REQUIRED = "Required"
PROGRESS_SPARK, PROGRESS_FIRST_LAST = "Trend", "First → latest"
#: a level 0-4 as a bar; a competency not assessed that day as a dot
SPARKS = "▁▂▄▆█"


def sparkline(levels: tuple[int | None, ...]) -> str:
    """ "▁▂▂▄": one bar per assessment, oldest first."""
    return "".join("·" if level is None else SPARKS[level] for level in levels)


def level_trend(levels: tuple[int | None, ...]) -> str:
    """ "1 → 3": the first assessment's level and the latest's ("-": not assessed)."""

    def one(level: int | None) -> str:
        return "-" if level is None else str(level)

    return f"{one(levels[0])} → {one(levels[-1])}"


PROGRESS_MET_SHORT = ("Comp.", "Exp.", "Certs")
PROGRESS_MET_KEY = "Comp., Exp.: met; Certs: held; each of those required."


def progress_aimed(ident: str, named: str | None, compared: str) -> str:
    """An assessment that named another target (names already escaped for the format)."""
    aim = "named no target" if named is None else f"aimed at {named}"
    return f"{ident} {aim}; it is compared against {compared} all the same."


def progress_ready(month: str | None, now: bool, months: int | None, since: str | None) -> str:
    """The latest ready month and its movement since the first assessment (``since``,
    "YYYY-MM"; None with one assessment): "ready around 2031-06, 4 months sooner than in
    2026-03"."""
    from pmopath.base.text import count

    if now:
        text = "ready now"
    elif month is None:
        text = "no ready month can be estimated"
    else:
        text = f"ready around {month}"
    if since is None or months is None:
        return text
    if months == 0:
        return f"{text}, the same as in {since}"
    way = "later" if months > 0 else "sooner"
    return f"{text}, {count(abs(months), 'month')} {way} than in {since}"


# ------------------------------------------------------------------ the HTML report
# (a template holds no words of its own: its labels are here, its content the view's)

GAP_ANALYSIS = "Gap analysis"
TARGETS_COMPARED = "Targets compared"
SUMMARY = "Summary"
TIMELINE = "Timeline"
GAPS = "Gaps"
READY_IN = "Estimated to meet the target's requirements in"
MONTH, MILESTONE = "Month", "Milestone"
WHY = "Why"
NOTE = "Note"
FROM_EVIDENCE = "From your own evidence notes:"
COMPETENCY = "Competency"
YOU_NEEDED = "You → needed"
IMPORTANCE = "Importance"
STATUS = "Status"
KIND, YOU, REQUIRED, MONTHS_TO_GO = "Kind", "You", "Required", "Months to go"
READY, TARGET, REQUIREMENTS_MET = "Ready", "Target", "Requirements met"
ITEM, ANSWER, LEVEL = "Item", "Answer", "Level"
PLAN_MADE = "Made with pmopath on"
PLAN_START_NOTE = "month 1 is the month of this plan"
CHARTS_NOTE = "Each chart is also given as a table below it."
MILESTONE_KINDS = {
    "move": "Move",
    "experience": "Experience reached",
    "eligible": "Eligible",
    "exam": "Exam",
    "ready": "Ready",
}
NOT_ASSESSED_SHORT = "?"
LEVELS_TITLE = "Competency levels: yours against the target's (0-4)"
LEVELS_YOU = "Your level"
LEVELS_NEEDED = "Level needed"
LEVELS_MET_MARK = "✓ met"
TREND_TABLE = "Readiness at each assessment"
PAGE_OF = "Page"


def timeline_title(target: str) -> str:
    return f"Milestones of the plan toward {target}, month by month"


def trend_title(target: str) -> str:
    return f"Competency readiness for {target} at each assessment"


def at_hours(hours_per_week: float) -> str:
    """ "4 hours a week"."""
    return f"{hours_per_week:g} hours a week"


def from_role(role: str, hours_per_week: float, as_of: str) -> str:
    """Under the comparison's title: "From Project Manager, at 4 hours a week, as of …"."""
    return f"From {role}, at {at_hours(hours_per_week)}, as of {as_of}."


def comparison_requirements(
    readiness: str, met: int, total: int, short: int, held: int, recommended: int
) -> str:
    """A compared target's requirements met, in one cell."""
    return (
        f"competencies {readiness} · experience {met} of {total}{months_short(short)} · "
        f"certifications held {held} of {recommended}"
    )


def position_line(role: str | None, start: str, end: str | None, months: int, kinds: str) -> str:
    """A work-history position after its title: "Project Manager, 2020-11 to now (48 months);
    counts as leading projects"."""
    from pmopath.base.text import count

    lead = f"{role}, " if role else ""
    return f"{lead}{start} to {end or 'now'} ({count(months, 'month')}); counts as {kinds}"


def beyond_horizon(cut: int, horizon: int | None) -> str:
    return f"{cut} later items are beyond the {horizon}-month horizon."


AS_OF = "as of"
TO = "to"
COMPETENCY_READINESS = "competency readiness"
CERTIFICATION = "Certification"
NONE = "none"
WARNING = "warning: "
PROGRESS_LEVELS = "Levels, oldest first"
PERSON = "Person"


def levels_list(levels: tuple[int | None, ...]) -> str:
    """Each assessment's level, oldest first: "1, 2, ?, 3" (? not assessed)."""
    return ", ".join("?" if level is None else str(level) for level in levels)


READY_CHART = "Months until you would be ready, per target"


def ready_bar(label: str | None, months: int | None) -> str:
    """Beside a target's bar: "2030-10 (48 months)", "now", "not estimated"."""
    from pmopath.base.text import count

    if not label:
        return ready_when(label, months)
    return f"{label} ({count(months or 0, 'month')})"
