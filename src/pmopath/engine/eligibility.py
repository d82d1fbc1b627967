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

from pmopath.engine.renewal import CertStanding, standings, still_active
from pmopath.engine.worktime import HORIZON, WorkRecord
from pmopath.model.catalog import Framework
from pmopath.model.framework import (
    EDUCATION_ORDER,
    Certification,
    CertStatus,
    Education,
    ExperienceGate,
    ExperienceKind,
    Model,
    Route,
    TrainingTopic,
)
from pmopath.model.profile import Profile

Status = Literal["held", "eligible", "not-yet-eligible", "blocked"]
WEEKS_PER_MONTH = 52 / 12
DEFAULT_HOURS_PER_WEEK = 4.0  # when a profile does not say


#: Why a requirement is not met. The first five block (time and study alone will not meet
#: them); the rest are a wait.
MissingKind = Literal[
    "not-offered",  # the certification is not currently offered (``status``)
    "cycle",  # the data's prerequisites go round in a circle
    "education",  # a higher education level (``education``; None: not recorded)
    "accreditation",  # a degree from a PMI GAC-accredited programme
    "unrecorded-experience",  # experience pmopath does not record (``experience``, ``amount``)
    "unreachable-certification",  # a certification first that cannot be reached
    "experience",  # more months of experience (``amount`` short, ``have``, ``to_go``: None
    # when nothing counting toward it grows now, so no month can be promised)
    "window",  # met alone, but the months leave ``within_months`` before the rest is met
    "training",  # more hours of training (``amount`` short, ``topic``, ``counted``)
    "certification",  # a certification first (``certification``; ``one_of``: alternatives)
]


class Missing(Model):
    """One requirement of a route not met yet, as facts: a view words it."""

    kind: MissingKind
    amount: float = 0  # what is short, in ``unit``
    unit: Literal["months", "hours", ""] = ""
    have: float = 0  # experience: months counted; training: hours done
    to_go: int | None = 0  # experience: months until met (older months may leave the window)
    experience: ExperienceKind | None = None
    within_months: int | None = None  # experience: the window it must fall in
    topic: str = ""  # training: what the body calls it
    counted: tuple[TrainingTopic, ...] = ()  # training: the topics that count toward it
    education: Education | None = None
    certification: str = ""  # an ID
    one_of: tuple[str, ...] = ()  # certification: others that would do (IDs)
    status: CertStatus | None = None  # not-offered: the certification's status


class Eligibility(Model):
    id: str
    status: Status
    eligible_in_months: int | None
    missing: tuple[Missing, ...] = ()
    route: str | None = None
    assumptions: tuple[str, ...] = ()
    #: what the status rests on that pmopath cannot check ("at least 3 of the years at a
    #: strategic level"): eligible only if it holds
    unchecked: tuple[str, ...] = ()
    #: dated from the plan's move into this role (the experience it earns); None: from now
    after_move: str | None = None
    #: a credential the person lists (held or lapsed): its standing by the body's cycle
    renewal: CertStanding | None = None


def study_months(fw: Framework, cert_id: str, hours_per_week: float) -> int:
    """Months to prepare for a certification at the person's weekly hours (at least 1)."""
    cert = fw.certification_by_id.get(cert_id)
    hours = 0.0 if cert is None else (cert.study.min_hours + cert.study.max_hours) / 2
    return max(1, training_months(hours, hours_per_week))


def training_months(hours: float, hours_per_week: float) -> int:
    if hours <= 0:
        return 0
    return math.ceil(round(hours / (hours_per_week * WEEKS_PER_MONTH), 9))


class RouteResult:
    """How one route stands: months to go (None: blocked), what is missing, what was assumed.

    ``undated``: the route is open, but no month can be promised as things stand (experience
    nobody is gaining now, or months that leave their window before the rest is met).
    """

    __slots__ = ("assumptions", "missing", "months", "unchecked", "undated")

    def __init__(
        self,
        months: int | None,
        missing: list[Missing] | None = None,
        assumptions: list[str] | None = None,
    ) -> None:
        self.months = months
        self.missing = [] if missing is None else missing
        self.assumptions = [] if assumptions is None else assumptions
        self.unchecked: list[str] = []  # conditions pmopath cannot check (a route's, a gate's)
        self.undated = False


