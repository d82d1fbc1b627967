"""Re-assessment: `assess` after a saved assessment opens on the review of its answers,
asks only what the person picks, and shows old → new before saving."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from pmopath.cli.assess import REVIEW_PART, SAVE, Interrupted, run_assessment
from pmopath.cli.questionnaire import rating_question
from pmopath.cli.questions import Key, Part, Question
from pmopath.load.framework import load_framework
from pmopath.load.store import Store
from pmopath.model.catalog import Framework
from scripted import BACKGROUND, ScriptedAsk

FIRST = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.timezone.utc)
LATER = dt.datetime(2027, 3, 1, 8, 0, tzinfo=dt.timezone.utc)


def at(moment: dt.datetime) -> Any:
    return lambda: moment


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "home")


def console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=100, no_color=True), out


def first_assessment(fw: Framework, store: Store) -> None:
    quiet, _ = console()
    run_assessment(fw, store, ScriptedAsk(BACKGROUND), quiet, clock=at(FIRST))  # all rated 2


def test_reassessment_asks_only_the_picked_ratings(fw: Framework, store: Store) -> None:
    first_assessment(fw, store)
    ask = ScriptedAsk(
        {"rating.governance": 3, "rating.pmo-management": 4},
        review=["rating.governance", "rating.pmo-management", "__save__"],
    )
    shown, _ = console()
    saved = run_assessment(fw, store, ask, shown, clock=at(LATER))
    assert ask.asked == [
        "review.part",
        "rating.governance",
        "evidence.governance",
        "review.part",
        "rating.pmo-management",
        "evidence.pmo-management",
        "review.part",
    ]
    ratings = saved.profile.ratings
    assert (ratings["governance"].level, ratings["pmo-management"].level) == (3, 4)
    assert all(
        r.level == 2 for c, r in ratings.items() if c not in ("governance", "pmo-management")
    )
    assert saved.profile.name == "Test Person" and len(saved.profile.positions) == 2
    assert len(store.ids()) == 2 and not store.draft_path.exists()


def test_the_review_shows_old_values_and_old_to_new_before_saving(
    fw: Framework, store: Store
) -> None:
    first_assessment(fw, store)
    seen: list[Question] = []
    scripted = ScriptedAsk({"rating.governance": 3}, review=["rating.governance", "__save__"])

    def ask(q: Question) -> Any:
        seen.append(q)
        return scripted(q)

    shown, out = console()
    run_assessment(fw, store, ask, shown, clock=at(LATER))
    opening, *_, last = [q for q in seen if q.key == REVIEW_PART]
    governance = fw.competency_name("governance")
    # every rating is on the opening list with its value from last time
    labels = [c.label for c in opening.choices]
    assert any(f"{governance}: 2 · Practises" in label for label in labels)
    assert sum(1 for c in opening.choices if isinstance(c.value, Key) and c.value != SAVE) == 20
    # each line has a key of its own that picks it at once; the list opens on Save
    keys = [k for k in opening.keys if k]
    assert len(keys) == len(set(keys)) == len(opening.choices)  # every line, Save too
    assert opening.default == SAVE
    # before saving: old → new for the changed answer, and the save choice counts it
    text = " ".join(out.getvalue().split())
    assert f"{governance}: 2 · Practises → 3 · Leads" in text
    assert last.choices[0].value == SAVE and "1 change" in last.choices[0].label


def test_the_background_review_shows_each_answer_once(fw: Framework, store: Store) -> None:
    first_assessment(fw, store)
    seen: list[Question] = []
    scripted = ScriptedAsk({"hours_per_week": "6"}, review=["hours_per_week", "__save__"])

    def ask(q: Question) -> Any:
        seen.append(q)
        return scripted(q)

    shown, out = console()
    saved = run_assessment(fw, store, ask, shown, clock=at(LATER))
    assert saved.profile.hours_per_week == 6
    (background,) = [q for q in seen if q.key == Key(Part.review, "answer")]
    said = out.getvalue() + " ".join(c.label for c in background.choices)
    for label in ("Education", "Position 1", "Position 2"):
        assert said.count(label) == 1, label
    assert "Test Person" in " ".join(c.label for c in background.choices)


def test_a_rating_level_has_its_digit_as_its_key(fw: Framework) -> None:
    q = rating_question(fw, "governance", "")
    assert q.keys == ("0", "1", "2", "3", "4", "")  # "Not sure / skip" has none
    assert [c.value for c in q.choices[:5]] == [0, 1, 2, 3, 4]


def test_a_reassessment_interrupted_after_a_change_resumes_with_it(
    fw: Framework, store: Store
) -> None:
    first_assessment(fw, store)
    quiet, _ = console()
    ask = ScriptedAsk({"rating.governance": 3}, review=["rating.governance"], interrupt_at=3)
    with pytest.raises(Interrupted) as stopped:  # Ctrl-C back at the list, after the change
        run_assessment(fw, store, ask, quiet, clock=at(LATER))
    assert stopped.value.draft == store.draft_path
    seen: list[Question] = []
    scripted = ScriptedAsk(review=["__save__"])

    def resume(q: Question) -> Any:
        seen.append(q)
        return scripted(q)

    shown, out = console()
    saved = run_assessment(fw, store, resume, shown, resume=True, clock=at(LATER))
    assert [q.key for q in seen] == [REVIEW_PART]  # straight back to the list, change kept
    assert saved.profile.ratings["governance"].level == 3
    assert "2 · Practises → 3 · Leads" in out.getvalue()


def test_ctrl_c_at_the_opening_list_leaves_nothing_to_resume(fw: Framework, store: Store) -> None:
    first_assessment(fw, store)
    quiet, _ = console()
    with pytest.raises(Interrupted) as stopped:
        run_assessment(fw, store, ScriptedAsk(interrupt_at=0), quiet, clock=at(LATER))
    assert "nothing was answered yet" in stopped.value.summary()
    assert not store.draft_path.exists()


def test_restart_discards_the_changes_and_opens_on_the_last_assessment(
    fw: Framework, store: Store
) -> None:
    first_assessment(fw, store)
    quiet, _ = console()
    ask = ScriptedAsk({"rating.governance": 3}, review=["rating.governance"], interrupt_at=3)
    with pytest.raises(Interrupted):
        run_assessment(fw, store, ask, quiet, clock=at(LATER))
    scripted = ScriptedAsk({"confirm.restart": True}, review=["__save__"])
    saved = run_assessment(fw, store, scripted, quiet, restart=True, clock=at(LATER))
    assert scripted.asked == ["confirm.restart", "review.part"]
    assert saved.profile.ratings["governance"].level == 2  # the draft's change is gone
