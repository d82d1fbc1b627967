"""The suite's clock: every test, and every pmopath process a test starts, sees the same day.

The day is ``PMOPATH_TEST_TODAY`` (YYYY-MM-DD) when set, else :data:`DEFAULT_TODAY`;
``conftest.py`` moves the clock there before collection (time-machine, ticking from 09:30
UTC so time still passes). ``PMOPATH`` runs ``python -m pmopath`` on that clock too.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

ENV = "PMOPATH_TEST_TODAY"
DEFAULT_TODAY = dt.date(2026, 11, 22)


def today() -> dt.date:
    """The suite's day: ``$PMOPATH_TEST_TODAY`` or :data:`DEFAULT_TODAY`."""
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return DEFAULT_TODAY
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise SystemExit(f"{ENV}={raw!r} is not a date (YYYY-MM-DD)") from None


def start() -> dt.datetime:
    """The moment the clock starts from: 09:30 UTC on :func:`today`."""
    return dt.datetime.combine(today(), dt.time(9, 30), tzinfo=dt.timezone.utc)


#: ``python -m pmopath`` on the suite's clock, for tests that start pmopath as a process.
PMOPATH = (sys.executable, str(Path(__file__).with_name("on_clock.py")))
