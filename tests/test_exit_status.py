"""Exit codes mean one thing each (README, "Exit codes"), and no code is a bare number."""

from __future__ import annotations

import ast
import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmopath.base.errors import ExitStatus
from pmopath.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
PM = str(ROOT / "examples" / "project-manager.yaml")


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    return lines[0]


def test_documented_codes() -> None:
    assert {s.name: s.value for s in ExitStatus} == {
        "OK": 0,
        "INTERNAL": 1,
        "DATA": 2,
        "USAGE": 3,
        "ENVIRONMENT": 4,
        "PARTIAL": 5,
        "HANGUP": 129,
        "INTERRUPTED": 130,
        "BROKEN_PIPE": 141,
        "TERMINATED": 143,
    }


@pytest.mark.parametrize(
    "args",
    [
        ["roadmap", "--bogus"],
        ["bogus"],
        ["--bogus"],
        ["roadmap", "-p", PM, "--hours-per-week", "0"],
        ["roadmap", "-p", PM, "--as-of", "2026-13-01"],
        ["assess", "--resume", "--restart"],
    ],
)
def test_usage_errors_exit_3(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == ExitStatus.USAGE, result.output


def test_output_under_a_file_is_an_environment_error(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "notes"
    blocker.write_text("a file, not a folder\n")
    result = runner.invoke(app, ["roadmap", "-p", PM, "-o", str(blocker / "plan.md")])
    assert result.exit_code == ExitStatus.ENVIRONMENT
    line = one_error_line(result.stderr)
    assert str(blocker) in line and "a file is in the way" in line
    assert blocker.read_text() == "a file, not a folder\n"


def test_home_that_is_a_file_is_an_environment_error(runner: CliRunner, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("")
    result = runner.invoke(app, ["assess", "--answers", PM], env={"PMOPATH_HOME": str(home)})
    assert result.exit_code == ExitStatus.ENVIRONMENT
    assert "a file is in the way where a folder is needed" in one_error_line(result.stderr)


@pytest.mark.parametrize(
    ("code", "cause"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "the file system is read-only"),
    ],
)
def test_failing_writes_name_the_cause(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, cause: str
) -> None:
    def refuse(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", refuse)
    monkeypatch.delenv("PMOPATH_DEBUG")
    out = tmp_path / "plan.md"
    result = runner.invoke(app, ["roadmap", "-p", PM, "-o", str(out)])
    assert result.exit_code == ExitStatus.ENVIRONMENT
    assert cause in one_error_line(result.stderr)
    assert not out.exists() and not list(tmp_path.iterdir())  # no temporary file left


def test_an_unexpected_os_error_is_still_internal(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(fd: int) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")  # a misuse: a bug, not the system

    monkeypatch.setattr(os, "fsync", broken)
    monkeypatch.delenv("PMOPATH_DEBUG")
    result = runner.invoke(app, ["assess", "--answers", PM])
    assert result.exit_code == ExitStatus.INTERNAL
    assert "internal error" in result.stderr


def test_no_exit_code_is_a_bare_number() -> None:
    """Every exit names an ExitStatus member, so the README table stays the whole truth."""
    bare = []
    for path in sorted((ROOT / "src" / "pmopath").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in ("exit", "Exit", "_exit") and any(
                isinstance(arg, ast.Constant) and isinstance(arg.value, int) for arg in node.args
            ):
                bare.append(f"{path.name}:{node.lineno}")
    assert not bare
