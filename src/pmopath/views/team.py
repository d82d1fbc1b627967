"""``pmopath team``: a team's profiles side by side (issue 23): who is in it, a heat map of
levels against the requirement, coverage per domain, the largest collective gaps with the
framework's actions for them, bench strength for the roles above the team's, and
calibration of self against manager and peer ratings. The figures are
:mod:`pmopath.engine.team`'s; this names and words them once for every format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from pmopath.base.months import month_label
from pmopath.engine.team import WITHIN, Person, Team, gap_of
from pmopath.model.catalog import Framework
from pmopath.model.framework import Model
from pmopath.views.base import View

#: The most people the terminal and markdown list and draw a heat map for; beyond it,
#: the count by role and coverage sum them up, and the CSV and JSON hold every one.
HEAT_MAP_PEOPLE = 60


class SkippedFile(Model):
    path: str
    reason: str


class OtherRatingRef(Model):
    rater: str  # manager, peer
    rated_by: str | None
    source: str
    levels: dict[str, int | None]


class RoleCount(Model):
    name: str  # the role's
    people: int


class TeamMember(Model):
    number: int  # the heat map's column
    name: str
    person_id: str | None
    source: str  # the self-assessment used
    assessments: int  # self-assessments found for them
    current_role: str
    current_role_name: str
    target_role: str
    target_role_name: str
    readiness: float
    #: as `gap` gives it: competencies [met, total], experience [met, total],
    #: certifications [held, recommended by the target]
    requirements_met: dict[str, tuple[int, int]]
    other_ratings: tuple[OtherRatingRef, ...]


class RatedOnly(Model):
    name: str
    person_id: str | None
    rater: str
    rated_by: str | None
    source: str
    levels: dict[str, int | None]


class HeatRow(Model):
    """One competency across the team: three columns of one value per person, in the order
    of people (columns, not a model per cell: a team of 10,000 is 200,000 cells)."""

    id: str
    code: str  # short, for the terminal's rows and the markdown's columns
    name: str
    domain: str
    levels: tuple[int | None, ...]  # None: not rated
    required: tuple[int | None, ...]  # None: their target does not require it
    gaps: tuple[int, ...]  # levels short (0: met, not required or not rated)

    def at(self, i: int) -> tuple[int | None, int | None, int]:
        """Person ``i``'s cell: level, required level, gap."""
        return self.levels[i], self.required[i], self.gaps[i]


class CompetencyCoverage(Model):
    id: str
    code: str
    name: str
    met: int
    required_of: int  # people whose target requires it
    unrated: int  # of those, not rated


class DomainCoverage(Model):
    id: str
    name: str
    people_meeting: int  # every requirement of the domain met
    people_required: int  # people with a requirement in the domain
    competencies: tuple[CompetencyCoverage, ...]


class TeamAction(Model):
    title: str
    kind: str
    step: str  # "1-2": the level climbed
    hours: float
    people: int  # how many people it serves


class Priority(Model):
    id: str
    code: str
    name: str
    people_short: int
    levels_short: int
    weighted_gap: int
    actions: tuple[TeamAction, ...]  # each once, lowest step first


class BenchCandidate(Model):
    name: str
    person_id: str | None
    current_role_name: str
    readiness: float
    requirements_met: dict[str, tuple[int, int]]
    ready_in_months: int | None
    ready_month: str | None  # "YYYY-MM"; "now" when ready
    unearned: tuple[str, ...]  # experience no role on the way earns: why no ready month


class BenchRole(Model):
    id: str
    name: str
    considered: int  # people below the role's rank
    candidates: tuple[BenchCandidate, ...]  # closest first
    within_year: tuple[str, ...]  # candidates planned ready within 12 months


class CalibrationFlag(Model):
    person: str
    competency_id: str
    name: str  # the competency's
    rater: str
    rated_by: str | None
    self_level: int
    other_level: int
    difference: int  # self minus other


class CalibrationAverage(Model):
    id: str
    name: str
    pairs: int  # people rated by themselves and their manager
    mean: float  # self minus manager


