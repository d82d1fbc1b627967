"""Views of the framework itself: the ladder, roles, competencies, certifications, checks."""

import datetime as dt
from typing import ClassVar

from pmopath.base.errors import DataError
from pmopath.base.text import count, one_line, span_months, window
from pmopath.model.catalog import Citation, Framework
from pmopath.model.framework import (
    ESTIMATE,
    Certification,
    Competency,
    Domain,
    Exam,
    Fee,
    Importance,
    Model,
    Role,
    Route,
    ScaleLevel,
    source_label,
)
from pmopath.views.base import Ref, RoleRef, View
from pmopath.views.eligible import YourEligibility

LADDER_NOTE = "Ranks and years are indicative, not a standard."


def years_text(role: Role) -> str:
    lo, hi = role.typical_years.min, role.typical_years.max
    return f"{lo:g}+ yrs" if hi is None else f"{lo:g}-{hi:g} yrs"


def short_name(role: Role) -> str:
    """The shortest name that finds a role: its first alias when shorter, else its ID."""
    return role.aliases[0] if role.aliases and len(role.aliases[0]) < len(role.id) else role.id


# ---------------------------------------------------------------- the ladder


class LadderEntry(Role):
    """A role as the ladder lists it: the role, its typical years in words, short next steps."""

    years_text: str
    leads_to_short: tuple[str, ...]


class RolesView(View):
    kind: ClassVar[str] = "roles"
    roles: tuple[LadderEntry, ...]
    note: str


def roles_view(fw: Framework) -> RolesView:
    entries = tuple(
        LadderEntry.model_construct(
            **dict(role),
            years_text=years_text(role),
            leads_to_short=tuple(short_name(fw.role_by_id[n]) for n in role.leads_to),
        )
        for role in fw.ladder()
    )
    return RolesView.model_construct(roles=entries, note=LADDER_NOTE)


# ------------------------------------------------------------------ one role


class Requirement(Model):
    """A competency a role requires, at a level, with its domain."""

    id: str
    name: str
    domain: str
    domain_name: str
    level: int
    importance: Importance


class ExperienceNeed(Model):
    kind: str
    label: str
    years: float
    text: str  # "5 years working in a PMO"
    note: str | None


class CertChoice(Ref):
    recommended: bool  # recommended by the role, not merely suiting it


class RoleView(View):
    kind: ClassVar[str] = "role"
    role: Role
    years_text: str
    competencies: tuple[Requirement, ...]  # by domain, in framework order
    experience: tuple[ExperienceNeed, ...]
    certifications: tuple[CertChoice, ...]
    leads_to: tuple[RoleRef, ...]


def requirements(fw: Framework, role: Role) -> tuple[Requirement, ...]:
    return tuple(
        Requirement.model_construct(
            id=comp.id,
            name=comp.name,
            domain=domain.id,
            domain_name=domain.name,
            level=role.competencies[comp.id].level,
            importance=role.competencies[comp.id].importance,
        )
        for domain, comp in fw.in_order()
        if comp.id in role.competencies
    )


def role_view(fw: Framework, role: Role) -> RoleView:
    experience = tuple(
        ExperienceNeed.model_construct(
            kind=e.kind.value,
            label=e.kind.label,
            years=e.years,
            text=f"{count(e.years, 'year')} {e.kind.label}",
            note=e.note,
        )
        for e in role.experience
    )
    certs = tuple(
        CertChoice.model_construct(id=c.id, name=c.name, recommended=c.id in role.certifications)
        for c in fw.certs_for_role(role)
    )
    leads = tuple(
        RoleRef.model_construct(id=n, name=fw.role_by_id[n].name, rank=fw.role_by_id[n].rank)
        for n in role.leads_to
    )
    return RoleView.model_construct(
        role=role,
        years_text=years_text(role),
        competencies=requirements(fw, role),
        experience=experience,
        certifications=certs,
        leads_to=leads,
    )


# -------------------------------------------------------------- competencies


