"""The clock: the one place pmopath reads it.

Everything below the command line takes the day or the moment as an argument (``as_of``,
``today``, a ``clock``), so a plan is a function of its inputs and a test fixes the day.
"""

from __future__ import annotations

import datetime as dt

from pmopath.base.text import local_day


def now() -> dt.datetime:
    """The current moment: an aware UTC time, to the second."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def today() -> dt.date:
    """Today's date where the person is (the local calendar day), from :func:`now`."""
    return local_day(now())
