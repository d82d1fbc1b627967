"""``pmopath assess``: the interactive assessment, resumable, saved as it goes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pmopath.errors import RefusedError
from pmopath.framework import Framework
from pmopath.profile import Profile, dump_profile
from pmopath.questionnaire import (
    Ask,
    Choice,
    Question,
    answer_all,
    build_profile,
    change_answer,
    check_answers,
    review_rows,
)
from pmopath.render.text import clean
from pmopath.store import Draft, Store

SAVE = "__save__"


@dataclass(frozen=True)
class Saved:
    ident: str
    profile: Profile


def confirm(ask: Ask, key: str, prompt: str, default: bool) -> bool:
    return bool(ask(Question(key, "confirm", prompt, default=default)))


def start_or_resume(
    store: Store, ask: Ask, console: Console, *, resume: bool, restart: bool, quick: bool
) -> Draft:
    """Decide between the draft in progress and a new assessment."""
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    draft = store.load_draft()
    fresh = Draft(started=now, quick=quick, answers={})
    if draft is None:
        if resume:
            console.print(Text("No assessment in progress; starting a new one.", style="yellow"))
        return fresh
    count = len(draft.answers)
    if restart:
        if not confirm(
            ask, "confirm.restart", f"Discard the assessment in progress ({count} answers)?", False
        ):
            raise RefusedError(
                "kept the assessment in progress", hint="`pmopath assess --resume` continues it"
            )
        store.discard_draft()
        return fresh
    if resume or confirm(
        ask,
        "confirm.resume",
        f"Resume the assessment you started {draft.started} ({count} answers so far)?",
        True,
    ):
        console.print(Text(f"Resuming: {count} answers kept.", style="green"))
        return draft
    if confirm(ask, "confirm.discard", "Discard it and start a new assessment?", False):
        store.discard_draft()
        return fresh
    raise RefusedError(
        "kept the assessment in progress", hint="`pmopath assess --resume` continues it"
    )


def review(fw: Framework, answers: dict[str, Any], quick: bool, console: Console) -> None:
    table = Table(title="Your answers", title_justify="left", show_lines=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("Section", style="dim")
    table.add_column("Question")
    table.add_column("Answer")
    for i, (_, section, prompt, answer) in enumerate(review_rows(fw, answers, quick), 1):
        table.add_row(str(i), Text(clean(section)), Text(clean(prompt)), Text(clean(answer)))
    console.print(table)


def run_assessment(
    fw: Framework,
    store: Store,
    ask: Ask,
    console: Console,
    *,
    quick: bool = False,
    resume: bool = False,
    restart: bool = False,
    now: dt.datetime | None = None,
) -> Saved:
    """The whole interactive flow: background, ratings, review, save.

    Every answer is written to the draft as soon as it is given, so Ctrl-C or a
    closed terminal loses nothing; KeyboardInterrupt propagates to the caller.
    """
    draft = start_or_resume(store, ask, console, resume=resume, restart=restart, quick=quick)
    answers = dict(draft.answers)
    check_answers(fw, answers)

    def saved(current: dict[str, Any]) -> None:
        store.save_draft(Draft(draft.started, draft.quick, dict(current)))

    answer_all(fw, answers, draft.quick, ask, saved)
    while True:
        review(fw, answers, draft.quick, console)
        rows = review_rows(fw, answers, draft.quick)
        choices = [Choice(SAVE, "Save these answers")]
        choices += [
            Choice(key, f"Change #{i}: {prompt} ({answer})")
            for i, (key, _, prompt, answer) in enumerate(rows, 1)
        ]
        picked = ask(
            Question(
                "review",
                "select",
                "Save, or change an answer?",
                choices=tuple(choices),
                default=SAVE,
            )
        )
        if picked == SAVE:
            break
        change_answer(fw, answers, draft.quick, picked, ask)
        saved(answers)
        answer_all(fw, answers, draft.quick, ask, saved)  # e.g. a new target's core competencies

    when = now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    profile = build_profile(fw, answers, when)
    ident = store.save_assessment(dump_profile(profile), when)
    store.discard_draft()
    return Saved(ident, profile)
