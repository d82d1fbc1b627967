"""Month arithmetic, in one place: a month is an index (year × 12 + month − 1).

Work history months ("2019-03"), the day a plan starts from and the plan's own months
(month 1 is the month of the as-of day) all become indexes here, so every date pmopath
shows is computed the same way.
"""

from __future__ import annotations

import datetime as dt


def month_index(month: str) -> int:
    """ "2019-03" as a month index."""
    year, _, mon = month.partition("-")
    return int(year) * 12 + int(mon) - 1


def as_month(day: dt.date) -> int:
    """The month index of a day."""
    return day.year * 12 + day.month - 1


def month_of(index: int) -> str:
    """A month index as "YYYY-MM"."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def first_day(index: int) -> dt.date:
    """The first day of a month index."""
    return dt.date(index // 12, index % 12 + 1, 1)


def month_start(as_of: dt.date, month: int) -> dt.date:
    """The first day of plan month ``month``; month 1 is the month of ``as_of``."""
    return first_day(as_month(as_of) + month - 1)


def month_label(as_of: dt.date, month: int) -> str:
    """``YYYY-MM`` of plan month ``month``; month 1 is the month of ``as_of``."""
    return month_of(as_month(as_of) + month - 1)


def months_apart(earlier: str, later: str) -> int:
    """Months from one "YYYY-MM" to another: positive when ``later`` is after ``earlier``."""
    return month_index(later) - month_index(earlier)
