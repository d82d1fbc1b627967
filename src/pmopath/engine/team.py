"""A team's profiles side by side (``pmopath team``): pure, no I/O, no clock.

* **People.** Files are grouped by person: ``person_id`` when a file gives one, else the
  name (case and spacing ignored), else the file itself. A person's latest
  self-assessment (by ``assessed_at``; undated counts as oldest) is their profile; the
  latest rating of each other rater (manager or peer, by ``rated_by``) is set beside it.
  Someone rated only by others is listed apart, never scored as if self-rated.
* **Figures.** Each person is scored once against the compared target (``--target``, or
  their own) with :func:`engine.scoring.score`, and summed up by
  :func:`engine.summary.figures_of`: readiness and requirements met are ``gap``'s.
* **Priorities.** A competency's collective gap is the sum over people of weight x gap;
  its actions are the framework's for each step someone must climb, each listed once with
  the number of people it serves.
* **Bench strength.** For each role one of the team's current roles leads to, everyone
  below its rank is ranked by readiness for it (cheap: competencies only); the closest
  :data:`SHORTLIST` are planned with :func:`engine.summary.summarise` for their requirements
  met and ready month. So at most roles x SHORTLIST plans a run, whatever the team's size.
* **Calibration.** For every competency a person and another rater both rated, the
  difference self minus other; :data:`FLAG_AT` levels or more apart is flagged. The
  average self minus manager is per competency, over the people both rated.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Mapping
from typing import Any, NamedTuple

from pmopath.engine.readiness import WEIGHTS, readiness_of
from pmopath.engine.scoring import score
from pmopath.engine.summary import Summary, figures_of, summarise
from pmopath.model.catalog import Framework
from pmopath.model.framework import Model, Role
from pmopath.model.profile import Profile, Rater

#: How far apart two ratings of one competency are flagged (levels).
FLAG_AT = 2
#: Candidates planned per role in bench strength.
SHORTLIST = 3
#: The largest collective gaps shown as development priorities.
PRIORITIES = 5
#: A candidate planned to be ready within this many months is "ready within a year".
WITHIN = 12


class Member(NamedTuple):
    """One file as read: where it came from and its profile."""

    source: str
    profile: Profile


class FileFacts(Model):
    """What the team's figures need of one file, without its profile: who, which rater,
    when, the levels, and (a self-assessment) its figures against the compared target on
    the day. Small, so a large team's are kept together in one cache entry."""

    source: str
    name: str | None
    person_id: str | None
    rater: Rater
    rated_by: str | None
    assessed_at: dt.datetime | None
    levels: dict[str, int | None]
    current_role: str | None  # as scored: a self-assessment only
    target_role: str | None
    figures: dict[str, float | int] | None  # engine.summary.figures_of


def facts_of(
    fw: Framework, source: str, profile: Profile, target: str | None, *, as_of: dt.date
) -> FileFacts:
    """One file's facts; a self-assessment is scored once against ``target`` (None: its own)."""
    current = aim = figures = None
    if profile.rater is Rater.self:
        scored = score(profile, fw, target, as_of=as_of)
        current, aim, figures = scored.current_role, scored.target_role, figures_of(fw, scored)
    return FileFacts.model_construct(
        source=source,
        name=profile.name,
        person_id=profile.person_id,
        rater=profile.rater,
        rated_by=profile.rated_by,
        assessed_at=profile.assessed_at,
        levels=_levels(profile),
        current_role=current,
        target_role=aim,
        figures=figures,
    )


class OtherRating(Model):
    rater: Rater
    rated_by: str | None
    source: str
    levels: dict[str, int | None]


class Person(Model):
    name: str
    person_id: str | None
    source: str  # the self-assessment used
    assessments: int  # self-assessments found
    current_role: str
    target_role: str  # compared against
    figures: dict[str, float | int]  # engine.summary.figures_of
    levels: dict[str, int | None]  # self-rated levels, by competency
    required: dict[str, int]  # the compared target's level, by competency
    weights: dict[str, int]
    others: tuple[OtherRating, ...]


class Unscored(Model):
    """Someone rated only by others: listed, not scored."""

    name: str
    person_id: str | None
    rater: Rater
    rated_by: str | None
    source: str
    levels: dict[str, int | None]


class Candidate(Model):
    person: int  # index into Team.people
    summary: Summary


class Bench(Model):
    role: str
    considered: int  # everyone below the role's rank
    candidates: tuple[Candidate, ...]  # closest first


class Flag(Model):
    person: int
    competency: str
    rater: Rater
    rated_by: str | None
    self_level: int
    other_level: int


