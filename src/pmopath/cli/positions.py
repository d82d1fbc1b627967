"""The work history part of the questionnaire: positions one by one, a menu to add, edit or remove one, and running totals of the experience they add up to."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from pmopath.base.text import capital, duration
from pmopath.cli.questions import (
    Answers,
    Choice,
    Key,
    Part,
    Question,
    end_month,
    prompt_of,
    required_text,
    year_month,
)
from pmopath.engine.worktime import WorkRecord
from pmopath.model.catalog import Framework
from pmopath.model.framework import POSITION_KINDS
from pmopath.model.profile import (
    Experience,
    Position,
    Profile,
    bounds,
)

ADD, DONE, QUICK, EDIT = "add", "done", "quick", "edit:"
POSITION_FIELDS = ("title", "role", "start", "end", "kinds")


def history_answers(answers: Answers) -> list[Any]:
    """The work-history menu's answers, in order."""
    out: list[Any] = []
    while (key := Key(Part.history, str(len(out) + 1))) in answers:
        out.append(answers[key])
    return out


def position_count(answers: Answers) -> int:
    return sum(1 for choice in history_answers(answers) if choice == ADD)


def position_key(index: int, name: str) -> Key:
    return Key(Part.position, f"{index}.{name}")


def answered_positions(answers: Answers) -> list[dict[str, Any]]:
    """Each position whose title and start are answered, as profile data."""
    out = []
    for index in range(1, position_count(answers) + 1):
        data = {f: answers.get(position_key(index, f)) for f in POSITION_FIELDS}
        if data["title"] and data["start"]:
            out.append({k: list(v) if isinstance(v, tuple) else v for k, v in data.items() if v})
    return out


def running_totals(answers: Answers, today: dt.date) -> str:
    """The months per kind so far (overlaps counted once), as the menu shows them."""
    positions = []
    for data in answered_positions(answers):
        try:
            positions.append(Position.model_validate(data))
        except ValueError:
            continue
    record = WorkRecord(
        Profile.model_construct(
            current_role="", positions=tuple(positions), experience=Experience()
        ),
        today,
    )
    parts = [
        f"{kind.label}: {duration(record.count(kind).months)}"
        for kind in POSITION_KINDS
        if record.count(kind).months
    ]
    return "; ".join(parts) or "nothing yet"


def history_questions(fw: Framework, answers: Answers, *, today: dt.date) -> list[Question]:
    """The work history: a menu (add, edit, done), and each added position's questions."""
    questions: list[Question] = []
    added = 0
    for round_ in range(1, len(history_answers(answers)) + 2):
        key = Key(Part.history, str(round_))
        questions.append(history_menu(key, answers, added, today=today))
        choice = answers.get(key)
        if choice == ADD:
            added += 1
            questions += position_questions(fw, added, answers, today=today)
        if choice in (None, DONE, QUICK):
            break
    return questions


def history_menu(key: Key, answers: Answers, before: int, *, today: dt.date) -> Question:
    """The menu as it stood at this round: the positions added before it."""
    titles = [p.get("title") or "(untitled)" for p in answered_positions(answers)][:before]
    choices = [Choice(ADD, "Add a position", "added a position")]
    choices += [
        Choice(f"{EDIT}{i}", f"Edit position {i}: {t}", f"edited position {i}")
        for i, t in enumerate(titles, 1)
    ]
    choices.append(Choice(DONE, "Done: that is my work history", "done"))
    if not before:
        choices.append(Choice(QUICK, "Give years per kind instead (no dates)", "years per kind"))
    return Question(
        key,
        "select",
        prompt_of(Profile, "positions"),
        choices=tuple(choices),
        default=ADD if not before else DONE,
        hint="Dates let pmopath check rules such as 'within the last 8 years'; "
        "overlapping months count once.",
        details=(("So far", running_totals(answers, today)),),
    )


def position_questions(
    fw: Framework, index: int, answers: Answers, *, today: dt.date
) -> list[Question]:
    where = f"position {index}"
    roles = tuple(Choice(r.id, r.name, r.name) for r in fw.ladder())
    start_key = position_key(index, "start")
    return [
        Question(
            position_key(index, "title"),
            "text",
            prompt_of(Position, "title"),
            progress=where,
            parse=required_text(bounds(Position, "title").max_length),
        ),
        Question(
            position_key(index, "role"),
            "select",
            prompt_of(Position, "role"),
            progress=where,
            choices=(*roles, Choice("", "None of these", "-")),
            default=answers.get(Key(Part.field, "current_role")),  # opens on your current role
        ),
        Question(
            start_key,
            "text",
            prompt_of(Position, "start"),
            progress=where,
            parse=partial(year_month, today=today),
        ),
        Question(
            position_key(index, "end"),
            "text",
            prompt_of(Position, "end"),
            progress=where,
            parse=end_month(answers.get(start_key), today=today),
        ),
        Question(
            position_key(index, "kinds"),
            "checkbox",
            prompt_of(Position, "kinds"),
            progress=where,
            choices=tuple(Choice(k.value, capital(k.label), k.label) for k in POSITION_KINDS),
            default=(),
        ),
    ]


def position_text(answers: Answers, index: int) -> str:
    get = {f: answers.get(position_key(index, f)) for f in POSITION_FIELDS}
    span = f"{get['start'] or '?'} to {get['end'] or 'now'}"
    labels = {k.value: k.label for k in POSITION_KINDS}
    kinds = ", ".join(labels.get(str(k), str(k)) for k in get["kinds"] or ()) or "no kind ticked"
    return f"{get['title'] or '(untitled)'}, {span} ({kinds})"
