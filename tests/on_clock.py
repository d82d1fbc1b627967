"""`python tests/on_clock.py ARGS` runs `pmopath ARGS` with the clock at the suite's day.

The child processes of a test read the real clock otherwise; see tests/clock.py.
"""

from __future__ import annotations

import runpy
import sys

import time_machine

from clock import start

if __name__ == "__main__":
    with time_machine.travel(start(), tick=True):
        sys.argv[0] = "pmopath"
        runpy.run_module("pmopath", run_name="__main__", alter_sys=True)
