"""Credential renewal: a held certification's standing against the body's cycle (issue 20).

Expectations from tests/coach_cases.md (B8, CF9, the `renewal:` assertions and C17) and fact
sheet section 7, written before the code: PMI credentials run on 3-year cycles, CSM on 2,
PeopleCert certificates on 3; a renewal point passed with no renewal recorded is asked about;
a lapsed credential is not held.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError
from rich.console import Console
from typer.testing import CliRunner

from pmopath.base.errors import ExitStatus, PmopathError
from pmopath.cli.app import app
from pmopath.cli.assess import run_assessment
from pmopath.cli.questions import Part, Question
from pmopath.engine.eligibility import statuses
from pmopath.engine.renewal import standing, standings
from pmopath.load.store import Store
from pmopath.model.catalog import Framework
from pmopath.model.profile import HeldCertification, Profile, profile_to_data
from pmopath.render import Format, renderer_for
from pmopath.render.console import as_text
from pmopath.views.profile import profile_view
from scripted import BACKGROUND, ScriptedAsk

AS_OF = dt.date(2026, 11, 22)
FW: Framework


@pytest.fixture(autouse=True, scope="module")
def _framework(session_fw: Framework) -> None:
    global FW
    FW = session_fw


def held(**kw: Any) -> HeldCertification:
    return HeldCertification.model_validate(kw)


# ------------------------------------------------------------------ the model


def test_a_held_certification_carries_its_renewal_and_lapse() -> None:
    cert = held(id="pmp", year=2020, renewed=2023)
    assert cert.renewed == 2023 and cert.lapsed is False
    assert held(id="pmp", year=2020, lapsed=True).lapsed is True


def test_renewed_before_it_was_obtained_is_refused() -> None:
    with pytest.raises(ValidationError, match="renewed"):
        held(id="pmp", year=2020, renewed=2019)


def test_the_compact_form_keeps_renewal_and_lapse() -> None:
    profile = Profile.model_validate(
        {
            "current_role": "project-manager",
            "certifications": [
                "csm",
                {"id": "pmp", "year": 2020, "renewed": 2023},
                {"id": "capm", "year": 2018, "lapsed": True},
            ],
        }
    )
    data = profile_to_data(profile)
    assert data["certifications"] == [
        "csm",
        {"id": "pmp", "year": 2020, "renewed": 2023},
        {"id": "capm", "year": 2018, "lapsed": True},
    ]
    assert Profile.model_validate(data) == profile


def test_a_lapsed_certification_is_not_held() -> None:
    profile = Profile.model_validate(
        {
            "current_role": "project-manager",
            "certifications": [{"id": "pmp", "year": 2020, "lapsed": True}, "csm"],
        }
    )
    assert profile.held() == {"csm"}


# ----------------------------------------------------------------- standing


@pytest.mark.parametrize(
    ("kw", "expected", "due"),
    [
        ({"id": "pmp", "year": 2024}, "current", 2027),  # C02: cycle to 2027, not asked
        ({"id": "pmp", "year": 2022}, "unknown", 2025),  # C05
        ({"id": "pmp", "year": 2021}, "unknown", 2024),  # C09
        ({"id": "pmp", "year": 2020}, "unknown", 2023),  # C06, C17: points 2023 and 2026
        ({"id": "pmp", "year": 2023}, "unknown", 2026),  # year + cycle <= 2026 (B8)
        ({"id": "pmp", "year": 2020, "renewed": 2024}, "current", 2027),
        ({"id": "pmp", "year": 2020, "lapsed": True}, "lapsed", None),
        ({"id": "csm", "year": 2022}, "unknown", 2024),  # C08: a 2-year cycle
        ({"id": "csm", "year": 2025}, "current", 2027),
        ({"id": "csm"}, "unknown", None),  # C09: no year recorded
        ({"id": "prince2-foundation"}, "unknown", None),  # C10
        ({"id": "prince2-agile-practitioner", "year": 2025}, "current", 2028),  # C14
        ({"id": "pmi-pmocp", "year": 2025}, "no-rule", None),  # C18: no invented rule
        ({"id": "pmi-pmocp"}, "no-rule", None),
        ({"id": "psm-1", "year": 2015}, "no-rule", None),  # never expires
    ],
)
def test_standing_against_the_bodys_cycle(kw: dict[str, Any], expected: str, due: int) -> None:
    found = standing(FW, held(**kw), AS_OF)
    assert (found.standing, found.due) == (expected, due)


def test_a_renewal_after_today_is_refused() -> None:
    with pytest.raises(PmopathError, match="renewed in 2027, after today") as caught:
        standing(FW, held(id="pmp", year=2020, renewed=2027), AS_OF)
    assert caught.value.exit_code == ExitStatus.DATA


def test_standings_cover_every_held_certification() -> None:
    profile = Profile.model_validate(
        {"current_role": "project-manager", "certifications": [{"id": "pmp", "year": 2024}, "csm"]}
    )
    found = standings(FW, profile, AS_OF)
    assert {k: v.standing for k, v in found.items()} == {"pmp": "current", "csm": "unknown"}


# --------------------------------------------------- what rests on a credential

CHRIS = """\
schema_version: 2
name: Chris Programme
current_role: program-manager
target_role: portfolio-manager
positions:
  - {title: "Business analyst", start: 2011-09, end: 2016-10, kinds: [other]}
  - {title: "Project manager", role: project-manager, start: 2016-11, end: 2019-10,
     kinds: [project-management]}
  - {title: "Programme manager", role: program-manager, start: 2019-11,
     kinds: [program, people-leadership]}
