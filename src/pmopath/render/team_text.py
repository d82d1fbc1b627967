"""`pmopath team`'s cells, rows and sentences, shared by the terminal and markdown layouts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmopath.base.text import count, hours, percent
from pmopath.views.wording import UNEARNED_REMEDY

if TYPE_CHECKING:
    from pmopath.views.team import (
        BenchCandidate,
        BenchRole,
        CalibrationFlag,
        Priority,
        RatedOnly,
        TeamAction,
        TeamMember,
        TeamView,
    )

TITLE = "Team"
PEOPLE = "People"
HEAT_MAP = "Heat map"
COVERAGE = "Coverage"
PRIORITIES = "Development priorities"
BENCH = "Bench strength"
CALIBRATION = "Calibration"
RATED_ONLY = "Rated by others only (not in the heat map)"
SKIPPED = "Files skipped"
#: The heat map's key: the text is the signal, colour only repeats it.
CELL_KEY = (
    "Each cell: level/required; ! short of it; ? not rated; a level/- not required;"
    " - neither rated nor required."
)
AVERAGE_HEAD = ("Competency", "Pairs", "Self - manager")
FLAG_HEAD = ("Person", "Competency", "Self", "Other", "Difference")
BENCH_HEAD = ("Candidate", "Now", "Readiness", "Met C/E/Cert", "Ready")
PEOPLE_HEAD = ("#", "Name", "Role", "Compared with", "Readiness", "Met C/E/Cert")
#: The HTML and markdown people table: the roles beside the name, so it fits a phone.
PEOPLE_HEAD_HTML = ("#", "Person: role → compared with", "Readiness", "Met C/E/Cert")
#: Markdown's narrower bench and calibration tables (a phone's 368 px column on GitHub).
BENCH_HEAD_NARROW = ("Candidate (now)", "Readiness; met C/E/Cert", "Ready")
FLAG_HEAD_NARROW = ("Person: competency", "Self → other", "Difference")


def target_line(view: TeamView) -> str:
    """What the team is compared against."""
    if view.target_role_name is None:
        return "each person's own target"
    return view.target_role_name


def files_line(view: TeamView) -> str:
    """ "8 people · 11 files read, 1 skipped · as of 2026-12-04"."""
    skipped = len(view.skipped)
    n = len(view.people)
    people = f"{n:,} {'person' if n == 1 else 'people'}"
    read = f"{view.files_read:,} {'file' if view.files_read == 1 else 'files'}"
    return f"{people} · {read} read, {skipped:,} skipped · as of {view.day}"


def cell(c: tuple[int | None, int | None, int]) -> str:
    """A heat map cell: "3/3", "2/3!" (short), "?/3" (not rated), "3/-", "-"."""
    have, need, gap = c
    level = "?" if have is None else str(have)
    if need is None:
        return "-" if have is None else f"{level}/-"
    return f"{level}/{need}" + ("!" if gap else "")


def met(counts: dict[str, tuple[int, int]]) -> str:
    """Requirements met as "9/14 1/1 1/2": competencies, experience, certifications."""
    return " ".join(f"{m}/{t}" for m, t in counts.values())


def also_rated(p: TeamMember) -> str:
    """Who else rated a person: "manager (Priya Shah)"."""
    return ", ".join(o.rater + (f" ({o.rated_by})" if o.rated_by else "") for o in p.other_ratings)


ALSO_RATED = "Also rated by others (set beside their self-rating in calibration and the CSV):"


def also_line(p: TeamMember) -> str:
    return f"{p.number} {p.name}: {also_rated(p)}"


def shared_names(view: TeamView) -> set[str]:
    """Names more than one person has: those rows carry the person's ID too."""
    seen: set[str] = set()
    twice: set[str] = set()
    for p in view.people:
        (twice if p.name in seen else seen).add(p.name)
    return twice


def person_cells(p: TeamMember, shared: set[str]) -> tuple[str, ...]:
    name = p.name + (f" ({p.person_id})" if p.person_id and p.name in shared else "")
    return (
        str(p.number),
        name,
        p.current_role_name,
        p.target_role_name,
        percent(p.readiness),
        met(p.requirements_met),
    )


def coverage_line(met_n: int, of: int, unrated: int) -> str:
    text = f"{met_n:,} of {of:,} met"
    return text + (f" ({unrated:,} not rated)" if unrated else "")


def domain_line(name: str, meeting: int, of: int) -> str:
    return f"{name}: {meeting:,} of {count(of, 'person')} meet every requirement"


