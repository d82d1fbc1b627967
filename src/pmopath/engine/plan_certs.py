"""The certification part of the planner: which certifications to plan, in what order,
and their prerequisite chains (training hours, certifications first).

Choices are made at the reference hours (:data:`~pmopath.engine.scoring.REFERENCE_HOURS`),
so they are the same whatever time a person has; a certification is planned only when it
can be dated, never before the month it becomes eligible.
"""

from __future__ import annotations

from pmopath.base.text import count
from pmopath.engine.eligibility import Eligibility, EligibilityChecker, study_months
from pmopath.engine.schedule import Item
from pmopath.engine.scoring import REFERENCE_HOURS, CompetencyGap
from pmopath.model.catalog import Framework
from pmopath.model.framework import Certification, Role
from pmopath.model.profile import Profile


class CertificationSteps:
    """Mixed into the planner: the attributes below are the planner's."""

    fw: Framework
    profile: Profile
    reference: EligibilityChecker
    checker: EligibilityChecker
    items: dict[str, Item]
    status: dict[str, Eligibility]
    gaps: dict[str, CompetencyGap]
    held: set[str]
    projected: dict[str, Eligibility]  # dated from a planned move (``after_move``)
    target: Role
    roles_ahead: list[Role]

    def add(self, item: Item) -> bool:
        raise NotImplementedError  # the planner's

    def pin(self, key: str) -> None:
        raise NotImplementedError  # the planner's

    def cert_priority(self, cert_id: str) -> float:
        cert = self.fw.certification_by_id[cert_id]
        gaps = self.gaps
        evidenced = [gaps[c].priority for c in cert.evidences if c in gaps and gaps[c].gap]
        bonus = 1 if cert_id in self.target.certifications else 0
        return max(evidenced, default=1) + bonus

    def _months_via(self, cert_id: str) -> float:
        """Months until a certification could be held (its eligibility and its study), at
        the reference hours: a choice between certifications does not depend on a
        person's hours."""
        cert = self.fw.certification_by_id.get(cert_id)
        months = None if cert is None else self.reference.check(cert).eligible_in_months
        if cert_id in self.projected:  # dated from a planned move
            months = self.projected[cert_id].eligible_in_months
        if months is None:
            return float("inf")
        return months + study_months(self.fw, cert_id, REFERENCE_HOURS)

    def add_cert(
        self, cert_id: str, reason: str, stage: int, alternatives: tuple[str, ...] = ()
    ) -> str | None:
        """A certification item (and its prerequisite chain); None if it cannot be planned."""
        fw = self.fw
        if cert_id in self.held or cert_id not in fw.certification_by_id:
            return None
        elig = self.status.get(cert_id)
        if elig is None:
            elig = self.checker.check(fw.certification_by_id[cert_id])
            self.status[cert_id] = elig
        if elig.status in ("blocked", "held") or elig.eligible_in_months is None:
            return None
        key = f"cert:{cert_id}"
        if key in self.items:
            return key
        cert = fw.certification_by_id[cert_id]
        # the route (and so its prerequisites) as chosen at the reference hours
        route = self.reference.check(cert).route or elig.route
        deps = self.cert_prerequisites(cert, route, stage)
        if cert_id in self.projected:  # its months count from the move into a stepping stone
            deps.append(f"role:{self.projected[cert_id].after_move}")
        effort = (cert.study.min_hours + cert.study.max_hours) / 2
        when = (
            "eligible now"
            if elig.eligible_in_months == 0
            else f"eligible in {count(elig.eligible_in_months, 'month')}"
        )
        if elig.after_move is not None:
            when += f", counted from your planned move into {fw.role_name(elig.after_move)}"
        study = f"{cert.study.min_hours:g}-{cert.study.max_hours:g} h"
        why = f"{reason}; {when} ({elig.route}); study {study}"
        if alternatives:
            names = ", ".join(fw.cert_name(a) for a in alternatives)
            why += f"; chosen over {names} (recommended by fewer roles on your path, or later)"
        self.add(
            Item(
                key,
                "certification",
                "exam",
                cert_id,
                f"Prepare for and pass {cert.name}",
                effort=effort,
                priority=self.cert_priority(cert_id),
                why=why,
                short=f"{reason} · {when}",
                deps=deps,
                earliest=elig.eligible_in_months + 1,
                stage=stage,
                alternatives=alternatives,
            )
        )
        return key

    def cert_prerequisites(
        self, cert: Certification, route_name: str | None, stage: int
    ) -> list[str]:
        """Items for the certifications and training the chosen route asks for first."""
        route = next((r for r in cert.prerequisites.routes if r.name == route_name), None)
        if route is None:
            return []
        deps = []
        firsts = list(route.certifications)
        if route.one_of and not self.held & set(route.one_of):
            firsts.append(min(route.one_of, key=self._months_via))
        for first in firsts:
            dep = self.add_cert(first, f"needed before {cert.name}", stage)
            if dep:
                deps.append(dep)
        training = route.training
        if training is None or self.held & set(training.waived_by):
            return deps
        have = self.profile.training.hours(training.counts)
        # courses already in the plan count toward the rule: the exam waits for them
        courses = [it for it in self.items.values() if it.counts_as in training.counts]
        planned = sum(it.effort for it in courses)
        if training.hours > have and planned:
            deps += [it.key for it in courses]
            for it in courses:
                it.toward.append(cert.id)
        else:
            planned = 0.0
        if training.hours > have + planned:
            short = training.hours - have - planned
            key = f"training:{cert.id}"
            self.add(
                Item(
                    key,
                    "certification",
                    "training",
                    cert.id,
                    f"Complete {count(short, 'more hour')} of {training.topic} (for {cert.name})",
                    effort=short,
                    priority=self.cert_priority(cert.id),
                    why=f"{cert.name} asks for {count(training.hours, 'hour')}; you have {have:g}"
                    + (f", and {planned:g} in courses of this plan" if planned else ""),
                    short=f"for {cert.name}",
                    stage=stage,
                )
            )
            deps.append(key)
        return deps

    def cert_value(self, cert_id: str) -> tuple[float, ...]:
        """Smaller is better: recommended by more roles on the path, then eligible sooner
        (a few hours of training count as no wait: they are part of preparing), then fewer
        prerequisite certifications, then higher in the target's own list."""
        on_path = sum(1 for r in self.roles_ahead if cert_id in r.certifications)
        cert = self.fw.certification_by_id[cert_id]
        route = self.reference.check(cert)
        wait = 0.0 if self._eligible_soon(cert_id) else self._months_via(cert_id)
        firsts = next(
            (
                len(r.certifications) + (1 if r.one_of else 0)
                for r in cert.prerequisites.routes
                if r.name == route.route
            ),
            0,
        )
        ranked = self.target.certifications
        place = ranked.index(cert_id) if cert_id in ranked else len(ranked)
        return (-on_path, wait, firsts, place)

    def best_cert(self, role: Role) -> tuple[str | None, tuple[str, ...]]:
        """The recommended certification worth planning for a role, and the others it beat."""
        options = [
            c
            for c in role.certifications
            if c in self.fw.certification_by_id and c not in self.held
        ]
        plannable = [c for c in options if self._months_via(c) < float("inf")]
        if not plannable or self.held & set(role.certifications):
            return None, ()
        ranked = sorted(
            plannable, key=lambda c: (*self.cert_value(c), role.certifications.index(c))
        )
        return ranked[0], tuple(ranked[1:])

    def add_recommended_certifications(self) -> None:
        """For each role ahead, the recommended certification of most value (none if one is held)."""
        for stage, role in enumerate(self.roles_ahead):
            best, others = self.best_cert(role)
            if best is not None:
                self.add_cert(best, f"recommended for {role.name}", stage, others)

    def _eligible_soon(self, cert_id: str) -> bool:
        """Eligible now, or as soon as a few hours of training are done (no experience wait)."""
        el = self.reference.check(self.fw.certification_by_id[cert_id])
        if el.status == "eligible":
            return True
        return el.status == "not-yet-eligible" and all(m.kind == "training" for m in el.missing)
