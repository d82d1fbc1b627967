"""A person's profile: background, certifications held and competency ratings.

The model is the one source of the profile's shape: the questionnaire, the file format,
``pmopath schema profile`` and every view of a profile derive from it (ARCHITECTURE.md,
"A new profile field"). :func:`resolve_profile` turns the names in a profile into the
framework's IDs, naming the file, line and field of any problem; reading the file is
:mod:`pmopath.load.profiles`.
"""

import datetime as dt
import re
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Literal, NamedTuple, get_args

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    StringConstraints,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic.fields import FieldInfo

from pmopath.base.errors import DataError, NotFoundError
from pmopath.base.limits import MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK
from pmopath.base.months import month_index
from pmopath.base.text import count, plural
from pmopath.model.document import Document, Loc, format_loc
from pmopath.model.framework import (
    POSITION_KINDS,
    Education,
    ExperienceKind,
    Level,
    Model,
    TrainingTopic,
)

if TYPE_CHECKING:
    from pmopath.model.catalog import Framework

PROFILE_SCHEMA_VERSION = 2
MAX_PROFILE_BYTES = 512 * 1024
MAX_POSITIONS = 60


def _compact_number(value: float) -> float | int:
    """6.0 is written as 6: profile files stay as people would type them."""
    return int(value) if float(value).is_integer() else value


Compact = PlainSerializer(_compact_number)
Years = Annotated[float, Field(ge=0, le=60), Compact]
Hours = Annotated[float, Field(ge=0, le=10_000), Compact]
Evidence = Annotated[str, StringConstraints(max_length=500)]
Identifier = Annotated[str, StringConstraints(min_length=1, max_length=64)]


def _year_month(value: Any) -> Any:
    """A calendar month as ``YYYY-MM`` (a date is read as its month)."""
    if isinstance(value, (dt.date, dt.datetime)):
        value = f"{value.year:04d}-{value.month:02d}"
    text = str(value)
    year, _, month = text.partition("-")
    well_formed = re.fullmatch("[0-9]{4}-[0-9]{2}", text) is not None  # ASCII digits only
    if not (well_formed and 1950 <= int(year) <= 2099):
        raise ValueError(f"enter a month as YYYY-MM from 1950-01, e.g. 2019-03 (not {text!r})")
    if not 1 <= int(month) <= 12:
        raise ValueError(f"enter a month as YYYY-MM, e.g. 2019-03 (not {text!r})")
    return text


#: A calendar month, "2019-03".
YearMonth = Annotated[str, BeforeValidator(_year_month)]


def _years(kind: ExperienceKind, prompt: str, **extra: Any) -> Any:
    """A years-of-experience field: what kind it is, and how the questionnaire asks it."""
    return Field(0, description=prompt, json_schema_extra={"kind": kind.value, **extra})


class Experience(Model):
    """Years of experience by kind, undated: the quick answer for people who list no positions.

    Undated years are assumed recent (inside any rule's window); results that rely
    on them say so.
    """

    project_management_years: Years = _years(
        ExperienceKind.project_management,
        "Years of project management experience (leading or directing projects)",
    )
    project_support_years: Years = _years(
        ExperienceKind.project_support,
        "Years supporting projects (coordination, PMO support, administration)",
    )
    program_years: Years = _years(ExperienceKind.program, "Years managing programmes")
    portfolio_years: Years = _years(ExperienceKind.portfolio, "Years managing portfolios")
    pmo_years: Years = _years(ExperienceKind.pmo, "Years working in a PMO")
    people_leadership_years: Years = _years(
        ExperienceKind.people_leadership, "Years managing people (line management)"
    )
    agile_years: Years = _years(ExperienceKind.agile, "Years of agile project work")
    other_years: Years = _years(ExperienceKind.other, "Years of other professional work")
    program_portfolio_years: Years = _years(
        ExperienceKind.program_portfolio,
        "Years leading programmes or portfolios (a version-1 profile: the two together)",
        legacy=True,
    )

    def years(self, kind: ExperienceKind) -> float | None:
        """Years recorded for ``kind``; None when the profile does not record that kind."""
        name = EXPERIENCE_FIELDS.get(kind)
        return None if name is None else float(getattr(self, name))

    @model_serializer(mode="wrap")
    def _compact(self, handler: Any) -> Any:
        data = handler(self)
        if isinstance(data, dict) and not self.program_portfolio_years:
            data.pop("program_portfolio_years", None)  # only a version-1 profile has it
        return data