class CompetenciesView(View):
    kind: ClassVar[str] = "competencies"
    domains: tuple[Domain, ...]
    competencies: tuple[Competency, ...]
    notice: str | None


def competencies_view(fw: Framework, domain: Domain | None) -> CompetenciesView:
    domains = tuple(d for d in fw.domains if domain is None or d.id == domain.id)
    wanted = {d.id for d in domains}
    return CompetenciesView.model_construct(
        domains=domains,
        competencies=tuple(c for c in fw.competencies if c.domain in wanted),
        notice=fw.competencies_file.framework.notice,
    )


class RoleNeed(Ref):
    level: int
    importance: Importance


class CompetencyView(View):
    kind: ClassVar[str] = "competency"
    competency: Competency
    domain: Domain
    alignment: str
    scale: tuple[ScaleLevel, ...]
    required_by: tuple[RoleNeed, ...]  # in ladder order


def competency_view(fw: Framework, comp: Competency) -> CompetencyView:
    align = comp.aligned_to
    alignment = f"Talent Triangle - {align.talent_triangle.value}"
    if align.pmo_competency_framework:
        alignment += "; PMO Competency Framework domain - " + ", ".join(
            align.pmo_competency_framework
        )
    needs = tuple(
        RoleNeed.model_construct(
            id=role.id, name=role.name, level=req.level, importance=req.importance
        )
        for role, req in fw.roles_requiring(comp.id)
    )
    return CompetencyView.model_construct(
        competency=comp,
        domain=fw.domain_by_id[comp.domain],
        alignment=alignment,
        scale=tuple(sorted(fw.competencies_file.scale, key=lambda s: s.level)),
        required_by=needs,
    )


# ------------------------------------------------------------ certifications


class CertsView(View):
    kind: ClassVar[str] = "certifications"
    for_role: str | None
    for_role_name: str | None
    recommended: tuple[str, ...]  # IDs the role recommends (the rest merely suit it)
    certifications: tuple[Certification, ...]


def certs_view(fw: Framework, for_role: Role | None) -> CertsView:
    listed = fw.certifications if for_role is None else tuple(fw.certs_for_role(for_role))
    return CertsView.model_construct(
        for_role=None if for_role is None else for_role.id,
        for_role_name=None if for_role is None else for_role.name,
        recommended=() if for_role is None else for_role.certifications,
        certifications=tuple(listed),
    )


class RouteText(Model):
    name: str
    parts: tuple[str, ...]


class ExamText(Model):
    label: str
    text: str  # "180 questions, 230 minutes, ..."


class FeeText(Model):
    kind: str
    amount: str  # "USD 405", "about GBP 400", "not known"


class CertView(View):
    kind: ClassVar[str] = "certification"
    certification: Certification
    routes: tuple[RouteText, ...]
    exams: tuple[ExamText, ...]
    fees: tuple[FeeText, ...]
    study_text: str
    superseded_by: Ref | None
    suits: tuple[Ref, ...]
    evidences: tuple[Ref, ...]
    eligibility: YourEligibility | None  # the person's own, when a profile is known


def cert_names(fw: Framework, ids: tuple[str, ...]) -> str:
    return ", ".join(fw.cert_name(i) for i in ids)


def describe_route(fw: Framework, route: Route) -> tuple[str, ...]:
    """The parts of one eligibility route, in words."""
    parts: list[str] = []
    if route.education is not None:
        edu = route.education.phrase
        if route.accreditation == "pmi-gac":
            edu += " from a PMI GAC-accredited programme"
        parts.append(f"Education: {edu} or higher")
    for gate in route.experience:
        text = f"{span_months(gate.months)} of {gate.kind.label}"
        if gate.within_months:
            text += f" within the last {window(gate.within_months)}"
        if gate.waived_by:
            text += f" (or hold {cert_names(fw, gate.waived_by)})"
        if gate.note:
            text += f" - {gate.note}"
        if gate.unchecked:
            text += f" - {gate.unchecked}"
        parts.append(text)
    if route.training is not None:
        t = route.training
        text = f"{t.hours:g} hours of {t.topic}"
        text += f" (counted: {', '.join(c.label for c in t.counts)} training)"
        if t.waived_by:
            text += f" (or hold {cert_names(fw, t.waived_by)})"
        if t.note:
            text += f" - {t.note}"
        parts.append(text)
    if route.certifications:
        parts.append("Hold first: " + cert_names(fw, route.certifications))
    if route.one_of:
        parts.append("Hold one of: " + cert_names(fw, route.one_of))
    parts.extend(route.conditions)
    return tuple(one_line(p) for p in parts or ["No prerequisite"])