class Team(Model):
    target: str | None
    people: tuple[Person, ...]
    unscored: tuple[Unscored, ...]
    competencies: tuple[str, ...]  # the heat map's rows, in framework order
    priorities: tuple[str, ...]  # competencies, largest collective gap first
    bench: tuple[Bench, ...]
    flags: tuple[Flag, ...]
    averages: dict[str, tuple[int, float]]  # competency: (pairs, mean self - manager)


def _key(p: FileFacts) -> str:
    if p.person_id:
        return "id:" + p.person_id
    if p.name and p.name.strip():
        return "name:" + " ".join(p.name.split()).casefold()
    return "file:" + p.source


def _when(p: FileFacts) -> tuple[bool, dt.datetime]:
    at = p.assessed_at
    if at is None:
        return (False, dt.datetime.min)
    return (True, at if at.tzinfo is None else at.astimezone(dt.timezone.utc).replace(tzinfo=None))


def _label(p: FileFacts) -> str:
    if p.name and p.name.strip():
        return " ".join(p.name.split())
    return p.person_id or p.source.rsplit("/", 1)[-1]


def _levels(profile: Profile) -> dict[str, int | None]:
    return {cid: r.level for cid, r in profile.ratings.items()}


def _needs(role: Role, shared: dict[str, tuple[dict[str, int], dict[str, int]]]) -> Any:
    """A role's levels and weights: one pair of dicts per role, shared by everyone compared
    with it (a team of 10,000 holds a handful, not 20,000)."""
    if role.id not in shared:
        shared[role.id] = (
            {cid: rc.level for cid, rc in role.competencies.items()},
            {cid: WEIGHTS[rc.importance] for cid, rc in role.competencies.items()},
        )
    return shared[role.id]


def _person(
    fw: Framework,
    files: list[FileFacts],
    shared: dict[str, tuple[dict[str, int], dict[str, int]]],
) -> Person:
    selves = [f for f in files if f.rater is Rater.self]
    latest = max(selves, key=_when)  # max keeps the first of equals: the first named
    others: dict[tuple[Rater, str], FileFacts] = {}
    for f in files:
        if f.rater is not Rater.self:
            k = (f.rater, (f.rated_by or "").casefold())
            if k not in others or _when(f) >= _when(others[k]):
                others[k] = f
    assert latest.target_role is not None and latest.current_role is not None
    assert latest.figures is not None
    needs = _needs(fw.role_by_id[latest.target_role], shared)
    return Person.model_construct(
        name=_label(latest),
        person_id=latest.person_id,
        source=latest.source,
        assessments=len(selves),
        current_role=latest.current_role,
        target_role=latest.target_role,
        figures=latest.figures,
        levels=latest.levels,
        required=needs[0],
        weights=needs[1],
        others=tuple(
            OtherRating.model_construct(
                rater=f.rater, rated_by=f.rated_by, source=f.source, levels=f.levels
            )
            for _, f in sorted(others.items(), key=lambda kv: (kv[0][0].value, kv[0][1]))
        ),
    )


def _unscored(files: list[FileFacts]) -> Unscored:
    f = max(files, key=_when)
    return Unscored.model_construct(
        name=_label(f),
        person_id=f.person_id,
        rater=f.rater,
        rated_by=f.rated_by,
        source=f.source,
        levels=f.levels,
    )


def gap_of(person: Person, competency: str) -> int:
    """Levels short of the compared target (0: met, not required or not rated)."""
    need = person.required.get(competency)
    have = person.levels.get(competency)
    return 0 if need is None or have is None else max(0, need - have)


def _priorities(fw: Framework, people: list[Person], rows: tuple[str, ...]) -> tuple[str, ...]:
    order = {cid: i for i, cid in enumerate(rows)}
    weighted: dict[str, int] = defaultdict(int)
    short: dict[str, int] = defaultdict(int)
    for p in people:
        for cid in p.required:
            g = gap_of(p, cid)
            if g:
                weighted[cid] += p.weights[cid] * g
                short[cid] += 1
    ranked = sorted(weighted, key=lambda c: (-weighted[c], -short[c], order.get(c, len(order))))
    return tuple(ranked[:PRIORITIES])


class Pick(NamedTuple):
    """A role of bench strength: how many were considered and the closest, by index."""

    role: str
    considered: int
    closest: list[int]


