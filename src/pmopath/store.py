"""Where assessments live: the user's history and the draft in progress.

Layout under the data folder (platformdirs' user data dir, or ``$PMOPATH_HOME``)::

    assessments/20261122-143005.yaml   one file per completed assessment
    draft.yaml                         answers given so far, saved after each one

Every write is atomic (temporary file, flush, fsync, rename), so a crash or a
kill mid-write leaves the previous file intact.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmopath.errors import DataError, NotFoundError
from pmopath.yamlio import atomic_write_text, dump_yaml, load_yaml

ENV_HOME = "PMOPATH_HOME"
DRAFT_VERSION = 1
ID_FORMAT = "%Y%m%d-%H%M%S"


def data_home() -> Path:
    override = os.environ.get(ENV_HOME)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("pmopath", appauthor=False))


def new_id(now: dt.datetime) -> str:
    return now.astimezone(dt.timezone.utc).strftime(ID_FORMAT)


@dataclass(frozen=True)
class Draft:
    """An assessment in progress: the answers given so far, by question key."""

    started: str
    quick: bool
    answers: dict[str, Any]


class Store:
    def __init__(self, home: Path | None = None) -> None:
        self.home = home if home is not None else data_home()

    @property
    def assessments(self) -> Path:
        return self.home / "assessments"

    @property
    def draft_path(self) -> Path:
        return self.home / "draft.yaml"

    # ----------------------------------------------------------------- draft

    def load_draft(self) -> Draft | None:
        if not self.draft_path.exists():
            return None
        doc = load_yaml(self.draft_path)
        data = doc.data
        if (
            not isinstance(data, dict)
            or data.get("draft_version") != DRAFT_VERSION
            or not isinstance(data.get("answers"), dict)
        ):
            raise DataError(
                "the saved draft is not in a format this version understands",
                path=self.draft_path,
                hint="`pmopath assess --restart` discards it",
            )
        return Draft(
            str(data.get("started", "")), bool(data.get("quick", False)), dict(data["answers"])
        )

    def save_draft(self, draft: Draft) -> None:
        payload = {
            "draft_version": DRAFT_VERSION,
            "started": draft.started,
            "quick": draft.quick,
            "answers": draft.answers,
        }
        atomic_write_text(
            self.draft_path, "# pmopath assessment in progress\n" + dump_yaml(payload)
        )

    def discard_draft(self) -> None:
        self.draft_path.unlink(missing_ok=True)

    # --------------------------------------------------------------- history

    def save_assessment(self, text: str, now: dt.datetime) -> str:
        """Write a completed assessment under a new, unique timestamp ID."""
        base = new_id(now)
        ident, n = base, 1
        while (self.assessments / f"{ident}.yaml").exists():
            n += 1
            ident = f"{base}-{n}"
        atomic_write_text(self.assessments / f"{ident}.yaml", text)
        return ident

    def ids(self) -> list[str]:
        """Saved assessment IDs, oldest first."""
        if not self.assessments.is_dir():
            return []
        return sorted(p.stem for p in self.assessments.glob("*.yaml") if not p.name.startswith("."))

    def path(self, ident: str) -> Path:
        return self.assessments / f"{ident}.yaml"

    def find(self, ref: str | None) -> str:
        """An assessment by ID, unique ID prefix, ``latest``, or history number (1 = oldest)."""
        ids = self.ids()
        if not ids:
            raise NotFoundError(
                "no saved assessments yet",
                hint="run `pmopath assess`, or pass a profile file with --profile",
            )
        if ref is None or ref == "latest":
            return ids[-1]
        if ref.isdigit() and len(ref) <= 4 and 1 <= int(ref) <= len(ids):
            return ids[int(ref) - 1]
        matches = [i for i in ids if i.startswith(ref)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise NotFoundError(
                f"assessment '{ref}' is ambiguous", hint="it could be " + ", ".join(matches)
            )
        raise NotFoundError(f"no saved assessment '{ref}'", hint="`pmopath history` lists them")