class TeamView(View):
    kind: ClassVar[str] = "team"
    compared_role: str | None  # --target; None: each person's own target
    target_role_name: str | None
    day: str  # "YYYY-MM-DD"
    files_read: int
    skipped: tuple[SkippedFile, ...]
    people: tuple[TeamMember, ...]
    rated_only: tuple[RatedOnly, ...]
    heat_map: tuple[HeatRow, ...]
    each_person_shown: bool  # people table and heat map; False beyond HEAT_MAP_PEOPLE
    by_role: tuple[RoleCount, ...]  # people by current role, the most senior first
    coverage: tuple[DomainCoverage, ...]
    priorities: tuple[Priority, ...]
    bench: tuple[BenchRole, ...]
    calibration_flags: tuple[CalibrationFlag, ...]
    calibration_averages: tuple[CalibrationAverage, ...]


class Inputs(NamedTuple):
    """What the command line read: the files read and those skipped (path, reason)."""

    files_read: int
    skipped: Sequence[tuple[str, str]]


def codes(fw: Framework) -> dict[str, str]:
    """A short code per competency: its domain's letter and its place in it ("D2")."""
    out: dict[str, str] = {}
    letters: dict[str, str] = {}
    for n, domain in enumerate(fw.domains):
        letter = domain.name[:1].upper()
        letters[domain.id] = letter if letter not in letters.values() else chr(ord("A") + n)
    place: dict[str, int] = {}
    for domain, comp in fw.in_order():
        place[domain.id] = place.get(domain.id, 0) + 1
        out[comp.id] = f"{letters[domain.id]}{place[domain.id]}"
    return out


def _met(figures: dict[str, float | int]) -> dict[str, tuple[int, int]]:
    f = {k: int(v) for k, v in figures.items() if k != "readiness"}
    return {
        "competencies": (f["competencies_met"], f["competencies_total"]),
        "experience": (f["experience_met"], f["experience_total"]),
        "certifications": (f["certifications_held"], f["certifications_recommended"]),
    }


def _name(fw: Framework, cid: str) -> str:
    """A competency's name (a rating the framework no longer has: its key)."""
    comp = fw.competency_by_id.get(cid)
    return cid if comp is None else comp.name


def _member(fw: Framework, n: int, p: Person) -> TeamMember:
    return TeamMember.model_construct(
        number=n,
        name=p.name,
        person_id=p.person_id,
        source=p.source,
        assessments=p.assessments,
        current_role=p.current_role,
        current_role_name=fw.role_name(p.current_role),
        target_role=p.target_role,
        target_role_name=fw.role_name(p.target_role),
        readiness=float(p.figures["readiness"]),
        requirements_met=_met(p.figures),
        other_ratings=tuple(
            OtherRatingRef.model_construct(
                rater=o.rater.value, rated_by=o.rated_by, source=o.source, levels=o.levels
            )
            for o in p.others
        ),
    )


def _by_role(fw: Framework, team: Team) -> tuple[RoleCount, ...]:
    counts: dict[str, int] = {}
    for p in team.people:  # already the most senior first
        counts[p.current_role] = counts.get(p.current_role, 0) + 1
    return tuple(
        RoleCount.model_construct(name=fw.role_name(r), people=n) for r, n in counts.items()
    )


def _heat_map(fw: Framework, team: Team, code: dict[str, str]) -> tuple[HeatRow, ...]:
    rows = []
    for cid in team.competencies:
        comp = fw.competency_by_id[cid]
        rows.append(
            HeatRow.model_construct(
                id=cid,
                code=code[cid],
                name=comp.name,
                domain=comp.domain,
                levels=tuple(p.levels.get(cid) for p in team.people),
                required=tuple(p.required.get(cid) for p in team.people),
                gaps=tuple(gap_of(p, cid) for p in team.people),
            )
        )
    return tuple(rows)


def _met_cell(cell: tuple[int | None, int | None, int]) -> bool:
    """Required, rated, and at or above the level."""
    have, need, gap = cell
    return need is not None and have is not None and not gap


def _coverage(fw: Framework, rows: tuple[HeatRow, ...]) -> tuple[DomainCoverage, ...]:
    out = []
    for domain in fw.domains:
        mine = [r for r in rows if r.domain == domain.id]
        if not mine:
            continue
        comps = tuple(
            CompetencyCoverage.model_construct(
                id=r.id,
                code=r.code,
                name=r.name,
                met=sum(1 for i in range(len(r.gaps)) if _met_cell(r.at(i))),
                required_of=sum(1 for need in r.required if need is not None),
                unrated=sum(
                    1
                    for have, need in zip(r.levels, r.required, strict=True)
                    if need is not None and have is None
                ),
            )
            for r in mine
        )
        people = len(mine[0].gaps)
        required = [any(r.required[i] is not None for r in mine) for i in range(people)]
        meeting = [
            required[i] and all(r.required[i] is None or _met_cell(r.at(i)) for r in mine)
            for i in range(people)
        ]
        out.append(
            DomainCoverage.model_construct(
                id=domain.id,
                name=domain.name,
                people_meeting=sum(meeting),
                people_required=sum(required),
                competencies=comps,
            )
        )
    return tuple(out)


