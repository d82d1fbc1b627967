"""The console script: two start-up costs switched off, then the command line.

* Python's cyclic garbage collector. A command runs for a fraction of a second and
  builds many small objects (model classes, the framework); the collector would walk
  them again and again for nothing, about a tenth of the start-up time. Reference
  counting still frees everything as usual; ``pmopath assess``, which runs as long as
  a person takes, turns the collector back on.
* Pydantic's plugin discovery. The first validator pydantic builds scans every
  installed distribution's entry points for plugins (several milliseconds); pmopath's
  models are internal, so a plugin would have nothing to observe. A value the user
  set for ``PYDANTIC_DISABLE_PLUGINS`` is kept.
"""

import gc
import os

gc.disable()
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pmopath.cli.app import main  # noqa: E402  (after the two settings above)

__all__ = ["main"]
