"""The terminal side of the questionnaire seam: questionary prompts.

This is the only module that imports questionary (and with it prompt_toolkit),
and only ``pmopath assess`` imports it. Choices are handed to questionary as
index strings and mapped back, so values such as level 0 survive intact, and
labels from data files are cleaned of control characters.

Long texts a person must read before choosing (a rating's level descriptors)
are printed in full above the question, wrapped to the terminal's width, so the
choice list stays short enough never to be cut at the terminal's edge. A text
question's default is shown, not pre-typed: typing replaces it, Enter keeps it.
"""

from __future__ import annotations

import errno
import signal
import textwrap
from typing import Any

import questionary
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pmopath.base.text import clean
from pmopath.cli.assess import Stopped
from pmopath.cli.questions import CLEAR, Question


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
        if question.details:
            self.console.print(details(question.details, self.console.width))
        message = hang(clean(question.prompt), self.console.width, PROMPT_INDENT)
        if question.kind == "select":
            return self._select(question, message)
        if question.kind == "checkbox":
            return self._checkbox(question, message)
        if question.kind == "confirm":
            return bool(questionary.confirm(message, default=bool(question.default)).unsafe_ask())
        return self._text(question, message)

    def _select(self, question: Question, message: str) -> Any:
        width = self.console.width
        choices = [
            questionary.Choice(hang(clean(c.label), width, SELECT_INDENT), value=str(i))
            for i, c in enumerate(question.choices)
        ]
        default = next(
            (str(i) for i, c in enumerate(question.choices) if c.value == question.default), None
        )
        how = "(arrow keys, enter" + (", or a choice's key)" if question.keys else ")")
        prompt = questionary.select(
            message,
            choices=choices,
            default=default,
            instruction=self._fit(message, how) or " ",  # " ": none of its own
        )
        if question.keys:
            picking_keys(prompt.application, question.keys)
        picked = prompt.unsafe_ask()
        return question.choices[int(picked)].value

    def _checkbox(self, question: Question, message: str) -> Any:
        ticked = set(question.default or ())
        width = self.console.width
        choices = [
            questionary.Choice(
                hang(clean(c.label), width, CHECKBOX_INDENT),
                value=str(i),
                checked=c.value in ticked,
            )
            for i, c in enumerate(question.choices)
        ]
        how = "(space to tick, enter when done)"
        shown = "" if how in message else self._fit(message, how)  # "": none of its own

        while True:  # refused answers are said above the question asked again (a toolbar
            # message would not show where the terminal cannot report the cursor position)
            picked = questionary.checkbox(message, choices=choices, instruction=shown).unsafe_ask()
            values = [question.choices[int(i)].value for i in picked]
            refused = question.refusal(values)
            if refused is None:
                return values
            self.console.print(Text(f"  {refused}", style="yellow"))

    def _text(self, question: Question, message: str) -> Any:
        def validate(raw: str) -> bool | str:
            try:
                question.convert(raw)
            except ValueError as exc:
                return str(exc)
            return True

        instruction = self._fit(message, kept_instruction(question) or "")
        raw = questionary.text(message, validate=validate, instruction=instruction).unsafe_ask()
        if not raw.strip() and question.kept:  # the answered line is blank: say what was kept
            self.console.print(Text(f"  kept: {clean(question.kept)}", style="dim"))
        return question.convert(raw)

    def _fit(self, message: str, instruction: str) -> str:
        """The instruction beside the prompt if the line fits, else printed above it ("")."""
        last = message.rsplit("\n", 1)[-1]  # the line the instruction would follow
        if instruction and len(last) + len(instruction) + 5 > self.console.width:
            self.console.print(Text(instruction, style="dim"))  # rather than cut in two
            return ""
        return instruction


#: What questionary draws before a prompt ("? ") and before a choice (" » ", and "● "
#: in a checkbox): a wrapped line continues under the text, not under these.
PROMPT_INDENT = 2
SELECT_INDENT = 3
CHECKBOX_INDENT = 5


def hang(text: str, width: int, indent: int) -> str:
    """``text`` wrapped at words to follow an ``indent``-wide prefix on a ``width``-column
    terminal, continuation lines indented under the text: never cut at the edge, and never
    split inside a word but one too long for a line (a URL). The last column stays free, as
    a terminal that writes into it moves the cursor to the next line."""
    room = max(width - indent - 1, 10)
    if len(text) <= room:
        return text
    lines = textwrap.wrap(text, room, break_on_hyphens=False) or [text]
    return ("\n" + " " * indent).join(lines)


#: Below this width the details are stacked (heading, then indented text), not in columns.
NARROW = 60


def details(pairs: tuple[tuple[str, str], ...], width: int) -> RenderableType:
    """Headings with their full texts, wrapped to ``width``; markup is never interpreted."""
    if width < NARROW:
        return Group(
            *(
                part
                for heading, body in pairs
                for part in (Text(clean(heading), style="bold"), Padding(Text(clean(body)), (0, 2)))
            )
        )
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for heading, body in pairs:
        grid.add_row(Text(clean(heading)), Text(clean(body)))
    return grid


def kept_instruction(question: Question) -> str | None:
    """What Enter keeps, shown beside the prompt instead of pre-typed into the answer."""
    if not question.kept:
        return None
    shown = clean(" ".join(question.kept.split()))
    clears = f", {CLEAR} clears it" if question.clearable else ""
    return f"(default {shown}, Enter keeps it{clears})"


def picking_keys(application: Any, keys: tuple[str, ...]) -> None:
    """Each choice's key picks it at once (the answer is the choice's index, as a string)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    bindings = KeyBindings()
    for i, key in enumerate(keys):
        if key:

            def pick(event: Any, index: str = str(i)) -> None:
                event.app.exit(result=index)

            bindings.add(key, eager=True)(pick)
    application.key_bindings = merge_key_bindings([application.key_bindings, bindings])
