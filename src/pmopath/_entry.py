"""The console script: the cyclic garbage collector off, then the command line.

A command runs for a fraction of a second and builds many small objects (model
classes, the framework); Python's cyclic collector would walk them again and again
for nothing, about a tenth of the start-up time. Reference counting still frees
everything as usual; ``pmopath assess``, which runs as long as a person takes,
turns the collector back on.
"""

import gc

gc.disable()

from pmopath.cli import main  # noqa: E402  (after the collector is off)

__all__ = ["main"]