def shortlist(fw: Framework, people: tuple[Person, ...]) -> list[Pick]:
    """For each role one of the team's current roles leads to (at a higher rank), the
    :data:`SHORTLIST` people below it closest to it by readiness (competencies only)."""
    ranks = [fw.role_by_id[p.current_role].rank for p in people]
    roles: dict[str, None] = {}
    for p in people:
        current = fw.role_by_id[p.current_role]
        for nxt in current.leads_to:
            if fw.role_by_id[nxt].rank > current.rank:
                roles[nxt] = None
    out = []
    for role_id in sorted(roles, key=lambda r: (-fw.role_by_id[r].rank, fw.role_name(r))):
        role = fw.role_by_id[role_id]
        below = [i for i, r in enumerate(ranks) if r < role.rank]
        closest = heapq.nsmallest(
            SHORTLIST,
            below,
            key=lambda i: (
                -readiness_of(people[i].levels.get, role)[0],
                people[i].name.casefold(),
                i,
            ),
        )
        out.append(Pick(role_id, len(below), closest))
    return out


def bench(
    fw: Framework, picks: list[Pick], profiles: Mapping[int, Profile], *, as_of: dt.date
) -> tuple[Bench, ...]:
    """Each shortlisted person planned for the role (``profiles``: theirs, by index)."""
    out = []
    for pick in picks:
        planned = [
            Candidate.model_construct(
                person=i,
                summary=summarise(profiles[i], fw, pick.role, as_of=as_of, more_hours=False)[1],
            )
            for i in pick.closest
        ]
        planned.sort(key=lambda c: -c.summary.readiness)  # stable: ties keep the name order
        out.append(
            Bench.model_construct(
                role=pick.role, considered=pick.considered, candidates=tuple(planned)
            )
        )
    return tuple(out)


def _calibration(
    people: list[Person], rows: tuple[str, ...]
) -> tuple[tuple[Flag, ...], dict[str, tuple[int, float]]]:
    flags = []
    sums: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(people):
        for other in p.others:
            for cid, theirs in other.levels.items():
                mine = p.levels.get(cid)
                if mine is None or theirs is None:
                    continue
                if abs(mine - theirs) >= FLAG_AT:
                    flags.append(
                        Flag.model_construct(
                            person=i,
                            competency=cid,
                            rater=other.rater,
                            rated_by=other.rated_by,
                            self_level=mine,
                            other_level=theirs,
                        )
                    )
                if other.rater is Rater.manager:
                    sums[cid].append(mine - theirs)
    flags.sort(key=lambda f: (-abs(f.self_level - f.other_level), people[f.person].name.casefold()))
    order = {cid: i for i, cid in enumerate(rows)}
    averages = {
        cid: (len(d), round(sum(d) / len(d), 2))
        for cid, d in sorted(sums.items(), key=lambda kv: order.get(kv[0], len(order)))
    }
    return tuple(flags), averages


def team_of(fw: Framework, facts: list[FileFacts], target: str | None) -> Team:
    """The team's figures from its files' facts (see the module's docstring), bench strength
    left empty: :func:`shortlist` names whose profiles :func:`bench` needs."""
    groups: dict[str, list[FileFacts]] = defaultdict(list)
    for f in facts:
        groups[_key(f)].append(f)
    people: list[Person] = []
    unscored: list[Unscored] = []
    shared: dict[str, tuple[dict[str, int], dict[str, int]]] = {}
    for files in groups.values():
        if any(f.rater is Rater.self for f in files):
            people.append(_person(fw, files, shared))
        else:
            unscored.append(_unscored(files))
    # the most senior first, then by name
    people.sort(key=lambda p: (-fw.role_by_id[p.current_role].rank, p.name.casefold()))
    needed = {cid for p in people for cid in p.required}
    rows = tuple(c.id for _, c in fw.in_order() if c.id in needed)
    flags, averages = _calibration(people, rows)
    return Team.model_construct(
        target=target,
        people=tuple(people),
        unscored=tuple(sorted(unscored, key=lambda u: u.name.casefold())),
        competencies=rows,
        priorities=_priorities(fw, people, rows),
        bench=(),
        flags=flags,
        averages=averages,
    )


def team_figures(
    fw: Framework, members: list[Member], target: str | None, *, as_of: dt.date
) -> Team:
    """The team's figures, bench strength included, from profiles in hand (``members`` in
    the order read); ``pmopath team`` does the same steps with its cache between them."""
    facts = [facts_of(fw, m.source, m.profile, target, as_of=as_of) for m in members]
    team = team_of(fw, facts, target)
    picks = shortlist(fw, team.people)
    by_source = {m.source: m.profile for m in members}
    profiles = {i: by_source[team.people[i].source] for p in picks for i in p.closest}
    return team.model_copy(update={"bench": bench(fw, picks, profiles, as_of=as_of)})
