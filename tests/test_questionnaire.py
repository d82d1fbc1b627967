"""The assessment flow through the seam: scripted answers, no terminal."""

from __future__ import annotations

import datetime as dt
import io
import re
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from pmopath.base.errors import RefusedError
from pmopath.cli.answers import answers_from_draft, answers_from_profile, review_rows
from pmopath.cli.assess import SAVE, Interrupted, run_assessment, started_text, when_started
from pmopath.cli.questionnaire import (
    all_questions,
    change_answer,
    competencies_to_rate,
    rating_question,
)
from pmopath.cli.questions import CLEAR, Key, Part, Question, optional_year
from pmopath.load.framework import load_framework
from pmopath.load.profiles import load_profile
from pmopath.load.store import Store
from pmopath.model.catalog import Framework
from scripted import BACKGROUND, ScriptedAsk, skip_risk

NOW = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.timezone.utc)
TODAY = NOW.date()


def at(moment: dt.datetime) -> Any:
    """A clock that always reads ``moment``."""
    return lambda: moment


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "home")


def quiet() -> Console:
    return Console(file=io.StringIO(), width=100)


def test_full_flow_saves_every_answer(fw: Framework, store: Store) -> None:
    ask = ScriptedAsk(BACKGROUND, rating=skip_risk)
    saved = run_assessment(fw, store, ask, quiet(), clock=at(NOW))
    profile = saved.profile
    assert saved.ident == "20261122-093000"
    assert profile.current_role == "project-manager"
    assert profile.target_role == "senior-project-manager"  # the next rung by default
    assert [(p.title, p.role, p.start, p.end) for p in profile.positions] == [
        ("Project manager, Acme", "project-manager", "2019-01", None),
        ("Programme lead (part-time), Acme", None, "2024-06", "2025-11"),
    ]
    assert [k.value for k in profile.positions[0].kinds] == [
        "project-management",
        "people-leadership",
    ]
    assert (profile.training.general, profile.training.pmo, profile.training.agile) == (40, 0, 16)
    assert profile.experience.project_management_years == 0  # the positions give it, not years
    assert [(c.id, c.year) for c in profile.certifications] == [("pmp", 2021), ("csm", None)]
    assert profile.hours_per_week == 5
    assert len(profile.ratings) == 20
    assert profile.ratings["risk-management"].level is None  # "not sure" is kept as unassessed
    assert profile.ratings["governance"].evidence == "did governance at work"
    assert "evidence.risk-management" not in ask.asked  # no evidence for a skipped rating
    # saved to history, draft gone
    assert store.ids() == [saved.ident]
    assert not store.draft_path.exists()
    reloaded = load_profile(store.path(saved.ident), fw).profile
    assert reloaded == profile


def test_questions_are_grouped_by_domain_with_progress(fw: Framework) -> None:
    answers = answers_from_draft(
        {"current_role": "project-manager", "target_role": "pmo-director", "certifications": []}
    )
    qs = list(all_questions(fw, answers, quick=False, today=TODAY))
    ratings = [q for q in qs if q.key.part is Part.rating]
    assert ratings[6].progress == "Competency 7 of 20 · PMO services"
    assert ratings[10].progress == "Competency 11 of 20 · Strategy & governance"
    assert qs[0].progress.startswith("Background 1 of")
    # the target's required level is never shown while rating
    for q in ratings:
        assert "required" not in q.prompt.lower() and "pmo director" not in q.prompt.lower()
        assert q.choices[-1].label == "Not sure / skip"
        assert len(q.choices) == 6


def test_quick_rates_only_core_competencies(fw: Framework, store: Store) -> None:
    script = {**BACKGROUND, "target_role": "pmo-director"}
    saved = run_assessment(fw, store, ScriptedAsk(script), quiet(), quick=True, clock=at(NOW))
    core = {
        k
        for k, v in fw.role_by_id["pmo-director"].competencies.items()
        if v.importance.value == "core"
    }
    assert set(saved.profile.ratings) == core
    assert competencies_to_rate(fw, "pmo-director", quick=True) == [
        c.id for c in fw.competencies if c.id in core
    ]


def run_interrupted(fw: Framework, store: Store, k: int) -> None:
    with pytest.raises(Interrupted) as info:
        run_assessment(
            fw,
            store,
            ScriptedAsk(BACKGROUND, rating=skip_risk, interrupt_at=k),
            quiet(),
            clock=at(NOW),
        )
    assert info.value.kept == k  # the message says exactly what the draft holds
    assert (info.value.draft is None) == (k == 0)


