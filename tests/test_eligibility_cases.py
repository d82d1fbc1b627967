"""The eligibility engine against boundary cases worked out by hand, before it was run.

The cases (tests/eligibility_cases.yaml) were written by an independent reviewer from
the published rules (README, "How eligibility is checked"), each with its working.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from pmopath.engine.eligibility import eligibility
from pmopath.load.framework import load_framework
from pmopath.model.catalog import Framework
from pmopath.model.profile import Profile
from pmopath.views.wording import missing_texts

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "eligibility_cases.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(fw: Framework, case: dict[str, Any]) -> None:
    data = {"current_role": "project-manager", **case["profile"]}
    data["certifications"] = data.get("certifications") or []
    profile = Profile.model_validate(data)
    as_of = case["as_of"]
    as_of = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(str(as_of))
    cert = fw.certification_by_id[case["cert"]]
    got = eligibility(fw, cert, profile, float(case["hours_per_week"]), as_of)
    expect = case["expect"]
    assert (got.status, got.eligible_in_months) == (
        expect["status"],
        expect["eligible_in_months"],
    ), f"{case['why']}\nmissing: {got.missing}\nassumptions: {got.assumptions}"
    if expect.get("route") and got.status != "held":
        assert got.route == expect["route"]
    missing = " | ".join(missing_texts(got.missing, fw)).lower()
    for fragment in expect.get("missing_contains") or []:
        assert fragment.lower() in missing, got.missing
    assumptions = " | ".join(got.assumptions).lower()
    for fragment in expect.get("assumption_contains") or []:
        assert fragment.lower() in assumptions, got.assumptions


def test_a_prince2_agile_practitioner_goes_straight_to_prince2_practitioner() -> None:
    # issue 20 and fact sheet section 6: PRINCE2 Agile Practitioner is accepted for PRINCE2
    # Practitioner; its holders were told to sit PRINCE2 Foundation first (no ID for it)
    import datetime as dt

    from pmopath.engine.eligibility import eligibility
    from pmopath.load.framework import load_framework
    from pmopath.model.profile import HeldCertification, Profile

    fw = load_framework()
    holder = Profile(
        current_role="project-manager",
        certifications=(HeldCertification(id="prince2-agile-practitioner"),),
    )
    el = eligibility(fw, fw.certification("prince2-practitioner"), holder, 4, dt.date(2026, 12, 4))
    assert el.status == "eligible" and not el.missing
