"""The framework's data model: roles, competencies and certifications.

All models are frozen and refuse unknown fields, so a typo in a data file is an
error rather than a silently ignored key. Cross-file checks (references exist,
no cycle in the ladder, ...) live in :mod:`pmopath.load.checks`.
"""

import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", min_length=1, max_length=64)]
#: A cited source: "S12", "S3b", or "estimate" (pmopath's own estimate; README, "How pmopath estimates").
SourceId = Annotated[str, StringConstraints(pattern=r"^(S[0-9]+[a-z]?|estimate)$", max_length=16)]
ESTIMATE = "estimate"
ESTIMATE_LABEL = "pmopath estimate"


def source_label(sid: str) -> str:
    """A source ID as a person reads it: "S12", or "pmopath estimate"."""
    return ESTIMATE_LABEL if sid == ESTIMATE else sid


Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=120)]
Level = Annotated[int, Field(ge=0, le=4, strict=True)]  # no booleans, no 2.0, no "2"
Step = Literal["0-1", "1-2", "2-3", "3-4"]
STEPS: tuple[Step, ...] = ("0-1", "1-2", "2-3", "3-4")
LEVELS = (0, 1, 2, 3, 4)


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=False, defer_build=True)


class Confidence(str, Enum):
    """How sure pmopath's sources are of a fact: confirmed by more than one, found in a
    single source, conflicting between sources, or unconfirmed."""

    confirmed = "confirmed"
    single_source = "single-source"
    conflicting = "conflicting"
    unconfirmed = "unconfirmed"

    @property
    def mark(self) -> str:
        """The mark shown beside a fact ("" when confirmed)."""
        return _CONFIDENCE_MARK[self]


_CONFIDENCE_MARK = {
    Confidence.confirmed: "",
    Confidence.single_source: "single source",
    Confidence.conflicting: "sources conflict",
    Confidence.unconfirmed: "unconfirmed",
}


class Importance(str, Enum):
    core = "core"
    important = "important"
    useful = "useful"


class Track(str, Enum):
    delivery = "delivery"
    pmo = "pmo"
    executive = "executive"


class TalentTriangle(str, Enum):
    ways_of_working = "ways-of-working"
    power_skills = "power-skills"
    business_acumen = "business-acumen"


class ActionKind(str, Enum):
    experience = "experience"
    training = "training"
    certification = "certification"
    mentoring = "mentoring"
    networking = "networking"
    reading = "reading"


class Education(str, Enum):
    """Highest education, in order (see :data:`EDUCATION_ORDER`)."""

    secondary = "secondary"
    associate = "associate"
    bachelor = "bachelor"
    master = "master"
    doctorate = "doctorate"

    @property
    def label(self) -> str:
        """As a person picks it: "Bachelor's (four-year) degree"."""
        return _EDUCATION_LABEL[self][0]

    @property
    def phrase(self) -> str:
        """Inside a sentence: "needs a four-year (bachelor's) degree"."""
        return _EDUCATION_LABEL[self][1]


_EDUCATION_LABEL = {
    Education.secondary: (
        "Secondary (high-school diploma or equivalent)",
        "secondary education (high-school diploma or equivalent)",
    ),
    Education.associate: ("Associate degree", "an associate degree"),
    Education.bachelor: ("Bachelor's (four-year) degree", "a four-year (bachelor's) degree"),
    Education.master: ("Master's degree", "a master's degree"),
    Education.doctorate: ("Doctorate", "a doctorate"),
}


EDUCATION_ORDER = {level: i for i, level in enumerate(Education)}


class ExperienceKind(str, Enum):
    """Kinds of experience that roles and certification prerequisites ask for.

    A position records the kinds in :data:`POSITION_KINDS`; the others are what some
    certifications name, each the union of recorded kinds in :data:`DERIVED_KINDS`
    (risk and scheduling experience pmopath does not record: a route asking for them
    is shown as blocked, to check yourself).
    """

    project_management = "project-management"  # leading or directing projects
    program_portfolio = "program-portfolio"  # leading programmes or portfolios
    pmo = "pmo"  # working in a PMO
    people_leadership = "people-leadership"  # managing people
    project_related = "project-related"  # any project-related work
    program = "program"
    portfolio = "portfolio"
    business = "business"  # professional work of any kind
    agile = "agile"
    risk = "risk"
    scheduling = "scheduling"
    other = "other"  # professional work of no other kind
    #: Supporting projects (coordination, PMO support, administration): project-related
    #: work, never leading projects (fact sheet section 7).
    project_support = "project-support"

    @property
    def label(self) -> str:
        """What the experience is, after "years of": "leading projects"."""
        return _EXPERIENCE_LABEL[self]