def _priority(fw: Framework, team: Team, cid: str, code: str) -> Priority:
    comp = fw.competency_by_id[cid]
    serves: dict[tuple[str, int], int] = {}
    short = levels = weighted = 0
    for p in team.people:
        gap = gap_of(p, cid)
        if not gap:
            continue
        short += 1
        levels += gap
        weighted += p.weights[cid] * gap
        have = p.levels[cid] or 0
        for lvl in range(have, have + gap):
            step = f"{lvl}-{lvl + 1}"
            for i in range(len(comp.actions.get(step, ()))):  # type: ignore[call-overload]
                serves[(step, i)] = serves.get((step, i), 0) + 1
    actions = []
    for (step, i), people in sorted(serves.items()):
        action = comp.actions[step][i]  # type: ignore[index]
        actions.append(
            TeamAction.model_construct(
                title=action.title,
                kind=action.kind.value,
                step=step,
                hours=action.hours,
                people=people,
            )
        )
    return Priority.model_construct(
        id=cid,
        code=code,
        name=comp.name,
        people_short=short,
        levels_short=levels,
        weighted_gap=weighted,
        actions=tuple(actions),
    )


def _bench(fw: Framework, team: Team, as_of: dt.date) -> tuple[BenchRole, ...]:
    out = []
    for bench in team.bench:
        candidates = []
        for c in bench.candidates:
            p, s = team.people[c.person], c.summary
            ready = s.ready_in_months
            month = None if ready is None else ("now" if ready == 0 else month_label(as_of, ready))
            candidates.append(
                BenchCandidate.model_construct(
                    name=p.name,
                    person_id=p.person_id,
                    current_role_name=fw.role_name(p.current_role),
                    readiness=s.readiness,
                    requirements_met=s.requirements_met,
                    ready_in_months=ready,
                    ready_month=month,
                    unearned=s.unearned,
                )
            )
        soon = tuple(
            c.name
            for c in candidates
            if c.ready_in_months is not None and c.ready_in_months <= WITHIN
        )
        out.append(
            BenchRole.model_construct(
                id=bench.role,
                name=fw.role_name(bench.role),
                considered=bench.considered,
                candidates=tuple(candidates),
                within_year=soon,
            )
        )
    return tuple(out)


def team_view(fw: Framework, team: Team, inputs: Inputs, as_of: dt.date) -> TeamView:
    code = codes(fw)
    rows = _heat_map(fw, team, code)
    people = team.people
    return TeamView.model_construct(
        compared_role=team.target,
        target_role_name=None if team.target is None else fw.role_name(team.target),
        day=as_of.isoformat(),
        files_read=inputs.files_read,
        skipped=tuple(SkippedFile.model_construct(path=p, reason=r) for p, r in inputs.skipped),
        people=tuple(_member(fw, n, p) for n, p in enumerate(people, 1)),
        rated_only=tuple(
            RatedOnly.model_construct(
                name=u.name,
                person_id=u.person_id,
                rater=u.rater.value,
                rated_by=u.rated_by,
                source=u.source,
                levels=u.levels,
            )
            for u in team.unscored
        ),
        heat_map=rows,
        each_person_shown=len(people) <= HEAT_MAP_PEOPLE,
        by_role=_by_role(fw, team),
        coverage=_coverage(fw, rows),
        priorities=tuple(_priority(fw, team, cid, code[cid]) for cid in team.priorities),
        bench=_bench(fw, team, as_of),
        calibration_flags=tuple(
            CalibrationFlag.model_construct(
                person=people[f.person].name,
                competency_id=f.competency,
                name=_name(fw, f.competency),
                rater=f.rater.value,
                rated_by=f.rated_by,
                self_level=f.self_level,
                other_level=f.other_level,
                difference=f.self_level - f.other_level,
            )
            for f in team.flags
        ),
        calibration_averages=tuple(
            CalibrationAverage.model_construct(
                id=cid,
                name=_name(fw, cid),
                pairs=n,
                mean=mean,
            )
            for cid, (n, mean) in team.averages.items()
        ),
    )
