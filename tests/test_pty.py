"""`pmopath assess` in a real pseudo-terminal, answered by keystrokes.

Covers: arrow-key selection of roles, typed numbers (a default is kept by Enter,
never pre-typed), a checkbox ticked with the space bar (pre-ticked from the ladder role, refused when
nothing is ticked), competency ratings chosen by arrow keys, evidence notes, progress
lines, Ctrl-C midway (exit 130 with nothing lost), `--resume`, "Not sure /
skip", the review screen and saving. The saved file is checked for every answer
given before and after the interruption. At 80 columns, every word of the first
competency's level descriptors is on screen before a level is chosen, and every word of
every picker choice (a long job title, every certification's name and body).
"""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pexpect
import pytest
import yaml

from clock import PMOPATH

DOWN = "\x1b[B"
ENTER = "\r"
CTRL_C = "\x03"


def spawn(home: Path, *args: str, rows: int = 60, columns: int = 160) -> pexpect.spawn:
    env = {
        **os.environ,
        "PMOPATH_HOME": str(home),
        "TERM": "xterm",
        "NO_COLOR": "1",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "COLUMNS": str(columns),
        "LINES": str(rows),
    }
    env.pop("PMOPATH_DATA", None)
    child = pexpect.spawn(
        PMOPATH[0],
        [*PMOPATH[1:], "assess", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(rows, columns),
    )
    return child


def select(child: pexpect.spawn, downs: int) -> None:
    child.send(DOWN * downs)
    child.send(ENTER)


def typed(child: pexpect.spawn, text: str) -> None:
    """Type an answer; a default is not pre-typed, so nothing needs erasing first."""
    child.send(text + ENTER)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_assess_in_a_pty_with_interrupt_and_resume(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(home, "--quick")
    child.expect("Your name")
    typed(child, "Pat Tester")
    child.expect("Your current role")
    select(child, 5)  # ladder order: admin, coordinator, junior PM, analyst, planner, PM
    child.expect("The role you are aiming for")
    select(child, 4)  # from the default (senior PM): programme, PMO manager, portfolio, director
    child.expect("So far")
    child.expect("nothing yet")
    child.expect("Your work history")
    select(child, 0)  # the default: add a position
    child.expect("position 1")
    child.expect("Job title")
    typed(child, "Project manager, Acme")
    child.expect("closest role on the ladder")
    select(child, 0)  # the default: the current role, project manager
    child.expect("First month")
    typed(child, "2019-13")
    child.expect("enter a month as YYYY-MM")  # refused: the text stays, to be corrected
    typed(child, "\x7f" * 7 + "2020-01")
    child.expect("Last month")
    typed(child, "")  # the current one
    child.expect("What the work counted as")
    child.send(" " + ENTER)  # untick the pre-ticked leading projects: nothing ticked is refused
    child.expect("tick at least one")
    child.expect("What the work counted as")  # asked again, leading projects pre-ticked again
    child.expect("Other professional work")
    child.send(DOWN * 5 + " " + ENTER)  # and managing people
    child.expect(r"leading projects: \d+ years?")
    child.expect("Your work history")
    select(child, 0)  # the default now: done
    child.expect("Highest education")
    select(child, 0)  # default: bachelor's
    child.expect("general project management training")
    typed(child, "35")
    child.expect("PMO training")
    typed(child, "10")
    for _ in range(4):  # agile, risk, scheduling, other: Enter keeps 0
        child.expect("Hours of")
        typed(child, "")
    child.expect("Certifications you hold")
    child.send(DOWN + " " + ENTER)  # tick the second: PMP
    child.expect("Year you obtained Project Management Professional")
    typed(child, "2021")
    child.expect("Is it still active")  # the 2024 renewal point has passed
    select(child, 0)  # the default: not sure
    child.expect("Hours per week")
    typed(child, "5")

    child.expect("Competency 1 of 10 · Delivery practice")
    child.expect("Risk, issue and opportunity management")
    select(child, 3)
    child.expect("What shows this")
    typed(child, "")
    child.expect("Competency 2 of 10 · PMO services")
    child.expect("PMO management")
    select(child, 2)
    child.expect("What shows this")
    typed(child, "Ran the PMO intake board")
    child.expect("Competency 3 of 10 · Strategy & governance")
    select(child, 3)
    child.expect("What shows this")
    typed(child, "")
    child.expect("Competency 4 of 10")
    # Ctrl-C at the question: one that lands while the prompt is still being built can
    # fall into a garbage-collector callback, where Python drops it
    child.expect("Not sure / skip")
    child.send(CTRL_C)
    child.expect("Interrupted")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    draft = yaml.safe_load((home / "draft.yaml").read_text())
    assert draft["answers"]["rating.pmo-management"] == 2
    assert not (home / "assessments").exists()

    child = spawn(home, "--resume")
    child.expect("Resuming")
    child.expect("Competency 4 of 10 · Strategy & governance")
    select(child, 4)  # governance: 4
    child.expect("What shows this")
    typed(child, "Wrote the portfolio stage-gate policy")
    for n in range(5, 10):
        child.expect(f"Competency {n} of 10")
        select(child, 1)
        child.expect("What shows this")
        typed(child, "")
    child.expect("Competency 10 of 10")
    select(child, 5)  # Not sure / skip: no evidence question follows
    child.expect("Your answers")
    child.expect("Save, or pick what to change")
    select(child, 1)  # Background
    child.expect("Background: which answer?")
    select(child, 0)  # the default: back to the parts
    child.expect("Save, or pick what to change")
    child.send(ENTER)  # the default: save
    child.expect("Saved assessment")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert not (home / "draft.yaml").exists()

    (saved,) = (home / "assessments").glob("*.yaml")
    profile = yaml.safe_load(saved.read_text())
    assert profile["name"] == "Pat Tester"
    assert profile["current_role"] == "project-manager"
    assert profile["target_role"] == "pmo-director"
    assert profile["schema_version"] == 2
    assert profile["positions"] == [
        {
            "title": "Project manager, Acme",
            "role": "project-manager",
            "start": "2020-01",
            "kinds": ["project-management", "people-leadership"],
        }
    ]
    assert profile["education"] == "bachelor"
    assert profile["training"] == {
        "general": 35,
        "pmo": 10,
        "agile": 0,
        "risk": 0,
        "scheduling": 0,
        "other": 0,
    }
    assert profile["certifications"] == [{"id": "pmp", "year": 2021}]
    assert profile["hours_per_week"] == 5
    assert profile["ratings"] == {
        "risk-management": 3,  # before Ctrl-C, empty evidence
        "pmo-management": {"level": 2, "evidence": "Ran the PMO intake board"},
        "strategic-thinking": 3,
        "governance": {"level": 4, "evidence": "Wrote the portfolio stage-gate policy"},  # after
        "financial-resource-management": 1,
        "data-driven-decisions": 1,
        "leadership-influence": 1,
        "stakeholder-communication": 1,
        "team-development": 1,
        "change-leadership": None,  # "not sure" is kept as unassessed
    }


ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-B]|[=>78])")


