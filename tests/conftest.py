from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmopath.framework import builtin_data_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def framework_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One framework cache for the session (entries are keyed by content, so it is shared)."""
    return tmp_path_factory.mktemp("cache")


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


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the built-in framework folder."""
    target = tmp_path / "framework"
    shutil.copytree(builtin_data_dir(), target)
    return target
