"""Certification eligibility from structured prerequisites (pure; no I/O).

A certification is *held*, *eligible* now, *not yet eligible* (eligible in N
months: experience grows from today, see :mod:`pmopath.engine.worktime`, and missing
training is fitted into the person's weekly hours), or *blocked* (something the
passing of time alone will not bring, such as a degree, or experience pmopath
does not record). A person needs every part of any one route. The soonest route
wins; when routes tie, the one whose minimum education is the highest the person
has. Nothing is rounded toward eligibility: months to go are a ceiling.
"""

import datetime as dt
import math
from typing import Literal

from pmopath.engine.worktime import WorkRecord
from pmopath.model.catalog import Framework
from pmopath.model.framework import EDUCATION_ORDER, Certification, CertStatus, Model, Route
from pmopath.model.profile import Profile

Status = Literal["held", "eligible", "not-yet-eligible", "blocked"]
WEEKS_PER_MONTH = 52 / 12
DEFAULT_HOURS_PER_WEEK = 4.0  # when a profile does not say


class Eligibility(Model):
    id: str
    status: Status
    eligible_in_months: int | None
    missing: tuple[str, ...] = ()
    route: str | None = None
    assumptions: tuple[str, ...] = ()


def study_months(fw: Framework, cert_id: str, hours_per_week: float) -> int:
    """Months to prepare for a certification at the person's weekly hours (at least 1)."""
    cert = fw.certification_by_id.get(cert_id)
    hours = 0.0 if cert is None else (cert.study.min_hours + cert.study.max_hours) / 2
    return max(1, training_months(hours, hours_per_week))


def training_months(hours: float, hours_per_week: float) -> int:
    if hours <= 0:
        return 0
    return math.ceil(round(hours / (hours_per_week * WEEKS_PER_MONTH), 9))


def window_text(months: int | None) -> str:
    if months is None:
        return ""
    years = months / 12
    return (
        f" in the last {years:g} years" if years.is_integer() else f" in the last {months} months"
    )


class RouteResult:
    """How one route stands: months to go (None: blocked), what is missing, what was assumed."""

    __slots__ = ("assumptions", "missing", "months")

    def __init__(
        self,
        months: int | None,
        missing: list[str] | None = None,
        assumptions: list[str] | None = None,
    ) -> None:
        self.months = months
        self.missing = [] if missing is None else missing
        self.assumptions = [] if assumptions is None else assumptions


