"""The wheel ships the YAML data, so an installed pmopath works from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("pmopath-*.whl")
    return built


def test_wheel_contains_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("roles.yaml", "competencies.yaml", "certifications.yaml"):
        assert f"pmopath/data/{name}" in names
    assert "pmopath/py.typed" in names
    # the HTML report's templates and style sheet (--format html), as package data
    for name in ("base.html.j2", "roadmap.html.j2", "team.html.j2", "parts.html.j2", "report.css"):
        assert f"pmopath/render/templates/{name}" in names


def test_installed_wheel_finds_its_data_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("PMOPATH_DATA", None)
    code = (
        "import pmopath, pmopath.load.framework as f; "
        "print(pmopath.__file__); print(f.builtin_data_dir()); f.load_framework()"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    module_file, data_dir = proc.stdout.splitlines()
    assert module_file.startswith(str(target))
    assert data_dir == str(target / "pmopath" / "data")
    proc = subprocess.run(
        [sys.executable, "-m", "pmopath", "roles", "director"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("PMO Director")
    example = ROOT / "examples" / "project-manager.yaml"
    proc = subprocess.run(  # the templates are found inside the installed package
        [sys.executable, "-m", "pmopath", "gap", "-p", str(example), "-f", "html"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("<!DOCTYPE html>")
