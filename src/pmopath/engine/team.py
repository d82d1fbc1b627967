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
from typing import Any, NamedTuple

from pmopath.engine.readiness import WEIGHTS, readiness_for
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


def _key(member: Member) -> str:
    p = member.profile
    if p.person_id:
        return "id:" + p.person_id
    if p.name and p.name.strip():
        return "name:" + " ".join(p.name.split()).casefold()
    return "file:" + member.source


def _when(member: Member) -> tuple[bool, dt.datetime]:
    at = member.profile.assessed_at
    if at is None:
        return (False, dt.datetime.min)
    return (True, at if at.tzinfo is None else at.astimezone(dt.timezone.utc).replace(tzinfo=None))


def _label(member: Member) -> str:
    name = member.profile.name
    if name and name.strip():
        return " ".join(name.split())
    return member.profile.person_id or member.source.rsplit("/", 1)[-1]


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
    files: list[Member],
    target: str | None,
    as_of: dt.date,
    shared: dict[str, tuple[dict[str, int], dict[str, int]]],
) -> tuple[Person, Profile]:
    selves = [m for m in files if m.profile.rater is Rater.self]
    latest = max(selves, key=_when)  # max keeps the first of equals: the first named
    others: dict[tuple[Rater, str], Member] = {}
    for m in files:
        if m.profile.rater is not Rater.self:
            k = (m.profile.rater, (m.profile.rated_by or "").casefold())
            if k not in others or _when(m) >= _when(others[k]):
                others[k] = m
    profile = latest.profile
    scored = score(profile, fw, target, as_of=as_of)
    needs = _needs(fw.role_by_id[scored.target_role], shared)
    person = Person.model_construct(
        name=_label(latest),
        person_id=profile.person_id,
        source=latest.source,
        assessments=len(selves),
        current_role=scored.current_role,
        target_role=scored.target_role,
        figures=figures_of(fw, scored),
        levels=_levels(profile),
        required=needs[0],
        weights=needs[1],
        others=tuple(
            OtherRating.model_construct(
                rater=m.profile.rater,
                rated_by=m.profile.rated_by,
                source=m.source,
                levels=_levels(m.profile),
            )
            for _, m in sorted(others.items(), key=lambda kv: (kv[0][0].value, kv[0][1]))
        ),
    )
    return person, profile


def _unscored(files: list[Member]) -> Unscored:
    m = max(files, key=_when)
    return Unscored.model_construct(
        name=_label(m),
        person_id=m.profile.person_id,
        rater=m.profile.rater,
        rated_by=m.profile.rated_by,
        source=m.source,
        levels=_levels(m.profile),
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


def _bench(
    fw: Framework, people: list[Person], profiles: list[Profile], as_of: dt.date
) -> tuple[Bench, ...]:
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
            key=lambda i: (-readiness_for(profiles[i], role)[0], people[i].name.casefold(), i),
        )
        planned = [
            Candidate.model_construct(
                person=i,
                summary=summarise(profiles[i], fw, role_id, as_of=as_of, more_hours=False)[1],
            )
            for i in closest
        ]
        planned.sort(key=lambda c: -c.summary.readiness)  # stable: ties keep the name order
        out.append(
            Bench.model_construct(role=role_id, considered=len(below), candidates=tuple(planned))
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


def team_figures(
    fw: Framework, members: list[Member], target: str | None, *, as_of: dt.date
) -> Team:
    """The team's figures (see the module's docstring); ``members`` in the order read."""
    groups: dict[str, list[Member]] = defaultdict(list)
    for m in members:
        groups[_key(m)].append(m)
    people: list[Person] = []
    profiles: list[Profile] = []
    unscored: list[Unscored] = []
    shared: dict[str, tuple[dict[str, int], dict[str, int]]] = {}
    for files in groups.values():
        if any(m.profile.rater is Rater.self for m in files):
            person, profile = _person(fw, files, target, as_of, shared)
            people.append(person)
            profiles.append(profile)
        else:
            unscored.append(_unscored(files))
    # the most senior first, then by name
    order = sorted(
        range(len(people)),
        key=lambda i: (-fw.role_by_id[people[i].current_role].rank, people[i].name.casefold(), i),
    )
    people = [people[i] for i in order]
    profiles = [profiles[i] for i in order]
    needed = {cid for p in people for cid in p.required}
    rows = tuple(c.id for _, c in fw.in_order() if c.id in needed)
    flags, averages = _calibration(people, rows)
    return Team.model_construct(
        target=target,
        people=tuple(people),
        unscored=tuple(sorted(unscored, key=lambda u: u.name.casefold())),
        competencies=rows,
        priorities=_priorities(fw, people, rows),
        bench=_bench(fw, people, profiles, as_of),
        flags=flags,
        averages=averages,
    )
