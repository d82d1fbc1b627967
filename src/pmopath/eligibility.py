"""Certification eligibility from structured prerequisites (pure; no I/O).

A certification is *held*, *eligible* now, *not yet eligible* (eligible in N
months, with experience accumulating from today and missing training fitted
into the person's weekly hours), or *blocked* (something the passing of time
alone will not bring, such as a degree, or experience pmopath does not record).
A person needs every part of any one route; the route that is soonest wins.
"""

from __future__ import annotations

import math
from typing import Literal

from pmopath.framework import Framework
from pmopath.models import EDUCATION_ORDER, Certification, CertStatus, ExperienceKind, Model, Route
from pmopath.profile import EXPERIENCE_FIELDS, Profile

Status = Literal["held", "eligible", "not-yet-eligible", "blocked"]
WEEKS_PER_MONTH = 52 / 12


class Eligibility(Model):
    id: str
    status: Status
    eligible_in_months: int | None
    missing: tuple[str, ...] = ()
    route: str | None = None
    assumptions: tuple[str, ...] = ()


def experience_years(profile: Profile, kind: ExperienceKind) -> tuple[float | None, str | None]:
    """Years of a kind of experience, and the assumption made to get them (if any).

    None means the profile does not record that kind.
    """
    e = profile.experience
    direct = e.years(kind)
    if direct is not None:
        return direct, None
    recorded = [e.years(k) or 0.0 for k in EXPERIENCE_FIELDS]
    if kind in (ExperienceKind.program, ExperienceKind.portfolio):
        return e.program_portfolio_years, (
            f"counts your programme/portfolio years as {kind.label}; check the body's definition"
        )
    if kind is ExperienceKind.project_related:
        return max(e.project_management_years, e.pmo_years, e.program_portfolio_years), (
            "counts your longest project, programme or PMO experience as project-related work"
        )
    if kind is ExperienceKind.business:
        return max(recorded), (
            "counts your longest recorded experience as business experience (a lower bound)"
        )
    return None, None


def study_months(fw: Framework, cert_id: str, hours_per_week: float) -> int:
    """Months to prepare for a certification at the person's weekly hours (at least 1)."""
    cert = fw.certification_by_id.get(cert_id)
    hours = 0.0 if cert is None else (cert.study.min_hours + cert.study.max_hours) / 2
    return max(1, training_months(hours, hours_per_week))


def training_months(hours: float, hours_per_week: float) -> int:
    return math.ceil(hours / (hours_per_week * WEEKS_PER_MONTH)) if hours > 0 else 0


def evaluate_route(
    fw: Framework,
    route: Route,
    profile: Profile,
    held: set[str],
    hours_per_week: float,
    cert_months: dict[str, int | None],
) -> tuple[int | None, list[str], list[str]]:
    """(months until eligible or None if blocked, what is missing, assumptions)."""
    months = 0
    missing: list[str] = []
    blocked: list[str] = []
    assumptions: list[str] = []
    if route.education is not None:
        if profile.education is None:
            blocked.append("education not recorded in the profile")
        elif EDUCATION_ORDER[profile.education] < EDUCATION_ORDER[route.education]:
            blocked.append(f"needs {route.education.phrase}")
    if route.accreditation == "pmi-gac":
        blocked.append(
            "needs a degree from a PMI GAC-accredited programme (not recorded in the profile)"
        )
    for gate in route.experience:
        if held & set(gate.waived_by):
            continue
        years, assumption = experience_years(profile, gate.kind)
        label = gate.kind.label
        if years is None:
            blocked.append(
                f"{gate.months} months of {label} (pmopath does not record this; check your own)"
            )
            continue
        if assumption:
            assumptions.append(assumption)
        have = round(years * 12)
        if have < gate.months:
            short = gate.months - have
            missing.append(f"{short} more months of {label}")
            months = max(months, short)
    if route.training is not None:
        t = route.training
        if not held & set(t.waived_by) and profile.training_hours < t.hours:
            short_h = t.hours - profile.training_hours
            missing.append(f"{short_h:g} more hours of {t.topic}")
            months = max(months, training_months(short_h, hours_per_week))
    for first in route.certifications:
        if first in held:
            continue
        name = fw.cert_name(first)
        prior = cert_months.get(first)
        if prior is None:
            blocked.append(f"hold {name} first (not reachable from this profile)")
        else:
            missing.append(f"pass {name} first")
            months = max(months, prior + study_months(fw, first, hours_per_week))
    if blocked:
        return None, blocked + missing, assumptions
    return months, missing, assumptions


def eligibility(
    fw: Framework,
    cert: Certification,
    profile: Profile,
    hours_per_week: float,
    cache: dict[str, Eligibility] | None = None,
) -> Eligibility:
    """Status of one certification for one profile (prerequisite chains are followed)."""
    cache = {} if cache is None else cache
    if cert.id in cache:
        return cache[cert.id]
    held = profile.held()
    if cert.id in held:
        result = Eligibility(id=cert.id, status="held", eligible_in_months=0)
    elif cert.status is not CertStatus.active:
        result = Eligibility(
            id=cert.id,
            status="blocked",
            eligible_in_months=None,
            missing=(f"not currently offered ({cert.status.value})",),
        )
    else:
        cache[cert.id] = Eligibility(
            id=cert.id, status="blocked", eligible_in_months=None, missing=("cycle",)
        )
        cert_months: dict[str, int | None] = {}
        for route in cert.prerequisites.routes:
            for first in route.certifications:
                if first in fw.certification_by_id and first not in cert_months:
                    prior = eligibility(
                        fw, fw.certification_by_id[first], profile, hours_per_week, cache
                    )
                    cert_months[first] = prior.eligible_in_months
        best: tuple[int, int, str, list[str], list[str]] | None = None
        closest: tuple[int, list[str]] | None = None
        for i, route in enumerate(cert.prerequisites.routes):
            months, missing, assumptions = evaluate_route(
                fw, route, profile, held, hours_per_week, cert_months
            )
            if months is None:
                if closest is None or len(missing) < len(closest[1]):
                    closest = (i, missing)
                continue
            key = (months, i)
            if best is None or key < (best[0], best[1]):
                best = (months, i, route.name, missing, assumptions)
        if best is not None:
            months, _, name, missing, assumptions = best
            result = Eligibility(
                id=cert.id,
                status="eligible" if months == 0 else "not-yet-eligible",
                eligible_in_months=months,
                missing=tuple(missing),
                route=name,
                assumptions=tuple(dict.fromkeys(assumptions)),
            )
        else:
            assert closest is not None
            route_name = cert.prerequisites.routes[closest[0]].name
            result = Eligibility(
                id=cert.id,
                status="blocked",
                eligible_in_months=None,
                missing=tuple(closest[1]),
                route=route_name,
            )
    cache[cert.id] = result
    return result
