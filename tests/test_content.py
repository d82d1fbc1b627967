"""The built-in content: every promised ID, and facts that carry their provenance."""

from __future__ import annotations

import pytest

from pmopath.framework import Framework, check_framework, load_framework
from pmopath.models import LEVELS, STEPS, Confidence

ROLE_IDS = {
    "project-coordinator": "coordinator",
    "junior-project-manager": "junior-pm",
    "project-manager": "pm",
    "senior-project-manager": "senior-pm",
    "program-manager": "program",
    "portfolio-manager": "portfolio",
    "pmo-analyst": "analyst",
    "pmo-manager": None,
    "pmo-director": "director",
    "chief-project-officer": "cpo",
    "pmo-administrator": None,
}
COMPETENCY_IDS = [
    "pm-methodologies",
    "planning-scheduling",
    "risk-management",
    "budgeting-cost-control",
    "pm-tools",
    "p3m-administration",
    "p3m-delivery-support",
    "p3m-enabling",
    "pmo-management",
    "strategic-thinking",
    "governance",
    "financial-resource-management",
    "performance-monitoring",
    "data-driven-decisions",
    "leadership-influence",
    "stakeholder-communication",
    "team-development",
    "change-leadership",
    "networking",
    "continuous-improvement",
]
CERT_IDS = [
    "capm",
    "pmp",
    "pgmp",
    "pfmp",
    "pmi-acp",
    "pmi-rmp",
    "pmi-pmocp",
    "prince2-foundation",
    "prince2-practitioner",
    "csm",
    "psm-1",
    "p3o-foundation",
    "msp-foundation",
]


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def test_builtin_framework_has_no_problems() -> None:
    _, problems = check_framework()
    assert problems == []


@pytest.mark.parametrize(("role_id", "alias"), ROLE_IDS.items())
def test_role_ids_and_aliases(fw: Framework, role_id: str, alias: str | None) -> None:
    assert fw.role(role_id).id == role_id
    if alias:
        assert alias in fw.role_by_id[role_id].aliases
        assert fw.role(alias).id == role_id


def test_competency_and_cert_ids(fw: Framework) -> None:
    assert set(COMPETENCY_IDS) <= set(fw.competency_by_id)
    assert set(CERT_IDS) <= set(fw.certification_by_id)
    assert fw.certification("pmo-cp").id == "pmi-pmocp"


def test_ladder_has_several_routes_up(fw: Framework) -> None:
    leads = {r.id: set(r.leads_to) for r in fw.roles}
    assert "program-manager" in leads["project-manager"]
    assert "pmo-manager" in leads["program-manager"]
    assert "pmo-manager" in leads["pmo-analyst"]
    assert "pmo-director" in leads["pmo-manager"]


def test_every_competency_is_complete(fw: Framework) -> None:
    for comp in fw.competencies:
        assert sorted(comp.levels) == list(LEVELS), comp.id
        for step in STEPS:
            assert comp.actions[step], (comp.id, step)


def test_framework_says_its_competency_names_are_its_own(fw: Framework) -> None:
    notice = fw.competencies_file.framework.notice or ""
    assert "not that framework's official list" in notice
    domains = {d for dom in fw.domains for d in dom.aligned_to.pmo_competency_framework}
    assert domains == {
        "P3M Administration",
        "P3M Delivery Support",
        "P3M Enabling",
        "PMO Management",
    }


def test_every_fact_is_dated_and_sourced(fw: Framework) -> None:
    for cert in fw.certifications:
        sections = [cert, cert.prerequisites, cert.renewal, cert.study, *cert.exams, *cert.fees]
        for section in sections:
            assert section.sources and section.as_of, cert.id
    for fee in (f for c in fw.certifications for f in c.fees):
        if fee.amount is None:
            assert fee.confidence is Confidence.unconfirmed and fee.note
        else:
            assert fee.currency is not None


def test_reference_conflicts_are_marked_not_picked(fw: Framework) -> None:
    # The reference tags these [X] or [U]; the data must say so.
    acp = fw.certification_by_id["pmi-acp"]
    assert acp.prerequisites.confidence is Confidence.conflicting
    pmocp = fw.certification_by_id["pmi-pmocp"]
    assert pmocp.fees[0].amount is None and pmocp.renewal.confidence is Confidence.unconfirmed
    prince2 = fw.certification_by_id["prince2-foundation"]
    assert prince2.renewal.confidence is Confidence.conflicting
    assert fw.role_by_id["chief-project-officer"].confidence is Confidence.unconfirmed


def test_pmp_routes_are_structured(fw: Framework) -> None:
    routes = fw.certification_by_id["pmp"].prerequisites.routes
    months = sorted(r.experience[0].months for r in routes)
    assert months == [24, 36, 60]
    assert all(r.training is not None and r.training.hours == 35 for r in routes)
    assert all(r.training is not None and "capm" in r.training.waived_by for r in routes)
