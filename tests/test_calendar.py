"""Dates that break naive month arithmetic: month ends, 31 Dec -> 1 Jan, 29 Feb, the month a
position starts and ends.

The checks are invariants worked out from the rules, not figures copied from today's output:
months to go fall by exactly one a month while nothing else changes, eligibility flips in the
month the rule is met (whatever the day), gap and roadmap agree, and the ready month is
``ready_in_months`` counted from the as-of month (month 1 is the as-of month).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import time_machine
from typer.testing import CliRunner

from pmopath.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

#: Days that trip day- or month-based arithmetic.
AWKWARD = (
    dt.date(2026, 1, 31),
    dt.date(2026, 2, 28),
    dt.date(2026, 12, 31),
    dt.date(2027, 1, 1),
    dt.date(2028, 2, 29),
    dt.date(2028, 3, 1),
    dt.date(2030, 12, 31),
)


def month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def run_json(runner: CliRunner, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


@pytest.mark.parametrize("day", AWKWARD, ids=str)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_gap_and_roadmap_agree_on_awkward_days(
    runner: CliRunner, example: Path, day: dt.date
) -> None:
    args = ("--profile", str(example), "--target", "director", "--as-of", day.isoformat())
    gap = run_json(runner, "gap", *args)
    roadmap = run_json(runner, "roadmap", *args)
    for doc in (gap, roadmap):
        assert doc["as_of"] == day.isoformat()
        months = doc["ready_in_months"]
        if months is not None:
            assert doc["ready_label"] == label(month_index(day) + months - 1)
    for key in ("ready_in_months", "ready_label", "months_short", "readiness", "requirements_met"):
        assert gap[key] == roadmap[key], key


def leading_projects_since(tmp_path: Path, start: str) -> Path:
    """A project manager with a degree and 40 h of training, leading projects since ``start``."""
    path = tmp_path / f"pm-since-{start}.yaml"
    path.write_text(
        "current_role: project-manager\n"
        "education: bachelor\n"
        "training: {general: 40}\n"
        "positions:\n"
        "  - title: Project manager, Acme\n"
        "    role: project-manager\n"
        f"    start: {start}\n"
        "    kinds: [project-management]\n",
        encoding="utf-8",
    )
    return path


def pmp_on(runner: CliRunner, profile: Path, day: dt.date) -> dict[str, Any]:
    """`pmopath certs pmp --profile` with the clock at 10:00 on ``day``: what the CLI reads."""
    moment = dt.datetime.combine(day, dt.time(10, 0), tzinfo=dt.timezone.utc)
    with time_machine.travel(moment, tick=False):
        eligibility: dict[str, Any] = run_json(runner, "certs", "pmp", "--profile", str(profile))[
            "eligibility"
        ]
    assert eligibility["as_of"] == day.isoformat()
    return eligibility


def month_ends_and_starts(first: dt.date, months: int) -> list[tuple[int, dt.date]]:
    """(months after ``first``'s month, day) for the first and last day of each month."""
    out = []
    for n in range(months):
        index = month_index(first) + n
        start = dt.date(index // 12, index % 12 + 1, 1)
        following = dt.date((index + 1) // 12, (index + 1) % 12 + 1, 1)
        out += [(n, start), (n, following - dt.timedelta(days=1))]
    return out


@pytest.mark.parametrize(
    ("start", "eligible_month"),
    [
        # PMP with a four-year degree: 36 months of leading projects (the 35 hours are held).
        # A current position counts complete months up to the month before today, so
        # 36 months from 2024-01 are complete on 1 Jan 2027, and from 2025-02 in Feb 2028.
        ("2024-01", dt.date(2027, 1, 1)),
        ("2025-02", dt.date(2028, 2, 1)),
    ],
)
def test_months_to_go_fall_by_one_a_month_and_flip_at_the_boundary(
    runner: CliRunner, tmp_path: Path, start: str, eligible_month: dt.date
) -> None:
    profile = leading_projects_since(tmp_path, start)
    first = dt.date(
        (month_index(eligible_month) - 5) // 12, (month_index(eligible_month) - 5) % 12 + 1, 1
    )
    for n, day in month_ends_and_starts(first, 7):
        to_go = 5 - n
        found = pmp_on(runner, profile, day)
        if to_go > 0:
            assert found["status"] == "not-yet-eligible", day
            assert found["eligible_in_months"] == to_go, day
        else:
            assert found["status"] == "eligible", day
            assert not found["missing"], day


def test_the_month_a_position_starts_and_ends(runner: CliRunner, tmp_path: Path) -> None:
    """A position counts its complete months: none in its first month, then one a month; a
    position that has ended counts the same on every later day."""
    current = leading_projects_since(tmp_path, "2026-12")
    ended = tmp_path / "ended.yaml"
    ended.write_text(
        current.read_text(encoding="utf-8").replace(
            "    start: 2026-12\n", "    start: 2020-03\n    end: 2026-02\n"
        ),
        encoding="utf-8",
    )

    def project_months(profile: Path, day: dt.date) -> float:
        doc = run_json(
            runner, "gap", "--profile", str(profile), "-t", "director", "--as-of", str(day)
        )
        (row,) = [e for e in doc["experience"] if e["kind"] == "project-related"]
        return round(row["current_years"] * 12)

    assert project_months(current, dt.date(2026, 12, 31)) == 0
    assert project_months(current, dt.date(2027, 1, 1)) == 1
    assert project_months(current, dt.date(2028, 2, 29)) == 14
    for day in (dt.date(2026, 3, 1), dt.date(2026, 12, 31), dt.date(2028, 2, 29)):
        assert project_months(ended, day) == 72, day
