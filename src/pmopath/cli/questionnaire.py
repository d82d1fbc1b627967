"""The assessment questionnaire as a pure flow over questions.

A :class:`Question` says what to ask; an ``ask`` callable (the seam) answers it.
In the terminal that is :class:`pmopath.cli.prompts.QuestionaryAsk`; tests pass a
scripted one. Answers are kept in a mapping by typed :class:`Key`; the draft
stores the same answers, so resuming asks exactly the questions not yet
answered, and an interrupted assessment ends equal to one answered in one sitting.

The questions come from the profile model: its fields, their order, their
prompts (the fields' descriptions) and their limits. A new profile field is
asked, validated and saved without a change here, unless it needs a new kind
of question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace
from enum import Enum
from functools import partial
from typing import Any, get_args

from pmopath.base.text import count
from pmopath.cli.positions import (
    EDIT,
    POSITION_FIELDS,
    QUICK,
    history_answers,
    history_questions,
    position_key,
)
from pmopath.cli.questions import (
    BACKGROUND,
    SKIP,
    Answers,
    Ask,
    Choice,
    Key,
    Part,
    Question,
    is_flag,
    number_for,
    number_type,
    optional_text,
    optional_year,
    prompt_of,
    renewed_year,
)
from pmopath.engine.eligibility import DEFAULT_HOURS_PER_WEEK
from pmopath.engine.renewal import standing_of
from pmopath.model.catalog import Framework
from pmopath.model.framework import CertStatus, Education, Importance
from pmopath.model.profile import (
    ASKED_EXPERIENCE,
    Experience,
    HeldCertification,
    Profile,
    Rating,
    Training,
    bounds,
    default_target,
)

DEFAULT_EDUCATION = Education.bachelor
#: Profile fields the background part does not ask (ratings are part 2).
NOT_ASKED = ("schema_version", "ratings", "assessed_at", "person_id", "rater", "rated_by")
#: Profile fields asked by questions of their own shape; every other field is a plain one.
STRUCTURED = ("positions", "experience", "training", "certifications")


def plain_fields() -> list[str]:
    """The profile fields asked by one question each, by their type (a role, a choice for an
    enum, a number, text): a field added to :class:`Profile` is one of them, asked, saved
    and carried into the next assessment without a line here."""
    return [n for n in Profile.model_fields if n not in NOT_ASKED and n not in STRUCTURED]


# ---------------------------------------------------------------- the flow


def competencies_to_rate(fw: Framework, target: str | None, quick: bool) -> list[str]:
    """Competency IDs in question order (by domain); with ``quick``, the target's core ones."""
    role = fw.role_by_id.get(target or "")
    core = None
    if quick and role is not None:
        core = {c for c, req in role.competencies.items() if req.importance is Importance.core}
    return [comp.id for _, comp in fw.in_order() if core is None or comp.id in core]


def field_questions(
    fw: Framework, name: str, answers: Answers, *, today: dt.date
) -> list[Question]:
    """The question(s) that fill one profile field."""
    key = Key(Part.field, name)
    prompt = prompt_of(Profile, name)
    if name in ("current_role", "target_role"):
        return [role_question(fw, name, answers)]
    if name == "positions":
        return history_questions(fw, answers, today=today)
    if name == "experience":
        if QUICK not in history_answers(answers):
            return []  # the positions give the experience
        return [
            Question(
                Key(Part.experience, sub),
                "text",
                prompt_of(Experience, sub),
                progress="years per kind",
                default="0",
                parse=number_for(Experience, sub),
            )
            for sub in ASKED_EXPERIENCE
        ]
    if name == "training":
        return [
            Question(
                Key(Part.training, sub),
                "text",
                prompt_of(Training, sub),
                progress=f"topic {i} of {len(Training.model_fields)}",
                default="0",
                parse=number_for(Training, sub),
                hint="Courses and contact hours; each certification counts only its own topics."
                if i == 1
                else None,
            )
            for i, sub in enumerate(Training.model_fields, 1)
        ]
    if name == "certifications":
        return [certifications_question(fw, prompt), *cert_year_questions(fw, answers, today=today)]
    return [typed_question(key, prompt, name)]


