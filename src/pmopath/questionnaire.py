"""The assessment questionnaire as a pure flow over questions.

A :class:`Question` says what to ask; an ``ask`` callable (the seam) answers it.
In the terminal that is :class:`pmopath.prompts.QuestionaryAsk`; tests pass a
scripted one. Answers are kept in a flat mapping by question key, which is also
what the draft stores: resuming asks exactly the questions not yet answered, so
an interrupted assessment ends equal to one answered in one sitting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from pmopath.errors import DataError
from pmopath.framework import Framework
from pmopath.models import Education, Importance
from pmopath.profile import PROFILE_SCHEMA_VERSION, Profile, default_target, resolve_profile

SKIP = "__skip__"  # the value of "Not sure / skip"

EXPERIENCE_QUESTIONS = (
    (
        "project_management_years",
        "Years of project management experience (leading or directing projects)",
    ),
    ("program_portfolio_years", "Years leading programmes or portfolios"),
    ("pmo_years", "Years working in a PMO"),
    ("people_leadership_years", "Years managing people (line management)"),
)
EDUCATION_LABELS = {
    Education.secondary: "Secondary (high-school diploma or equivalent)",
    Education.associate: "Associate degree",
    Education.bachelor: "Bachelor's (four-year) degree",
    Education.master: "Master's degree",
    Education.doctorate: "Doctorate",
}


@dataclass(frozen=True)
class Choice:
    value: Any
    label: str


@dataclass(frozen=True)
class Question:
    key: str
    kind: Literal["select", "checkbox", "text", "confirm"]
    prompt: str
    progress: str = ""
    choices: tuple[Choice, ...] = ()
    default: Any = None
    hint: str | None = None
    parse: Callable[[str], Any] | None = field(default=None, compare=False)

    def convert(self, raw: str) -> Any:
        """Parse typed text; raises ValueError with a message for the person."""
        return raw if self.parse is None else self.parse(raw)


class Ask(Protocol):
    def __call__(self, question: Question) -> Any: ...


# ------------------------------------------------------------------ parsing


def number(low: float, high: float, *, allow_low: bool = True) -> Callable[[str], float]:
    def parse(raw: str) -> float:
        text = raw.strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            raise ValueError("enter a number, e.g. 3 or 2.5") from None
        if value != value or value < low or (value == low and not allow_low) or value > high:
            lower = f"more than {low:g}" if not allow_low else f"{low:g}"
            raise ValueError(f"enter a number from {lower} to {high:g}")
        return int(value) if value.is_integer() else value

    return parse


def optional_year(raw: str) -> int | None:
    text = raw.strip()
    if not text:
        return None
    this_year = dt.date.today().year
    if not text.isdigit() or not 1950 <= int(text) <= this_year:
        raise ValueError(f"enter a year from 1950 to {this_year}, or leave it empty")
    return int(text)


def optional_text(limit: int) -> Callable[[str], str | None]:
    def parse(raw: str) -> str | None:
        text = " ".join(raw.split())
        if len(text) > limit:
            raise ValueError(f"keep it under {limit} characters")
        return text or None

    return parse


# ---------------------------------------------------------------- the flow


def competencies_to_rate(fw: Framework, target: str | None, quick: bool) -> list[str]:
    """Competency IDs in question order (by domain); with ``quick``, the target's core ones."""
    target_role = fw.role_by_id.get(target or "")
    out = []
    for domain in fw.domains:
        for comp in fw.competencies_in(domain.id):
            if quick and target_role is not None:
                req = target_role.competencies.get(comp.id)
                if req is None or req.importance is not Importance.core:
                    continue
            out.append(comp.id)
    return out


