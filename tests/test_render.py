"""Renderers: one per format, and data text is never interpreted as markup."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmopath.base.text import clean
from pmopath.cli.app import app
from pmopath.render import RENDERERS, Format, renderer_for
from pmopath.render.base import Renderer
from pmopath.render.markdown import md


def test_every_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(Format)
    for fmt in Format:
        renderer = renderer_for(fmt)
        assert isinstance(renderer, Renderer)
        assert not inspect.isabstract(type(renderer))


HOSTILE = (
    "[red]Evil[/red] [link=https://example.invalid]click[/link] \x1b[2J\x1b[31mred\x07 \u202etxt"
)


@pytest.fixture
def hostile_data(data_copy: Path) -> Path:
    roles = data_copy / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    quoted = (
        '"'
        + HOSTILE.replace("\x1b", "\\e").replace("\x07", "\\a").replace("\u202e", "\\u202E")
        + '"'
    )
    roles.write_text(
        text.replace("name: Project Manager\n", f"name: {quoted}\n", 1), encoding="utf-8"
    )
    return data_copy


@pytest.mark.parametrize("args", [["roles"], ["roles", "pm"], ["competencies", "governance"]])
def test_markup_and_escapes_in_data_are_printed_literally(
    runner: CliRunner, hostile_data: Path, args: list[str]
) -> None:
    result = runner.invoke(
        app, ["--data", str(hostile_data), *args], env={"NO_COLOR": None, "TERM": "xterm"}
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "[red]Evil[/red]" in out
    assert "[link=https://example.invalid]" in out
    assert "\\x1b[2J" in out


def test_forced_colour_still_does_not_pass_data_escapes(
    runner: CliRunner, hostile_data: Path
) -> None:
    result = runner.invoke(
        app,
        ["--data", str(hostile_data), "roles", "pm"],
        env={"NO_COLOR": None, "FORCE_COLOR": "1"},
    )
    assert result.exit_code == 0
    # Rich's own styling escapes may appear, but never the data's screen-clearing one.
    assert "\x1b[2J" not in result.stdout
    assert "[red]Evil[/red]" in result.stdout


def test_markdown_escapes_data() -> None:
    assert md("[x](javascript:alert(1)) <b>|") == "\\[x\\](javascript:alert(1)) \\<b\\>\\|"
    assert clean("a\x1bb") == "a\\x1bb"


def test_piped_output_is_plain(runner: CliRunner) -> None:
    result = runner.invoke(app, ["roles"], env={"NO_COLOR": None})
    assert "\x1b" not in result.stdout


PM_PROFILE = str(Path(__file__).resolve().parents[1] / "examples" / "project-manager.yaml")


@pytest.mark.parametrize(
    "args",
    [
        ["roles"],
        ["roles", "director"],
        ["competencies"],
        ["competencies", "governance"],
        ["certs"],
        ["certs", "--for", "pmo-manager"],
        ["certs", "pmp"],
        ["validate"],
        ["gap", "-p", PM_PROFILE, "--explain"],
        ["roadmap", "-p", PM_PROFILE, "-t", "director", "--explain"],
        ["roadmap", "-p", PM_PROFILE, "-f", "markdown"],
        ["--help"],
        ["roadmap", "--help"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
@pytest.mark.parametrize("no_color", [None, "1"])
def test_piped_output_has_no_trailing_whitespace(
    runner: CliRunner, args: list[str], no_color: str | None
) -> None:
    result = runner.invoke(app, args, env={"NO_COLOR": no_color, "COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    padded = [line for line in result.stdout.splitlines() if line != line.rstrip()]
    assert not padded, padded[:3]
    assert result.stdout.strip()


def test_experience_reads_as_years_and_months_not_decimals() -> None:
    from pmopath.base.text import duration, short_duration

    assert duration(87) == "7 years 3 months"
    assert short_duration(87) == "7\u00a0y\u00a03\u00a0m"  # one cell value, never broken
    assert short_duration(120) == "10\u00a0y" and short_duration(0) == "0"


def test_biggest_gaps_are_the_largest_and_most_urgent_has_its_own_line() -> None:
    # issue 22: "Biggest gaps" at save listed the most urgent and left out PMO management 1->4
    import datetime as dt
    from pathlib import Path

    from pmopath.engine.summary import summarise
    from pmopath.load.framework import load_framework
    from pmopath.load.profiles import load_profile
    from pmopath.views.roadmap import roadmap_view, summary_lines

    fw = load_framework()
    example = Path(__file__).resolve().parents[1] / "examples" / "project-manager.yaml"
    profile = load_profile(example, fw).profile
    plan, summary = summarise(profile, fw, "pmo-director", as_of=dt.date(2026, 11, 22))
    view = roadmap_view(fw, plan, summary, False)
    biggest = next(line for line in summary_lines(view) if line.startswith("Biggest gaps"))
    assert biggest.startswith("Biggest gaps: PMO management")  # 1->4, core: the largest
    weighted = sorted((g.weight * g.gap for g in view.competencies if g.gap), reverse=True)
    assert weighted[0] == 9


def test_one_plural_rule_for_every_count() -> None:
    # issue 20: "1 more months", "1 more hours"
    from pmopath.engine.eligibility import Missing
    from pmopath.load.framework import load_framework
    from pmopath.model.framework import ExperienceKind, TrainingTopic
    from pmopath.render.words import months_short
    from pmopath.views.wording import missing_text, window_text

    fw = load_framework()
    one_hour = Missing(kind="training", amount=1, unit="hours", topic="PMO education",
                       counted=(TrainingTopic.pmo,))  # fmt: skip
    one_month = Missing(kind="experience", amount=1, unit="months", have=35, to_go=1,
                        experience=ExperienceKind.project_management)  # fmt: skip
    assert missing_text(one_hour, fw).startswith("1 more hour of ")
    assert missing_text(one_month, fw).startswith("1 more month of ")
    assert months_short(1) == " (1 month short)"
    assert window_text(12) == " in the last 1 year"