def priority_line(n: int, p: Priority) -> str:
    people = count(p.people_short, "person")
    return (
        f"{n}. {p.name} ({p.code}): {people} short by {count(p.levels_short, 'level')}"
        f" in all (weighted gap {p.weighted_gap})"
    )


def action_line(a: TeamAction) -> str:
    serves = count(a.people, "person")
    # a course or an exam's preparation for several people is one cohort, counted once
    effort = hours(a.hours) if a.people == 1 else f"{hours(a.hours)} each"
    need = "needs" if a.people == 1 else "need"
    return f"[{a.step}] {a.title} ({a.kind}, {effort}; {serves} {need} it)"


def bench_line(b: BenchRole) -> str:
    closest = min(len(b.candidates), b.considered)
    return (
        f"{b.name}: the {count(closest, 'closest candidate')} of"
        f" {count(b.considered, 'person')} below its rank"
    )


def within_line(b: BenchRole) -> str:
    if b.within_year:
        return "Could be ready within 12 months: " + ", ".join(b.within_year)
    return "None of them is planned to be ready within 12 months."


def no_ready_lines(b: BenchRole) -> list[str]:
    """Why a candidate has no ready month, as `gap` says it."""
    return [
        f"{c.name}: no ready month: no role on the way earns {', '.join(c.unearned)};"
        f" {UNEARNED_REMEDY}."
        for c in b.candidates
        if c.ready_in_months is None and c.unearned
    ]


def candidate_cells(c: BenchCandidate) -> tuple[str, ...]:
    ready = c.ready_month or "not estimated"
    return (c.name, c.current_role_name, percent(c.readiness), met(c.requirements_met), ready)


def person_cells_narrow(p: TeamMember, shared: set[str]) -> tuple[str, ...]:
    """:func:`person_cells` in four: the roles beside the name."""
    number, name, role, compared, readiness, requirements = person_cells(p, shared)
    return (number, f"{name}: {role} → {compared}", readiness, requirements)


def candidate_cells_narrow(c: BenchCandidate) -> tuple[str, ...]:
    name, now, readiness, requirements, ready = candidate_cells(c)
    return (f"{name} ({now})", f"{readiness}; {requirements}", ready)


def flag_cells_narrow(f: CalibrationFlag) -> tuple[str, ...]:
    person, competency, mine, theirs, difference = flag_cells(f)
    return (f"{person}: {competency}", f"{mine} → {theirs}", difference)


def flag_cells(f: CalibrationFlag) -> tuple[str, ...]:
    return (
        f.person,
        f.name,
        str(f.self_level),
        f"{f.other_level} ({f.rater})",
        f"{f.difference:+d}",
    )


def signed(mean: float) -> str:
    """ "+1.5", "-0.5", "0" (no sign when they agree on average)."""
    return "0" if mean == 0 else f"{mean:+.1f}"


CALIBRATION_RULE = (
    "Differences of two levels or more between a self-rating and a manager's or peer's."
)
NO_FLAGS = "No self-rating is two levels or more from another rater's."
NO_PAIRS = "No one has both a self-rating and a manager's rating."
AVERAGES = "Average self minus manager, per competency (positive: people rate themselves higher)."
NO_BENCH = "No role above the team's current roles."
NO_GAPS = "No one is short of a requirement that was rated."
TOO_MANY = (
    "Too many people to list here: the count by role and coverage sum them up, and"
    " --format csv or json holds every person and cell."
)
#: The most skipped files a report names (stderr names every one).
SKIPPED_SHOWN = 20
#: The most calibration differences the terminal and markdown list, the largest first
#: (a large team's CSV and JSON hold every one).
FLAGS_SHOWN = 25


def flags_more(view: TeamView) -> str | None:
    more = len(view.calibration_flags) - FLAGS_SHOWN
    if more <= 0:
        return None
    return f"and {more:,} more: --format json lists every one (the CSV, every rating)."


def roles_line(view: TeamView) -> str:
    """ "By current role: PMO Manager 1, Project Manager 2"."""
    return "By current role: " + ", ".join(f"{r.name} {r.people:,}" for r in view.by_role)


def skipped_more(view: TeamView) -> str | None:
    more = len(view.skipped) - SKIPPED_SHOWN
    return f"and {more:,} more (stderr names each)" if more > 0 else None


MET_KEY = "Met C/E/Cert: competencies, experience and certifications met of those required."


def rated_only_line(r: RatedOnly) -> str:
    """ "Cara Lind: manager rating only (Priya Shah), cara.yaml"."""
    who = f" ({r.rated_by})" if r.rated_by else ""
    ident = f" ({r.person_id})" if r.person_id else ""
    return f"{r.name}{ident}: {r.rater} rating only{who}, in {r.source}"