def fee_amount(fee: Fee) -> str:
    if fee.amount is None:
        return "not known"
    amount = f"{fee.currency or ''} {fee.amount:,.0f}".strip()
    return "about " + amount if fee.approximate else amount


def exam_text(exam: Exam, as_of: dt.date | None = None) -> str:
    """An exam's format in a line; with ``as_of``, a dated format says whether it is the
    current one ("until 2026-07-08, ended", "from 2026-07-09, current")."""
    bits = []
    if exam.questions:
        q = f"{exam.questions} questions"
        if exam.scored_questions:
            q += f" ({exam.scored_questions} scored)"
        bits.append(q)
    if exam.minutes:
        bits.append(f"{exam.minutes} minutes")
    if exam.pass_mark:
        bits.append(f"pass mark {exam.pass_mark}")
    if exam.valid_from:
        bits.append(f"from {exam.valid_from.isoformat()}")
    if exam.valid_until:
        bits.append(f"until {exam.valid_until.isoformat()}")
    if as_of is not None and (exam.valid_from or exam.valid_until):
        if exam.valid_until and as_of > exam.valid_until:
            bits.append(f"ended (as of {as_of.isoformat()})")
        elif exam.valid_from and as_of < exam.valid_from:
            bits.append(f"not yet in use (as of {as_of.isoformat()})")
        else:
            bits.append(f"current (as of {as_of.isoformat()})")
    return one_line(", ".join(bits) or "format not known")


def cert_view(
    fw: Framework,
    cert: Certification,
    eligibility: YourEligibility | None = None,
    as_of: dt.date | None = None,
) -> CertView:
    routes = tuple(
        RouteText.model_construct(name=r.name, parts=describe_route(fw, r))
        for r in cert.prerequisites.routes
    )
    superseded = cert.superseded_by
    return CertView.model_construct(
        certification=cert,
        eligibility=eligibility,
        routes=routes,
        exams=tuple(
            ExamText.model_construct(label=e.label, text=exam_text(e, as_of)) for e in cert.exams
        ),
        fees=tuple(FeeText.model_construct(kind=f.kind, amount=fee_amount(f)) for f in cert.fees),
        study_text=f"{cert.study.min_hours:g}-{cert.study.max_hours:g} hours",
        superseded_by=None
        if superseded is None
        else Ref.model_construct(id=superseded, name=fw.cert_name(superseded)),
        suits=tuple(Ref.model_construct(id=r, name=fw.role_name(r)) for r in cert.suits_roles),
        evidences=tuple(
            Ref.model_construct(id=c, name=fw.competency_name(c)) for c in cert.evidences
        ),
    )


# ------------------------------------------------------------------- sources

ESTIMATE_SEE = 'README.md, section "How pmopath estimates"'
#: `estimate`'s title when the framework files do not define it.
ESTIMATE_TITLE = "pmopath's own estimate, where no published source gives a value"
CITED_KIND = {
    "role": "Role",
    "competency": "Competency",
    "certification": "Certification",
    "scale": "Competency scale",
    "plan-actions": "Plan items",
}


class SourceEntry(Model):
    """One cited source, as every format shows it."""

    id: str
    label: str  # the ID, or "pmopath estimate"
    title: str
    publisher: str | None
    published: str | None
    accessed: dt.date | None  # None only for an `estimate` the files do not define
    url: str | None
    note: str | None
    see: str | None  # where pmopath explains it (`estimate`: a README section)


