"""`pmopath team` over a team it has seen: each file is parsed and scored once a day per
target, whether by this process or by workers, and the figures do not change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pmopath.cli.team_read as team_read
from pmopath.base.errors import ExitStatus
from pmopath.cli.app import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "team"


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example team without its broken file, and a cache of this test's own."""
    folder = tmp_path / "team"
    shutil.copytree(EXAMPLES, folder)
    (folder / "10-olivia-brown-broken.yaml").unlink()
    monkeypatch.setenv("PMOPATH_CACHE", str(tmp_path / "cache"))
    return folder


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed and scored in this process (a cache miss each)."""
    calls: list[str] = []
    real = team_read.facts_of

    def counting(*args: object, **kwargs: object) -> object:
        calls.append("parse")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(team_read, "facts_of", counting)
    return calls


def run(runner: CliRunner, folder: Path, *more: str) -> str:
    result = runner.invoke(app, ["team", str(folder), "--format", "json", *more])
    assert result.exit_code == ExitStatus.OK, result.stderr
    return result.stdout


def test_a_second_run_parses_nothing(runner: CliRunner, team: Path, parsed: list[str]) -> None:
    first = run(runner, team)
    assert len(parsed) == 12  # 9 self-assessments, 2 manager ratings and 1 peer's
    assert run(runner, team) == first
    assert len(parsed) == 12  # every file's facts came from the cache


def test_an_edited_file_alone_is_parsed_again(
    runner: CliRunner, team: Path, parsed: list[str]
) -> None:
    first = run(runner, team)
    path = team / "08-hannah-osei-junior-pm.yaml"
    text = path.read_text(encoding="utf-8")
    assert "pm-tools: 2" in text
    path.write_text(text.replace("pm-tools: 2", "pm-tools: 3"), encoding="utf-8")
    edited = run(runner, team)
    assert len(parsed) == 13
    assert edited != first


def test_another_target_is_figured_afresh(runner: CliRunner, team: Path, parsed: list[str]) -> None:
    run(runner, team)
    run(runner, team, "--target", "pmo-manager")
    assert len(parsed) == 24  # its figures differ, so nothing is shared


def test_workers_give_the_same_report(
    runner: CliRunner, team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files parsed by one worker per core give the report the process gives alone."""
    monkeypatch.setenv("PMOPATH_NO_CACHE", "1")
    alone = run(runner, team)
    monkeypatch.setattr(team_read, "PARALLEL_FROM", 1)
    workers = run(runner, team)
    assert workers == alone


def test_a_broken_file_is_reported_on_every_run(runner: CliRunner, team: Path) -> None:
    (team / "broken.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        result = runner.invoke(app, ["team", str(team), "--format", "json"])
        assert result.exit_code == ExitStatus.PARTIAL
        assert "broken.yaml" in result.stderr


def test_no_workers_where_none_can_start(
    runner: CliRunner, team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the system refuses a process pool (no /dev/shm in a container), the files
    are parsed here, with the same report."""
    import multiprocessing

    monkeypatch.setenv("PMOPATH_NO_CACHE", "1")
    alone = run(runner, team)
    monkeypatch.setattr(team_read, "PARALLEL_FROM", 1)

    class Refusing:
        def Pool(self, workers: int) -> None:
            raise OSError(38, "Function not implemented")

    monkeypatch.setattr(multiprocessing, "get_context", lambda method: Refusing())
    assert run(runner, team) == alone


def test_a_damaged_team_entry_is_rebuilt(runner: CliRunner, team: Path, tmp_path: Path) -> None:
    first = run(runner, team)
    entries = list((tmp_path / "cache").glob("team-*.json"))
    assert len(entries) == 1
    raw = entries[0].read_bytes()
    entries[0].write_bytes(raw[:-40] + b"0" * 40)  # the checksum no longer matches
    assert run(runner, team) == first


def test_no_report_when_no_file_can_be_read(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["team", str(tmp_path / "broken.yaml"), str(tmp_path / "gone")])
    assert result.exit_code == ExitStatus.USAGE
    assert result.stdout == ""
    assert "no profile could be read: 2 files skipped" in result.stderr