@pytest.mark.parametrize("half", [0, 1])  # two halves, so two workers share the work
def test_interrupt_at_any_question_then_resume_gives_the_same_profile(
    fw: Framework, tmp_path: Path, half: int
) -> None:
    reference = ScriptedAsk(BACKGROUND, rating=skip_risk)
    one_sitting = run_assessment(fw, Store(tmp_path / "ref"), reference, quiet(), clock=at(NOW))
    total = len(reference.asked)
    assert total > 40
    # Every background question (each is of its own kind) and the first two ratings with
    # their evidence; after that the questions repeat one shape, so every fifth and the last
    # two stand for the rest (each point replays the whole flow twice).
    first_ratings = reference.asked.index("rating.pm-methodologies") + 4
    points = sorted({*range(first_ratings), *range(first_ratings, total, 5), total - 2, total - 1})
    for k in points[half::2]:
        store = Store(tmp_path / f"k{k}")
        run_interrupted(fw, store, k)
        draft = store.load_draft()
        assert (draft is not None and len(draft.answers) == k) or (k == 0 and draft is None)
        assert store.ids() == []
        resumed = run_assessment(
            fw,
            store,
            ScriptedAsk(BACKGROUND, rating=skip_risk),
            quiet(),
            resume=True,
            clock=at(NOW),
        )
        assert resumed.profile == one_sitting.profile, f"interrupted at question {k}"


def test_next_assess_offers_to_resume(fw: Framework, store: Store) -> None:
    run_interrupted(fw, store, 15)
    ask = ScriptedAsk(BACKGROUND, rating=skip_risk)  # answers "yes" (the default) to resume
    run_assessment(fw, store, ask, quiet(), clock=at(NOW))
    assert ask.asked[0] == "confirm.resume"
    assert "current_role" not in ask.asked  # already answered before the interruption


def test_restart_asks_before_discarding(fw: Framework, store: Store) -> None:
    run_interrupted(fw, store, 10)
    with pytest.raises(RefusedError):
        run_assessment(
            fw,
            store,
            ScriptedAsk({**BACKGROUND, "confirm.restart": False}),
            quiet(),
            restart=True,
            clock=at(NOW),
        )
    assert store.load_draft() is not None
    ask = ScriptedAsk({**BACKGROUND, "confirm.restart": True})
    run_assessment(fw, store, ask, quiet(), restart=True, clock=at(NOW))
    assert "current_role" in ask.asked  # started from the beginning


def test_review_can_change_an_answer(fw: Framework, store: Store) -> None:
    # The first rating of governance is 1; at review it is changed to 3, and its evidence asked again.
    levels = iter([1, 3])
    ask = ScriptedAsk(BACKGROUND, rating=lambda comp: next(levels) if comp == "governance" else 2)
    ask.review = ["rating.governance", "__save__"]
    saved = run_assessment(fw, store, ask, quiet(), clock=at(NOW))
    assert saved.profile.ratings["governance"].level == 3
    assert ask.asked.count("rating.governance") == 2
    assert ask.asked.count("evidence.governance") == 2


def test_changing_target_in_quick_mode_asks_the_new_core_competencies(
    fw: Framework, store: Store
) -> None:
    script = {**BACKGROUND, "target_role": "pmo-analyst"}
    ask = ScriptedAsk(script, review=["target_role", "__save__"])
    # at review the target becomes pmo-director; its extra core competencies are then asked
    original_call = ask.__call__

    def call(q):  # type: ignore[no-untyped-def]
        key = str(q.key)
        if (
            key == "target_role"
            and ask.asked.count("target_role") == 1
            and "review.answer" in ask.asked
        ):
            ask.asked.append(key)
            return "pmo-director"
        return original_call(q)

    saved = run_assessment(fw, store, call, quiet(), quick=True, clock=at(NOW))
    assert saved.profile.target_role == "pmo-director"
    assert "pmo-management" in saved.profile.ratings
    assert "performance-monitoring" in saved.profile.ratings  # kept from the first target