def background_questions(fw: Framework, answers: dict[str, Any]) -> list[Question]:
    ladder = fw.ladder()
    role_choices = tuple(
        Choice(r.id, f"{r.name}  ({r.track.value}, rank {r.rank})") for r in ladder
    )
    current = answers.get("current_role")
    qs = [
        Question(
            "name", "text", "Your name (optional; it titles your plan)", parse=optional_text(120)
        ),
        Question(
            "current_role", "select", "Your current role (the closest match)", choices=role_choices
        ),
        Question(
            "target_role",
            "select",
            "The role you are aiming for",
            choices=role_choices,
            default=default_target(fw, current) if current in fw.role_by_id else None,
            hint="Defaults to the next rung up from your current role.",
        ),
    ]
    for key, prompt in EXPERIENCE_QUESTIONS:
        qs.append(Question(f"experience.{key}", "text", prompt, default="0", parse=number(0, 60)))
    qs += [
        Question(
            "education",
            "select",
            "Highest education completed",
            choices=tuple(Choice(e.value, label) for e, label in EDUCATION_LABELS.items()),
            default=Education.bachelor.value,
        ),
        Question(
            "training_hours",
            "text",
            "Hours of formal project management training (courses, contact hours)",
            default="0",
            parse=number(0, 10_000),
        ),
        Question(
            "certifications",
            "checkbox",
            "Certifications you hold (space to tick, enter when done)",
            choices=tuple(
                Choice(c.id, f"{c.name}  ({c.body})")
                for c in fw.certifications
                if c.status.value != "suspended"
            ),
            default=(),
        ),
    ]
    for cert_id in answers.get("certifications") or ():
        name = (
            fw.certification_by_id[cert_id].name if cert_id in fw.certification_by_id else cert_id
        )
        qs.append(
            Question(
                f"cert_year.{cert_id}",
                "text",
                f"Year you obtained {name} (optional)",
                parse=optional_year,
            )
        )
    qs.append(
        Question(
            "hours_per_week",
            "text",
            "Hours per week you can give to development",
            default="4",
            parse=number(0, 80, allow_low=False),
        )
    )
    return [replace(q, progress=f"Background {i} of {len(qs)}") for i, q in enumerate(qs, 1)]


def rating_question(fw: Framework, comp_id: str, progress: str) -> Question:
    comp = fw.competency_by_id[comp_id]
    scale = {s.level: s.name for s in fw.competencies_file.scale}
    choices = [
        Choice(level, f"{level} · {scale.get(level, '')} - {comp.levels[level]}")
        for level in sorted(comp.levels)
    ]
    choices.append(Choice(SKIP, "Not sure / skip"))
    return Question(
        f"rating.{comp_id}",
        "select",
        f"{comp.name}: which describes what you do today?",
        progress=progress,
        choices=tuple(choices),
        hint=comp.summary,
    )


def evidence_question(fw: Framework, comp_id: str, progress: str) -> Question:
    name = fw.competency_by_id[comp_id].name
    return Question(
        f"evidence.{comp_id}",
        "text",
        f"What shows this for {name}? (optional, one line)",
        progress=progress,
        parse=optional_text(500),
    )


def all_questions(fw: Framework, answers: dict[str, Any], quick: bool) -> Iterator[Question]:
    """Every question in order, as far as the answers so far determine them."""
    yield from background_questions(fw, answers)
    target = answers.get("target_role")
    comps = competencies_to_rate(fw, target, quick)
    for i, comp_id in enumerate(comps, 1):
        domain = fw.domain_by_id[fw.competency_by_id[comp_id].domain].name
        progress = f"Competency {i} of {len(comps)} · {domain}"
        yield rating_question(fw, comp_id, progress)
        rating = answers.get(f"rating.{comp_id}")
        if f"rating.{comp_id}" in answers and rating != SKIP:
            yield evidence_question(fw, comp_id, progress)


def next_question(fw: Framework, answers: dict[str, Any], quick: bool) -> Question | None:
    for q in all_questions(fw, answers, quick):
        if q.key not in answers:
            return q
    return None


def question_for(fw: Framework, answers: dict[str, Any], quick: bool, key: str) -> Question | None:
    if key.startswith(("rating.", "evidence.")):
        comp_id = key.split(".", 1)[1]
        if comp_id in fw.competency_by_id:
            progress = "Change an answer"
            return (rating_question if key.startswith("rating.") else evidence_question)(
                fw, comp_id, progress
            )
        return None
    return next((q for q in all_questions(fw, answers, quick) if q.key == key), None)


def answer_all(
    fw: Framework,
    answers: dict[str, Any],
    quick: bool,
    ask: Ask,
    saved: Callable[[dict[str, Any]], None],
) -> None:
    """Ask every unanswered question, saving after each answer."""
    while (q := next_question(fw, answers, quick)) is not None:
        answers[q.key] = ask(q)
        saved(answers)


# ----------------------------------------------------------- to a profile