_EXPERIENCE_LABEL = {
    ExperienceKind.project_management: "leading projects",
    ExperienceKind.program_portfolio: "leading programmes or portfolios",
    ExperienceKind.pmo: "working in a PMO",
    ExperienceKind.people_leadership: "managing people",
    ExperienceKind.project_related: "project-related work",
    ExperienceKind.program: "programme management",
    ExperienceKind.portfolio: "portfolio management",
    ExperienceKind.business: "professional (business) experience",
    ExperienceKind.agile: "agile project work",
    ExperienceKind.risk: "project risk management",
    ExperienceKind.scheduling: "project scheduling",
    ExperienceKind.other: "other professional work",
    ExperienceKind.project_support: "supporting projects",
}

#: The kinds a work-history position can count as (the rest are derived from these,
#: or, like risk and scheduling, are not recorded).
POSITION_KINDS: tuple[ExperienceKind, ...] = (
    ExperienceKind.project_management,
    ExperienceKind.project_support,
    ExperienceKind.program,
    ExperienceKind.portfolio,
    ExperienceKind.pmo,
    ExperienceKind.people_leadership,
    ExperienceKind.agile,
    ExperienceKind.other,
)

#: Derived kinds: the union of the months of these recorded kinds. "business" is every position.
DERIVED_KINDS: dict[ExperienceKind, tuple[ExperienceKind, ...]] = {
    ExperienceKind.program_portfolio: (ExperienceKind.program, ExperienceKind.portfolio),
    ExperienceKind.project_related: (
        ExperienceKind.project_management,
        ExperienceKind.program,
        ExperienceKind.portfolio,
        ExperienceKind.pmo,
        ExperienceKind.agile,
        ExperienceKind.project_support,
    ),
    ExperienceKind.business: POSITION_KINDS,
}


class TrainingTopic(str, Enum):
    """What a profile's training hours were about; each certification rule counts its own."""

    general = "general"
    pmo = "pmo"
    agile = "agile"
    risk = "risk"
    scheduling = "scheduling"
    other = "other"

    @property
    def label(self) -> str:
        return _TOPIC_LABEL[self]


_TOPIC_LABEL = {
    TrainingTopic.general: "general project management",
    TrainingTopic.pmo: "PMO",
    TrainingTopic.agile: "agile",
    TrainingTopic.risk: "risk management",
    TrainingTopic.scheduling: "scheduling",
    TrainingTopic.other: "other",
}


class Provenance(Model):
    """Where a fact comes from and when it was checked."""

    sources: tuple[SourceId, ...] = Field(min_length=1)
    as_of: dt.date
    confidence: Confidence = Confidence.confirmed
    note: Text | None = None


class Source(Model):
    title: Text
    url: Text | None = None
    publisher: Name | None = None
    published: Annotated[str, StringConstraints(max_length=40)] | None = None
    accessed: dt.date
    note: Text | None = None


class FrameworkInfo(Model):
    name: Name
    version: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    notice: Text | None = None


# ---------------------------------------------------------------- competencies


class ScaleLevel(Model):
    level: Level
    name: Name
    summary: Text


class Alignment(Model):
    """How a pmopath domain or competency maps onto published frameworks."""

    pmo_competency_framework: tuple[Name, ...] = ()
    talent_triangle: TalentTriangle


class Domain(Model):
    id: Id
    name: Name
    summary: Text
    aligned_to: Alignment


class ActionMode(str, Enum):
    """How an action is done: in the weekly study hours, or at work, over calendar months."""

    study = "study"  # courses, reading, exam preparation: uses the weekly hours
    on_the_job = "on-the-job"  # stretch work in a role: takes months, beside study

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


class ActionContext(str, Enum):
    """The kind of work an action can only be done in, as written."""

    projects = "projects"  # leading a project
    pmo = "pmo"
    programme = "programme"
    portfolio = "portfolio"
    people_leadership = "people-leadership"

    @property
    def kind(self) -> ExperienceKind:
        """The experience a role accrues, or a position is ticked with, that gives it
        (a programme context: programme or portfolio work)."""
        return _CONTEXT_KIND[self]

    @property
    def label(self) -> str:
        return _CONTEXT_LABEL[self]


_CONTEXT_KIND = {
    ActionContext.projects: ExperienceKind.project_management,
    ActionContext.pmo: ExperienceKind.pmo,
    ActionContext.programme: ExperienceKind.program_portfolio,
    ActionContext.portfolio: ExperienceKind.portfolio,
    ActionContext.people_leadership: ExperienceKind.people_leadership,
}
_CONTEXT_LABEL = {
    ActionContext.projects: "leading a project",
    ActionContext.pmo: "PMO work",
    ActionContext.programme: "programme work",
    ActionContext.portfolio: "portfolio work",
    ActionContext.people_leadership: "line management",
}


