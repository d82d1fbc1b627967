"""Profile version 2: the dated work history, training by topic, and migration from version 1."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pmopath.base.errors import DataError
from pmopath.base.months import month_index, month_of
from pmopath.cli.app import app
from pmopath.engine.scoring import score
from pmopath.engine.worktime import ASSUMED_RECENT, WorkRecord
from pmopath.load.framework import load_framework
from pmopath.load.profiles import dump_profile, load_profile
from pmopath.model.catalog import Framework
from pmopath.model.framework import POSITION_KINDS, ExperienceKind
from pmopath.model.profile import PROFILE_SCHEMA_VERSION, Experience, Position, Profile

ROOT = Path(__file__).resolve().parents[1]
V1 = ROOT / "tests" / "data" / "profile-v1.yaml"
AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def person(*positions: Position, **kw: object) -> Profile:
    return Profile.model_validate({"current_role": "project-manager", **kw}).model_copy(
        update={"positions": positions}
    )


def job(start: str, end: str | None, *kinds: str) -> Position:
    return Position(
        title="Job", start=start, end=end, kinds=tuple(ExperienceKind(k) for k in kinds)
    )


# ---------------------------------------------------------------- migration


def test_a_version_1_profile_loads_as_version_2(fw: Framework) -> None:
    assert yaml.safe_load(V1.read_text())["schema_version"] == 1
    profile = load_profile(V1, fw).profile
    assert profile.schema_version == PROFILE_SCHEMA_VERSION == 2
    assert profile.training.general == 40  # the one total becomes general hours
    assert profile.training.pmo == 0
    assert profile.experience.project_management_years == 6
    assert profile.experience.program_portfolio_years == 1  # kept together, as given
    assert profile.positions == ()


def test_a_version_1_profile_round_trips_as_version_2(fw: Framework, tmp_path: Path) -> None:
    profile = load_profile(V1, fw).profile
    written = tmp_path / "again.yaml"
    written.write_text(dump_profile(profile))
    data = yaml.safe_load(written.read_text())
    assert data["schema_version"] == 2 and "training_hours" not in data
    assert data["training"]["general"] == 40
    assert data["experience"]["program_portfolio_years"] == 1
    assert load_profile(written, fw).profile == profile


def test_a_version_1_profile_says_what_it_assumed(fw: Framework) -> None:
    profile = load_profile(V1, fw).profile
    result = score(profile, fw, "pmo-director", as_of=AS_OF)
    status = {c.eligibility.id: c.eligibility for c in result.certifications}
    assert any(e.assumed_recent for e in result.experience)
    pgmp = status["pgmp"]
    assert any("together" in a for a in pgmp.assumptions)  # programme and portfolio merged
    assert pgmp.status == "not-yet-eligible"  # the merged years never count for PgMP alone


def test_version_1_years_count_where_either_kind_is_accepted(fw: Framework) -> None:
    profile = load_profile(V1, fw).profile
    record = WorkRecord(profile, AS_OF)
    assert record.count(ExperienceKind.program_portfolio).months == 12
    assert record.need(ExperienceKind.program, 12, None).have == 0


def test_a_version_2_profile_without_a_version_is_not_migrated() -> None:
    profile = Profile.model_validate({"current_role": "pm", "training": {"pmo": 10}})
    assert profile.training.pmo == 10


def test_a_future_version_is_refused(tmp_path: Path, fw: Framework) -> None:
    path = tmp_path / "v9.yaml"
    path.write_text("schema_version: 9\ncurrent_role: project-manager\n")
    with pytest.raises(DataError) as caught:
        load_profile(path, fw)
    assert caught.value.field == "schema_version"


# ---------------------------------------------------------------- positions


@pytest.mark.parametrize(
    ("position", "field", "fragment"),
    [
        ({"title": "X", "start": "2019-13"}, "positions[0].start", "enter a month as YYYY-MM"),
        ({"title": "X", "start": "2020-05", "end": "2020-04"}, "positions[0]", "before it starts"),
        ({"title": "X", "start": "2020-05", "kinds": ["risk"]}, "positions[0].kinds", "not risk"),
        ({"title": "", "start": "2020-05"}, "positions[0].title", "at least 1"),
        ({"title": "X", "start": "2020-05", "role": "no-such-role"}, "positions[0].role", "role"),
    ],
)
def test_a_bad_position_names_its_field(
    tmp_path: Path, fw: Framework, position: dict[str, object], field: str, fragment: str
) -> None:
    path = tmp_path / "p.yaml"
    data = {"schema_version": 2, "current_role": "project-manager", "positions": [position]}
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(DataError) as caught:
        load_profile(path, fw)
    assert caught.value.field == field
    assert fragment in caught.value.message
    assert caught.value.line is not None


def test_a_date_typed_as_a_day_is_read_as_its_month() -> None:
    assert job("2019-01", None).start == "2019-01"
    assert Position.model_validate({"title": "X", "start": dt.date(2019, 3, 5)}).start == "2019-03"


def test_overlapping_months_count_once() -> None:
    profile = person(
        job("2020-01", "2021-12", "project-management"),  # 24 months
        job("2021-01", "2022-12", "project-management", "agile"),  # 24, 12 of them shared
    )
    record = WorkRecord(profile, AS_OF)
    assert record.count(ExperienceKind.project_management).months == 36
    assert record.count(ExperienceKind.agile).months == 24
    assert record.count(ExperienceKind.project_related).months == 36
    assert record.count(ExperienceKind.business).months == 36


def test_a_current_position_counts_complete_months_only() -> None:
    record = WorkRecord(person(job("2026-10", None, "pmo")), AS_OF)
    assert record.count(ExperienceKind.pmo).months == 1  # October; November is not over
    assert (
        WorkRecord(person(job("2026-11", None, "pmo")), AS_OF).count(ExperienceKind.pmo).months == 0
    )


def test_a_window_counts_only_its_months() -> None:
    profile = person(job("2010-01", "2019-10", "project-management"))
    record = WorkRecord(profile, AS_OF)
    # the 96 months before 2026-11 start in 2018-11: 2018-11 .. 2019-10 is 12 months
    assert record.need(ExperienceKind.project_management, 36, 96).have == 12


def test_undated_years_are_whole_months_and_assumed_recent() -> None:
    profile = person(experience=Experience(project_management_years=2.96))
    need = WorkRecord(profile, AS_OF).need(ExperienceKind.project_management, 36, 96)
    assert (need.have, need.to_go) == (35, 1)  # 35.5 months is not 36
    assert ASSUMED_RECENT in need.assumptions


months = st.integers(month_index("1990-01"), month_index("2026-10"))


@st.composite
def positions(draw: st.DrawFn) -> Position:
    first = draw(months)
    last = draw(st.one_of(st.none(), st.integers(first, month_index("2026-10"))))
    kinds = draw(st.lists(st.sampled_from(POSITION_KINDS), unique=True, max_size=3))
    return Position(
        title="Job",
        start=month_of(first),
        end=None if last is None else month_of(last),
        kinds=tuple(kinds),
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(positions(), max_size=6), positions(), st.sampled_from(POSITION_KINDS))
def test_union_properties(history: list[Position], extra: Position, kind: ExperienceKind) -> None:
    now = month_index("2026-11")

    def span(p: Position) -> int:
        last = now - 1 if p.end is None else month_index(p.end)
        return last - month_index(p.start) + 1

    record = WorkRecord(person(*history), AS_OF)
    have = record.count(kind).months
    spans = [span(p) for p in history if kind in p.kinds]
    assert max(spans, default=0) <= have <= sum(spans)  # overlaps count once, never more
    more = WorkRecord(person(*history, extra), AS_OF)
    assert more.count(kind).months >= have  # a position never takes experience away
    business = record.count(ExperienceKind.business).months
    assert business >= have  # every kind is professional experience
    need = record.need(kind, 36, 96)
    assert (need.to_go == 0) == (need.have >= 36)
    growing = record.count(kind).growing
    if need.to_go != 0:
        # a month is promised exactly when something counting toward the kind grows now
        assert (need.to_go is not None) == growing
    if need.to_go is not None:
        assert 0 <= need.to_go <= 36  # growing one month a month, 36 months always suffice


# ---------------------------------------------------------------- the CLI


def test_certs_id_shows_your_own_eligibility(runner: CliRunner) -> None:
    analyst = ROOT / "examples" / "pmo-analyst.yaml"
    result = runner.invoke(app, ["certs", "pmi-pmocp", "-p", str(analyst), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    mine = json.loads(result.stdout)["eligibility"]
    assert set(mine) >= {"status", "route", "eligible_in_months", "missing", "assumptions"}
    assert mine["status"] == "not-yet-eligible"
    assert any("PMO education" in m for m in mine["missing"])  # 6 h of PMO training, not 10
    shown = runner.invoke(app, ["certs", "pmi-pmocp", "-p", str(analyst)])
    assert "Your eligibility" in shown.stdout and "route:" in shown.stdout


def test_certs_id_without_a_profile_shows_the_rules_only(runner: CliRunner) -> None:
    result = runner.invoke(app, ["certs", "pmp", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["eligibility"] is None
    assert "Your eligibility" not in runner.invoke(app, ["certs", "pmp"]).stdout


def test_certs_id_uses_the_latest_assessment(runner: CliRunner) -> None:
    pm = ROOT / "examples" / "project-manager.yaml"
    assert runner.invoke(app, ["assess", "--answers", str(pm)]).exit_code == 0
    result = runner.invoke(app, ["certs", "prince2-practitioner", "-f", "json"])
    mine = json.loads(result.stdout)["eligibility"]
    assert mine["status"] == "eligible"  # a PMP goes straight to Practitioner
    assert mine["basis"].startswith("from your latest assessment")


def test_certs_eligible_lists_soonest_first(runner: CliRunner) -> None:
    pm = ROOT / "examples" / "project-manager.yaml"
    result = runner.invoke(app, ["certs", "--eligible", "-p", str(pm), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)["certifications"]
    order = {"eligible": 0, "not-yet-eligible": 1, "blocked": 2, "held": 3}
    undated = float("inf")  # no month can be promised: after every dated row
    keys = [
        (
            order[r["status"]],
            undated if r["eligible_in_months"] is None else r["eligible_in_months"],
        )
        for r in rows
        if r["status"] != "blocked"
    ]
    assert keys == sorted(keys)
    for r in rows:
        if r["status"] == "not-yet-eligible" and r["eligible_in_months"] is None:
            assert r["eligible_when"] and r["status_text"].startswith("not yet")
    assert {r["id"] for r in rows if r["status"] == "held"} == {"pmp", "csm"}
    for fmt in ("terminal", "markdown"):
        shown = runner.invoke(app, ["certs", "--eligible", "-p", str(pm), "-f", fmt])
        assert shown.exit_code == 0 and "eligible" in shown.stdout


def test_certs_eligible_needs_a_profile(runner: CliRunner) -> None:
    result = runner.invoke(app, ["certs", "--eligible"])
    assert result.exit_code == 3
    assert "no saved assessments yet" in result.stderr


def test_certs_eligible_with_an_id_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["certs", "pmp", "--eligible"])
    assert result.exit_code == 3
    assert "leave out ID" in result.stderr


def test_show_lists_the_work_history(runner: CliRunner) -> None:
    pm = ROOT / "examples" / "project-manager.yaml"
    assert runner.invoke(app, ["assess", "--answers", str(pm)]).exit_code == 0
    shown = runner.invoke(app, ["show"])
    assert "Work history" in shown.stdout
    assert "Project manager, Northwind Insurance: 2023-11 to now" in shown.stdout
    markdown = runner.invoke(app, ["show", "-f", "markdown"]).stdout
    assert "## Work history" in markdown and "- **Project lead, Contoso Bank**: " in markdown


def test_a_position_with_no_kind_or_a_future_start_is_named() -> None:
    # issue 20: "a position saved with no kind at all is accepted silently"; a position
    # starting in the future was dropped without a word
    import datetime as dt

    from pmopath.model.profile import Position, Profile, position_warnings

    profile = Profile(
        current_role="project-manager",
        positions=(
            Position(title="Next job", start="2027-03", kinds=["project-management"]),
            Position(title="Odd job", start="2020-01", end="2021-01"),
            Position(title="Fine", start="2020-01", kinds=["pmo"]),
        ),
    )
    warnings = position_warnings(profile, dt.date(2026, 12, 4))
    assert len(warnings) == 2
    assert warnings[0].startswith("position 1 (Next job) starts in 2027-03")
    assert warnings[1].startswith("position 2 (Odd job) counts as no kind of work")
    assert position_warnings(profile, dt.date(2027, 3, 1))[0].startswith("position 2")
