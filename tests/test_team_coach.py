"""The example team as a PMO coach read it by hand, before seeing pmopath's report.

tests/team_coach_view.md is that coach's note (from the files of examples/team,
data/roles.yaml and the fact sheet, without running pmopath); its section 7 lists facts a
team report should agree with. Each one that pmopath's figures can show is checked here.
Where the coach ranked differently (collective gaps by people short first, pmopath by the
weighted gap), the note's reading is checked by pmopath's own measure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pmopath.base.errors import ExitStatus
from pmopath.cli.app import app

TEAM = Path(__file__).resolve().parents[1] / "examples" / "team"

#: section 1: competencies met of those the person's own target requires
MET = {
    "Grace Mwangi": (10, 16),
    "Tomás Novák": (12, 14),
    "Aisha Rahman": (14, 16),
    "Ben Okafor": (11, 14),
    "Lena Fischer": (15, 20),
    "Sofía López": (6, 20),
    "Daniel Kim": (5, 14),
    "Hannah Osei": (5, 14),
    "Marco Rossi": (2, 15),
}
#: section 2: people meeting every requirement of the domain, of those it requires anything of
COVERAGE = {
    "delivery-practice": (4, 9),
    "pmo-services": (1, 6),
    "strategy-governance": (1, 9),
    "leadership-people": (1, 9),
}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["team", str(TEAM), "--format", "json"])
    assert result.exit_code == ExitStatus.PARTIAL  # the broken file, as the coach found
    assert "10-olivia-brown-broken.yaml" in result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_nine_people_are_read(report: dict[str, Any]) -> None:
    assert len(report["people"]) == 9
    assert [s["path"].rsplit("/", 1)[-1] for s in report["skipped"]] == [
        "10-olivia-brown-broken.yaml"
    ]


@pytest.mark.parametrize("name", MET)
def test_competencies_met_as_the_coach_counted(report: dict[str, Any], name: str) -> None:
    person = next(p for p in report["people"] if p["name"] == name)
    assert tuple(person["requirements_met"]["competencies"]) == MET[name]


def test_the_team_meets_80_of_143_requirements(report: dict[str, Any]) -> None:
    met = sum(p["requirements_met"]["competencies"][0] for p in report["people"])
    total = sum(p["requirements_met"]["competencies"][1] for p in report["people"])
    assert (met, total) == (80, 143)


@pytest.mark.parametrize("domain", COVERAGE)
def test_coverage_as_the_coach_counted(report: dict[str, Any], domain: str) -> None:
    d = next(d for d in report["coverage"] if d["id"] == domain)
    assert (d["people_meeting"], d["people_required"]) == COVERAGE[domain]


def test_governance_is_the_largest_collective_gap(report: dict[str, Any]) -> None:
    first = report["priorities"][0]
    assert (first["id"], first["people_short"], first["levels_short"]) == ("governance", 6, 6)
    assert first["weighted_gap"] == 14


def test_the_coach_s_next_gaps_are_among_the_priorities(report: dict[str, Any]) -> None:
    """The coach: pmo-management and risk-management tie at 4 people, 5 levels, weighted 13."""
    by_id = {p["id"]: p for p in report["priorities"]}
    for cid in ("pmo-management", "risk-management"):
        assert (by_id[cid]["people_short"], by_id[cid]["levels_short"]) == (4, 5)
        assert by_id[cid]["weighted_gap"] == 13


def test_calibration_flags_the_two_leadership_disagreements(report: dict[str, Any]) -> None:
    flags = {
        (f["person"], f["competency_id"], f["self_level"], f["other_level"])
        for f in report["calibration_flags"]
    }
    assert flags == {
        ("Ben Okafor", "leadership-influence", 3, 1),
        ("Sofía López", "leadership-influence", 1, 3),
    }  # and nothing from Lena's peer rating


def test_calibration_averages_as_the_coach_worked_them(report: dict[str, Any]) -> None:
    means = {a["id"]: (a["pairs"], a["mean"]) for a in report["calibration_averages"]}
    assert means["leadership-influence"] == (2, 0.0)  # +2 and -2: the average hides both
    assert means["risk-management"] == (2, 0.5)
    assert means["strategic-thinking"] == (1, 1.0)


def test_bench_strength_names_the_coach_s_successors(report: dict[str, Any]) -> None:
    """Within 12 months: Grace for PMO director, Aisha for programme manager, Lena for PMO
    manager (borderline); Ben and Lena for senior PM only once they line-manage someone."""
    bench = {b["id"]: b for b in report["bench"]}
    assert bench["pmo-director"]["candidates"][0]["name"] == "Grace Mwangi"
    assert "Grace Mwangi" in bench["pmo-director"]["within_year"]
    assert bench["program-manager"]["candidates"][0]["name"] == "Aisha Rahman"
    assert "Aisha Rahman" in bench["program-manager"]["within_year"]
    assert bench["pmo-manager"]["candidates"][0]["name"] == "Lena Fischer"
    senior = {c["name"]: c for c in bench["senior-project-manager"]["candidates"]}
    for name in ("Lena Fischer", "Ben Okafor"):
        # no one earns managing people yet: "with a line-management assignment from
        # December 2026, the earliest is about December 2027"
        assert senior[name]["ready_in_months"] in (12, 13)
        assert senior[name]["unearned"] == []
    assert "Daniel Kim" in bench["junior-project-manager"]["within_year"]  # 9 of 10 met
