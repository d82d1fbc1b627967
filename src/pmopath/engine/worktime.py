"""Months of experience by kind, from a dated work history (pure; no I/O).

Conventions (README, "How eligibility is checked"):

* a position covers its start month to its end month, both included; a current
  position (no end) covers only complete months, up to the month before ``as_of``;
* overlapping months count once within a kind (the union of the intervals); a
  derived kind (project-related, business, programme-or-portfolio) is the union
  over the positions that count toward it;
* a window of W months is the W months before the ``as_of`` month;
* undated years (the quick answer) are ``floor(years x 12)`` months, assumed
  recent and assumed to keep growing; where both exist, the larger counts;
* months to go count one month per month only while a current position counts
  toward the kind (or an undated answer, assumed to keep growing), with old months
  sliding out of any window; experience nobody is gaining now gets no month to go
  (None), and nothing is rounded toward eligibility.
"""

import datetime as dt
import math
from bisect import bisect_left
from typing import NamedTuple

from pmopath.base.months import as_month, month_index
from pmopath.model.framework import (
    DERIVED_KINDS,
    POSITION_KINDS,
    ExperienceKind,
    ExperienceRequirement,
)
from pmopath.model.profile import EXPERIENCE_FIELDS, Position, Profile

#: The ceiling of a month count: nothing a profile could need is further away.
HORIZON = 1200

ASSUMED_RECENT = "assumed recent: your profile gives years, not dates"


def whole_months(years: float) -> int:
    """Years as complete months, never rounded up (2.96 years is 35 months)."""
    return math.floor(round(years * 12, 6))


class Count(NamedTuple):
    """Months of one kind at a moment, and what was assumed to get them."""

    months: int
    undated: bool  # the undated quick answer gave the figure (assumed recent)
    growing: bool  # a current position (or an undated answer) adds to it month by month


class Need(NamedTuple):
    """How a requirement of ``months`` (within ``window``) stands."""

    have: int
    to_go: int | None  # months until met as things stand now (None: nothing grows toward it)
    assumptions: tuple[str, ...]


def covered(position: Position, now: int) -> range:
    """The complete months a position covers before month ``now`` (empty if not begun)."""
    last = now - 1 if position.end is None else min(month_index(position.end), now - 1)
    return range(month_index(position.start), last + 1)


def is_current(position: Position, now: int) -> bool:
    """Whether a position has begun and still runs in month ``now``."""
    begun = month_index(position.start) <= now - 1
    return begun and (position.end is None or month_index(position.end) >= now)


