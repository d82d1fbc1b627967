"""A team's files into the facts its figures need, quickly (``pmopath team``).

Each file is read (bounded), then looked up by its content in the team cache: one entry
for the framework, the compared target and the day, holding every file's facts
(:class:`engine.team.FileFacts`: who, which rater, the levels, and a self-assessment's
figures), keyed by a SHA-256 of the file's text. A file met before costs a read and a
hash; the others are parsed, checked and scored, by as many worker processes as there
are cores when there are many of them, and the entry is written anew with every file's
facts. Only the few people bench strength plans are read into full profiles again.

A file that cannot be read, or is not a valid profile, is never cached: it is reported
(with its reason) on every run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pmopath.base.errors import PmopathError
from pmopath.engine.team import FileFacts, Pick, Team, bench, facts_of, shortlist
from pmopath.load import cache
from pmopath.load.profiles import load_profile
from pmopath.load.team import Skipped, reason_of
from pmopath.load.yamlio import read_text
from pmopath.model.catalog import Framework
from pmopath.model.framework import Model
from pmopath.model.profile import MAX_PROFILE_BYTES

#: Fewer files than this to parse are parsed here: starting workers costs more.
PARALLEL_FROM = 400


class TeamFacts(Model):
    """The team cache's entry: each file's facts by the SHA-256 of its text (``source``
    empty: the path is this run's)."""

    facts: dict[str, FileFacts]


class Work:
    """What a worker needs, set before the workers start (they inherit it by fork)."""

    fw: Framework | None = None
    target: str | None = None
    day: dt.date | None = None


def _parse(item: tuple[str, str, str]) -> FileFacts | str:
    """One file's facts, or why it cannot be read (in a worker, or here)."""
    _, real, text = item
    assert Work.fw is not None and Work.day is not None
    try:
        profile = load_profile(Path(real), Work.fw, strict=False, text=text, remember=False)
        return facts_of(Work.fw, "", profile.profile, Work.target, as_of=Work.day)
    except PmopathError as exc:
        return reason_of(exc)


def _parse_all(items: list[tuple[str, str, str]]) -> list[FileFacts | str]:
    workers = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1, 8)
    import multiprocessing

    if len(items) < PARALLEL_FROM or workers < 2:
        return [_parse(i) for i in items]
    if "fork" not in multiprocessing.get_all_start_methods():
        return [_parse(i) for i in items]
    chunk = max(50, len(items) // (workers * 8))
    try:
        pool = multiprocessing.get_context("fork").Pool(workers)
    except (OSError, ImportError):  # no semaphores here (a container without /dev/shm)
        return [_parse(i) for i in items]
    with pool:
        return pool.map(_parse, items, chunksize=chunk)


def team_facts(
    files: Sequence[tuple[Path, Path]], fw: Framework, target: str | None, day: dt.date
) -> tuple[list[FileFacts], list[Skipped]]:
    """Every file's facts, in the order given, and those skipped with their reasons."""
    skipped: list[Skipped] = []
    texts: list[tuple[str, str, str, str]] = []  # source, real path, text, its digest
    for path, real in files:
        try:
            text = read_text(real, max_bytes=MAX_PROFILE_BYTES)
        except PmopathError as exc:
            skipped.append(Skipped(str(path), reason_of(exc)))
            continue
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        texts.append((str(path), str(real), text, digest))
    key = cache.engine_key(fw.key, b"team", (target or "").encode(), day.isoformat().encode())
    known: dict[str, FileFacts] = {}
    if key is not None and (hit := cache.read("team", key, TeamFacts)) is not None:
        known = hit.facts
    missing = list({t[3]: t for t in texts if t[3] not in known}.values())  # each text once
    Work.fw, Work.target, Work.day = fw, target, day
    made = dict(zip((t[3] for t in missing), _parse_all([t[:3] for t in missing]), strict=True))
    facts: list[FileFacts] = []
    keep: dict[str, FileFacts] = {}
    for source, _, _, digest in texts:
        got: FileFacts | str = known[digest] if digest in known else made[digest]
        if isinstance(got, str):
            skipped.append(Skipped(source, got))
            continue
        keep[digest] = got
        facts.append(got.model_copy(update={"source": source}))
    if key is not None and missing and keep:
        cache.write("team", key, TeamFacts.model_construct(facts=keep))
    return facts, skipped


def with_bench(
    team: Team, fw: Framework, real_of: dict[str, Path], day: dt.date
) -> tuple[Team, list[Pick]]:
    """The team with bench strength: the shortlisted people's full profiles read again."""
    picks = shortlist(fw, team.people)
    profiles: dict[int, Any] = {}
    for pick in picks:
        for i in pick.closest:
            if i not in profiles:
                path = real_of[team.people[i].source]
                profiles[i] = load_profile(path, fw, strict=False, remember=False).profile
    return team.model_copy(update={"bench": bench(fw, picks, profiles, as_of=day)}), picks
