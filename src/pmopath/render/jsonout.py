"""JSON output for scripts: stable, versioned documents (see README, "JSON output")."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pmopath.errors import DataError
from pmopath.framework import Framework
from pmopath.models import Certification, Competency, Domain, Role
from pmopath.profile import profile_to_data
from pmopath.render.base import HistoryEntry, Renderer

if TYPE_CHECKING:
    from pmopath.planning import Plan
    from pmopath.profile import Profile
    from pmopath.scoring import Score


SCHEMA_VERSION = 1


def dump(kind: str, payload: dict[str, Any]) -> str:
    document = {"schema_version": SCHEMA_VERSION, "kind": kind, **payload}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


class JsonRenderer(Renderer):
    def roles(self, fw: Framework) -> str:
        return dump("roles", {"roles": [r.model_dump(mode="json") for r in fw.ladder()]})

    def role(self, fw: Framework, role: Role) -> str:
        return dump("role", {"role": role.model_dump(mode="json")})

    def competencies(self, fw: Framework, domain: Domain | None) -> str:
        domains = [d for d in fw.domains if domain is None or d.id == domain.id]
        comps = [c for c in fw.competencies if any(c.domain == d.id for d in domains)]
        return dump(
            "competencies",
            {
                "domains": [d.model_dump(mode="json") for d in domains],
                "competencies": [c.model_dump(mode="json") for c in comps],
            },
        )

    def competency(self, fw: Framework, comp: Competency) -> str:
        return dump("competency", {"competency": comp.model_dump(mode="json")})

    def certs(self, fw: Framework, certs: list[Certification], for_role: Role | None) -> str:
        return dump(
            "certifications",
            {
                "for_role": None if for_role is None else for_role.id,
                "certifications": [c.model_dump(mode="json") for c in certs],
            },
        )

    def cert(self, fw: Framework, cert: Certification) -> str:
        return dump("certification", {"certification": cert.model_dump(mode="json")})

    def validation(self, where: str, problems: list[DataError]) -> str:
        return dump(
            "validation",
            {
                "path": where,
                "valid": not problems,
                "problems": [
                    {
                        "file": p.path,
                        "line": p.line,
                        "field": p.field,
                        "message": p.message,
                        "hint": p.hint,
                    }
                    for p in problems
                ],
            },
        )

    def history(self, fw: Framework, entries: list[HistoryEntry]) -> str:
        return dump(
            "history",
            {
                "assessments": [
                    {
                        "number": e.number,
                        "id": e.ident,
                        "assessed_at": e.assessed_at,
                        "current_role": e.current_role,
                        "target_role": e.target_role,
                        "rated": e.rated,
                        "readiness": e.readiness,
                        "problem": e.problem,
                    }
                    for e in entries
                ]
            },
        )

    def profile(
        self, fw: Framework, ident: str | None, profile: Profile, warnings: list[str]
    ) -> str:
        return dump(
            "profile", {"id": ident, "profile": profile_to_data(profile), "warnings": warnings}
        )

    def gap(self, fw: Framework, score: Score, explain: bool) -> str:
        return dump("gap", gap_payload(score, explain))

    def roadmap(self, fw: Framework, plan: Plan, explain: bool) -> str:
        payload = gap_payload(plan.score, explain)
        payload.update(
            {
                "as_of": plan.as_of.isoformat(),
                "hours_per_week": plan.hours_per_week,
                "ready_in_months": plan.ready_in_months,
                "horizon": plan.horizon,
                "cut_items": plan.cut_items,
                "phases": [
                    {
                        "title": ph.title,
                        "start_month": ph.start_month,
                        "end_month": ph.end_month,
                        "items": [it.model_dump(mode="json") for it in ph.items],
                    }
                    for ph in plan.phases
                ],
            }
        )
        return dump("roadmap", payload)


def gap_payload(score: Score, explain: bool) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "current_role": score.current_role,
        "target_role": score.target_role,
        "path": list(score.path),
        "path_note": score.path_note,
        "readiness": round(score.readiness, 4),
        "next_role": score.next_role,
        "next_role_readiness": None
        if score.next_role_readiness is None
        else round(score.next_role_readiness, 4),
        "competencies": [
            {
                "id": g.id,
                "name": g.name,
                "domain": g.domain,
                "current": g.current,
                "required": g.required,
                "gap": g.gap,
                "importance": g.importance.value,
                "weight": g.weight,
                "priority": g.priority,
            }
            for g in score.competencies
        ],
        "experience": [e.model_dump(mode="json") for e in score.experience],
        "certifications": [
            {
                "id": c.eligibility.id,
                "status": c.eligibility.status,
                "eligible_in_months": c.eligibility.eligible_in_months,
                "missing": list(c.eligibility.missing),
                "route": c.eligibility.route,
                "assumptions": list(c.eligibility.assumptions),
                "recommended_by": list(c.recommended_by),
            }
            for c in score.certifications
        ],
    }
    if explain:
        payload["explanation"] = list(score.explanation)
    return payload
