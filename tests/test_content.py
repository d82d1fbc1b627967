"""The built-in content: every promised ID, and facts that carry their provenance."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from pmopath.load.framework import builtin_data_dir, check_framework, load_framework
from pmopath.model.catalog import Framework
from pmopath.model.framework import LEVELS, STEPS, Confidence

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


# ------------------------------------------------------- content corrections (2026-11)


def test_every_registry_defines_estimate_and_nothing_cites_the_old_fact_sheet(
    fw: Framework,
) -> None:
    files = (fw.roles_file, fw.competencies_file, fw.certifications_file)
    for file in files:
        assert "estimate" in file.sources and "S0" not in file.sources
        assert file.sources["estimate"].publisher == "pmopath"
    assert "S0" not in fw.citations and "S3" not in fw.citations  # S3 was a course listing


def test_certification_actions_take_the_certifications_own_study_hours(fw: Framework) -> None:
    # A plan schedules a certification at the midpoint of its study hours; the
    # competency's action shows the same number.
    for comp in fw.competencies:
        for step, actions in comp.actions.items():
            for action in actions:
                if action.certification is None:
                    continue
                study = fw.certification_by_id[action.certification].study
                assert action.hours == (study.min_hours + study.max_hours) / 2, (comp.id, step)
                if step == "3-4":
                    level = fw.certification_by_id[action.certification].level
                    assert level.value != "foundation", (comp.id, action.title)


def test_development_actions_are_not_repeated(fw: Framework) -> None:
    titles = [a.title.lower() for c in fw.competencies for acts in c.actions.values() for a in acts]
    assert len(titles) == len(set(titles))
    # presenting at an event or conference builds authority once, at networking 2 -> 3
    talks = [
        (c.id, step)
        for c in fw.competencies
        for step, acts in c.actions.items()
        for a in acts
        if a.title.lower().startswith(("present", "speak", "share"))
        and a.kind.value == "networking"
    ]
    assert talks == [("networking", "2-3")], talks
    p3o = [
        a
        for c in fw.competencies
        for acts in c.actions.values()
        for a in acts
        if a.certification == "p3o-foundation"
    ]
    assert len(p3o) == 1


def test_level_descriptors_describe_what_people_do(fw: Framework) -> None:
    for comp in fw.competencies:
        for level, text in comp.levels.items():
            assert not text.startswith(("Knows", "Understands", "Is aware")), (comp.id, level)
    assert not any(s.summary.startswith("Knows") for s in fw.competencies_file.scale)


def test_director_and_cpo_requirements_follow_their_sources(fw: Framework) -> None:
    director = fw.role_by_id["pmo-director"].competencies
    for comp_id in ("governance", "risk-management", "financial-resource-management"):
        assert director[comp_id].importance.value == "core", comp_id
    assert director["data-driven-decisions"].importance.value == "core"
    cpo = fw.role_by_id["chief-project-officer"].competencies
    assert {"risk-management", "pm-methodologies", "governance"} <= set(cpo)
    # the analyst -> manager step is where data turns into recommendations (S96)
    analyst = fw.role_by_id["pmo-analyst"].competencies
    manager = fw.role_by_id["pmo-manager"].competencies
    for comp_id in ("performance-monitoring", "data-driven-decisions", "p3m-delivery-support"):
        assert analyst[comp_id].level < manager[comp_id].level, comp_id
    # the director's experience names the kind its source describes
    years, _, pmo = fw.role_by_id["pmo-director"].experience
    assert years.kind.value == "project-related" and "S121" in (years.note or "")
    # time in a PMO before director: an estimate from the seed articles and job profiles
    # (fact sheet section 7), the low end of "two to three years"
    assert (pmo.kind.value, pmo.years) == ("pmo", 2)
    assert {"S59", "S131"} <= set(re.findall(r"S\d+", pmo.note or ""))
    assert "estimate" in (pmo.note or "")


def test_ipma_gates_carry_their_recency_windows(fw: Framework) -> None:
    windows = {"ipma-c": {72}, "ipma-b": {96}, "ipma-a": {144}}
    for cert_id, expected in windows.items():
        gates = [
            g
            for route in fw.certification_by_id[cert_id].prerequisites.routes
            for g in route.experience
        ]
        assert gates and {g.within_months for g in gates} == expected, cert_id
    ipma_a = fw.certification_by_id["ipma-a"].prerequisites
    assert ipma_a.confidence is Confidence.conflicting and "S57" in ipma_a.sources
    assert all(c.renewal.period_years == 5 for c in fw.certifications if c.id.startswith("ipma-"))


def test_pmocp_gate_has_no_window_pmi_does_not_state(fw: Framework) -> None:
    (route,) = fw.certification_by_id["pmi-pmocp"].prerequisites.routes
    (gate,) = route.experience
    assert gate.within_months is None and "8 years" not in (gate.note or "")


def test_msp_practitioner_exam_is_filled_in(fw: Framework) -> None:
    (exam,) = fw.certification_by_id["msp-practitioner"].exams
    assert exam.minutes == 150 and exam.pass_mark and "70 marks" in exam.pass_mark
    assert exam.confidence is Confidence.single_source


def test_peoplecert_renewals_follow_one_rule(fw: Framework) -> None:
    peoplecert = [c for c in fw.certifications if c.body.startswith("PeopleCert")]
    assert {c.id for c in peoplecert} >= {
        "prince2-foundation",
        "msp-practitioner",
        "p3o-foundation",
    }
    for cert in peoplecert:
        renewal = cert.renewal
        assert renewal.period_years == 3 and {"S39", "S40", "S41"} <= set(renewal.sources)
        disputed = cert.level.value == "foundation" or cert.id.startswith("p3o")
        expected = Confidence.conflicting if disputed else Confidence.confirmed
        assert renewal.confidence is expected, cert.id


def test_pmi_fees_cite_sources_that_carry_them(fw: Framework) -> None:
    for cert_id in ("pgmp", "pfmp"):
        for fee in fw.certification_by_id[cert_id].fees:
            assert "S12a" not in fee.sources, cert_id
    pmp = {f.kind: f for f in fw.certification_by_id["pmp"].fees}
    assert pmp["exam (non-member)"].confidence is Confidence.conflicting
    assert "$555" in (pmp["exam (non-member)"].note or "")


# ------------------------------------------------------- how each action is done (2026-11)


def _raw_actions() -> list[tuple[str, str, dict[str, Any]]]:
    """Every development action as written in competencies.yaml, before any defaults.

    Read from the file itself: the built framework may come from the cache (built
    with ``model_construct``), whose ``model_fields_set`` does not say what was written.
    """
    data = yaml.safe_load((builtin_data_dir() / "competencies.yaml").read_text(encoding="utf-8"))
    return [
        (comp["id"], step, action)
        for comp in data["competencies"]
        for step, actions in comp["actions"].items()
        for action in actions
    ]


def _title_key(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", title.casefold()).split())


def test_every_action_says_how_it_is_done() -> None:
    actions = _raw_actions()
    assert actions
    for comp_id, step, action in actions:
        where = (comp_id, step, action["title"])
        assert "mode" in action, where
        assert action["mode"] in ("study", "on-the-job"), where
        if action["mode"] == "on-the-job":
            assert "months" in action, where
        if "line-manage" in action["title"].lower():
            assert action.get("context") == "people-leadership", where
    on_the_job = [a for _, _, a in actions if a["mode"] == "on-the-job"]
    assert len(on_the_job) * 3 >= len(actions), (len(on_the_job), len(actions))


def test_no_two_actions_share_a_title_and_none_repeats_a_standing_item() -> None:
    seen: dict[str, tuple[str, str]] = {}
    for comp_id, step, action in _raw_actions():
        key = _title_key(action["title"])
        assert key not in seen, (action["title"], seen.get(key), (comp_id, step))
        seen[key] = (comp_id, step)
        # every plan already gets a mentor and a community (plan_actions)
        assert not key.startswith(("find a mentor", "join a pmi chapter")), (comp_id, step)