#: Suggested answers where the model's default is "not given" (None).
SUGGESTED: dict[str, Any] = {
    "education": DEFAULT_EDUCATION.value,
    "hours_per_week": DEFAULT_HOURS_PER_WEEK,
}


def typed_question(key: Key, prompt: str, name: str) -> Question:
    """A question for a plain field, by its type: a choice for an enum, else a number or text."""
    info = Profile.model_fields[name]
    default = SUGGESTED.get(name, info.default)
    options = enum_of(info.annotation)
    if options is not None:
        choices = tuple(Choice(e.value, str(getattr(e, "label", e.value))) for e in options)
        return Question(key, "select", prompt, choices=choices, default=default)
    if is_flag(info.annotation):
        return Question(key, "confirm", prompt, default=bool(default))
    if number_type(info.annotation) is None:  # text
        return Question(key, "text", prompt, parse=optional_text(bounds(Profile, name).max_length))
    shown = "" if default is None else f"{default:g}"
    return Question(key, "text", prompt, default=shown, parse=number_for(Profile, name))


def enum_of(annotation: Any) -> type[Enum] | None:
    """The Enum an annotation allows (through Optional), if it is one."""
    for kind in (annotation, *get_args(annotation)):
        if isinstance(kind, type) and issubclass(kind, Enum):
            return kind
    return None


def role_question(fw: Framework, name: str, answers: Answers) -> Question:
    choices = tuple(
        Choice(r.id, f"{r.name}  ({r.track.value}, rank {r.rank})", r.name) for r in fw.ladder()
    )
    if name == "current_role":
        return Question(Key(Part.field, name), "select", prompt_of(Profile, name), choices=choices)
    current = answers.get(Key(Part.field, "current_role"))
    return Question(
        Key(Part.field, name),
        "select",
        prompt_of(Profile, name),
        choices=choices,
        default=default_target(fw, current) if current in fw.role_by_id else None,
        hint="Defaults to the next rung up from your current role.",
    )


def certifications_question(fw: Framework, prompt: str) -> Question:
    choices = tuple(
        Choice(c.id, f"{c.name}  ({c.body})", c.name)
        for c in fw.certifications
        if c.status is not CertStatus.suspended
    )
    return Question(
        Key(Part.field, "certifications"), "checkbox", prompt, choices=choices, default=()
    )


def cert_year_questions(fw: Framework, answers: Answers, *, today: dt.date) -> list[Question]:
    """Each ticked certification's year; then, for one past a renewal point with no renewal
    recorded (or with no year), whether it is still active, and if renewed, when."""
    held = answers.get(Key(Part.field, "certifications")) or ()
    questions = []
    for j, cert_id in enumerate(held, 1):
        questions.append(
            Question(
                Key(Part.cert_year, cert_id),
                "text",
                prompt_of(HeldCertification, "year", name=fw.cert_name(cert_id)),
                progress=f"certification {j} of {len(held)}",
                parse=partial(optional_year, today=today),
            )
        )
        questions += renewal_questions(fw, answers, cert_id, today=today)
    return questions


RENEWED, LAPSED, UNSURE = "renewed", "lapsed", "unsure"


