"""The terminal side of the questionnaire seam: questionary prompts.

This is the only module that imports questionary (and with it prompt_toolkit),
and only ``pmopath assess`` imports it. Choices are handed to questionary as
index strings and mapped back, so values such as level 0 survive intact, and
labels from data files are cleaned of control characters.
"""

from __future__ import annotations

import errno
import signal
from typing import Any

import questionary
from rich.console import Console
from rich.text import Text

from pmopath.assess import Stopped
from pmopath.questionnaire import Question
from pmopath.text import clean


class QuestionaryAsk:
    """Asks a :class:`Question` in the terminal; Ctrl-C raises KeyboardInterrupt."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def __call__(self, question: Question) -> Any:
        """Ask; Ctrl-D stops like Ctrl-C, and a terminal that went away like a hang-up."""
        try:
            return self._ask(question)
        except EOFError:
            raise KeyboardInterrupt from None
        except OSError as exc:
            if exc.errno in (errno.EIO, errno.EBADF):  # the terminal was closed
                raise Stopped(signal.SIGHUP) from None
            raise

    def _ask(self, question: Question) -> Any:
        if question.progress:
            self.console.print(Text(question.progress, style="dim cyan"))
        if question.hint:
            self.console.print(Text(clean(question.hint), style="dim"))
        message = clean(question.prompt)
        if question.kind == "select":
            return self._select(question, message)
        if question.kind == "checkbox":
            return self._checkbox(question, message)
        if question.kind == "confirm":
            return bool(questionary.confirm(message, default=bool(question.default)).unsafe_ask())
        return self._text(question, message)

    def _select(self, question: Question, message: str) -> Any:
        choices = [
            questionary.Choice(clean(c.label), value=str(i)) for i, c in enumerate(question.choices)
        ]
        default = next(
            (str(i) for i, c in enumerate(question.choices) if c.value == question.default), None
        )
        picked = questionary.select(
            message,
            choices=choices,
            default=default,
            instruction="(arrow keys, enter)",
        ).unsafe_ask()
        return question.choices[int(picked)].value

    def _checkbox(self, question: Question, message: str) -> Any:
        ticked = set(question.default or ())
        choices = [
            questionary.Choice(clean(c.label), value=str(i), checked=c.value in ticked)
            for i, c in enumerate(question.choices)
        ]
        picked = questionary.checkbox(
            message, choices=choices, instruction="(space to tick, enter when done)"
        ).unsafe_ask()
        return [question.choices[int(i)].value for i in picked]

    def _text(self, question: Question, message: str) -> Any:
        def validate(raw: str) -> bool | str:
            try:
                question.convert(raw)
            except ValueError as exc:
                return str(exc)
            return True

        default = "" if question.default is None else str(question.default)
        raw = questionary.text(message, default=default, validate=validate).unsafe_ask()
        return question.convert(raw)