def profile_data(answers: dict[str, Any]) -> dict[str, Any]:
    """The profile file's data from the flat answers."""
    data: dict[str, Any] = {"schema_version": PROFILE_SCHEMA_VERSION}
    if answers.get("name"):
        data["name"] = answers["name"]
    data["current_role"] = answers.get("current_role")
    if answers.get("target_role"):
        data["target_role"] = answers["target_role"]
    data["experience"] = {
        key: answers[f"experience.{key}"]
        for key, _ in EXPERIENCE_QUESTIONS
        if f"experience.{key}" in answers
    }
    if answers.get("education"):
        data["education"] = answers["education"]
    if "training_hours" in answers:
        data["training_hours"] = answers["training_hours"]
    certs: list[Any] = []
    for cert_id in answers.get("certifications") or ():
        year = answers.get(f"cert_year.{cert_id}")
        certs.append(cert_id if year is None else {"id": cert_id, "year": year})
    data["certifications"] = certs
    if answers.get("hours_per_week") is not None:
        data["hours_per_week"] = answers["hours_per_week"]
    ratings: dict[str, Any] = {}
    for key, value in answers.items():
        if key.startswith("rating."):
            comp_id = key.split(".", 1)[1]
            level = None if value == SKIP else value
            evidence = answers.get(f"evidence.{comp_id}")
            ratings[comp_id] = level if evidence is None else {"level": level, "evidence": evidence}
    data["ratings"] = ratings
    return data


def build_profile(
    fw: Framework, answers: dict[str, Any], now: dt.datetime | None = None
) -> Profile:
    """Validate the answers exactly as an answers file is validated."""
    from pydantic import ValidationError

    from pmopath.framework import validation_errors
    from pmopath.yamlio import Document

    data = profile_data(answers)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        raise validation_errors(Document(path=Path("<answers>"), data=data), exc)[0] from None
    profile = resolve_profile(profile, fw, strict=True).profile
    if now is not None:
        profile = profile.model_copy(update={"assessed_at": now})
    return profile


def review_rows(
    fw: Framework, answers: dict[str, Any], quick: bool
) -> list[tuple[str, str, str, str]]:
    """(key, section, question, answer) for each answered question, in question order.

    A competency's evidence note is shown with its rating, on one row.
    """
    rows = []
    for q in all_questions(fw, answers, quick):
        if q.key not in answers or q.key.startswith("evidence."):
            continue
        section = q.progress.split(" · ", 1)[1] if " · " in q.progress else "Background"
        rows.append((q.key, section, q.prompt, show_answer(fw, q, answers[q.key], answers)))
    # Ratings kept from an earlier target (not asked now) are still shown: nothing is hidden.
    asked = {r[0] for r in rows}
    for key, value in answers.items():
        if key.startswith("rating.") and key not in asked:
            other = question_for(fw, answers, quick, key)
            if other is not None:
                rows.append(
                    (key, "Other ratings", other.prompt, show_answer(fw, other, value, answers))
                )
    return rows


def change_answer(fw: Framework, answers: dict[str, Any], quick: bool, key: str, ask: Ask) -> None:
    """Ask one question again; a changed rating asks for its evidence again too."""
    question = question_for(fw, answers, quick, key)
    if question is None:
        return
    if key in answers and question.kind == "text":
        previous = answers[key]
        question = replace(question, default="" if previous is None else str(previous))
    answers[key] = ask(question)
    if key.startswith("rating."):
        comp_id = key.split(".", 1)[1]
        previous_note = answers.pop(f"evidence.{comp_id}", None)
        if answers[key] != SKIP:
            note = replace(
                evidence_question(fw, comp_id, "Change an answer"), default=previous_note or ""
            )
            answers[f"evidence.{comp_id}"] = ask(note)


def show_answer(
    fw: Framework, q: Question, value: Any, answers: dict[str, Any] | None = None
) -> str:
    if value is None or value == "":
        return "-"
    if value == SKIP:
        return "not sure (unassessed)"
    if q.kind == "select":
        label = next((c.label for c in q.choices if c.value == value), str(value))
        if q.key.startswith("rating."):
            label = label.split(" - ")[0]
            note = (answers or {}).get("evidence." + q.key.split(".", 1)[1])
            if note:
                label += f" - {note}"
        return label
    if q.kind == "checkbox":
        return ", ".join(value) if value else "none"
    return str(value)


def check_answers(fw: Framework, answers: dict[str, Any]) -> None:
    """Refuse draft answers that no longer fit the framework (e.g. a removed role)."""
    for key in ("current_role", "target_role"):
        value = answers.get(key)
        if value is not None and value not in fw.role_by_id:
            raise DataError(
                f"the draft's {key} '{value}' is not in the framework",
                hint="`pmopath assess --restart`",
            )
