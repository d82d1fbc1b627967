"""The questionary side of the seam, driven by keystrokes through a prompt_toolkit pipe.

Covers: a rating's level descriptors printed in full and wrapped above a short
choice list; a text question's default shown but not pre-typed (typing 7 gives 7,
Enter keeps the default, also when changing an answer at review); markup in data
text printed as it is.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from pmopath.cli.prompts import QuestionaryAsk, details, kept_instruction
from pmopath.cli.questionnaire import change_answer, field_questions, rating_question
from pmopath.cli.questions import CLEAR, Answers, Key, Part, Question, optional_year
from pmopath.load.framework import load_framework
from pmopath.model.catalog import Framework
from pmopath.model.profile import Experience

DOWN = "\x1b[B"
ENTER = "\r"

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    """Keystrokes for the prompts; what they draw goes nowhere."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def console(width: int = 80) -> Console:
    return Console(file=io.StringIO(), width=width, highlight=False)


def printed(out: Console) -> str:
    return str(out.file.getvalue())  # type: ignore[attr-defined]


def words(text: str) -> str:
    return " ".join(text.split())


def years_question(fw: Framework) -> Question:
    (q, *_) = field_questions(fw, "experience", {Key(Part.history, "1"): "quick"}, today=TODAY)
    assert q.key == Key(Part.experience, next(iter(Experience.model_fields)))
    return q


def test_typing_replaces_the_default_and_enter_keeps_it(fw: Framework, keys: PipeInput) -> None:
    years = years_question(fw)
    assert years.default == "0"
    typed: list[str] = []
    parse = years.parse
    assert parse is not None

    def recorded(raw: str) -> Any:
        typed.append(raw)
        return parse(raw)

    q = replace(years, parse=recorded)
    ask = QuestionaryAsk(console())
    keys.send_text("7" + ENTER)
    assert ask(q) == 7
    assert typed[-1] == "7"  # not "07" or "70": the default is not pre-typed
    keys.send_text(ENTER)
    assert ask(q) == 0  # Enter alone keeps the default
    keys.send_text("2.5" + ENTER)
    assert ask(q) == 2.5


def test_typing_into_the_hours_field_gives_what_was_typed(fw: Framework, keys: PipeInput) -> None:
    (hours,) = field_questions(fw, "hours_per_week", {}, today=TODAY)
    assert hours.default == "4"
    ask = QuestionaryAsk(console())
    keys.send_text("7" + ENTER)
    assert ask(hours) == 7  # not 47
    keys.send_text(ENTER)
    assert ask(hours) == 4


def test_a_refused_answer_is_asked_again(fw: Framework, keys: PipeInput) -> None:
    keys.send_text("lots" + ENTER + "\x7f" * 4 + "3" + ENTER)
    assert QuestionaryAsk(console())(years_question(fw)) == 3


def test_changing_an_answer_keeps_the_previous_one_on_enter(fw: Framework, keys: PipeInput) -> None:
    ask = QuestionaryAsk(console())
    q = years_question(fw)
    answers: Answers = {Key(Part.history, "1"): "quick", q.key: 6}
    keys.send_text(ENTER)
    change_answer(fw, answers, False, q.key, ask, today=TODAY)
    assert answers[q.key] == 6
    keys.send_text("7" + ENTER)
    change_answer(fw, answers, False, q.key, ask, today=TODAY)
    assert answers[q.key] == 7  # not 67: the previous answer is not pre-typed


def test_an_optional_answer_kept_by_enter_can_be_cleared(keys: PipeInput) -> None:
    q = Question(
        Key(Part.cert_year, "pmp"),
        "text",
        "Year?",
        default="2021",
        parse=partial(optional_year, today=TODAY),
    )
    assert q.clearable
    assert kept_instruction(q) == f"(default 2021, Enter keeps it, {CLEAR} clears it)"
    ask = QuestionaryAsk(console())
    keys.send_text(ENTER)
    assert ask(q) == 2021
    keys.send_text(CLEAR + ENTER)
    assert ask(q) is None
    assert kept_instruction(replace(q, default=None)) is None


