"""Where pmopath keeps files: the user's data folder and cache folder.

The same folders platformdirs gives (XDG on Linux and other Unix systems, the
Library folders on macOS), worked out here because importing platformdirs costs
more start-up time than every command should pay; other systems use platformdirs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "pmopath"


def user_data_dir() -> Path:
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP
    if os.name == "posix":
        return _xdg("XDG_DATA_HOME", Path.home() / ".local" / "share")
    from platformdirs import user_data_dir as platform_data_dir

    return Path(platform_data_dir(APP, appauthor=False))


def user_cache_dir() -> Path:
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP
    if os.name == "posix":
        return _xdg("XDG_CACHE_HOME", Path.home() / ".cache")
    from platformdirs import user_cache_dir as platform_cache_dir

    return Path(platform_cache_dir(APP, appauthor=False))


def _xdg(variable: str, default: Path) -> Path:
    value = os.environ.get(variable, "").strip()
    base = Path(value).expanduser() if value and Path(value).expanduser().is_absolute() else default
    return base / APP