def _field_kind(info: FieldInfo) -> ExperienceKind:
    extra = info.json_schema_extra
    assert isinstance(extra, dict)
    return ExperienceKind(extra["kind"])


def _is_legacy(info: FieldInfo) -> bool:
    extra = info.json_schema_extra
    return isinstance(extra, dict) and bool(extra.get("legacy"))


#: The experience kinds a profile records, and the field that holds each.
EXPERIENCE_FIELDS: dict[ExperienceKind, str] = {
    _field_kind(info): name for name, info in Experience.model_fields.items()
}
#: The quick-answer fields the questionnaire asks (not the version-1 leftover).
ASKED_EXPERIENCE = tuple(
    name for name, info in Experience.model_fields.items() if not _is_legacy(info)
)


class Position(Model):
    """One job in the work history; its months count toward each of its ``kinds``."""

    title: Annotated[str, StringConstraints(min_length=1, max_length=120)] = Field(
        description="Job title (as on your CV)"
    )
    role: Identifier | None = Field(None, description="The closest role on the ladder")
    start: YearMonth = Field(description="First month in this position (YYYY-MM)")
    end: YearMonth | None = Field(
        None, description="Last month in this position (YYYY-MM; empty if it is your current one)"
    )
    kinds: tuple[ExperienceKind, ...] = Field(
        (), description="What the work counted as (space to tick, enter when done)"
    )
    #: False for part-time or secondary work beside a main job: its months still count
    #: toward its kinds, but it does not make its ladder role the one you are in.
    main: bool = Field(True, description="Is this your main job?")

    @model_serializer(mode="wrap")
    def _compact(self, handler: Any) -> Any:
        data = handler(self)
        if isinstance(data, dict) and self.main:
            data.pop("main", None)  # written only for a secondary position
        return data

    @field_validator("kinds")
    @classmethod
    def _kinds(cls, value: tuple[ExperienceKind, ...]) -> tuple[ExperienceKind, ...]:
        wrong = [k.value for k in value if k not in POSITION_KINDS]
        if wrong:
            allowed = ", ".join(k.value for k in POSITION_KINDS)
            raise ValueError(f"a position counts as {allowed}; not {', '.join(wrong)}")
        return tuple(dict.fromkeys(value))

    @model_validator(mode="after")
    def _order(self) -> "Position":
        if self.end is not None and month_index(self.end) < month_index(self.start):
            raise ValueError(f"ends ({self.end}) before it starts ({self.start})")
        return self


class Training(Model):
    """Hours of formal training (courses, contact hours) by topic."""

    general: Hours = Field(0, description="Hours of general project management training")
    pmo: Hours = Field(0, description="Hours of PMO training (PMO set-up, services, P3O, PMOCP)")
    agile: Hours = Field(0, description="Hours of agile training (Scrum, agile delivery)")
    risk: Hours = Field(0, description="Hours of risk management training")
    scheduling: Hours = Field(0, description="Hours of scheduling and planning training")
    other: Hours = Field(0, description="Hours of other professional training")

    def hours(self, topics: tuple[TrainingTopic, ...]) -> float:
        return float(sum(getattr(self, t.value) for t in topics))

    @property
    def total(self) -> float:
        return self.hours(tuple(TrainingTopic))


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """A version-1 profile as version 2 (a version-2 one unchanged).

    Version 1 gave one training total (now "general" hours) and programme and
    portfolio years together (kept as ``program_portfolio_years``: they count where
    a rule accepts either, never for PgMP or PfMP alone).
    """
    version = data.get("schema_version")
    if version is None and "training_hours" not in data:
        return data
    if version not in (None, 1):
        return data
    out = {k: v for k, v in data.items() if k not in ("training_hours", "schema_version")}
    out["schema_version"] = PROFILE_SCHEMA_VERSION
    if "training_hours" in data:
        out["training"] = {"general": data["training_hours"]}
    return out