class SourcesView(View):
    kind: ClassVar[str] = "sources"
    sources: tuple[SourceEntry, ...]  # by number (S2, S2b, S3, S10, ...), `estimate` last


class CitedBy(Ref):
    """An entry of the framework that cites a source, and which of its parts do."""

    kind: str  # role, competency, certification, scale, plan-actions
    what: str  # "Role", "Certification", ...
    parts: tuple[str, ...]  # "overall" (the entry's own sources), "exams", "fees", ...


class SourceView(View):
    kind: ClassVar[str] = "source"
    source: SourceEntry
    cited_by: tuple[CitedBy, ...]  # file by file: roles, competencies, certifications


def source_entry(fw: Framework, sid: str) -> SourceEntry:
    see = ESTIMATE_SEE if sid == ESTIMATE else None
    source = fw.sources.get(sid)
    if source is None:  # only `estimate` resolves without an entry (Framework.source_id)
        return SourceEntry.model_construct(
            id=sid,
            label=source_label(sid),
            title=ESTIMATE_TITLE,
            publisher="pmopath",
            published=None,
            accessed=None,
            url=None,
            note=None,
            see=see,
        )
    return SourceEntry.model_construct(
        id=sid,
        label=source_label(sid),
        title=source.title,
        publisher=source.publisher,
        published=source.published,
        accessed=source.accessed,
        url=source.url,
        note=source.note,
        see=see,
    )


def sources_view(fw: Framework) -> SourcesView:
    """Every source the files define, and `estimate` when it is cited without an entry."""
    ids = list(fw.sources)
    if ESTIMATE in fw.citations and ESTIMATE not in fw.sources:
        ids.append(ESTIMATE)
    return SourcesView.model_construct(sources=tuple(source_entry(fw, sid) for sid in ids))


def cited_name(fw: Framework, citation: Citation) -> str:
    if citation.kind == "role":
        return fw.role_name(citation.id)
    if citation.kind == "competency":
        return fw.competency_name(citation.id)
    if citation.kind == "certification":
        return fw.cert_name(citation.id)
    if citation.kind == "scale":
        return "The 0-4 proficiency scale"
    return "Mentor, community and the move (items in every plan)"


def source_view(fw: Framework, sid: str) -> SourceView:
    """One source (an ID from :meth:`Framework.source_id`) and what it supports."""
    cited = tuple(
        CitedBy.model_construct(
            id=c.id,
            name=cited_name(fw, c),
            kind=c.kind,
            what=CITED_KIND[c.kind],
            parts=tuple(p.replace("_", " ") if p else "overall" for p in c.parts),
        )
        for c in fw.citations.get(sid, ())
    )
    return SourceView.model_construct(source=source_entry(fw, sid), cited_by=cited)


# -------------------------------------------------------------- validation


class Problem(Model):
    file: str | None
    line: int | None
    field: str | None
    message: str
    hint: str | None
    text: str  # the whole problem on one line: file:line: field: message (hint)


class ValidationView(View):
    kind: ClassVar[str] = "validation"
    path: str
    valid: bool
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]  # worth a look, but the framework is usable
    summary: str


def as_problem(p: DataError) -> Problem:
    return Problem.model_construct(
        file=p.path, line=p.line, field=p.field, message=p.message, hint=p.hint, text=str(p)
    )


def validation_view(
    where: str, problems: list[DataError], warnings: list[DataError] | None = None
) -> ValidationView:
    n = len(problems)
    summary = f"{where}: framework is valid" if not n else f"{count(n, 'problem')} in {where}"
    if not n and warnings:
        summary += f", with {count(len(warnings), 'warning')}"
    return ValidationView.model_construct(
        path=where,
        valid=not problems,
        problems=tuple(as_problem(p) for p in problems),
        warnings=tuple(as_problem(w) for w in warnings or ()),
        summary=summary,
    )
