"""A bug (an unexpected exception) is one line on stderr, unless PMOPATH_DEBUG asks for more."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pmopath.cli.app import app
from pmopath.model.catalog import Framework


def boom(self: Framework) -> list[object]:
    raise RuntimeError("boom")


@pytest.fixture
def broken_ladder(monkeypatch: pytest.MonkeyPatch) -> None:
    # `pmopath roles` draws the ladder, so this raises in the middle of the command.
    monkeypatch.setattr(Framework, "ladder", boom)


@pytest.mark.usefixtures("broken_ladder")
def test_internal_error_is_one_line_without_debug(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PMOPATH_DEBUG")  # conftest sets it for every other test
    result = runner.invoke(app, ["roles"])
    assert result.exit_code == 1, (result.stderr, result.exception)
    err = result.stderr
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "internal error" in err
    assert "RuntimeError" in err and "boom" in err
    assert "PMOPATH_DEBUG" in err
    assert "Traceback" not in err and "Traceback" not in result.stdout


@pytest.mark.usefixtures("broken_ladder")
def test_internal_error_propagates_with_debug(runner: CliRunner) -> None:
    result = runner.invoke(app, ["roles"], env={"PMOPATH_DEBUG": "1"})
    assert isinstance(result.exception, RuntimeError)
    assert str(result.exception) == "boom"
    assert result.exit_code == 1
    assert "internal error" not in result.stderr
