"""`pmopath history`: the ready month and the change since the previous assessment, each
figure from the summary engine at the assessment's own date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmopath.base.months import month_label
from pmopath.base.text import local_day
from pmopath.cli.app import app
from pmopath.engine.summary import summarise
from pmopath.load.framework import load_framework
from pmopath.load.profiles import load_profile, profile_yaml
from pmopath.load.store import Store
from pmopath.model.catalog import Framework
from pmopath.model.profile import Profile, Rating

ROOT = Path(__file__).resolve().parents[1]
PM = ROOT / "examples" / "project-manager.yaml"
FIRST = dt.datetime(2026, 5, 4, 8, 0, tzinfo=dt.timezone.utc)
SECOND = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def two_assessments(fw: Framework) -> tuple[Profile, Profile]:
    """The example PM, then half a year on with PMO management 1 → 3 and governance 3 → 4."""
    base = load_profile(PM, fw, strict=True).profile
    first = base.model_copy(update={"assessed_at": FIRST})
    ratings = dict(base.ratings)
    ratings["pmo-management"] = Rating(level=3)
    ratings["governance"] = Rating(level=4)
    second = base.model_copy(update={"assessed_at": SECOND, "ratings": ratings})
    store = Store()
    store.save_assessment(profile_yaml(first), FIRST)
    store.save_assessment(profile_yaml(second), SECOND)
    return first, second


def expected(fw: Framework, profile: Profile) -> tuple[float, str | None, int | None]:
    """Readiness, ready month and months to it, as the summary engine gives them that day."""
    assert profile.assessed_at is not None
    day = local_day(profile.assessed_at)  # the day there, as the command line reads it
    summary = summarise(profile, fw, as_of=day)[1]
    ready = summary.ready_in_months
    return summary.readiness, None if ready is None else month_label(day, max(ready, 1)), ready


def test_history_json_has_ready_month_and_change(runner: CliRunner, fw: Framework) -> None:
    first, second = two_assessments(fw)
    r1, month1, _ = expected(fw, first)
    r2, month2, _ = expected(fw, second)
    assert month1 is not None and month2 is not None
    result = runner.invoke(app, ["history", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    one, two = json.loads(result.stdout)["assessments"]
    assert one["ready_month"] == month1 and two["ready_month"] == month2
    assert one["readiness"] == pytest.approx(r1) and two["readiness"] == pytest.approx(r2)
    assert one["readiness_change"] is None and one["ready_change_months"] is None  # no earlier
    assert two["readiness_change"] == pytest.approx(r2 - r1, abs=1e-4)
    assert two["readiness_change"] > 0  # two ratings went up
    y1, m1 = map(int, month1.split("-"))
    y2, m2 = map(int, month2.split("-"))
    assert two["ready_change_months"] == (y2 * 12 + m2) - (y1 * 12 + m1)


def change_words(fw: Framework, first: Profile, second: Profile) -> tuple[str, str]:
    r1, month1, _ = expected(fw, first)
    r2, month2, _ = expected(fw, second)
    assert month1 is not None and month2 is not None
    points = round((r2 - r1) * 100)
    y1, m1 = map(int, month1.split("-"))
    y2, m2 = map(int, month2.split("-"))
    months = (y2 * 12 + m2) - (y1 * 12 + m1)
    readiness = f"{points:+d} pts" if points else "readiness unchanged"
    if months == 0:
        ready = "ready month unchanged"
    else:
        n = abs(months)
        ready = f"{n} month{'s' if n != 1 else ''} {'later' if months > 0 else 'earlier'}"
    return readiness, ready


def test_history_terminal_shows_ready_month_and_change(runner: CliRunner, fw: Framework) -> None:
    first, second = two_assessments(fw)
    month2 = expected(fw, second)[1]
    readiness, ready = change_words(fw, first, second)
    result = runner.invoke(app, ["history"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "Ready" in out and str(month2) in out
    assert readiness in out and ready in out
    assert "first" in out  # the first assessment has nothing to compare with


def test_history_markdown_shows_ready_month_and_change(runner: CliRunner, fw: Framework) -> None:
    first, second = two_assessments(fw)
    month1, month2 = expected(fw, first)[1], expected(fw, second)[1]
    readiness, ready = change_words(fw, first, second)
    result = runner.invoke(app, ["history", "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if line.startswith("| #"))
    assert "Ready" in header and "Change" in header
    rows = [
        line
        for line in result.stdout.splitlines()
        if line.startswith("| 1") or line.startswith("| 2")
    ]
    assert str(month1) in rows[0] and str(month2) in rows[1]
    assert readiness in rows[1] and ready in rows[1]


def test_a_new_target_is_not_compared(runner: CliRunner, fw: Framework) -> None:
    _, second = two_assessments(fw)
    third = second.model_copy(
        update={"assessed_at": SECOND + dt.timedelta(days=1), "target_role": "pmo-manager"}
    )
    Store().save_assessment(profile_yaml(third), SECOND + dt.timedelta(days=1))
    doc = json.loads(runner.invoke(app, ["history", "--format", "json"]).stdout)
    last = doc["assessments"][-1]
    assert last["target_changed"] is True
    assert last["readiness_change"] is None and last["ready_change_months"] is None
    out = " ".join(runner.invoke(app, ["history"], env={"COLUMNS": "160"}).stdout.split())
    assert "new target" in out


def test_a_second_run_reads_its_figures_from_the_cache(
    runner: CliRunner, fw: Framework, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """history and progress plan each assessment once; the next run reads the same figures
    back, and an edited assessment is planned again."""
    import pmopath.engine.summary as summary_module

    monkeypatch.setenv("PMOPATH_CACHE", str(tmp_path / "cache"))
    two_assessments(fw)
    calls: list[str] = []
    real = summary_module.summarise

    def counting(*args: object, **kwargs: object) -> object:
        calls.append("plan")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(summary_module, "summarise", counting)
    first = runner.invoke(app, ["history", "--format", "json"])
    assert first.exit_code == 0, first.stderr
    assert len(calls) == 2
    again = runner.invoke(app, ["history", "--format", "json"])
    assert again.stdout == first.stdout and len(calls) == 2  # nothing planned again
    progress = runner.invoke(app, ["progress", "--format", "json"])
    assert progress.exit_code == 0 and len(calls) == 2  # the same target and days
    second = load_profile(PM, fw, strict=True).profile
    ratings = dict(second.ratings)
    ratings["networking"] = Rating(level=4)
    third = second.model_copy(update={"assessed_at": SECOND, "ratings": ratings})
    Store().save_assessment(profile_yaml(third), SECOND + dt.timedelta(hours=1))
    more = runner.invoke(app, ["history", "--format", "json"])
    assert more.exit_code == 0, more.stderr
    assert len(calls) == 3  # the new one only
    assert more.stdout.startswith(first.stdout[: first.stdout.index('"assessments"')])


def test_history_fits_80_columns(runner: CliRunner, fw: Framework) -> None:
    """At 80 columns the date (which the ID holds) and the count of ratings give way, so
    no line is wider than the terminal; at 120 they are shown."""
    two_assessments(fw)
    narrow = runner.invoke(app, ["history"], env={"COLUMNS": "80"})
    assert narrow.exit_code == 0, narrow.stderr
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 80
    assert "Readiness" in narrow.stdout and "Rated" not in narrow.stdout
    wide = runner.invoke(app, ["history"], env={"COLUMNS": "120"})
    assert "Rated" in wide.stdout and "2026-05-04" in wide.stdout