def test_background_step_count_never_changes_with_certifications_ticked(
    fw: Framework, store: Store
) -> None:
    seen: list[str] = []
    scripted = ScriptedAsk(BACKGROUND, rating=skip_risk)  # ticks pmp and csm

    def ask(q: Question) -> Any:
        seen.append(q.progress)
        return scripted(q)

    run_assessment(fw, store, ask, quiet(), clock=at(NOW))
    background = [p for p in seen if p.startswith("Background")]
    totals = {re.match(r"Background \d+ of (\d+)", p).group(1) for p in background}  # type: ignore[union-attr]
    assert len(totals) == 1, background
    (total,) = totals
    steps = [re.match(r"Background (\d+) of", p).group(1) for p in background]  # type: ignore[union-attr]
    assert steps == sorted(steps, key=int) and steps[-1] == total
    years = [p for p in background if "certification" in p]
    step = background[scripted.asked.index("certifications")]
    assert years == [f"{step} · certification 1 of 2", f"{step} · certification 2 of 2"]
    # as the questions are first listed, before anything is ticked: the same total
    first = next(iter(all_questions(fw, {}, quick=False, today=TODAY)))
    assert first.progress == f"Background 1 of {total}"


def test_rating_choices_are_short_and_the_descriptors_are_details(fw: Framework) -> None:
    comp = fw.competencies[0]
    q = rating_question(fw, comp.id, "Competency 1 of 20")
    levels = sorted(comp.levels)
    labels = [f"{level} · {fw.scale_names[level]}" for level in levels]
    assert [c.label for c in q.choices] == [*labels, "Not sure / skip"]
    assert [c.short for c in q.choices[:-1]] == labels  # what the review shows
    assert q.details == tuple(
        (label, comp.levels[level]) for label, level in zip(labels, levels, strict=True)
    )
    # the target's required level is never shown while rating
    for role in fw.roles:
        req = role.competencies.get(comp.id)
        if req is not None:
            shown = " ".join([q.prompt, q.hint or "", *(t for pair in q.details for t in pair)])
            assert "required" not in shown.lower() and role.name not in shown


def test_a_text_answer_replaces_the_default_and_empty_keeps_it(fw: Framework) -> None:
    (q, *_) = [
        q for q in all_questions(fw, {}, quick=False, today=TODAY) if q.key.part is Part.training
    ]
    assert q.default == "0"
    assert q.convert("7") == 7
    assert q.convert("") == 0 and q.convert("  ") == 0
    assert not q.clearable
    with pytest.raises(ValueError):
        q.convert(CLEAR)  # a number cannot be emptied
    year = Question(
        Key(Part.cert_year, "pmp"),
        "text",
        "Year",
        default="2021",
        parse=partial(optional_year, today=TODAY),
    )
    assert year.clearable
    assert year.convert("") == 2021 and year.convert(CLEAR) is None and year.convert("2019") == 2019
    assert (
        Question(
            Key(Part.cert_year, "pmp"), "text", "Year", parse=partial(optional_year, today=TODAY)
        ).convert("")
        is None
    )


def test_changing_a_number_at_review_keeps_it_on_enter(fw: Framework, store: Store) -> None:
    key = "training.general"
    ask = ScriptedAsk(BACKGROUND, review=[key, key, "__save__"])
    typed = iter(["", "7"])  # Enter keeps 40, then 7 replaces it

    def call(q: Question) -> Any:
        if str(q.key) == key and ask.asked.count(key) >= 1:
            ask.asked.append(key)
            assert q.default == str(q.convert(""))  # the previous answer, kept by Enter
            return q.convert(next(typed))
        return ask(q)

    saved = run_assessment(fw, store, call, quiet(), clock=at(NOW))
    assert ask.asked.count(key) == 3
    assert saved.profile.training.general == 7


LOCAL = dt.timezone(dt.timedelta(hours=2))


@pytest.mark.parametrize(
    ("started", "said"),
    [
        (dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc), "today at 14:00"),
        (dt.datetime(2026, 11, 22, 22, 30, tzinfo=dt.timezone.utc), "today at 00:30"),
        (dt.datetime(2026, 11, 22, 21, 59, tzinfo=dt.timezone.utc), "yesterday at 23:59"),
        (dt.datetime(2026, 11, 22, 7, 15, tzinfo=dt.timezone.utc), "yesterday at 09:15"),
        (dt.datetime(2026, 11, 12, 14, 40, tzinfo=dt.timezone.utc), "on 12 Nov at 16:40"),
        (dt.datetime(2026, 1, 3, 8, 5, tzinfo=dt.timezone.utc), "on 3 Jan at 10:05"),
        (dt.datetime(2025, 11, 12, 14, 40, tzinfo=dt.timezone.utc), "on 12 Nov 2025 at 16:40"),
        (dt.datetime(2026, 11, 23, 12, 0), "today at 14:00"),  # naive: UTC
    ],
)
def test_when_started_is_said_in_local_time(started: dt.datetime, said: str) -> None:
    now = dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.timezone.utc)  # 17:00 local
    assert when_started(started, now, LOCAL) == said


