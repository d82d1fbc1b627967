"""Non-interactive commands stay light: no questionary/prompt_toolkit, no heavy work for --help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import sys
from typer.testing import CliRunner
from pmopath.cli import app
result = CliRunner().invoke(app, {args!r})
assert result.exit_code == 0, (result.stdout, result.stderr)
print(sorted(m for m in ("questionary", "prompt_toolkit", "pydantic", "yaml", "rich") if m in sys.modules))
"""


def loaded(args: list[str]) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=True
    ).stdout
    return eval(out)  # a printed list of module names


PM = str(Path(__file__).resolve().parents[1] / "examples" / "project-manager.yaml")


@pytest.mark.parametrize(
    "args",
    [
        ["roles"],
        ["certs", "pmp"],
        ["competencies"],
        ["validate"],
        ["history"],
        ["gap", "--profile", PM],
        ["roadmap", "--profile", PM, "--format", "markdown"],
    ],
)
def test_browsing_never_imports_prompt_libraries(args: list[str]) -> None:
    mods = loaded(args)
    assert "questionary" not in mods and "prompt_toolkit" not in mods


def test_help_does_not_load_the_framework() -> None:
    mods = loaded(["--help"])
    assert mods == []


@pytest.mark.parametrize(
    "args",
    [
        ["roles", "-f", "json"],
        ["certs", "pmp", "-f", "json"],
        ["gap", "--profile", PM, "-f", "json"],
        ["roadmap", "--profile", PM, "--format", "json"],
        ["roadmap", "--profile", PM, "--format", "markdown"],
    ],
)
def test_json_and_markdown_never_import_rich(args: list[str]) -> None:
    assert "rich" not in loaded(args)


def test_a_cached_framework_needs_no_yaml() -> None:
    loaded(["roles"])  # fills the cache (PMOPATH_CACHE is the session's, see conftest)
    assert "yaml" not in loaded(["roles", "-f", "json"])


def test_c_yaml_loader_is_used() -> None:
    from pmopath import yamlparse

    assert yamlparse.C_LOADER, (
        "libyaml is missing: PyYAML wheels ship it; the pure-Python loader is much slower"
    )


def test_a_cached_profile_needs_no_yaml() -> None:
    loaded(["gap", "--profile", PM])  # fills the framework and profile caches
    assert "yaml" not in loaded(["gap", "--profile", PM, "-f", "json"])
    assert "yaml" not in loaded(["roadmap", "--profile", PM, "--format", "markdown"])