class HeldCertification(Model):
    id: Identifier
    year: Annotated[int, Field(ge=1950, le=2100)] | None = Field(
        None, description="Year you obtained {name} (optional)"
    )
    #: the year last renewed (a year after ``as_of`` is refused by the engine, which knows it)
    renewed: Annotated[int, Field(ge=1950, le=2100)] | None = Field(
        None, description="Year you last renewed {name}"
    )
    #: the person says it lapsed: not held until renewed or reinstated
    lapsed: bool = False

    @model_validator(mode="after")
    def _renewed_after_obtained(self) -> "HeldCertification":
        if self.renewed is not None and self.year is not None and self.renewed < self.year:
            raise ValueError(f"renewed ({self.renewed}) is before the year obtained ({self.year})")
        return self

    @model_serializer(mode="wrap")
    def _compact(self, handler: Any) -> Any:
        if self.year is None and self.renewed is None and not self.lapsed:
            return self.id
        data: dict[str, Any] = handler(self)
        return {k: v for k, v in data.items() if v is not None and v is not False}


class Rating(Model):
    """A self-rating; ``level`` None means "not sure / skipped" (unassessed)."""

    level: Level | None = Field(None, description="{name}: which describes what you do today?")
    evidence: Evidence | None = Field(
        None, description="What shows this for {name}? (optional, one line)"
    )

    @model_serializer(mode="wrap")
    def _compact(self, handler: Any) -> Any:
        return self.level if self.evidence is None else handler(self)


class Rater(str, Enum):
    """Who rated the competencies in a file: the person, their manager, or a peer."""

    self = "self"
    manager = "manager"
    peer = "peer"


def _schema_default(schema: dict[str, Any], model: type[Model]) -> None:
    """A factory default, shown in the JSON schema as an instance default would be."""
    schema["default"] = model().model_dump(mode="json")


class Profile(Model):
    """A person's profile. Written with :func:`profile_to_data` in the documented compact form."""

    schema_version: Literal[2] = 2
    name: Annotated[str, StringConstraints(max_length=120)] | None = Field(
        None, description="Your name (optional; it titles your plan)"
    )
    #: Team files (`pmopath team`): who the file is about and who rated it. Not asked by
    #: `pmopath assess` (cli/questionnaire.NOT_ASKED); written only when set.
    person_id: Identifier | None = Field(
        None, description="An ID that tells people with the same name apart (e.g. staff number)"
    )
    rater: Rater = Field(
        Rater.self, description="Who rated the competencies: self (default), manager or peer"
    )
    rated_by: Annotated[str, StringConstraints(max_length=120)] | None = Field(
        None, description="The name of the manager or peer who rated (a self-rating: none)"
    )
    current_role: Identifier = Field(description="Your current role (the closest match)")
    target_role: Identifier | None = Field(None, description="The role you are aiming for")
    positions: tuple[Position, ...] = Field(
        (), max_length=MAX_POSITIONS, description="Your work history, one position at a time"
    )
    # factories, not instances: an instance made here would build the models' validators
    # (and look for pydantic plugins) on import, which every command would pay for
    experience: Experience = Field(
        default_factory=Experience, json_schema_extra=lambda s: _schema_default(s, Experience)
    )
    education: Education | None = Field(
        None, title="Education", description="Highest education completed"
    )
    training: Training = Field(
        default_factory=Training, json_schema_extra=lambda s: _schema_default(s, Training)
    )
    certifications: tuple[HeldCertification, ...] = Field(
        (), description="Certifications you hold (space to tick, enter when done)"
    )
    hours_per_week: (
        Annotated[float, Field(ge=MIN_HOURS_PER_WEEK, le=MAX_HOURS_PER_WEEK), Compact] | None
    ) = Field(
        None,
        title="Time for development",
        description="Hours per week you can give to development",
        json_schema_extra={"suffix": "h/week"},
    )
    ratings: dict[str, Rating] = Field(default_factory=dict)
    assessed_at: dt.datetime | None = None

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, value: Any) -> Any:
        return migrate(value) if isinstance(value, dict) else value

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
        """The certifications held: a lapsed one is not (until renewed or reinstated)."""
        return {c.id for c in self.certifications if not c.lapsed}

    def level(self, competency: str) -> int | None:
        rating = self.ratings.get(competency)
        return None if rating is None else rating.level