def test_when_started_at_new_year_and_from_the_draft_stamp() -> None:
    now = dt.datetime(2027, 1, 1, 9, 0, tzinfo=LOCAL)
    assert when_started(dt.datetime(2026, 12, 31, 20, 0, tzinfo=LOCAL), now, LOCAL) == (
        "yesterday at 20:00"
    )
    assert when_started(dt.datetime(2026, 12, 30, 20, 0, tzinfo=LOCAL), now, LOCAL) == (
        "on 30 Dec 2026 at 20:00"
    )
    assert started_text("2026-12-31T18:00:00+00:00", now, LOCAL) == "yesterday at 20:00"
    assert started_text("not a time", now, LOCAL) == "at not a time"
    assert started_text("", now, LOCAL) == "earlier"


def test_the_resume_question_says_when_in_words(fw: Framework, store: Store) -> None:
    run_interrupted(fw, store, 15)
    prompts: list[str] = []
    scripted = ScriptedAsk(BACKGROUND, rating=skip_risk)

    def ask(q: Question) -> Any:
        prompts.append(q.prompt)
        return scripted(q)

    run_assessment(fw, store, ask, quiet(), clock=at(NOW))
    assert re.fullmatch(
        r"Resume the assessment you started (today|yesterday) at \d\d:\d\d \(15 answers so far\)\?",
        prompts[0],
    ), prompts[0]


def keep_everything(q: Question) -> Any:
    """Enter at every question: the default (last time's answer) is kept."""
    if q.key.part is Part.review:
        return SAVE
    if q.kind == "text":
        return q.convert("")
    if q.kind == "checkbox":
        return list(q.default or ())
    return q.default


def test_a_second_assessment_starts_from_the_first(fw: Framework, store: Store) -> None:
    first = run_assessment(
        fw, store, ScriptedAsk(BACKGROUND, rating=skip_risk), quiet(), clock=at(NOW)
    )
    later = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)
    asked: list[Question] = []

    def ask(q: Question) -> Any:
        asked.append(q)
        return keep_everything(q)

    second = run_assessment(fw, store, ask, quiet(), clock=at(later))
    # every answer is kept: it opens on the review, and saving at once keeps them all
    assert [q.key for q in asked] == [Key(Part.review, "part")]
    assert second.ident != first.ident
    assert second.profile.model_copy(update={"assessed_at": None}) == first.profile.model_copy(
        update={"assessed_at": None}
    )


def test_the_review_marks_what_changed_since_last_time(fw: Framework, store: Store) -> None:
    first = run_assessment(
        fw, store, ScriptedAsk(BACKGROUND, rating=skip_risk), quiet(), clock=at(NOW)
    )
    previous = answers_from_profile(first.profile)
    answers = dict(previous)
    answers[Key(Part.rating, "governance")] = 4
    answers[Key(Part.position, "2.end")] = "2026-01"
    rows = review_rows(fw, answers, False, previous, today=TODAY)
    changed = {r.label for r in rows if r.changed}
    assert changed == {fw.competency_name("governance"), "Position 2"}
    assert all(not r.changed for r in review_rows(fw, previous, False, previous, today=TODAY))


def test_an_old_draft_keeps_its_answers(fw: Framework) -> None:
    old = {"training_hours": 40, "experience.pmo_years": 3, "current_role": "pmo-analyst"}
    answers = answers_from_draft(old)
    assert answers[Key(Part.training, "general")] == 40
    assert answers[Key(Part.history, "1")] == "quick"  # the years were the quick answer
    assert Key(Part.field, "training_hours") not in answers


def test_changing_a_choice_opens_on_the_current_answer(fw: Framework) -> None:
    answers = {Key(Part.field, "current_role"): "pmo-analyst", Key(Part.rating, "governance"): 3}
    seen: list[Question] = []

    def ask(q: Question) -> Any:
        seen.append(q)
        return q.default if q.kind == "select" else q.convert("")

    change_answer(fw, answers, False, Key(Part.rating, "governance"), ask, today=TODAY)
    change_answer(fw, answers, False, Key(Part.field, "current_role"), ask, today=TODAY)
    assert [q.default for q in seen if q.kind == "select"] == [3, "pmo-analyst"]
    assert answers[Key(Part.rating, "governance")] == 3