def renewal_questions(
    fw: Framework, answers: Answers, cert_id: str, *, today: dt.date
) -> list[Question]:
    """Asked once the year is answered, when the credential's standing is unknown."""
    year_key = Key(Part.cert_year, cert_id)
    cert = fw.certification_by_id.get(cert_id)
    if year_key not in answers or cert is None:
        return []
    year = answers[year_key]
    name, period = cert.name, cert.renewal.period_years
    if standing_of(period, year, False, today)[0] != "unknown":
        return []
    since = f"Your {name} is from {year}" if year else f"No year is given for your {name}"
    choices = (
        Choice(RENEWED, "Yes, I renewed it (give the year)", "renewed"),
        Choice(LAPSED, "No, it lapsed", "lapsed"),
        Choice(UNSURE, "Not sure", "not sure"),
    )
    questions = [
        Question(
            Key(Part.cert_renewal, cert_id),
            "select",
            f"{since}; it renews every {count(period or 0, 'year')}. Is it still active?",
            progress="renewal",
            choices=choices,
            default=UNSURE,
            hint="A credential not renewed lapses and does not count as held until reinstated.",
        )
    ]
    if answers.get(Key(Part.cert_renewal, cert_id)) == RENEWED:
        questions.append(
            Question(
                Key(Part.cert_renewed, cert_id),
                "text",
                prompt_of(HeldCertification, "renewed", name=name),
                progress="renewal",
                parse=partial(renewed_year, today=today, since=year),
            )
        )
    return questions


# ------------------------------------------------------------ work history


FIRST_TOPIC = next(iter(Training.model_fields))
#: Parts whose questions belong to the step before them (they never add a step).
CONTINUATIONS = (
    Part.cert_year,
    Part.cert_renewal,
    Part.cert_renewed,
    Part.position,
    Part.experience,
    Part.training,
)


def background_questions(fw: Framework, answers: Answers, *, today: dt.date) -> list[Question]:
    """The background questions, numbered in steps whose count never changes while answering.

    The year of each ticked certification is part of the certifications step
    ("Background 9 of 11 · certification 1 of 2"), each position and the years per
    kind are part of the work-history step, and each training topic part of one
    training step, so answering adds no step.
    """
    steps: list[list[Question]] = []
    for name in Profile.model_fields:
        if name in NOT_ASKED:
            continue
        for q in field_questions(fw, name, answers, today=today):
            follows = q.key.part in CONTINUATIONS or (
                q.key.part is Part.history and q.key.name != "1"
            )
            if q.key == Key(Part.training, FIRST_TOPIC):
                follows = False  # training is a step of its own
            if follows and steps:
                steps[-1].append(q)
            else:
                steps.append([q])
    numbered = []
    for i, (first, *rest) in enumerate(steps, 1):
        step = f"{BACKGROUND} {i} of {len(steps)}"
        numbered.append(
            replace(first, progress=step + (f" · {first.progress}" if first.progress else ""))
        )
        numbered += [
            replace(q, progress=f"{step} · {q.progress}" if q.progress else step) for q in rest
        ]
    return numbered


def rating_question(fw: Framework, comp_id: str, progress: str, section: str = "") -> Question:
    """A competency's level: every level's descriptor as details, then short choices.

    The descriptors are long (they are what tells the levels apart), so they are
    shown in full above the choice list rather than cut off in it. The target's
    required level is not shown.
    """
    comp = fw.competency_by_id[comp_id]
    scale = fw.scale_names
    levels = sorted(comp.levels)
    names = {level: f"{level} · {scale.get(level, '')}".rstrip(" ·") for level in levels}
    choices = [Choice(level, names[level], names[level]) for level in levels]
    choices.append(Choice(SKIP, "Not sure / skip", "not sure (unassessed)"))
    return Question(
        Key(Part.rating, comp_id),
        "select",
        prompt_of(Rating, "level", name=comp.name),
        progress=progress,
        section=section or fw.domain_by_id[comp.domain].name,
        choices=tuple(choices),
        hint=comp.summary,
        details=tuple((names[level], comp.levels[level]) for level in levels),
        keys=(*(str(level) for level in levels), ""),
    )


def evidence_question(fw: Framework, comp_id: str, progress: str, section: str = "") -> Question:
    comp = fw.competency_by_id[comp_id]
    return Question(
        Key(Part.evidence, comp_id),
        "text",
        prompt_of(Rating, "evidence", name=comp.name),
        progress=progress,
        section=section or fw.domain_by_id[comp.domain].name,
        parse=optional_text(bounds(Rating, "evidence").max_length),
    )