class DoableForm(str, Enum):
    """How someone without the context does a context action before the move."""

    shadow = "shadow"  # shadow someone who does it
    secondment = "secondment"  # a secondment or part-time assignment to do it
    propose = "propose"  # propose to the manager to take it on in the current role

    @property
    def label(self) -> str:
        """How the plan offers it: "as a secondment"."""
        return _FORM_LABEL[self]


_FORM_LABEL = {
    DoableForm.shadow: "by shadowing",
    DoableForm.secondment: "as a secondment",
    DoableForm.propose: "as a proposal",
}


class Doable(Model):
    """The form of a context action for someone who does not have the context yet."""

    form: DoableForm
    title: Text


#: What an action's `after` names: an action's `id`, or a competency's step ("governance:2-3").
ActionRef = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*(:[0-3]-[1-4])?$")]


class DevelopmentAction(Model):
    kind: ActionKind
    title: Text
    hours: Annotated[float, Field(gt=0, le=5000)]
    mode: ActionMode = ActionMode.study
    months: Annotated[int, Field(ge=1, le=36)] | None = None  # on-the-job: how long it runs
    id: Id | None = None  # what another action's `after` names
    context: ActionContext | None = None  # the work it can only be done in, as written
    doable: Doable | None = None  # its form before the move that gives the context
    #: it starts once this has ended: an action's `id`, or a step (``pmo-management:2-3``)
    after: ActionRef | None = None
    certification: Id | None = None  # the certification this action prepares for
    #: a course's hours count as education of this topic toward a certification's training
    #: rule (a PMO manager course is PMO education for PMI-PMOCP)
    counts_as: TrainingTopic | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _lane(self) -> "DevelopmentAction":
        if self.counts_as is not None and self.kind is not ActionKind.training:
            raise ValueError("`counts_as` is for training actions (courses)")
        if self.mode is ActionMode.on_the_job and self.months is None:
            raise ValueError("an on-the-job action needs `months` (how long it runs)")
        if self.mode is ActionMode.study and self.months is not None:
            raise ValueError("`months` is for on-the-job actions")
        return self


class Competency(Provenance):
    id: Id
    name: Name
    domain: Id
    summary: Text
    keywords: tuple[Name, ...] = ()
    aligned_to: Alignment
    levels: dict[Level, Text]
    actions: dict[Step, tuple[DevelopmentAction, ...]]


class LevelCondition(Model):
    competency: Id
    level: Level


class StandingAction(Model):
    """A plan item that belongs to no one gap (mentoring, community, the move itself).

    ``title`` may name ``{next_role}``, ``{target_role}`` and ``{core_competencies}``.
    """

    title: Text
    hours: Annotated[float, Field(gt=0, le=5000)]
    why: Text
    sources: tuple[SourceId, ...] = ()
    unless: LevelCondition | None = None  # left out when the person is at this level or above
    #: recurring: the hours are spread as a light load over this many months (mentoring)
    months: Annotated[int, Field(ge=1, le=36)] | None = None


#: The placeholders a standing action's title may use.
PLACEHOLDERS = ("next_role", "target_role", "core_competencies")


class PlanActions(Provenance):
    mentor: StandingAction
    community: StandingAction
    resume: StandingAction
    star_stories: StandingAction
    apply: StandingAction


class CompetencyFile(Model):
    schema_version: Literal[1]
    framework: FrameworkInfo
    sources: dict[SourceId, Source]
    scale: tuple[ScaleLevel, ...]
    scale_provenance: Provenance
    domains: tuple[Domain, ...] = Field(min_length=1)
    competencies: tuple[Competency, ...] = Field(min_length=1)
    plan_actions: PlanActions | None = None  # without it, plans have none of these items


# ----------------------------------------------------------------------- roles


class YearsRange(Model):
    min: Annotated[float, Field(ge=0, le=60)]
    max: Annotated[float, Field(ge=0, le=60)] | None = None


class RoleCompetency(Model):
    level: Level
    importance: Importance


class ExperienceRequirement(Model):
    kind: ExperienceKind
    years: Annotated[float, Field(gt=0, le=40)]
    note: Text | None = None


class Role(Provenance):
    id: Id
    name: Name
    aliases: tuple[Id, ...] = ()
    rank: Annotated[int, Field(ge=1, le=20)]
    track: Track
    summary: Text
    other_titles: tuple[Name, ...] = ()
    responsibilities: tuple[Text, ...] = Field(min_length=1)
    typical_years: YearsRange
    leads_to: tuple[Id, ...] = ()
    competencies: dict[Id, RoleCompetency] = Field(min_length=1)
    experience: tuple[ExperienceRequirement, ...] = ()
    certifications: tuple[Id, ...] = ()
    primary_certification: Id | None = None  # its track's credential, one of the above
    accrues: tuple[ExperienceKind, ...] = ()  # the experience a person earns in this role


