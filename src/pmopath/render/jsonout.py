"""JSON output for scripts: stable, versioned documents (see README, "JSON output")."""

from __future__ import annotations

import json
from typing import Any

from pmopath.errors import DataError
from pmopath.framework import Framework
from pmopath.models import Certification, Competency, Domain, Role
from pmopath.render.base import Renderer

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