education: bachelor
training: {general: 50}
certifications:
  - {id: pmp, year: 2020}
hours_per_week: 5
"""

PMP_2020 = "your Project Management Professional (2020) is still active"


def chris(pmp: dict[str, Any] | None = None) -> Profile:
    data = yaml.safe_load(CHRIS)
    if pmp is not None:
        data["certifications"] = [pmp]
    return Profile.model_validate(data)


def test_pgmp_rests_on_a_pmp_whose_renewal_is_unknown() -> None:
    found, _ = statuses(FW, chris(), AS_OF, only="pgmp")
    pgmp = found["pgmp"]
    assert pgmp.status == "eligible"  # C17: programme 84 of 48, project months waived by PMP
    assert PMP_2020 in pgmp.unchecked


def test_a_renewed_pmp_waives_without_a_condition() -> None:
    found, _ = statuses(FW, chris({"id": "pmp", "year": 2020, "renewed": 2024}), AS_OF)
    assert found["pgmp"].status == "eligible"
    assert not [u for u in found["pgmp"].unchecked if "still active" in u]


def test_a_lapsed_pmp_does_not_waive() -> None:
    found, _ = statuses(FW, chris({"id": "pmp", "year": 2020, "lapsed": True}), AS_OF)
    assert found["pgmp"].status != "eligible"  # 36 of 48 project months, never earned now
    assert found["pmp"].status != "held"


def test_a_prerequisite_resting_on_an_unknown_pmp_says_so() -> None:
    profile = Profile.model_validate(
        {
            "current_role": "project-manager",
            "education": "bachelor",
            "certifications": [{"id": "pmp", "year": 2021}],
        }
    )
    found, _ = statuses(FW, profile, AS_OF, only="prince2-practitioner")
    practitioner = found["prince2-practitioner"]
    assert practitioner.status == "eligible"  # C09: "eligible now (PMP)"
    assert "your Project Management Professional (2021) is still active" in practitioner.unchecked


def test_the_held_line_says_when_renewal_was_due() -> None:
    found, _ = statuses(FW, chris(), AS_OF, only="pmp")
    pmp = found["pmp"]
    assert pmp.status == "held"
    assert pmp.renewal is not None
    assert (pmp.renewal.standing, pmp.renewal.due) == ("unknown", 2023)


# ------------------------------------------------------------------- output


def test_certs_shows_the_standing(tmp_path: Path) -> None:
    path = tmp_path / "chris.yaml"
    path.write_text(CHRIS, encoding="utf-8")
    result = CliRunner().invoke(app, ["certs", "--eligible", "--profile", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = {c["id"]: c for c in json.loads(result.stdout)["certifications"]}
    assert rows["pmp"]["renewal"] == "unknown"
    assert rows["pmp"]["renewal_due"] == 2023
    assert rows["pmp"]["status_text"] == "held; renewal was due in 2023 (not recorded)"
    assert rows["pgmp"]["status_text"].startswith(f"eligible now, if {PMP_2020}")
    assert rows["capm"]["renewal"] is None  # not held
    text = CliRunner().invoke(app, ["certs", "--eligible", "--profile", str(path)]).stdout
    assert "renewal was due in 2023" in " ".join(text.split())


def test_a_current_credential_says_until_when(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    # `certs` checks against the suite's day: a PMP from two years before it is current
    year = dt.date.today().year - 2
    path.write_text(
        f"current_role: project-manager\ncertifications:\n  - {{id: pmp, year: {year}}}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["certs", "pmp", "--profile", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    mine = doc.get("yours") or doc
    assert f"held; current to {year + 3}" in json.dumps(mine)


# ------------------------------------------------------------ the questionnaire

NOW = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.timezone.utc)


def assess(tmp_path: Path, script: dict[str, Any]) -> tuple[Profile, ScriptedAsk]:
    ask = ScriptedAsk({**BACKGROUND, **script})
    saved = run_assessment(
        FW, Store(tmp_path / "home"), ask, Console(file=io.StringIO()), clock=lambda: NOW
    )
    assert saved is not None
    return saved.profile, ask


def test_the_questionnaire_asks_about_a_credential_past_a_renewal_point(tmp_path: Path) -> None:
    # BACKGROUND ticks PMP (2021: the 2024 renewal point passed) and CSM (no year)
    profile, ask = assess(
        tmp_path,
        {"cert_renewal.pmp": "renewed", "cert_renewed.pmp": "2024", "cert_renewal.csm": "lapsed"},
    )
    assert ask.asked.count("cert_renewal.pmp") == 1 and "cert_renewed.pmp" in ask.asked
    assert [(c.id, c.year, c.renewed, c.lapsed) for c in profile.certifications] == [
        ("pmp", 2021, 2024, False),
        ("csm", None, None, True),
    ]
    assert profile.held() == {"pmp"}


def test_not_sure_keeps_the_standing_unknown(tmp_path: Path) -> None:
    profile, ask = assess(tmp_path, {"cert_renewal.pmp": "unsure", "cert_renewal.csm": "unsure"})
    assert "cert_renewed.pmp" not in ask.asked
    assert [(c.id, c.renewed, c.lapsed) for c in profile.certifications] == [
        ("pmp", None, False),
        ("csm", None, False),
    ]
    assert standing(FW, profile.certifications[0], AS_OF).standing == "unknown"


def test_a_current_credential_is_not_asked(tmp_path: Path) -> None:
    _, ask = assess(tmp_path, {"cert_year.pmp": "2024", "cert_year.csm": "2026"})
    assert not [k for k in ask.asked if k.startswith("cert_renew")]


def test_the_renewal_question_names_the_cycle(tmp_path: Path) -> None:
    prompts: list[str] = []

    class Recording(ScriptedAsk):
        def __call__(self, q: Question) -> Any:
            if q.key.part is Part.cert_renewal:
                prompts.append(q.prompt)
            return super().__call__(q)

    saved = run_assessment(
        FW,
        Store(tmp_path / "home"),
        Recording(BACKGROUND),
        Console(file=io.StringIO()),
        clock=lambda: NOW,
    )
    assert saved is not None
    assert prompts == [
        "Your Project Management Professional is from 2021; it renews every 3 years."
        " Is it still active?",
        "No year is given for your Certified ScrumMaster; it renews every 2 years."
        " Is it still active?",
    ]


def test_a_saved_profile_shows_renewal_and_lapse() -> None:
    profile = Profile.model_validate(
        {
            "current_role": "project-manager",
            "certifications": [
                {"id": "pmp", "year": 2020, "renewed": 2024},
                {"id": "csm", "year": 2021, "lapsed": True},
            ],
        }
    )
    view = profile_view(FW, None, profile, [], AS_OF)
    for fmt in (Format.terminal, Format.markdown):
        shown = " ".join(as_text(renderer_for(fmt).render(view), width=200).split())
        assert "Project Management Professional (2020, renewed 2024)" in shown
        assert "Certified ScrumMaster (2021, lapsed)" in shown


def test_a_lapsed_credential_may_be_planned_again(tmp_path: Path) -> None:
    def planned(pmp: str) -> set[str]:
        path = tmp_path / "p.yaml"
        path.write_text(
            "current_role: project-manager\ntarget_role: senior-project-manager\n"
            "education: bachelor\nhours_per_week: 5\n"
            "positions:\n  - {title: PM, role: project-manager, start: 2018-01,"
            " kinds: [project-management]}\n"
            f"training: {{general: 40}}\ncertifications:\n  - {pmp}\n",
            encoding="utf-8",
        )
        args = ["roadmap", "--profile", str(path), "--as-of", "2026-11-22", "-f", "json"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        phases = json.loads(result.stdout)["phases"]
        return {i["ref"] for p in phases for i in p["items"] if i["kind"] == "certification"}

    assert "pmp" not in planned("{id: pmp, year: 2024}")
    assert "pmp" in planned("{id: pmp, year: 2020, lapsed: true}")
