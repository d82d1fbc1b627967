"""A person's profile as `pmopath show` lays it out: background, work history, certifications held and ratings with their evidence."""

import datetime as dt
from typing import Any, ClassVar

from pmopath.base.months import as_month
from pmopath.base.text import capital, count, duration
from pmopath.engine.worktime import WorkRecord, covered
from pmopath.model.catalog import Framework
from pmopath.model.framework import ExperienceKind, Model, TrainingTopic
from pmopath.model.profile import (
    EXPERIENCE_FIELDS,
    Profile,
    Rater,
    profile_to_data,
    shown_fields,
    shown_value,
)
from pmopath.views.base import Ref, View


class Labelled(Model):
    label: str
    value: str


class HeldRef(Ref):
    year: int | None
    renewed: int | None = None  # the year last renewed
    lapsed: bool = False  # the person says it lapsed: not counted as held


class RatingRow(Model):
    id: str
    name: str
    domain_name: str | None  # None: the framework no longer has this competency
    level: int | None  # None: not sure (unassessed)
    evidence: str | None


class ProfileView(View):
    kind: ClassVar[str] = "profile"
    id: str | None
    profile: dict[str, Any]  # the profile file's own data (README, "Profile format")
    warnings: tuple[str, ...]
    title: str  # the person's name, or "Assessment"
    assessed_at: str | None  # "YYYY-MM-DD HH:MM UTC"
    current_role_name: str
    target_role_name: str | None
    background: tuple[Labelled, ...]
    positions: "tuple[PositionRow, ...]"  # the work history, as of the view's date
    certifications: tuple[HeldRef, ...]
    ratings: tuple[RatingRow, ...]  # by domain; unknown competencies last


class PositionRow(Model):
    title: str
    role_name: str | None
    start: str
    end: str | None  # None: current
    months: int
    kinds: tuple[str, ...]  # labels


def position_rows(fw: Framework, profile: Profile, as_of: dt.date) -> tuple[PositionRow, ...]:
    now = as_month(as_of)
    rows = []
    for p in profile.positions:
        rows.append(
            PositionRow.model_construct(
                title=p.title,
                role_name=None if p.role is None else fw.role_name(p.role),
                start=p.start,
                end=p.end,
                months=len(covered(p, now)),
                kinds=tuple(k.label for k in p.kinds),
            )
        )
    return tuple(rows)


def background(profile: Profile, as_of: dt.date) -> tuple[Labelled, ...]:
    """Experience by kind (union of the positions, or the years given), training, then
    each titled profile field, as a person reads them."""
    work = WorkRecord(profile, as_of)
    rows = []
    for kind in EXPERIENCE_FIELDS:
        have = work.count(kind)
        if kind is ExperienceKind.program_portfolio and not profile.experience.years(kind):
            continue  # only a version-1 profile gives the two together
        how = " (years given, not dates)" if have.undated and have.months else ""
        rows.append(
            Labelled.model_construct(label=capital(kind.label), value=duration(have.months) + how)
        )
    training = profile.training
    given = [
        f"{count(getattr(training, t.value), 'hour')} {t.label}"
        for t in TrainingTopic
        if getattr(training, t.value)
    ]
    rows.append(Labelled.model_construct(label="Training", value=", ".join(given) or "none"))
    rows += [
        Labelled.model_construct(
            label=str(Profile.model_fields[name].title), value=shown_value(profile, name)
        )
        for name in shown_fields()
    ]
    return tuple(rows) + team_fields(profile)


def team_fields(profile: Profile) -> tuple[Labelled, ...]:
    """A team file's fields (`pmopath team`), only when set: a person ID, another rater."""
    rows = []
    if profile.person_id:
        rows.append(Labelled.model_construct(label="Person ID", value=profile.person_id))
    if profile.rater is not Rater.self:
        who = f" ({profile.rated_by})" if profile.rated_by else ""
        rows.append(Labelled.model_construct(label="Rated by", value=profile.rater.value + who))
    return tuple(rows)


def rating_rows(fw: Framework, profile: Profile) -> tuple[RatingRow, ...]:
    ratings = profile.ratings
    rows = [
        RatingRow.model_construct(
            id=comp.id,
            name=comp.name,
            domain_name=domain.name,
            level=ratings[comp.id].level,
            evidence=ratings[comp.id].evidence,
        )
        for domain, comp in fw.in_order()
        if comp.id in ratings
    ]
    rows += [
        RatingRow.model_construct(
            id=key, name=key, domain_name=None, level=r.level, evidence=r.evidence
        )
        for key, r in ratings.items()
        if key not in fw.competency_by_id
    ]
    return tuple(rows)


def profile_view(
    fw: Framework, ident: str | None, profile: Profile, warnings: list[str], as_of: dt.date
) -> ProfileView:
    target = profile.target_role
    return ProfileView.model_construct(
        id=ident,
        profile=profile_to_data(profile),
        warnings=tuple(warnings),
        title=profile.name or "Assessment",
        assessed_at=None
        if profile.assessed_at is None
        else f"{profile.assessed_at:%Y-%m-%d %H:%M} UTC",
        current_role_name=fw.role_name(profile.current_role),
        target_role_name=None if target is None else fw.role_name(target),
        background=background(profile, as_of),
        positions=position_rows(fw, profile, as_of),
        certifications=tuple(
            HeldRef.model_construct(
                id=c.id, name=fw.cert_name(c.id), year=c.year, renewed=c.renewed, lapsed=c.lapsed
            )
            for c in profile.certifications
        ),
        ratings=rating_rows(fw, profile),
    )