def screen_text(raw: str) -> str:
    """What the terminal shows, as words: escapes stripped, wrapped lines joined."""
    return " ".join(ANSI.sub(" ", raw.replace("\r", "")).split())


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_rating_descriptors_are_all_on_screen_at_80_columns(tmp_path: Path) -> None:
    from pmopath.cli.questionnaire import competencies_to_rate
    from pmopath.load.framework import load_framework
    from pmopath.model.profile import default_target

    fw = load_framework()
    current = fw.ladder()[0].id
    comp = fw.competency_by_id[competencies_to_rate(fw, default_target(fw, current), True)[0]]

    home = tmp_path / "home"
    child = spawn(home, "--quick", rows=40, columns=80)
    child.logfile_read = log = io.StringIO()
    child.expect("Your name")
    typed(child, "Narrow Screen")
    child.expect("Your current role")
    select(child, 0)
    child.expect("The role you are aiming for")
    select(child, 0)  # the default: the next rung up
    child.expect("Your work history")
    select(child, 2)  # add, done, or: years per kind instead
    child.expect("Years of project management")
    typed(child, "7")  # the default 0 is shown, not pre-typed: this stores 7, not 70 or 07
    for question in (
        "supporting projects",
        "programmes",
        "portfolios",
        "PMO",
        "managing people",
        "agile",
        "other",
    ):
        child.expect(question)
        typed(child, "")  # Enter keeps the default
    child.expect("Highest education")
    select(child, 0)
    for _ in range(6):  # six training topics
        child.expect("Hours of")
        typed(child, "")
    child.expect("Certifications you hold")
    child.send(" " + DOWN + " " + ENTER)  # tick two
    child.expect("certification 1 of 2")
    typed(child, "2020")
    child.expect("Is it still active")  # past a renewal point
    select(child, 0)
    child.expect("certification 2 of 2")
    typed(child, "")
    child.expect("Is it still active")  # no year: asked too
    select(child, 0)
    child.expect("Hours per week")
    typed(child, "7")  # not 47
    child.expect("Competency 1 of")
    background = log.getvalue()
    child.expect("Not sure / skip")
    question = child.before + child.after
    shown = screen_text(question)

    steps = re.findall(r"Background (\d+) of (\d+)", screen_text(background))
    totals = {total for _, total in steps}
    assert len(totals) == 1, steps  # the step count never changes while answering
    # within their steps: 8 kinds of years, 5 more training topics, 2 certifications' years
    numbers = {int(n) for n, _ in steps}
    assert numbers == set(range(1, int(totals.pop()) + 1)), steps  # every step, none skipped
    assert len(steps) >= len(numbers) + 8 + 5 + 2
    assert comp.name in shown
    for level, descriptor in comp.levels.items():
        heading = f"{level} · {fw.scale_names[level]}"
        assert heading in shown
        assert " ".join(descriptor.split()) in shown, f"level {level} is not shown in full"
    # the whole question fits on the 40-row screen, so none of it has scrolled away
    assert len(ANSI.sub("", question.replace("\r", "")).strip("\n").splitlines()) <= 40

    child.send(CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    answers = yaml.safe_load((home / "draft.yaml").read_text())["answers"]
    assert answers["experience.project_management_years"] == 7
    assert answers["experience.program_years"] == 0
    assert answers["training.general"] == 0
    assert answers["hours_per_week"] == 7
    assert answers["cert_year." + answers["certifications"][0]] == 2020


class Keys:
    """Sends key presses to the child and counts them (an escape sequence is one key)."""

    def __init__(self, child: pexpect.spawn) -> None:
        self.child, self.pressed = child, 0

    def press(self, *keys: str) -> None:
        for key in keys:
            self.child.send(key)
            self.pressed += 1


def line_key(child: pexpect.spawn, line: str) -> str:
    """The key shown before a review line: "c) Governance: 3 · Leads" gives "c"."""
    child.expect(r"(\w)\) " + re.escape(line))
    return str(child.match.group(1))


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_reassessment_changes_two_ratings_in_ten_key_presses(tmp_path: Path) -> None:
    import datetime as dt

    from pmopath.load.framework import load_framework
    from pmopath.load.profiles import load_profile, profile_yaml
    from pmopath.load.store import Store

    fw = load_framework()
    example = Path(__file__).resolve().parents[1] / "examples" / "project-manager.yaml"
    before = load_profile(example, fw, strict=True).profile
    home = tmp_path / "home"
    first = dt.datetime(2026, 5, 4, 8, 0, tzinfo=dt.timezone.utc)
    Store(home).save_assessment(
        profile_yaml(before.model_copy(update={"assessed_at": first})), first
    )
    governance, pmo = fw.competency_name("governance"), fw.competency_name("pmo-management")

    child = spawn(home, rows=50, columns=80)
    keys = Keys(child)
    # it opens on the review: every rating with last time's level, each with its key
    child.expect("Save, or pick what to change")
    g = line_key(child, f"{governance}: 3 · Leads")
    keys.press(g)  # picks the line at once
    child.expect("Not sure / skip")
    keys.press("4")  # a level's digit picks it
    child.expect("What shows this")
    keys.press(ENTER)  # keeps the evidence given last time
    child.expect("Save, or pick what to change")
    assert f"{governance}: 3 · Leads → 4 · Shapes practice" in screen_text(child.before)
    p = line_key(child, pmo[:20])  # the long name wraps at 80 columns
    keys.press(p)
    child.expect("Not sure / skip")
    keys.press("3")
    child.expect("What shows this")
    keys.press(ENTER)
    # before saving, both changes old → new, and Save (the default) counts them
    child.expect("Save, or pick what to change")
    shown = screen_text(child.before)
    assert f"{governance}: 3 · Leads → 4 · Shapes practice" in shown
    assert f"{pmo}: 1 · Assists → 3 · Leads" in shown
    child.expect(re.escape("Save (2 changes)"))
    keys.press(ENTER)
    child.expect("Saved assessment")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert keys.pressed <= 10, keys.pressed

    assert not (home / "draft.yaml").exists()
    newest = sorted((home / "assessments").glob("*.yaml"))[-1]
    saved = load_profile(newest, fw, strict=True).profile
    assert saved.ratings["governance"].level == 4
    assert saved.ratings["governance"].evidence == before.ratings["governance"].evidence
    assert saved.ratings["pmo-management"].level == 3
    unchanged = {
        c: r for c, r in saved.ratings.items() if c not in ("governance", "pmo-management")
    }
    assert unchanged == {c: r for c, r in before.ratings.items() if c in unchanged}
    assert len(unchanged) == len(before.ratings) - 2
    assert saved.model_copy(update={"ratings": {}, "assessed_at": None}) == before.model_copy(
        update={"ratings": {}, "assessed_at": None}
    )


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_pickers_show_every_name_whole_at_80_columns(tmp_path: Path) -> None:
    """issue 22: choices were cut at the edge ("(PMI (formerly PMO Gl"); now each wraps at
    words under its own text, so every word of every name reaches the screen."""
    from pmopath.cli.questionnaire import certifications_question
    from pmopath.load.framework import load_framework

    fw = load_framework()
    title = "Project manager at a very long company name for testing the wrapping of choices"
    child = spawn(tmp_path / "home", "--quick", rows=100, columns=80)
    child.logfile_read = log = io.StringIO()
    child.expect("Your name")
    typed(child, "Narrow Screen")
    child.expect("Your current role")
    select(child, 5)
    child.expect("The role you are aiming for")
    select(child, 0)
    child.expect("Your work history")
    select(child, 0)  # add a position
    child.expect("Job title")
    typed(child, title)
    child.expect("closest role on the ladder")
    select(child, 0)
    child.expect("First month")
    typed(child, "2018-01")
    child.expect("Last month")
    typed(child, "")
    child.expect("What the work counted as")
    child.send(ENTER)  # the ticks the role earns
    child.expect("Done: that is my work history")  # drawn after the position's line
    assert f"Edit position 1: {title}" in screen_text(log.getvalue())
    child.send(ENTER)  # the cursor is on Done
    child.expect("Highest education")
    select(child, 0)
    for _ in range(6):
        child.expect("Hours of")
        typed(child, "")
    log.seek(0)
    log.truncate()
    child.expect("Certifications you hold")
    labels = [c.label for c in certifications_question(fw, "").choices]
    child.expect(re.escape(labels[-1].split()[-1]))  # the last choice's last word
    shown = screen_text(log.getvalue())
    cut = [label for label in labels if " ".join(label.split()) not in shown]
    assert not cut, cut
    child.send(CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
