"""How pmopath picks certifications: one test per rule (README, "How pmopath picks
certifications"; pmopath.engine.plan_certs).

Expected values come from tests/coach_cases.md (C01, C02, C03, C05, C08, C09, C10), worked
by hand from the fact sheet and the data before this code.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmopath.cli.app import app
from pmopath.engine.schedule import Plan, PlanItem
from pmopath.engine.summary import summarise
from pmopath.load.profiles import load_profile
from pmopath.model.catalog import Framework

AS_OF = dt.date(2026, 11, 22)
ROOT = Path(__file__).resolve().parents[1]
PEOPLE = {
    "jordan": ROOT / "tests/data/personas/coordinator.yaml",
    "morgan": ROOT / "tests/data/personas/pm-with-pmp.yaml",
    "casey": ROOT / "tests/data/personas/pmo-analyst.yaml",
    "robin": ROOT / "tests/data/personas/senior-pm-programme.yaml",
    "sasha": ROOT / "tests/data/personas/pmo-manager.yaml",
    "kim": ROOT / "tests/data/personas/agile-lead.yaml",
    "alex": ROOT / "examples/project-manager.yaml",
    "priya": ROOT / "examples/pmo-analyst.yaml",
    "sam": ROOT / "examples/project-coordinator.yaml",
}
#: (person, target) of tests/coach_cases.md that the data of today can plan
CASES = [
    ("jordan", "pmo-analyst"),
    ("morgan", "pmo-manager"),
    ("casey", "pmo-manager"),
    ("casey", "pmo-director"),
    ("robin", "pmo-director"),
    ("sasha", "pmo-director"),
    ("sasha", "chief-project-officer"),
    ("kim", "program-manager"),
    ("alex", "pmo-director"),
    ("priya", "pmo-director"),
    ("sam", "pmo-director"),
]


def plan_for(fw: Framework, who: str, target: str) -> Plan:
    profile = load_profile(PEOPLE[who], fw).profile
    return summarise(profile, fw, target, as_of=AS_OF)[0]


def items(p: Plan) -> list[PlanItem]:
    return [it for ph in p.phases for it in ph.items]


def planned(p: Plan) -> dict[str, PlanItem]:
    """The certifications in the plan (their exam items), by ID."""
    return {it.ref: it for it in items(p) if it.step == "exam" and it.ref}


@pytest.mark.parametrize(
    ("who", "target", "never"),
    [
        ("jordan", "pmo-analyst", {"psm-1", "csm", "pmi-acp", "pmi-sp", "pmp"}),  # C01
        ("morgan", "pmo-manager", {"cssgb", "pmi-acp"}),  # C02
        ("kim", "program-manager", {"pmi-rmp", "pmi-sp", "psm-1"}),  # C08
        ("priya", "pmo-director", {"pmi-acp", "pmi-rmp", "pmi-sp", "pmp", "cssgb"}),  # C10
        ("robin", "pmo-director", {"pmi-acp", "pmi-rmp", "cssgb", "pgmp", "pfmp"}),  # C05
    ],
)
def test_rule_1_only_what_the_path_recommends(
    session_fw: Framework, who: str, target: str, never: set[str]
) -> None:
    assert not never & set(planned(plan_for(session_fw, who, target)))


@pytest.mark.parametrize(("who", "target"), CASES)
def test_rule_1_holds_for_every_case(session_fw: Framework, who: str, target: str) -> None:
    p = plan_for(session_fw, who, target)
    ahead = {c for r in p.score.path[1:] for c in session_fw.role_by_id[r].certifications}
    needed_first = {
        c
        for cid in planned(p)
        for route in session_fw.certification_by_id[cid].prerequisites.routes
        for c in (*route.certifications, *route.one_of)
    }
    assert set(planned(p)) <= ahead | needed_first


@pytest.mark.parametrize(
    ("who", "target", "never"),
    [
        ("morgan", "pmo-manager", {"capm", "prince2-foundation"}),  # C02: PMP held
        ("kim", "program-manager", {"capm", "prince2-foundation"}),  # C08: PMP in month 1
        ("alex", "pmo-director", {"capm", "prince2-foundation"}),  # C09: PMP held
    ],
)
def test_rule_2_no_entry_credential_beside_its_senior(
    session_fw: Framework, who: str, target: str, never: set[str]
) -> None:
    assert not never & set(planned(plan_for(session_fw, who, target)))


@pytest.mark.parametrize(("who", "target"), CASES)
def test_rule_2_an_outranked_credential_is_only_a_step(
    session_fw: Framework, who: str, target: str
) -> None:
    p = plan_for(session_fw, who, target)
    certs = planned(p)
    held = {h.id for h in load_profile(PEOPLE[who], session_fw).profile.certifications}
    for cid in certs:
        seniors = set(session_fw.certification_by_id[cid].outranked_by)
        assert not seniors & held, cid
        if seniors & set(certs):  # planned beside its senior: only as the senior's step
            senior_routes = [
                route
                for s in seniors & set(certs)
                for route in session_fw.certification_by_id[s].prerequisites.routes
            ]
            assert any(cid in (*r.certifications, *r.one_of) for r in senior_routes), cid


@pytest.mark.parametrize(
    ("who", "target", "cert", "by_month"),
    [
        ("kim", "program-manager", "pmp", 2),  # C08: 11 h of education, then the exam
        ("morgan", "pmo-manager", "pmi-pmocp", 2),  # C02: 10 h of PMO education first
        ("casey", "pmo-director", "pmi-pmocp", 1),  # C04: eligible now
        ("robin", "pmo-director", "pmi-pmocp", 2),  # C05
        ("alex", "pmo-director", "pmi-pmocp", 2),  # C09
        ("priya", "pmo-director", "pmi-pmocp", 2),  # C10: 4 h of PMO education first
    ],
)
def test_rule_3_the_tracks_credential_starts_in_the_first_months(
    session_fw: Framework, who: str, target: str, cert: str, by_month: int
) -> None:
    exam = planned(plan_for(session_fw, who, target)).get(cert)
    assert exam is not None and exam.start_month <= by_month


def test_rule_3_waits_for_its_eligibility(session_fw: Framework) -> None:
    # C01: Jordan has 24 of PMI-PMOCP's 36 project-related months: eligible in month 12
    exam = planned(plan_for(session_fw, "jordan", "pmo-analyst")).get("pmi-pmocp")
    assert exam is not None and exam.start_month >= 13


def test_rule_3_sasha_plans_pmocp_not_pgmp(session_fw: Framework) -> None:
    # C06: PMI-PMOCP, eligible now, not resting on the PMP; PgMP never (programme 36 of 48)
    certs = planned(plan_for(session_fw, "sasha", "pmo-director"))
    assert "pmi-pmocp" in certs and "pgmp" not in certs and "pmo-cc" not in certs


@pytest.mark.parametrize(("who", "target"), CASES)
def test_rule_4_every_planned_certification_is_dated(
    session_fw: Framework, who: str, target: str
) -> None:
    p = plan_for(session_fw, who, target)
    status = {c.eligibility.id: c.eligibility for c in p.score.certifications}
    for cid, exam in planned(p).items():
        el = status.get(cid)
        if el is not None and el.eligible_in_months is not None:
            assert exam.start_month > el.eligible_in_months or el.eligible_in_months == 0


@pytest.mark.parametrize(("who", "target"), CASES)
def test_rule_5_chosen_over_names_only_what_the_plan_leaves_out(
    session_fw: Framework, who: str, target: str
) -> None:
    p = plan_for(session_fw, who, target)
    certs = set(planned(p))
    for it in items(p):
        assert not set(it.alternatives) & certs, (it.ref, it.alternatives)
        if it.alternatives:  # each named, with the reason it lost
            clause = it.why.split("chosen over ", 1)[1]
            for alt in it.alternatives:
                assert f"{session_fw.cert_name(alt)} (" in clause, alt


def test_validate_checks_the_new_references(runner: CliRunner, data_copy: Path) -> None:
    roles, certs = data_copy / "roles.yaml", data_copy / "certifications.yaml"
    text = roles.read_text(encoding="utf-8")
    roles.write_text(
        text.replace("    primary_certification: pgmp\n", "    primary_certification: pfmp\n", 1),
        encoding="utf-8",
    )
    text = certs.read_text(encoding="utf-8")
    certs.write_text(
        text.replace("    outranked_by: [pmp]\n", "    outranked_by: [pmp-x]\n", 1),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(data_copy)])
    out = " ".join(result.stdout.split())
    assert result.exit_code == 2
    assert re.search(r"roles\.yaml:\d+: roles\[\d+\]\.primary_certification: ", out) or (
        "primary_certification" in out
    )
    assert "pmp-x" in out
