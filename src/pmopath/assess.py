"""``pmopath assess``: the interactive assessment, resumable, saved as it goes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

from pmopath.errors import RefusedError
from pmopath.framework import Framework
from pmopath.profile import Profile, dump_profile
from pmopath.questionnaire import (
    Answers,
    Ask,
    Choice,
    Key,
    Part,
    Question,
    answer_all,
    answers_from_draft,
    answers_to_draft,
    build_profile,
    change_answer,
    check_answers,
    review_rows,
)
from pmopath.render.terminal import review_table
from pmopath.store import Draft, Store

SAVE = Key(Part.review, "save")
REVIEW = Key(Part.review)


@dataclass(frozen=True)
class Saved:
    ident: str
    profile: Profile


def confirm(ask: Ask, name: str, prompt: str, default: bool) -> bool:
    return bool(ask(Question(Key(Part.confirm, name), "confirm", prompt, default=default)))


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
            ask, "restart", f"Discard the assessment in progress ({count} answers)?", False
        ):
            raise RefusedError(
                "kept the assessment in progress", hint="`pmopath assess --resume` continues it"
            )
        store.discard_draft()
        return fresh
    if resume or confirm(
        ask,
        "resume",
        f"Resume the assessment you started {draft.started} ({count} answers so far)?",
        True,
    ):
        console.print(Text(f"Resuming: {count} answers kept.", style="green"))
        return draft
    if confirm(ask, "discard", "Discard it and start a new assessment?", False):
        store.discard_draft()
        return fresh
    raise RefusedError(
        "kept the assessment in progress", hint="`pmopath assess --resume` continues it"
    )


def review(fw: Framework, answers: Answers, quick: bool, ask: Ask, console: Console) -> Key:
    """Show every answer; return the key of the answer to change, or :data:`SAVE`."""
    rows = review_rows(fw, answers, quick)
    console.print(review_table([(r.section, r.prompt, r.answer) for r in rows]))
    choices = [Choice(SAVE, "Save these answers")]
    choices += [
        Choice(r.key, f"Change #{i}: {r.prompt} ({r.answer})") for i, r in enumerate(rows, 1)
    ]
    question = Question(
        REVIEW, "select", "Save, or change an answer?", choices=tuple(choices), default=SAVE
    )
    picked: Key = ask(question)
    return picked


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
    answers = answers_from_draft(draft.answers)
    check_answers(fw, answers)

    def saved(current: Answers) -> None:
        store.save_draft(Draft(draft.started, draft.quick, answers_to_draft(current)))

    answer_all(fw, answers, draft.quick, ask, saved)
    while (picked := review(fw, answers, draft.quick, ask, console)) != SAVE:
        change_answer(fw, answers, draft.quick, picked, ask)
        saved(answers)
        answer_all(fw, answers, draft.quick, ask, saved)  # e.g. a new target's core competencies

    when = now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    profile = build_profile(fw, answers, when)
    ident = store.save_assessment(dump_profile(profile), when)
    store.discard_draft()
    return Saved(ident, profile)
