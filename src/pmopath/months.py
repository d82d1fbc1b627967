"""Plan months as calendar labels (month 1 is the month a plan starts)."""

from __future__ import annotations

import datetime as dt


def month_label(as_of: dt.date, month: int) -> str:
    """``YYYY-MM`` of plan month ``month``; month 1 is the month of ``as_of``."""
    index = as_of.year * 12 + as_of.month - 1 + month - 1
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