def shown_fields() -> list[str]:
    """The top-level fields a profile shows as background: those with a ``title``."""
    return [name for name, info in Profile.model_fields.items() if info.title]


def shown_value(profile: Profile, name: str) -> str:
    """A background field's value as a person reads it ("24 hours", "6 h/week", "-")."""
    value = getattr(profile, name)
    extra = Profile.model_fields[name].json_schema_extra
    extra = extra if isinstance(extra, dict) else {}
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum) and hasattr(value, "label"):
        return str(value.label)
    if isinstance(value, (int, float)) and "unit" in extra:
        return count(value, str(extra["unit"]))
    if isinstance(value, (int, float)):
        return f"{value:g} {extra.get('suffix', '')}".strip()
    return str(value)


class Bounds(NamedTuple):
    """A numeric or text field's limits, read from the model (never copied)."""

    low: float | None = None
    high: float | None = None
    low_open: bool = False  # the low bound itself is not allowed
    max_length: int | None = None


def bounds(model: type[Model], name: str) -> Bounds:
    """The limits pydantic enforces on ``model.name`` (through Optional and Annotated)."""
    info = model.model_fields[name]
    metadata = list(info.metadata)
    for arg in get_args(info.annotation):
        metadata += getattr(arg, "__metadata__", ())
        for inner in get_args(arg):
            metadata += getattr(inner, "__metadata__", ())
    found: dict[str, Any] = {}
    for item in metadata:
        for attr in ("ge", "gt", "le", "max_length"):
            if getattr(item, attr, None) is not None:
                found[attr] = getattr(item, attr)
        for sub in getattr(item, "metadata", ()):
            for attr in ("ge", "gt", "le", "max_length"):
                if getattr(sub, attr, None) is not None:
                    found[attr] = getattr(sub, attr)
    low = found.get("ge", found.get("gt"))
    return Bounds(low, found.get("le"), "gt" in found, found.get("max_length"))


def profile_to_data(profile: Profile) -> dict[str, Any]:
    """The profile as plain data in the documented (compact) file format."""
    data: dict[str, Any] = profile.model_dump(mode="json", exclude_none=True)
    if profile.rater is Rater.self:
        data.pop("rater", None)  # the default: a person's own file does not say it
    return data


class Loaded(NamedTuple):
    """A profile with its names resolved, and what was kept despite not resolving."""

    profile: Profile
    warnings: list[str]


