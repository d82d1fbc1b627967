"""A person's profile: background, certifications held and competency ratings.

The same format serves saved assessments, ``pmopath assess --answers FILE`` and
``pmopath export-profile`` (see README, "Profile format"). Loading checks the
file against the model, then resolves role, certification and competency names
against the framework, naming the file, line and field of any problem.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator

from pmopath.errors import DataError, NotFoundError
from pmopath.framework import Framework, parse_model
from pmopath.models import Education, Level, Model
from pmopath.yamlio import Document, Loc, dump_yaml, format_loc, load_yaml, read_text

PROFILE_SCHEMA_VERSION = 1
MAX_PROFILE_BYTES = 512 * 1024

Years = Annotated[float, Field(ge=0, le=60)]
Evidence = Annotated[str, StringConstraints(max_length=500)]


class Experience(Model):
    """Years of experience by kind (decimals allowed)."""

    project_management_years: Years = 0
    program_portfolio_years: Years = 0
    pmo_years: Years = 0
    people_leadership_years: Years = 0


class HeldCertification(Model):
    id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    year: Annotated[int, Field(ge=1950, le=2100)] | None = None


class Rating(Model):
    """A self-rating; ``level`` None means "not sure / skipped" (unassessed)."""

    level: Level | None = None
    evidence: Evidence | None = None


class Profile(Model):
    schema_version: Literal[1] = 1
    name: Annotated[str, StringConstraints(max_length=120)] | None = None
    current_role: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    target_role: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    experience: Experience = Experience()
    education: Education | None = None
    training_hours: Annotated[float, Field(ge=0, le=10_000)] = 0
    certifications: tuple[HeldCertification, ...] = ()
    hours_per_week: Annotated[float, Field(gt=0, le=80)] | None = None
    ratings: dict[str, Rating] = Field(default_factory=dict)
    assessed_at: dt.datetime | None = None

    @field_validator("certifications", mode="before")
    @classmethod
    def _certs(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"id": item} if isinstance(item, str) else item for item in value]
        return value

    @field_validator("ratings", mode="before")
    @classmethod
    def _ratings(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {
                key: {"level": item}
                if item is None or isinstance(item, (int, float, bool, str))
                else item
                for key, item in value.items()
            }
        return value

    def held(self) -> set[str]:
        return {c.id for c in self.certifications}

    def level(self, competency: str) -> int | None:
        rating = self.ratings.get(competency)
        return None if rating is None else rating.level


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def profile_to_data(profile: Profile) -> dict[str, Any]:
    """The profile as plain data in the documented (compact) file format."""
    data: dict[str, Any] = {"schema_version": profile.schema_version}
    if profile.name:
        data["name"] = profile.name
    data["current_role"] = profile.current_role
    if profile.target_role:
        data["target_role"] = profile.target_role
    data["experience"] = {k: _num(v) for k, v in profile.experience.model_dump().items()}
    if profile.education is not None:
        data["education"] = profile.education.value
    data["training_hours"] = _num(profile.training_hours)
    data["certifications"] = [
        c.id if c.year is None else {"id": c.id, "year": c.year} for c in profile.certifications
    ]
    if profile.hours_per_week is not None:
        data["hours_per_week"] = _num(profile.hours_per_week)
    ratings: dict[str, Any] = {}
    for key, rating in profile.ratings.items():
        ratings[key] = (
            rating.level
            if rating.evidence is None
            else {"level": rating.level, "evidence": rating.evidence}
        )
    data["ratings"] = ratings
    if profile.assessed_at is not None:
        data["assessed_at"] = profile.assessed_at.isoformat()
    return data


def dump_profile(profile: Profile) -> str:
    return "# pmopath profile (see `pmopath schema profile`)\n" + dump_yaml(
        profile_to_data(profile)
    )


@dataclass
class Loaded:
    profile: Profile
    warnings: list[str] = field(default_factory=list)


def read_profile(path: Path) -> tuple[Profile, Document]:
    doc = load_yaml(path, text=read_text(path, max_bytes=MAX_PROFILE_BYTES))
    if not isinstance(doc.data, dict):
        raise DataError("expected a mapping (a profile) at the top of the file", path=path, line=1)
    return parse_model(doc, Profile), doc


def load_profile(path: Path, fw: Framework, *, strict: bool = True) -> Loaded:
    """Read, validate and resolve a profile file.

    ``strict`` (answers files): any unknown ID is an error. Otherwise (saved
    assessments): a rating or certification the framework no longer has is kept,
    with a warning, so nothing is dropped silently.
    """
    profile, doc = read_profile(path)
    return resolve_profile(profile, fw, doc=doc, strict=strict)


def resolve_profile(
    profile: Profile, fw: Framework, *, doc: Document | None = None, strict: bool = True
) -> Loaded:
    """Canonical IDs for every name in the profile (aliases and prefixes resolved)."""
    warnings: list[str] = []

    def fail(exc: NotFoundError, loc: Loc) -> DataError:
        return DataError(
            exc.message,
            path=None if doc is None else doc.path,
            line=None if doc is None else doc.line_of(loc),
            field=format_loc(loc),
            hint=exc.hint,
        )

    try:
        current = fw.role(profile.current_role).id
    except NotFoundError as exc:
        raise fail(exc, ("current_role",)) from None
    target = None
    if profile.target_role is not None:
        try:
            target = fw.role(profile.target_role).id
        except NotFoundError as exc:
            raise fail(exc, ("target_role",)) from None

    certs: list[HeldCertification] = []
    seen: set[str] = set()
    for i, held in enumerate(profile.certifications):
        try:
            cid = fw.certification(held.id).id
        except NotFoundError as exc:
            if strict:
                raise fail(exc, ("certifications", i)) from None
            warnings.append(f"certification '{held.id}' is not in the framework; kept as it is")
            cid = held.id
        if cid not in seen:
            seen.add(cid)
            certs.append(held.model_copy(update={"id": cid}))

    ratings: dict[str, Rating] = {}
    for key, rating in profile.ratings.items():
        try:
            cid = fw.competency(key).id
        except NotFoundError as exc:
            if strict:
                raise fail(exc, ("ratings", key)) from None
            warnings.append(f"rating for '{key}', which the framework no longer has, was kept")
            cid = key
        if cid in ratings:
            where = None if doc is None else doc.path
            raise DataError(
                f"'{key}' rates '{cid}' a second time", path=where, field=f"ratings.{key}"
            )
        ratings[cid] = rating

    resolved = profile.model_copy(
        update={
            "current_role": current,
            "target_role": target,
            "certifications": tuple(certs),
            "ratings": ratings,
        }
    )
    return Loaded(resolved, warnings)


def default_target(fw: Framework, current: str) -> str:
    """The next rung: the first role the current one leads to (itself at the top)."""
    role = fw.role_by_id[current]
    return role.leads_to[0] if role.leads_to else role.id
