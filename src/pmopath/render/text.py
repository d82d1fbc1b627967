"""Plain-text helpers shared by the terminal and markdown renderers."""

from __future__ import annotations

import re
import unicodedata

from pmopath.framework import Framework
from pmopath.models import (
    Certification,
    Confidence,
    Education,
    Exam,
    ExperienceKind,
    Fee,
    Role,
    Route,
)

_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


def clean(text: str) -> str:
    """Make text from a data file safe to show: control characters become visible escapes.

    Terminal escape sequences (ESC ...), other C0/C1 controls and bidirectional
    overrides would otherwise move the cursor, restyle or reorder the screen.
    """
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\n\t":
            out.append(ch)
        elif code in _BIDI or unicodedata.category(ch) == "Cc":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", clean(text)).strip()


EDUCATION_LABEL = {
    Education.secondary: "secondary education (high-school diploma or equivalent)",
    Education.associate: "an associate degree",
    Education.bachelor: "a four-year (bachelor's) degree",
    Education.master: "a master's degree",
    Education.doctorate: "a doctorate",
}

EXPERIENCE_LABEL = {
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
}

CONFIDENCE_MARK = {
    Confidence.confirmed: "",
    Confidence.single_source: "single source",
    Confidence.conflicting: "sources conflict",
    Confidence.unconfirmed: "unconfirmed",
}


def years(value: float) -> str:
    return f"{value:g} year" + ("" if value == 1 else "s")


def months(value: int) -> str:
    """``36`` -> ``36 months (3 years)``."""
    if value % 12 == 0 and value >= 24:
        return f"{value} months ({value // 12} years)"
    return f"{value} months"


def within(value: int) -> str:
    """``96`` -> ``8 years``; ``18`` -> ``18 months``."""
    return f"{value // 12} years" if value % 12 == 0 else f"{value} months"


def years_range(role: Role) -> str:
    lo, hi = role.typical_years.min, role.typical_years.max
    return f"{lo:g}+ yrs" if hi is None else f"{lo:g}-{hi:g} yrs"


def cert_names(fw: Framework, ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(
        fw.certification_by_id[i].name if i in fw.certification_by_id else i for i in ids
    )


def describe_route(fw: Framework, route: Route) -> list[str]:
    """The parts of one eligibility route, in words."""
    parts: list[str] = []
    if route.education is not None:
        edu = EDUCATION_LABEL[route.education]
        if route.accreditation == "pmi-gac":
            edu += " from a PMI GAC-accredited programme"
        parts.append(f"Education: {edu} or higher")
    for gate in route.experience:
        text = f"{months(gate.months)} of {EXPERIENCE_LABEL[gate.kind]}"
        if gate.within_months:
            text += f" within the last {within(gate.within_months)}"
        if gate.waived_by:
            text += f" (or hold {cert_names(fw, gate.waived_by)})"
        if gate.note:
            text += f" - {gate.note}"
        parts.append(text)
    if route.training is not None:
        t = route.training
        text = f"{t.hours:g} hours of {t.topic}"
        if t.waived_by:
            text += f" (or hold {cert_names(fw, t.waived_by)})"
        if t.note:
            text += f" - {t.note}"
        parts.append(text)
    if route.certifications:
        parts.append("Hold first: " + cert_names(fw, route.certifications))
    parts.extend(route.conditions)
    if not parts:
        parts.append("No prerequisite")
    return [one_line(p) for p in parts]


def fee_text(fee: Fee) -> str:
    if fee.amount is None:
        amount = "not known"
    else:
        amount = f"{fee.currency or ''} {fee.amount:,.0f}".strip()
        if fee.approximate:
            amount = "about " + amount
    return amount


def exam_text(exam: Exam) -> str:
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
    return one_line(", ".join(bits) or "format not known")


def suits(fw: Framework, cert: Certification) -> str:
    return ", ".join(fw.role_by_id[r].name for r in cert.suits_roles if r in fw.role_by_id)


def requiring_roles(fw: Framework, comp_id: str) -> list[tuple[Role, int, str]]:
    """Roles that require a competency, in ladder order: (role, level, importance)."""
    out = []
    for role in fw.ladder():
        req = role.competencies.get(comp_id)
        if req is not None:
            out.append((role, req.level, req.importance.value))
    return out


def certs_for_role(fw: Framework, role: Role) -> list[Certification]:
    """The role's recommended certifications first (in its order), then others that suit it."""
    chosen = [fw.certification_by_id[c] for c in role.certifications]
    extra = [
        c for c in fw.certifications if role.id in c.suits_roles and c.id not in role.certifications
    ]
    return chosen + extra


def cert_status_text(status: str, months: int | None) -> str:
    return {
        "held": "held",
        "eligible": "eligible now",
        "not-yet-eligible": f"eligible in {months} months",
        "blocked": "blocked",
    }[status]


def months_text(months: int | None) -> str:
    if months is None:
        return "not estimated"
    if months == 0:
        return "now: you meet the target's requirements"
    years_part = f" (about {months / 12:.1f} years)" if months >= 12 else ""
    return f"{months} months{years_part}"