class EligibilityChecker:
    """Eligibility for one profile, following prerequisite chains once each."""

    def __init__(self, fw: Framework, profile: Profile, hours_per_week: float, as_of: dt.date):
        self.fw = fw
        self.profile = profile
        self.hpw = hours_per_week
        self.work = WorkRecord(profile, as_of)
        self.held = profile.held()  # a lapsed credential is not held
        self.renewal = standings(fw, profile, as_of)
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
                missing=(Missing(kind="not-offered", status=cert.status),),
            )
        else:
            self.cache[cert.id] = Eligibility(  # a cycle in the data reads as blocked
                id=cert.id,
                status="blocked",
                eligible_in_months=None,
                missing=(Missing(kind="cycle"),),
            )
            result = self._best(cert)
        if cert.id in self.renewal:
            result = result.model_copy(update={"renewal": self.renewal[cert.id]})
        self.cache[cert.id] = result
        return result

    def _waiver(self, ids: "tuple[str, ...] | list[str]") -> tuple[str, ...] | None:
        """Whether held credentials among ``ids`` stand in for a requirement: None if none
        is held; () if one surely does; else the conditions it rests on ("your PMP (2020)
        is still active"), for credentials past a renewal point with none recorded."""
        mine = [c for c in ids if c in self.held]
        if not mine:
            return None
        if any(self.renewal[c].standing != "unknown" for c in mine if c in self.renewal):
            return ()
        return tuple(
            still_active(self.fw.cert_name(c), self.renewal[c]) for c in mine if c in self.renewal
        )

    def _best(self, cert: Certification) -> Eligibility:
        results = [(route, self.route(route)) for route in cert.prerequisites.routes]
        open_ = [(i, r, res) for i, (r, res) in enumerate(results) if res.months is not None]
        if open_:
            _, route, res = min(
                open_,
                key=lambda t: (t[2].undated, t[2].months, -self._education_rank(t[1]), t[0]),
            )
            assert res.months is not None
            months = None if res.undated else res.months
            return Eligibility(
                id=cert.id,
                status="eligible" if months == 0 else "not-yet-eligible",
                eligible_in_months=months,
                missing=tuple(res.missing),
                route=route.name,
                assumptions=tuple(dict.fromkeys(res.assumptions)),
                unchecked=tuple(dict.fromkeys(res.unchecked)),
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
        blocked: list[Missing] = []
        self._education(route, blocked)
        self._experience(route, result, blocked)
        self._training(route, result)
        self._certifications(route, result, blocked)
        result.unchecked += route.conditions  # said in the status: "eligible now, if ..."
        if blocked:
            return RouteResult(None, blocked + result.missing, result.assumptions)
        self._together(route, result)
        return result

    def _together(self, route: Route, result: RouteResult) -> None:
        """Every experience requirement met in the same month: a requirement met now can
        lose its months to the window while another is still growing."""
        if result.undated or not result.months:
            return
        gates = [
            g
            for g in route.experience
            if not self.held & set(g.waived_by) and self.work.records(g.kind)
        ]

        def short(later: int) -> list[ExperienceGate]:
            return [
                g for g in gates if self.work.have_at(g.kind, g.within_months, later) < g.months
            ]

        assert result.months is not None
        lost = short(result.months)
        if not lost:
            return
        for later in range(result.months + 1, HORIZON + 1):
            if not short(later):
                result.months = later
                return
        result.undated = True
        result.missing += [
            Missing(kind="window", experience=g.kind, within_months=g.within_months) for g in lost
        ]

    def _education(self, route: Route, blocked: list[Missing]) -> None:
        education = self.profile.education
        if route.education is not None:
            if education is None:
                blocked.append(Missing(kind="education"))
            elif EDUCATION_ORDER[education] < EDUCATION_ORDER[route.education]:
                blocked.append(Missing(kind="education", education=route.education))
        if route.accreditation == "pmi-gac":
            blocked.append(Missing(kind="accreditation"))

    def _experience(self, route: Route, result: RouteResult, blocked: list[Missing]) -> None:
        for gate in route.experience:
            waiver = self._waiver(gate.waived_by)
            if waiver == ():
                continue
            where = {"experience": gate.kind, "within_months": gate.within_months}
            if not self.work.records(gate.kind):
                if waiver:  # waived, if the credential is still active
                    result.unchecked += waiver
                    continue
                blocked.append(
                    Missing(
                        kind="unrecorded-experience", amount=gate.months, unit="months", **where
                    )
                )
                continue
            need = self.work.need(gate.kind, gate.months, gate.within_months)
            if waiver and need.to_go != 0:  # rests on the waiver: met without it, it does not
                result.unchecked += waiver
                continue
            result.assumptions += need.assumptions
            if gate.unchecked and need.to_go is not None:
                # the months are there, or dated; what they must have been is the body's to
                # judge, so the status says so whenever it promises a month
                result.unchecked.append(f"your experience counts as: {gate.unchecked}")
            if need.to_go != 0:
                short = gate.months - need.have
                result.missing.append(
                    Missing(
                        kind="experience",
                        amount=short,
                        unit="months",
                        have=need.have,
                        to_go=need.to_go,
                        **where,
                    )
                )
                assert result.months is not None
                if need.to_go is None:
                    result.undated = True
                else:
                    result.months = max(result.months, need.to_go)

    def _training(self, route: Route, result: RouteResult) -> None:
        t = route.training
        waiver = None if t is None else self._waiver(t.waived_by)
        if t is None or waiver == ():
            return
        have = self.profile.training.hours(t.counts)
        if have < t.hours and waiver:
            result.unchecked += waiver
        elif have < t.hours:
            short = t.hours - have
            result.missing.append(
                Missing(
                    kind="training",
                    amount=short,
                    unit="hours",
                    have=have,
                    topic=t.topic,
                    counted=tuple(t.counts),
                )
            )
            assert result.months is not None
            result.months = max(result.months, training_months(short, self.hpw))

    def _certifications(self, route: Route, result: RouteResult, blocked: list[Missing]) -> None:
        for first in route.certifications:
            if first not in self.held:
                self._first(first, result, blocked)
            else:
                result.unchecked += self._waiver((first,)) or ()
        waiver = self._waiver(route.one_of)
        if waiver:
            result.unchecked += waiver
        elif route.one_of and waiver is None:
            soonest = min(route.one_of, key=lambda c: self._months_via(c) or math.inf)
            others = tuple(c for c in route.one_of if c != soonest)
            self._first(soonest, result, blocked, others)

    def _months_via(self, cert_id: str) -> int | None:
        cert = self.fw.certification_by_id.get(cert_id)
        if cert is None:
            return None
        prior = self.check(cert).eligible_in_months
        return None if prior is None else prior + study_months(self.fw, cert_id, self.hpw)

    def _reachable(self, cert_id: str) -> bool:
        """Whether a certification can be held some day (dated or not): not blocked."""
        cert = self.fw.certification_by_id.get(cert_id)
        return cert is not None and self.check(cert).status != "blocked"

    def _first(
        self,
        cert_id: str,
        result: RouteResult,
        blocked: list[Missing],
        one_of: tuple[str, ...] = (),
    ) -> None:
        months = self._months_via(cert_id)
        if months is None and not self._reachable(cert_id):
            blocked.append(Missing(kind="unreachable-certification", certification=cert_id))
            return
        result.missing.append(Missing(kind="certification", certification=cert_id, one_of=one_of))
        assert result.months is not None
        if months is None:
            result.undated = True  # the certification first has no date either
        else:
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