class RolesFile(Model):
    schema_version: Literal[1]
    framework: FrameworkInfo
    sources: dict[SourceId, Source]
    roles: tuple[Role, ...] = Field(min_length=1)


# -------------------------------------------------------------- certifications


class CertStatus(str, Enum):
    active = "active"
    legacy = "legacy"  # replaced; kept for people who hold it
    suspended = "suspended"


class CertLevel(str, Enum):
    foundation = "foundation"
    practitioner = "practitioner"
    advanced = "advanced"
    expert = "expert"


class ExperienceGate(Model):
    """``months`` of ``kind`` experience, within the last ``within_months``."""

    kind: ExperienceKind
    months: Annotated[int, Field(gt=0, le=600)]
    within_months: Annotated[int, Field(gt=0, le=600)] | None = None
    waived_by: tuple[Id, ...] = ()  # holding any of these meets the gate
    note: Text | None = None
    #: What the experience must have been that pmopath cannot check ("very complex
    #: projects"); listed as an assumption whenever the months are met.
    unchecked: Text | None = None


class TrainingGate(Model):
    """``hours`` of training; only the profile's hours on the ``counts`` topics are added up."""

    hours: Annotated[float, Field(gt=0, le=2000)]
    topic: Name  # how the body words it: "project management education"
    counts: tuple[TrainingTopic, ...] = Field(min_length=1)
    waived_by: tuple[Id, ...] = ()
    note: Text | None = None


class Route(Model):
    """One way to become eligible; a person needs to meet every part of one route."""

    name: Name
    education: Education | None = None  # minimum
    accreditation: Literal["pmi-gac"] | None = None  # degree must be from such a programme
    experience: tuple[ExperienceGate, ...] = ()
    training: TrainingGate | None = None
    certifications: tuple[Id, ...] = ()  # all of these first
    one_of: tuple[Id, ...] = ()  # any one of these first
    conditions: tuple[Text, ...] = ()  # conditions a tool cannot check (e.g. a live course)


class Prerequisites(Provenance):
    routes: tuple[Route, ...] = Field(min_length=1)


class Exam(Provenance):
    label: Name
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    questions: Annotated[int, Field(gt=0, le=1000)] | None = None
    scored_questions: Annotated[int, Field(gt=0, le=1000)] | None = None
    minutes: Annotated[int, Field(gt=0, le=1000)] | None = None
    pass_mark: Name | None = None
    format: Text | None = None


class Fee(Provenance):
    kind: Name
    amount: Annotated[float, Field(ge=0, le=100_000)] | None = None
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = None
    approximate: bool = False


class Renewal(Provenance):
    period_years: Annotated[int, Field(gt=0, le=20)] | None = None
    requirement: Text


class Course(Model):
    """A certification's course taken as a block (days off work), not in the weekly hours."""

    days: Annotated[int, Field(ge=1, le=30)]
    hours: Annotated[float, Field(gt=0, le=500)]  # of the study hours, those the course takes
    residential: bool = False


class StudyEffort(Provenance):
    min_hours: Annotated[float, Field(ge=0, le=5000)]
    max_hours: Annotated[float, Field(ge=0, le=5000)]
    course: Course | None = None  # a course taken as one block (IPMO Expert: five days)


class Certification(Provenance):
    id: Id
    name: Name
    short_name: Name | None = None  # the body's abbreviation ("PMI-PMOCP"), for charts
    aliases: tuple[Id, ...] = ()
    body: Name
    level: CertLevel
    status: CertStatus = CertStatus.active
    history: Text | None = None
    superseded_by: Id | None = None
    #: senior counterparts: not planned on its own once one is held or planned (CAPM, PMP)
    outranked_by: tuple[Id, ...] = ()
    prerequisites: Prerequisites
    exams: tuple[Exam, ...] = ()
    fees: tuple[Fee, ...] = ()
    renewal: Renewal
    study: StudyEffort
    suits_roles: tuple[Id, ...] = ()
    evidences: tuple[Id, ...] = ()


class CertificationsFile(Model):
    schema_version: Literal[1]
    framework: FrameworkInfo
    sources: dict[SourceId, Source]
    certifications: tuple[Certification, ...] = Field(min_length=1)


FILE_MODELS: dict[str, type[Model]] = {
    "roles.yaml": RolesFile,
    "competencies.yaml": CompetencyFile,
    "certifications.yaml": CertificationsFile,
}