def resolve_profile(
    profile: Profile, fw: "Framework", *, doc: Document | None = None, strict: bool = True
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

    positions = _resolve_positions(profile, fw, fail if strict else None, warnings)
    certs: list[HeldCertification] = []
    seen: set[str] = set()
    unknown: list[str] = []
    for i, held in enumerate(profile.certifications):
        try:
            cid = fw.certification(held.id, suggest=strict).id
        except NotFoundError as exc:
            if strict:
                raise fail(exc, ("certifications", i)) from None
            unknown.append(held.id)
            cid = held.id
        if cid not in seen:
            seen.add(cid)
            certs.append(held.model_copy(update={"id": cid}))

    ratings: dict[str, Rating] = {}
    dropped: list[str] = []
    for key, rating in profile.ratings.items():
        if key in fw.competency_by_id:  # the usual case, without the did-you-mean search
            cid = key
        elif strict:
            try:
                cid = fw.competency(key).id
            except NotFoundError as exc:
                raise fail(exc, ("ratings", key)) from None
        else:
            dropped.append(key)
            cid = key
        if cid in ratings:
            where = None if doc is None else doc.path
            raise DataError(
                f"'{key}' rates '{cid}' a second time", path=where, field=f"ratings.{key}"
            )
        ratings[cid] = rating
    warnings += unknown_certifications(unknown, fw)
    warnings += unknown_ratings(dropped, fw)

    resolved = profile.model_copy(
        update={
            "current_role": current,
            "target_role": target,
            "positions": tuple(positions),
            "certifications": tuple(certs),
            "ratings": ratings,
        }
    )
    return Loaded(resolved, warnings)


def _resolve_positions(
    profile: Profile,
    fw: "Framework",
    fail: Callable[[NotFoundError, Loc], DataError] | None,
    warnings: list[str],
) -> list[Position]:
    """Each position's ladder role by its canonical ID (kept, with a warning, when lenient)."""
    positions = []
    unknown: list[str] = []
    for i, position in enumerate(profile.positions):
        if position.role is None:
            positions.append(position)
            continue
        try:
            role = fw.role(position.role, suggest=fail is not None).id
            positions.append(position.model_copy(update={"role": role}))
        except NotFoundError as exc:
            if fail is not None:
                raise fail(exc, ("positions", i, "role")) from None
            unknown.append(f"position {i + 1}: role '{position.role}' is not in the framework")
            positions.append(position)
    warnings += first_few_then_count(unknown, "position role")
    return positions


def position_warnings(profile: Profile, today: dt.date) -> list[str]:
    """What a person should hear about their positions on ``today`` (the command line's day):
    one that counts as nothing, one that starts in the future (its months count from then)."""
    out = []
    this_month = f"{today.year:04d}-{today.month:02d}"
    for i, p in enumerate(profile.positions, 1):
        name = f"position {i} ({p.title})"
        if not p.kinds:
            out.append(
                f"{name} counts as no kind of work, so its months count toward no "
                "requirement: tick what it was (pmopath assess, or kinds: in the file)"
            )
        if p.start > this_month:
            out.append(f"{name} starts in {p.start}, after today: its months count only from then")
    return out


def _close(key: str, known: dict[str, Any]) -> str:
    """`` (did you mean 'x'?)`` when a known ID is close to ``key``, else nothing."""
    import difflib

    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def first_few_then_count(lines: list[str], what: str, shown: int = 3) -> list[str]:
    """The first ``shown`` warnings, and the rest counted in one line."""
    out = lines[:shown]
    if len(lines) > shown:
        more = len(lines) - shown
        out.append(f"and {more:,} more {plural(what, more)} the framework does not have")
    return out


def unknown_certifications(ids: list[str], fw: "Framework", shown: int = 3) -> list[str]:
    """One warning per kept certification the framework does not have (the first few, with
    a close name where there is one), the rest counted in one line."""
    lines = [
        f"certification '{c}' is not in the framework{_close(c, fw.certification_by_id)};"
        " kept as it is, not counted"
        for c in ids[:shown]
    ]
    return first_few_then_count(lines + ids[shown:], "certification", shown)


def unknown_ratings(keys: list[str], fw: "Framework", shown: int = 3) -> list[str]:
    """One warning per kept rating the framework does not have, the rest counted in one line."""
    out = [
        f"rating for '{k}' is not a competency in the framework{_close(k, fw.competency_by_id)};"
        " kept, but not scored"
        for k in keys[:shown]
    ]
    if len(keys) > shown:
        more = len(keys) - shown
        out.append(f"and {more:,} more {plural('rating', more)} the framework does not have")
    return out


def default_target(fw: "Framework", current: str) -> str:
    """The next rung: the first role the current one leads to (itself at the top)."""
    role = fw.role_by_id[current]
    return role.leads_to[0] if role.leads_to else role.id
