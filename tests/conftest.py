"""What every test runs under: a fixed clock and an environment of its own.

Both are set up in ``pytest_configure``, before collection, so importing a test module
can neither read the real clock nor reach the user's folders or settings:

* the clock is at 09:30 UTC on the suite's day (``PMOPATH_TEST_TODAY``, see tests/clock.py),
  ticking from there;
* HOME, the XDG folders and pmopath's folders point into a temporary folder, and every
  other ``PMOPATH_*`` variable of the caller is removed.

Each test then gets fresh folders of its own (``_isolated``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import time_machine
from typer.testing import CliRunner

import clock
from pmopath.load.framework import builtin_data_dir, load_framework
from pmopath.model.catalog import Framework

ROOT = Path(__file__).resolve().parents[1]

#: Folders a program may write to on its own initiative, each pointed into the session's folder.
HOME_VARIABLES = ("HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")
#: the only PMOPATH_* settings a caller may give the suite: its day, and what the tests that
#: need node or Chromium do when those are missing (CI makes a skip a failure)
KEPT = {clock.ENV, "PMOPATH_REQUIRE_MERMAID", "PMOPATH_REQUIRE_BROWSER", "PMOPATH_CHROMIUM"}

_session: dict[str, Any] = {}


def pytest_configure(config: pytest.Config) -> None:
    clock.today()  # a bad PMOPATH_TEST_TODAY stops the run here, with its own message
    base = Path(tempfile.mkdtemp(prefix="pmopath-tests-"))
    _session["base"] = base
    for name in [n for n in os.environ if n.startswith("PMOPATH_") and n not in KEPT]:
        del os.environ[name]
    for name in HOME_VARIABLES:
        folder = base / name.lower()
        folder.mkdir()
        os.environ[name] = str(folder)
    os.environ["PMOPATH_HOME"] = str(base / "pmopath-home")
    os.environ["PMOPATH_CACHE"] = str(base / "pmopath-cache")
    os.environ["NO_COLOR"] = "1"
    traveller = time_machine.travel(clock.start(), tick=True)
    traveller.start()
    _session["clock"] = traveller


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = _session.pop("clock", None)
    if traveller is not None:
        traveller.stop()
    base = _session.pop("base", None)
    if base is not None:
        shutil.rmtree(base, ignore_errors=True)


def pytest_report_header(config: pytest.Config) -> str:
    return f"pmopath suite clock: {clock.today().isoformat()} (set {clock.ENV} to change it)"


@pytest.fixture(scope="session")
def framework_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One framework cache for the session (entries are keyed by content, so it is shared)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def today() -> Any:
    """The suite's day (a ``datetime.date``): what the CLI's clock reads in every test."""
    return clock.today()


@pytest.fixture(autouse=True)
def _isolated(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
    framework_cache: Path,
) -> None:
    """Tests never touch the user's data or cache folders, and bugs show their traceback."""
    monkeypatch.setenv("PMOPATH_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("PMOPATH_CACHE", str(framework_cache))
    monkeypatch.delenv("PMOPATH_NO_CACHE", raising=False)
    monkeypatch.setenv("PMOPATH_DEBUG", "1")
    monkeypatch.delenv("PMOPATH_DATA", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture(scope="session")
def session_fw(framework_cache: Path) -> Iterator[Framework]:
    """The built-in framework, loaded once for the session (through the session's cache)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PMOPATH_CACHE", str(framework_cache))
        patch.delenv("PMOPATH_DATA", raising=False)
        yield load_framework()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the built-in framework folder."""
    target = tmp_path / "framework"
    shutil.copytree(builtin_data_dir(), target)
    return target
