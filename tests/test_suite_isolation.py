"""The suite itself: collection touches nothing of the user's, whatever their settings say."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import clock

ROOT = Path(__file__).resolve().parents[1]


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_collection_writes_nothing_of_the_users_and_ignores_their_settings(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    cache = tmp_path / "pmopath-cache"
    xdg = tmp_path / "xdg-cache"
    for folder in (home, cache, xdg):
        folder.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PMOPATH_", "XDG_"))},
        "HOME": str(home),
        "XDG_CACHE_HOME": str(xdg),
        "PMOPATH_DATA": "/nonexistent",  # a documented setting, pointing nowhere
        "PMOPATH_HOME": str(tmp_path / "no" / "such" / "home"),
        "PMOPATH_CACHE": str(cache),
        "PMOPATH_NO_CACHE": "not-a-boolean",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert " tests collected" in done.stdout
    assert files_under(home) == files_under(cache) == files_under(xdg) == []
    assert not (tmp_path / "no").exists()


def test_the_clock_is_the_suites_day(today: dt.date) -> None:
    assert today == clock.today()
    assert dt.date.today() == today  # what pmopath's command line reads in every test
