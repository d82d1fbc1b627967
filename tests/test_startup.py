"""Non-interactive commands stay light: no questionary/prompt_toolkit, no heavy work for --help."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import sys
from typer.testing import CliRunner
from pmopath.cli.app import app
result = CliRunner().invoke(app, {args!r})
assert result.exit_code == 0, (result.stdout, result.stderr)
print(sorted(m for m in ("questionary", "prompt_toolkit", "pydantic", "yaml", "rich", "jinja2") if m in sys.modules))
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


@pytest.mark.parametrize(
    "args",
    [
        ["roles"],
        ["gap", "--profile", PM],
        ["gap", "--profile", PM, "-f", "markdown"],
        ["roadmap", "--profile", PM, "--format", "json"],
        ["roadmap", "--profile", PM, "--format", "markdown"],
    ],
)
def test_only_html_imports_jinja(args: list[str]) -> None:
    """Jinja2 (issue 24) is for HTML reports alone: no other command pays for it."""
    assert "jinja2" not in loaded(args)


def test_html_imports_jinja() -> None:
    assert "jinja2" in loaded(["roadmap", "--profile", PM, "--format", "html"])


def test_a_cached_framework_needs_no_yaml() -> None:
    loaded(["roles"])  # fills the cache (PMOPATH_CACHE is the session's, see conftest)
    assert "yaml" not in loaded(["roles", "-f", "json"])


def test_c_yaml_loader_is_used() -> None:
    from pmopath.load import yamlparse

    assert yamlparse.C_LOADER, (
        "libyaml is missing: PyYAML wheels ship it; the pure-Python loader is much slower"
    )


def test_a_cached_profile_needs_no_yaml() -> None:
    loaded(["gap", "--profile", PM])  # fills the framework and profile caches
    assert "yaml" not in loaded(["gap", "--profile", PM, "-f", "json"])
    assert "yaml" not in loaded(["roadmap", "--profile", PM, "--format", "markdown"])


def test_importing_pmopath_builds_no_validator() -> None:
    """Model classes build their validators when first used, not on import: an instance
    made at import time (a model as another's default) would cost every command that."""
    probe = """
import importlib, pkgutil, pmopath
for info in pkgutil.walk_packages(pmopath.__path__, "pmopath."):
    importlib.import_module(info.name)
from pmopath.model.framework import Model
def below(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from below(sub)
print(sorted(f"{c.__module__}.{c.__qualname__}" for c in below(Model) if c.__pydantic_complete__))
"""
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert eval(out) == []


@pytest.mark.parametrize(("given", "seen"), [(None, "__all__"), ("logfire", "logfire")])
def test_the_console_script_skips_pydantic_plugin_discovery(given: str | None, seen: str) -> None:
    """Off by default; a value the user set is theirs to keep."""
    probe = """
import os
from pmopath.cli import entry as _entry
print(os.environ.get("PYDANTIC_DISABLE_PLUGINS"))
"""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if given is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = given
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert out.strip() == seen
