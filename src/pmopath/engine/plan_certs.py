"""The certification part of the planner: which certifications to plan, in what order,
and their prerequisite chains (training hours, certifications first).

Choices are made at the reference hours (:data:`~pmopath.engine.scoring.REFERENCE_HOURS`),
so they are the same whatever time a person has; a certification is planned only when it
can be dated, never before the month it becomes eligible.

The rules (README, "How pmopath picks certifications"), each with its test in
tests/test_cert_choice.py:

1. **On the path.** Only certifications that the target or a stepping stone recommends
   (roles.yaml ``certifications``), and what those need first; a competency step that
   prepares for another certification keeps its other actions and drops that one.
2. **At your level.** An entry credential is not planned on its own once a senior
   counterpart (certifications.yaml ``outranked_by``) is held or in the plan: no CAPM
   beside PMP, no Foundation beside its Practitioner except as the Practitioner's own step.
3. **The track's credential.** The target's ``primary_certification`` (PMP, PgMP, PfMP,
   PMI-PMOCP) is planned when it can be dated; when it cannot yet, the credential on the
   path that opens part of it (a waiver or a prerequisite: PMP for PgMP) is.
4. **Dated only.** A certification needing work the path never gives has no date and is
   not planned.
5. **"Chosen over" is true.** It names only certifications not in the plan, each with the
   reason it lost.
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
    last_stage: int

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
        if self.held & set(fw.certification_by_id[cert_id].outranked_by):
            return None  # rule 2: a senior counterpart is held
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
        """Smaller is better: the target's track credential (rule 3) first, then
        recommended by more roles on the path, then eligible sooner
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
        track = 1 if cert_id == self.track_credential() else 0
        return (-track, -on_path, wait, firsts, place)

    def best_cert(self, role: Role) -> tuple[str | None, tuple[str, ...]]:
        """The recommended certification worth planning for a role, and the others it beat."""
        track = self.track_credential()  # planned on its own account (rule 3)
        options = [
            c
            for c in role.certifications
            if c in self.fw.certification_by_id and c not in self.held and c != track
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

    def path_certifications(self) -> set[str]:
        """Rule 1: what the target and the stepping stones recommend."""
        return {c for role in self.roles_ahead for c in role.certifications}

    def add_primary_certification(self) -> None:
        """Rule 3: the target's track credential, or what opens part of it."""
        primary = self.target.primary_certification
        chosen = self.track_credential()
        if primary is None or chosen is None:
            return
        reason = f"the {self.target.name}'s own credential"
        if chosen != primary:
            reason = f"opens {self.fw.cert_name(primary)}, {reason}"
        self.add_cert(chosen, reason, self.last_stage)

    def track_credential(self) -> str | None:
        """The target's primary credential if it can be dated, else the soonest credential
        on the path that opens part of it; None when one of them is held."""
        if hasattr(self, "_track"):
            return self._track
        self._track: str | None = self._find_track_credential()
        return self._track

    def _find_track_credential(self) -> str | None:
        primary = self.target.primary_certification
        fw = self.fw
        if primary is None or primary in self.held or primary not in fw.certification_by_id:
            return None
        if self._months_via(primary) < float("inf"):
            return primary
        openers: list[str] = []
        for route in fw.certification_by_id[primary].prerequisites.routes:
            openers += [*route.certifications, *route.one_of]
            openers += [c for gate in route.experience for c in gate.waived_by]
            if route.training is not None:
                openers += route.training.waived_by
        on_path = self.path_certifications()
        usable = [
            c
            for c in dict.fromkeys(openers)
            if c in on_path and c not in self.held and self._months_via(c) < float("inf")
        ]
        if not usable or self.held & set(openers):
            return None
        return min(usable, key=lambda c: (self._months_via(c), c))

    def pin_track_credential(self) -> bool:
        """Rule 3: the track's credential starts in the first months when you can sit it
        soon; it does not wait for its competency's earlier steps. True if pinned."""
        track = self.track_credential()
        if track is None or not self._sit_soon(track):
            return False
        key = self.add_cert(track, f"the {self.target.name}'s own credential", 0)
        if key is None:
            return False
        exam = self.items[key]
        exam.deps = [
            d
            for d in exam.deps
            if self.items[d].kind == "certification" or track in self.items[d].toward
        ]
        self.pin(key)
        return True

    def _sit_soon(self, cert_id: str) -> bool:
        """Eligible now or after a few hours of training, and studied within a year."""
        return (
            self._eligible_soon(cert_id) and study_months(self.fw, cert_id, REFERENCE_HOURS) <= 12
        )

    def plan_the_senior(self) -> None:
        """Rule 2, the other way: a Foundation planned while its Practitioner is on the path
        and can be dated becomes that Practitioner's first step (the Practitioner is planned)."""
        on_path = self.path_certifications()
        for it in list(self.items.values()):
            if it.step != "exam" or it.ref is None:
                continue
            for senior in self.fw.certification_by_id[it.ref].outranked_by:
                if (
                    senior in on_path
                    and senior not in self.held
                    and f"cert:{senior}" not in self.items
                    and self._months_via(senior) < float("inf")
                ):
                    reason = f"the next level after {self.fw.cert_name(it.ref)}"
                    self.add_cert(senior, reason, it.stage)

    def drop_outranked(self) -> None:
        """Rule 2 for what the plan holds: an entry credential goes once a senior counterpart
        is in the plan, unless something planned waits for it (the Practitioner's own step)."""
        planned = {it.ref for it in self.items.values() if it.step == "exam"}
        for it in list(self.items.values()):
            if it.step != "exam" or it.ref is None:
                continue
            cert = self.fw.certification_by_id[it.ref]
            needed = any(it.key in other.deps for other in self.items.values())
            if planned & set(cert.outranked_by) and not needed:
                self.drop(it.key)
                self.drop(f"training:{it.ref}")

    def drop(self, key: str) -> None:
        """Take an item out of the plan, and out of what waited for it."""
        item = self.items.pop(key, None)
        if item is None:
            return
        for other in self.items.values():
            if key in other.deps:
                other.deps.remove(key)
            if item.ref in other.toward:
                other.toward.remove(item.ref)

    def settle_alternatives(self) -> None:
        """Rule 5: "chosen over" names what is not in the plan, each with why it lost."""
        planned = {it.ref for it in self.items.values() if it.step == "exam"}
        why_lost = (
            "not your target's own credential",
            "recommended by fewer roles on your path",
            "you could hold it later",
            "it needs more certifications first",
            "lower in the target's list",
        )
        for it in self.items.values():
            if it.step != "exam" or not it.alternatives or it.ref is None:
                continue
            lost = tuple(a for a in it.alternatives if a not in planned and a not in self.held)
            it.alternatives = lost
            if not lost:
                continue
            mine = self.cert_value(it.ref)
            parts = []
            for alt in lost:
                theirs = self.cert_value(alt)
                at = next(
                    (i for i, (a, b) in enumerate(zip(mine, theirs, strict=True)) if a != b), None
                )
                because = "listed after it" if at is None else why_lost[at]
                parts.append(f"{self.fw.cert_name(alt)} ({because})")
            it.why += "; chosen over " + ", ".join(parts)