class EligibilityChecker:
    """Eligibility for one profile, following prerequisite chains once each."""

    def __init__(self, fw: Framework, profile: Profile, hours_per_week: float, as_of: dt.date):
        self.fw = fw
        self.profile = profile
        self.hpw = hours_per_week
        self.work = WorkRecord(profile, as_of)
        self.held = profile.held()
        self.cache: dict[str, Eligibility] = {}

    def check(self, cert: Certification) -> Eligibility:
        if cert.id in self.cache:
            return self.cache[cert.id]
        if cert.id in self.held:
            result = Eligibility(id=cert.id, status="held", eligible_in_months=0)
        elif cert.status is not CertStatus.active:
            result = Eligibility(
                id=cert.id,
                status="blocked",
                eligible_in_months=None,
                missing=(f"not currently offered ({cert.status.value})",),
            )
        else:
            self.cache[cert.id] = Eligibility(  # a cycle in the data reads as blocked
                id=cert.id, status="blocked", eligible_in_months=None, missing=("cycle",)
            )
            result = self._best(cert)
        self.cache[cert.id] = result
        return result

    def _best(self, cert: Certification) -> Eligibility:
        results = [(route, self.route(route)) for route in cert.prerequisites.routes]
        open_ = [(i, r, res) for i, (r, res) in enumerate(results) if res.months is not None]
        if open_:
            _, route, res = min(
                open_, key=lambda t: (t[2].months, -self._education_rank(t[1]), t[0])
            )
            assert res.months is not None
            return Eligibility(
                id=cert.id,
                status="eligible" if res.months == 0 else "not-yet-eligible",
                eligible_in_months=res.months,
                missing=tuple(res.missing),
                route=route.name,
                assumptions=tuple(dict.fromkeys(res.assumptions)),
            )
        route, res = min(results, key=lambda t: len(t[1].missing))
        return Eligibility(
            id=cert.id,
            status="blocked",
            eligible_in_months=None,
            missing=tuple(res.missing),
            route=route.name,
            assumptions=tuple(dict.fromkeys(res.assumptions)),
        )

    @staticmethod
    def _education_rank(route: Route) -> int:
        return -1 if route.education is None else EDUCATION_ORDER[route.education]

    def route(self, route: Route) -> RouteResult:
        """Months until this route is met (None if blocked), what is missing, assumptions."""
        result = RouteResult(0)
        blocked: list[str] = []
        self._education(route, blocked)
        self._experience(route, result, blocked)
        self._training(route, result)
        self._certifications(route, result, blocked)
        result.assumptions += [f"not checked: {c}" for c in route.conditions]
        if blocked:
            return RouteResult(None, blocked + result.missing, result.assumptions)
        return result

    def _education(self, route: Route, blocked: list[str]) -> None:
        education = self.profile.education
        if route.education is not None:
            if education is None:
                blocked.append("education not recorded in the profile")
            elif EDUCATION_ORDER[education] < EDUCATION_ORDER[route.education]:
                blocked.append(f"needs {route.education.phrase}")
        if route.accreditation == "pmi-gac":
            blocked.append(
                "needs a degree from a PMI GAC-accredited programme (not recorded in the profile)"
            )

    def _experience(self, route: Route, result: RouteResult, blocked: list[str]) -> None:
        for gate in route.experience:
            if self.held & set(gate.waived_by):
                continue
            label = gate.kind.label + window_text(gate.within_months)
            if not self.work.records(gate.kind):
                blocked.append(
                    f"{gate.months} months of {label} (pmopath does not record this; check your own)"
                )
                continue
            need = self.work.need(gate.kind, gate.months, gate.within_months)
            result.assumptions += need.assumptions
            if gate.unchecked and not need.to_go:
                # the months are there; what they must have been is the body's to judge
                result.assumptions.append(
                    f"not checked: {gate.unchecked} (pmopath counts the months, not what they were)"
                )
            if need.to_go:
                text = f"{gate.months - need.have} more months of {label} (you have {need.have})"
                if need.to_go > gate.months - need.have:
                    text += f"; older months leave the window, so {need.to_go} months to go"
                result.missing.append(text)
                assert result.months is not None
                result.months = max(result.months, need.to_go)

    def _training(self, route: Route, result: RouteResult) -> None:
        t = route.training
        if t is None or self.held & set(t.waived_by):
            return
        have = self.profile.training.hours(t.counts)
        if have < t.hours:
            short = t.hours - have
            topics = ", ".join(c.label for c in t.counts)
            result.missing.append(f"{short:g} more hours of {t.topic} (counted: {topics})")
            assert result.months is not None
            result.months = max(result.months, training_months(short, self.hpw))

    def _certifications(self, route: Route, result: RouteResult, blocked: list[str]) -> None:
        for first in route.certifications:
            if first not in self.held:
                self._first(first, result, blocked, f"pass {self.fw.cert_name(first)} first")
        if route.one_of and not self.held & set(route.one_of):
            soonest = min(route.one_of, key=lambda c: self._months_via(c) or math.inf)
            others = [self.fw.cert_name(c) for c in route.one_of if c != soonest]
            text = f"pass {self.fw.cert_name(soonest)} first (or hold one of: {', '.join(others)})"
            self._first(soonest, result, blocked, text)

    def _months_via(self, cert_id: str) -> int | None:
        cert = self.fw.certification_by_id.get(cert_id)
        if cert is None:
            return None
        prior = self.check(cert).eligible_in_months
        return None if prior is None else prior + study_months(self.fw, cert_id, self.hpw)

    def _first(self, cert_id: str, result: RouteResult, blocked: list[str], text: str) -> None:
        months = self._months_via(cert_id)
        if months is None:
            name = self.fw.cert_name(cert_id)
            blocked.append(f"hold {name} first (not reachable from this profile)")
            return
        result.missing.append(text)
        assert result.months is not None
        result.months = max(result.months, months)


def eligibility(
    fw: Framework,
    cert: Certification,
    profile: Profile,
    hours_per_week: float,
    as_of: dt.date,
) -> Eligibility:
    """Status of one certification for one profile (prerequisite chains are followed)."""
    return EligibilityChecker(fw, profile, hours_per_week, as_of).check(cert)


def statuses(
    fw: Framework, profile: Profile, as_of: dt.date, only: str | None = None
) -> tuple[dict[str, Eligibility], float]:
    """Every certification's status for a profile (or only one), at its own weekly hours."""
    hours = profile.hours_per_week or DEFAULT_HOURS_PER_WEEK
    check = EligibilityChecker(fw, profile, hours, as_of)
    certs = fw.certifications if only is None else (fw.certification_by_id[only],)
    return {cert.id: check.check(cert) for cert in certs}, hours


def checker(
    fw: Framework, profile: Profile, hours_per_week: float, as_of: dt.date
) -> EligibilityChecker:
    """A reusable checker (its cache shared by every certification checked with it)."""
    return EligibilityChecker(fw, profile, hours_per_week, as_of)