def test_a_long_prompt_shows_its_default_on_a_line_of_its_own(
    fw: Framework, keys: PipeInput
) -> None:
    # at 60 columns the prompt wraps (issue 22) and its last line has room for the default
    out = console(width=40)
    keys.send_text(ENTER)
    QuestionaryAsk(out)(years_question(fw))
    assert "(default 0, Enter keeps it)" in printed(out)


def test_rating_descriptors_are_printed_in_full_above_short_choices(
    fw: Framework, keys: PipeInput
) -> None:
    comp = fw.competencies[0]
    q = rating_question(fw, comp.id, "Competency 1 of 20")
    assert all(len(c.label) < 30 for c in q.choices)  # a choice line never reaches the edge
    out = console(width=80)
    keys.send_text(DOWN * 2 + ENTER)
    assert QuestionaryAsk(out)(q) == sorted(comp.levels)[2]
    shown = printed(out)
    assert all(len(line) <= 80 for line in shown.splitlines())
    for level, descriptor in comp.levels.items():
        assert words(descriptor) in words(shown), level
        assert f"{level} · {fw.scale_names[level]}" in shown


@pytest.mark.parametrize("width", [40, 59, 60, 80, 120])
def test_every_descriptor_wraps_within_the_width(fw: Framework, width: int) -> None:
    for comp in fw.competencies:
        out = console(width)
        out.print(details(rating_question(fw, comp.id, "").details, width))
        shown = printed(out)
        assert all(len(line) <= width for line in shown.splitlines()), comp.id
        for descriptor in comp.levels.values():
            assert words(descriptor) in words(shown), comp.id


def test_details_never_interpret_markup_or_escapes() -> None:
    out = console(width=80)
    out.print(details((("[bold]1[/bold]", "Uses [red]x[/red] and \x1b[2J clears"),), 80))
    shown = printed(out)
    assert "[bold]1[/bold]" in shown
    assert "[red]x[/red]" in shown
    assert "\x1b" not in shown and "\\x1b[2J" in shown


def test_a_long_prompt_or_choice_wraps_at_words_under_its_own_text() -> None:
    from pmopath.cli.prompts import hang

    text = "Edit position 1: Project manager at a very long company name for testing wrapping"
    lines = hang(text, width=40, indent=3).split("\n")
    assert lines == [
        "Edit position 1: Project manager at",
        "   a very long company name for testing",
        "   wrapping",
    ]
    # the first line follows a 3-wide prefix; the last column stays free
    assert len(lines[0]) <= 40 - 3 - 1 and all(len(line) <= 40 - 1 for line in lines)
    assert hang("short", width=80, indent=3) == "short"
    # a word longer than the line (a URL) is the only thing split, never "set-up" at its hyphen
    assert hang("see https://example.org/" + "x" * 50, 30, 2).split("\n")[1].startswith("  ")
    assert "set-\n" not in hang("design, set-up, operation " * 3, 24, 2)


def test_pickers_hand_questionary_full_names_wrapped_to_the_width(keys: PipeInput) -> None:
    import questionary

    from pmopath.cli.questions import Choice

    long = (
        "PMI Project Management Office Certified Professional (PMI (formerly PMO Global Alliance))"
    )
    seen: dict[str, Any] = {}
    real = questionary.select

    def spy(message: str, choices: list[questionary.Choice], **kw: Any) -> Any:
        seen["message"], seen["titles"] = message, [c.title for c in choices]
        return real(message, choices=choices, **kw)

    q = Question(
        Key(Part.field, "x"),
        "select",
        "Which of these certifications, if any, would you like to add to your profile today?",
        choices=(Choice("a", long), Choice("b", "Short")),
    )
    keys.send_text(ENTER)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(questionary, "select", spy)
        assert QuestionaryAsk(console(width=80))(q) == "a"
    # "? " before the prompt, " » " before a choice: every line within 80 columns, whole words
    assert all(len(line) <= 80 - 2 - 1 for line in seen["message"].split("\n"))
    assert words(seen["message"]) == words(q.prompt)
    first = seen["titles"][0]
    assert words(first) == long and "\n   " in first
    assert all(len(line) <= 80 - 3 - 1 for line in first.split("\n"))