def all_questions(
    fw: Framework, answers: Answers, quick: bool, *, today: dt.date
) -> Iterator[Question]:
    """Every question in order, as far as the answers so far determine them."""
    yield from background_questions(fw, answers, today=today)
    target = answers.get(Key(Part.field, "target_role"))
    comps = competencies_to_rate(fw, target, quick)
    for i, comp_id in enumerate(comps, 1):
        domain = fw.domain_by_id[fw.competency_by_id[comp_id].domain].name
        progress = f"Competency {i} of {len(comps)} · {domain}"
        yield rating_question(fw, comp_id, progress)
        rating = Key(Part.rating, comp_id)
        if rating in answers and answers[rating] != SKIP:
            yield evidence_question(fw, comp_id, progress)


def next_question(
    fw: Framework, answers: Answers, quick: bool, *, today: dt.date
) -> Question | None:
    for q in all_questions(fw, answers, quick, today=today):
        if q.key not in answers:
            return q
    return None


def question_for(
    fw: Framework, answers: Answers, quick: bool, key: Key, *, today: dt.date
) -> Question | None:
    if key.part in (Part.rating, Part.evidence):
        if key.name not in fw.competency_by_id:
            return None
        build = rating_question if key.part is Part.rating else evidence_question
        return build(fw, key.name, "Change an answer")
    return next((q for q in all_questions(fw, answers, quick, today=today) if q.key == key), None)


def answer_all(
    fw: Framework,
    answers: Answers,
    quick: bool,
    ask: Ask,
    saved: Callable[[Answers], None],
    previous: Answers | None = None,
    *,
    today: dt.date,
) -> None:
    """Ask every unanswered question, saving after each answer.

    ``previous`` (the last assessment's answers) are the defaults: Enter keeps them.
    """
    previous = previous or {}
    while (q := next_question(fw, answers, quick, today=today)) is not None:
        if q.key in previous:
            q = with_previous(q, previous[q.key])
        answers[q.key] = ask(q)
        saved(answers)
        choice = answers[q.key]
        if q.key.part is Part.history and isinstance(choice, str) and choice.startswith(EDIT):
            edit_position(fw, answers, quick, choice, ask, today=today)
            saved(answers)


# ----------------------------------------------------------- to a profile


def change_answer(
    fw: Framework, answers: Answers, quick: bool, key: Key, ask: Ask, *, today: dt.date
) -> None:
    """Ask one question again; a changed rating asks for its evidence again too.

    The answer given before is the default: Enter keeps a text answer (shown, not
    pre-typed), and a choice list opens with the cursor on it.
    """
    question = question_for(fw, answers, quick, key, today=today)
    if question is None:
        return
    if key in answers:
        question = with_previous(question, answers[key])
    answers[key] = ask(question)
    if key.part is Part.rating:
        evidence = Key(Part.evidence, key.name)
        previous_note = answers.pop(evidence, None)
        if answers[key] != SKIP:
            note = replace(
                evidence_question(fw, key.name, "Change an answer"), default=previous_note or ""
            )
            answers[evidence] = ask(note)


def with_previous(question: Question, value: Any) -> Question:
    """The question with last time's answer as its default: Enter keeps it."""
    if question.kind == "text":
        shown = f"{value:g}" if isinstance(value, float) else "" if value is None else str(value)
        return replace(question, default=shown)
    if question.kind == "checkbox":
        return replace(question, default=tuple(value or ()))
    if question.kind == "select" and any(c.value == value for c in question.choices):
        return replace(question, default=value)
    if question.kind == "confirm" and isinstance(value, bool):
        return replace(question, default=value)
    return question


def edit_position(
    fw: Framework, answers: Answers, quick: bool, choice: str, ask: Ask, *, today: dt.date
) -> None:
    """Ask one position's questions again, each answer kept by Enter."""
    index = int(choice.removeprefix(EDIT))
    for name in POSITION_FIELDS:
        change_answer(fw, answers, quick, position_key(index, name), ask, today=today)
