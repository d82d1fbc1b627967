"""The path search's cost on generated dense ladders of about 10, 100 and 1,000 roles.

Each ladder has ``levels`` levels of 8 roles, every role leading to every role of the
next level (8 ** levels paths); every second role earns PMO experience and the goal asks
for 5 years of it. Prints the roles, the moves, the labels extended (the search's cost)
and the time. Run: ``.venv/bin/python benchmarks/paths.py``.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from pmopath.engine.paths import choose_path
from pmopath.engine.worktime import WorkRecord
from pmopath.load.framework import load_framework
from pmopath.model.catalog import Framework
from pmopath.model.framework import RolesFile
from pmopath.model.profile import Profile

BUILTIN = load_framework()


def role(ident: str, rank: int, leads_to: list[str], **extra: Any) -> dict[str, Any]:
    need = extra.pop("competencies", {"governance": {"level": 1, "importance": "core"}})
    return {
        "id": ident,
        "name": ident,
        "rank": rank,
        "track": "pmo",
        "summary": "A generated role.",
        "responsibilities": ["Work"],
        "typical_years": {"min": 0},
        "leads_to": leads_to,
        "competencies": need,
        "sources": ["estimate"],
        "as_of": "2026-11-22",
        **extra,
    }


def ladder(levels: int, width: int = 8) -> Framework:
    comps = [c.id for c in BUILTIN.competencies]
    roles = [role("start", 1, [f"r1-{j}" for j in range(width)])]
    for i in range(1, levels + 1):
        nxt = [f"r{i + 1}-{j}" for j in range(width)] if i < levels else ["goal"]
        for j in range(width):
            need = {comps[(i + j) % len(comps)]: {"level": 1 + i % 4, "importance": "core"}}
            roles.append(
                role(f"r{i}-{j}", min(19, 1 + i), nxt, competencies=need, accrues=["pmo"] * (j % 2))
            )
    roles.append(role("goal", 20, [], experience=[{"kind": "pmo", "years": 5}]))
    file = RolesFile.model_validate(
        {
            "schema_version": 1,
            "framework": {"name": "generated", "version": "1"},
            "sources": {"estimate": {"title": "pmopath estimate", "accessed": "2026-11-22"}},
            "roles": roles,
        }
    )
    return Framework(file, BUILTIN.competencies_file, BUILTIN.certifications_file)


def main() -> None:
    profile = Profile.model_validate({"current_role": "start"})
    work = WorkRecord(profile, dt.date(2026, 11, 22))
    print("| roles | moves | paths | labels extended | ms |")
    print("|--:|--:|--:|--:|--:|")
    for levels in (1, 12, 124):
        fw = ladder(levels)
        began = time.perf_counter()
        choice = choose_path(fw, profile, work, "start", "goal", 20.0)
        ms = (time.perf_counter() - began) * 1000
        moves = sum(len(r.leads_to) for r in fw.roles)
        print(f"| {len(fw.roles):,} | {moves:,} | 8^{levels} | {choice.expansions:,} | {ms:.1f} |")


if __name__ == "__main__":
    main()
