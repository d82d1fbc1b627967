"""Store.find: history numbers, ID prefixes, ``latest`` and the errors in between."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from pmopath.base.errors import NotFoundError
from pmopath.load.store import Store

UTC = dt.timezone.utc
# Saved out of order on purpose: IDs sort oldest first whatever the save order.
TIMES = (
    dt.datetime(2026, 11, 22, 10, 10, 10, tzinfo=UTC),
    dt.datetime(2025, 3, 1, 9, 0, 0, tzinfo=UTC),
    dt.datetime(2026, 1, 15, 18, 30, 45, tzinfo=UTC),
)
OLDEST, MIDDLE, NEWEST = "20250301-090000", "20260115-183045", "20261122-101010"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(home=tmp_path)
    for when in TIMES:
        s.save_assessment(f"saved_at: {when.isoformat()}\n", when)
    assert s.ids() == [OLDEST, MIDDLE, NEWEST]
    return s


@pytest.mark.parametrize(("ref", "expected"), [("1", OLDEST), ("2", MIDDLE), ("3", NEWEST)])
def test_find_by_history_number(store: Store, ref: str, expected: str) -> None:
    assert store.find(ref) == expected


@pytest.mark.parametrize("ref", ["0", "4"])
def test_history_number_out_of_range_is_not_found(store: Store, ref: str) -> None:
    with pytest.raises(NotFoundError) as info:
        store.find(ref)
    assert f"no saved assessment '{ref}'" in str(info.value)
    assert "pmopath history" in str(info.value)


@pytest.mark.parametrize(
    ("ref", "expected"),
    [("2025", OLDEST), ("202601", MIDDLE), ("20261122-10", NEWEST), (MIDDLE, MIDDLE)],
)
def test_find_by_unique_prefix_or_full_id(store: Store, ref: str, expected: str) -> None:
    assert store.find(ref) == expected


def test_ambiguous_prefix_lists_the_candidates(store: Store) -> None:
    with pytest.raises(NotFoundError) as info:
        store.find("2026")
    message = str(info.value)
    assert "assessment '2026' is ambiguous" in message
    assert MIDDLE in message and NEWEST in message
    assert OLDEST not in message


def test_unknown_id_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError) as info:
        store.find("20240101-000000")
    assert "no saved assessment '20240101-000000'" in str(info.value)


@pytest.mark.parametrize("ref", [None, "latest"])
def test_none_and_latest_are_the_newest(store: Store, ref: str | None) -> None:
    assert store.find(ref) == NEWEST


@pytest.mark.parametrize("ref", [None, "latest", "1", "2026"])
def test_no_saved_assessments_points_to_assess(tmp_path: Path, ref: str | None) -> None:
    empty = Store(home=tmp_path)
    assert empty.ids() == []
    with pytest.raises(NotFoundError) as info:
        empty.find(ref)
    assert "no saved assessments yet" in str(info.value)
    assert info.value.hint is not None and "pmopath assess" in info.value.hint


def test_two_saves_in_the_same_second_get_distinct_ids(tmp_path: Path) -> None:
    s = Store(home=tmp_path)
    when = dt.datetime(2026, 11, 22, 10, 10, 10, 100, tzinfo=UTC)
    first = s.save_assessment("first: 1\n", when)
    second = s.save_assessment("second: 2\n", when.replace(microsecond=900_000))
    assert (first, second) == ("20261122-101010", "20261122-101010-2")
    assert yaml.safe_load(s.path(first).read_text()) == {"first": 1}
    assert yaml.safe_load(s.path(second).read_text()) == {"second": 2}
    assert s.ids() == [first, second]
    assert s.find("latest") == second
    assert s.find("2") == second
    assert s.find("20261122-101010-2") == second


def test_exact_id_wins_over_its_dash_2_sibling(tmp_path: Path) -> None:
    s = Store(home=tmp_path)
    when = dt.datetime(2026, 11, 22, 10, 10, 10, tzinfo=UTC)
    assert s.save_assessment("first: 1\n", when) == "20261122-101010"
    assert s.save_assessment("second: 2\n", when) == "20261122-101010-2"
    assert s.find("20261122-101010") == "20261122-101010"


def test_answers_are_kept_private(tmp_path: Path) -> None:
    """A draft and a saved assessment hold a person's answers: mode 0600 (umask aside)."""
    import datetime as dt

    from pmopath.load.store import Draft, Store

    store = Store(tmp_path)
    store.save_draft(Draft(started="2026-11-23T10:00:00+00:00", quick=True, answers={"a": 1}))
    ident = store.save_assessment("name: Ada\n", dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc))
    assert store.draft_path.stat().st_mode & 0o777 == 0o600
    assert store.path(ident).stat().st_mode & 0o777 == 0o600


def test_a_draft_lock_is_held_once_private_and_never_through_a_link(tmp_path: Path) -> None:
    import os
    import stat

    from pmopath.base.errors import RefusedError

    store = Store(home=tmp_path)
    store.home.mkdir(parents=True, exist_ok=True)
    first = store.lock_draft(store.draft_path)
    assert first is not None
    assert store.lock_draft(store.draft_path) is None  # a second session waits its turn
    assert stat.S_IMODE(first.path.stat().st_mode) == 0o600
    assert first.path.read_text() == f"{os.getpid()}\n"
    first.release()
    again = store.lock_draft(store.draft_path)
    assert again is not None
    again.release()

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    planted = store.draft_path.with_suffix(".lock")
    planted.unlink()
    planted.symlink_to(victim)
    with pytest.raises(RefusedError, match="symbolic link"):
        store.lock_draft(store.draft_path)
    assert victim.read_text() == "keep me\n"