class WorkRecord:
    """A profile's experience as month sets, as of one month."""

    def __init__(self, profile: Profile, as_of: dt.date) -> None:
        self.profile = profile
        self.now = as_month(as_of)
        self._dated: dict[ExperienceKind, list[int]] = {}
        self._current: dict[ExperienceKind, bool] = {}
        months_by_kind: dict[ExperienceKind, set[int]] = {k: set() for k in POSITION_KINDS}
        every: set[int] = set()
        current_kinds: set[ExperienceKind] = set()
        any_current = False
        for position in profile.positions:
            span = set(covered(position, self.now))
            every |= span
            for kind in position.kinds:
                months_by_kind[kind] |= span
            if is_current(position, self.now):
                any_current = True
                current_kinds |= set(position.kinds)
        for kind, months in months_by_kind.items():
            self._dated[kind] = sorted(months)
            self._current[kind] = kind in current_kinds
        for kind, parts in DERIVED_KINDS.items():
            if kind is ExperienceKind.business:
                self._dated[kind] = sorted(every)
                self._current[kind] = any_current
            else:
                union: set[int] = set()
                for part in parts:
                    union |= months_by_kind[part]
                self._dated[kind] = sorted(union)
                self._current[kind] = bool(current_kinds & set(parts))

    def records(self, kind: ExperienceKind) -> bool:
        """Whether a profile can say anything about ``kind`` (risk or scheduling it cannot)."""
        return kind in self._dated

    def undated(self, kind: ExperienceKind) -> tuple[int, str | None]:
        """Months from the undated quick answers for ``kind``, and the assumption behind them."""
        e = self.profile.experience
        legacy = whole_months(e.program_portfolio_years)
        if kind in EXPERIENCE_FIELDS and kind is not ExperienceKind.program_portfolio:
            return whole_months(e.years(kind) or 0.0), None
        if kind is ExperienceKind.program_portfolio:
            parts = [whole_months(e.program_years), whole_months(e.portfolio_years), legacy]
            return max(parts), None
        components = DERIVED_KINDS.get(kind, ())
        values = [whole_months(e.years(k) or 0.0) for k in components]
        values.append(legacy)
        given = [v for v in values if v]
        note = (
            f"counts your longest single kind of experience as {kind.label}"
            " (overlaps unknown: a lower bound)"
            if len(given) > 1
            else None
        )
        return max(values, default=0), note

    def dated(self, kind: ExperienceKind, window: int | None, later: int = 0) -> int:
        """Dated months of ``kind`` in the window, ``later`` months from now.

        Months are added meanwhile only while a current position counts toward ``kind``:
        experience nobody is gaining now is not promised (old months still leave a window).
        """
        months = self._dated[kind]
        end = self.now + later  # months before this one count
        added = later if self._current.get(kind) else 0
        growth = added if window is None else min(added, window)
        if window is None:
            return len(months) + growth
        start = end - window
        return len(months) - bisect_left(months, start) + growth if start < self.now else growth

    def have_at(self, kind: ExperienceKind, window: int | None, later: int = 0) -> int:
        """Months that count toward ``kind`` within ``window``, ``later`` months from now:
        the dated months, or the undated quick answer (assumed recent and growing)."""
        return self._have_at(kind, window, later, self.undated(kind)[0])

    def _have_at(self, kind: ExperienceKind, window: int | None, later: int, undated: int) -> int:
        if undated:
            undated += later
            if window is not None:
                undated = min(undated, window)
        return max(self.dated(kind, window, later), undated)

    def month_met(self, requirements: tuple[ExperienceRequirement, ...]) -> int:
        """The plan month a role's experience requirements are met, from what grows now (1
        when they are met already; a kind nothing grows now does not hold it back)."""
        month = 1
        for req in requirements:
            need = self.need(req.kind, math.ceil(round(req.years * 12, 6)), None)
            month = max(month, need.to_go or 1)
        return month

    def need(self, kind: ExperienceKind, months: int, window: int | None) -> Need:
        """Where ``months`` of ``kind`` within ``window`` stand: have, months to go (None: no
        month can be promised, as nothing counting toward it grows now), assumptions."""
        undated, note = self.undated(kind)
        if window is not None:
            undated = min(undated, window)  # assumed recent, but never more than the window
        dated_now = self.dated(kind, window)
        have = max(dated_now, undated)
        assumptions: list[str] = []
        if undated > dated_now:
            assumptions.append(ASSUMED_RECENT)
            if note:
                assumptions.append(note)
        if kind is not ExperienceKind.program_portfolio and self._legacy_matters(kind):
            assumptions.append(
                "your profile gives programme and portfolio years together, so neither counts"
                f" alone toward {kind.label}: list your positions, or give them separately"
            )
        if have >= months:
            return Need(have, 0, tuple(assumptions))
        if not (self._current.get(kind) or undated):
            whose = "your current positions" if self.profile.positions else "your profile"
            assumptions.append(
                f"nothing in {whose} counts as {kind.label}: the months to go start when"
                " you begin such work"
            )
            return Need(have, None, tuple(assumptions))
        to_go = self.first_month_with(kind, months, window)
        return Need(have, to_go, tuple(assumptions))

    def first_month_with(self, kind: ExperienceKind, months: int, window: int | None) -> int | None:
        """The first ``later`` (0 = now) at which ``months`` of ``kind`` count, or None."""
        if window is not None and months > window:
            return None
        undated = self.undated(kind)[0]
        for later in range(HORIZON + 1):
            if self._have_at(kind, window, later, undated) >= months:
                return later
        return None

    def _legacy_matters(self, kind: ExperienceKind) -> bool:
        return kind in (ExperienceKind.program, ExperienceKind.portfolio) and bool(
            self.profile.experience.program_portfolio_years
        )

    def count(self, kind: ExperienceKind) -> Count:
        """All months of ``kind`` (no window), for a role's experience requirement."""
        undated, _ = self.undated(kind)
        dated = self.dated(kind, None)
        return Count(max(undated, dated), undated > dated, bool(self._current.get(kind) or undated))
