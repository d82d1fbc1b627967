"""Team benchmark: `pmopath team` over 10, 100, 1,000 and 10,000 generated profiles.

Run with `python benchmarks/team.py [--sizes 10,100,1000,10000] [--runs 3] [--pmopath PATH]
[--format terminal|json]`.

The team at size N is N profile files in one folder (schema_version 2, the format of
`examples/team/`), made from a fixed seed so every run times the same files:

* people spread over the ladder as a PMO's team is (many coordinators, project managers
  and PMO analysts; few programme managers, PMO managers and directors); each has a
  person_id, a name drawn from 60 x 60 first and last names, and a target one or two
  roles up;
* a dated work history of one to four positions that adds up to the years such a role
  takes, with the kinds of work it records; education, training hours and weekly hours;
* the certifications people in that role typically hold, with years;
* a rating for every competency of the built-in framework, spread around the level the
  role asks (so gaps, coverage and calibration have something to find), some with an
  evidence line;
* about one in ten people also has a manager's rating of them (a second file,
  `rater: manager`, levels a notch apart from their own on a few competencies) and one
  in thirty a peer's.

Beside each size, in the same run, the floor: a fresh Python that reads every file of the
folder and parses it with PyYAML's C loader (`yaml.CSafeLoader`) and does nothing else.
`pmopath team DIR --format F` is timed cold (every cache entry but the framework's removed
before each run: a first run over these files) and warm (the entry its previous run
wrote), one untimed warm-up first (bytecode).
Reported: median wall time, peak RSS (the largest single process; worker processes are
counted each on their own), the multiple of the floor, and the growth from the previous
size, which stays near 10 when the cost grows linearly.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from benchlib import (
    BenchError,
    Runner,
    Series,
    check,
    find_target,
    markdown_table,
    mib,
    python_version,
    runner,
    version_of,
)

DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
SEED = 20261204

FIRST = [
    "Aisha",
    "Alex",
    "Amara",
    "Ana",
    "Ben",
    "Carla",
    "Chen",
    "Chloe",
    "Daniel",
    "Dana",
    "Diego",
    "Elena",
    "Emeka",
    "Fatima",
    "Femi",
    "Grace",
    "Hana",
    "Hugo",
    "Ines",
    "Ivan",
    "Jade",
    "James",
    "Jonas",
    "Kai",
    "Kenji",
    "Lara",
    "Leila",
    "Liam",
    "Lucia",
    "Maya",
    "Mei",
    "Nadia",
    "Nina",
    "Noah",
    "Olga",
    "Omar",
    "Owen",
    "Paulo",
    "Priya",
    "Quinn",
    "Rafael",
    "Rosa",
    "Ruth",
    "Sam",
    "Sara",
    "Sofia",
    "Tariq",
    "Tom",
    "Uma",
    "Vera",
    "Victor",
    "Wei",
    "Will",
    "Xavier",
    "Yara",
    "Yusuf",
    "Zara",
    "Zoe",
    "Ravi",
    "Ingrid",
]
LAST = [
    "Adams",
    "Ahmed",
    "Alvarez",
    "Andersen",
    "Baker",
    "Banerjee",
    "Bauer",
    "Brown",
    "Chen",
    "Costa",
    "Dubois",
    "Eriksen",
    "Evans",
    "Fischer",
    "Garcia",
    "Gupta",
    "Hansen",
    "Hoang",
    "Ito",
    "Jansen",
    "Johnson",
    "Kaur",
    "Kim",
    "Kowalski",
    "Larsen",
    "Lee",
    "Lopez",
    "Martin",
    "Meyer",
    "Moreau",
    "Murphy",
    "Nakamura",
    "Nguyen",
    "Novak",
    "Okafor",
    "Olsen",
    "Patel",
    "Petrov",
    "Quinn",
    "Rossi",
    "Santos",
    "Schmidt",
    "Silva",
    "Singh",
    "Smith",
    "Sousa",
    "Tanaka",
    "Taylor",
    "Walker",
    "Wang",
    "Weber",
    "Williams",
    "Wilson",
    "Wright",
    "Yamamoto",
    "Young",
    "Zhang",
    "Ziegler",
    "Dahl",
    "Moore",
]

#: role, share of the team, (min, max) years of work, the kinds its positions record,
#: the level it rates around, the certifications people in it hold, the targets they name.
LADDER: tuple[
    tuple[str, int, tuple[int, int], tuple[str, ...], int, tuple[str, ...], tuple[str, ...]], ...
] = (
    ("pmo-administrator", 6, (1, 3), ("project-support",), 1, ("apm-pfq",), ("pmo-analyst",)),
    (
        "project-coordinator",
        16,
        (1, 4),
        ("project-support",),
        2,
        ("capm", "prince2-foundation"),
        ("project-manager", "pmo-analyst"),
    ),
    (
        "pmo-analyst",
        14,
        (2, 6),
        ("pmo", "project-support"),
        2,
        ("prince2-foundation", "p3o-foundation"),
        ("pmo-manager",),
    ),
    (
        "junior-project-manager",
        10,
        (2, 5),
        ("project-management",),
        2,
        ("capm", "psm-1"),
        ("project-manager",),
    ),
    (
        "project-manager",
        24,
        (4, 10),
        ("project-management", "people-leadership"),
        3,
        ("pmp", "prince2-practitioner", "csm"),
        ("senior-project-manager", "program-manager", "pmo-manager"),
    ),
    (
        "senior-project-manager",
        10,
        (8, 15),
        ("project-management", "people-leadership", "program"),
        3,
        ("pmp", "pmi-rmp"),
        ("program-manager", "pmo-manager", "portfolio-manager"),
    ),
    (
        "pmo-manager",
        8,
        (8, 16),
        ("pmo", "people-leadership"),
        4,
        ("pmp", "pmi-pmocp", "p3o-practitioner"),
        ("pmo-director",),
    ),
    (
        "program-manager",
        7,
        (10, 18),
        ("program", "project-management", "people-leadership"),
        4,
        ("pmp", "msp-practitioner"),
        ("portfolio-manager", "pmo-director"),
    ),
    (
        "portfolio-manager",
        3,
        (12, 20),
        ("portfolio", "program", "people-leadership"),
        4,
        ("pgmp", "pmp"),
        ("pmo-director",),
    ),
    (
        "pmo-director",
        2,
        (15, 25),
        ("pmo", "portfolio", "people-leadership"),
        4,
        ("pfmp", "pmp"),
        ("chief-project-officer",),
    ),
)
COMPETENCIES = [
    "pm-methodologies",
    "planning-scheduling",
    "risk-management",
    "budgeting-cost-control",
    "pm-tools",
    "p3m-administration",
    "p3m-delivery-support",
    "p3m-enabling",
    "pmo-management",
    "continuous-improvement",
    "strategic-thinking",
    "governance",
    "financial-resource-management",
    "performance-monitoring",
    "data-driven-decisions",
    "leadership-influence",
    "stakeholder-communication",
    "team-development",
    "change-leadership",
    "networking",
]
EVIDENCE = (
    "Ran the weekly RAID review for a 9-project portfolio",
    "Built the resource-capacity dashboard the steering committee now uses",
    "Led the lessons-learned workshop after the CRM go-live",
    "Rebaselined a slipping ERP schedule with the vendor",
    "Coached two coordinators through their CAPM",
)
EMPLOYERS = ("Contoso", "Northwind", "Fabrikam", "Tailspin", "Woodgrove", "Litware", "Adatum")
TODAY_YEAR, TODAY_MONTH = 2026, 11  # the generated histories end here (fixed: no clock)


def _month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _positions(
    rng: random.Random, role: str, years: int, kinds: tuple[str, ...]
) -> list[dict[str, Any]]:
    """One to four positions, back to back, ending today in the current role."""
    end = TODAY_YEAR * 12 + TODAY_MONTH - 1
    start = end - years * 12 - rng.randrange(12)
    count = min(4, max(1, years // 3 + rng.randrange(2)))
    cuts = sorted(rng.sample(range(start + 6, end - 5), count - 1)) if count > 1 else []
    bounds = [start, *cuts, end + 1]
    out: list[dict[str, Any]] = []
    for i in range(count):
        last = i == count - 1
        employer = rng.choice(EMPLOYERS)
        entry: dict[str, Any] = {
            "title": f"{role.replace('-', ' ').capitalize()}, {employer}"
            if last
            else f"Project role, {employer}",
            "start": _month(bounds[i]),
            "kinds": list(kinds) if last else [kinds[0] if kinds[0] != "portfolio" else "program"],
        }
        if last:
            entry["role"] = role
        else:
            entry["end"] = _month(bounds[i + 1] - 1)
        out.append(entry)
    return out


def _ratings(rng: random.Random, level: int, spread: int = 1) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for c in COMPETENCIES:
        value = max(1, min(4, level + rng.randint(-spread, spread)))
        if rng.random() < 0.08:
            out[c] = {"level": value, "evidence": rng.choice(EVIDENCE)}
        else:
            out[c] = value
    return out


def person(rng: random.Random, n: int) -> list[tuple[str, dict[str, Any]]]:
    """The files of person ``n``: their own assessment, and a manager's or peer's rating."""
    weights = [row[1] for row in LADDER]
    role, _, (lo, hi), kinds, level, certs, targets = rng.choices(LADDER, weights)[0]
    years = rng.randint(lo, hi)
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    pid = f"E{n:05d}"
    held = [
        {"id": c, "year": TODAY_YEAR - rng.randint(0, min(years, 6))}
        for c in certs
        if rng.random() < 0.6
    ]
    own: dict[str, Any] = {
        "schema_version": 2,
        "name": name,
        "person_id": pid,
        "current_role": role,
        "target_role": rng.choice(targets),
        "positions": _positions(rng, role, years, kinds),
        "education": rng.choice(("bachelor", "bachelor", "master", "associate")),
        "training": {"general": rng.choice((0, 16, 35, 40, 60)), "pmo": rng.choice((0, 0, 8, 21))},
        "certifications": held,
        "hours_per_week": rng.choice((2, 3, 4, 5, 6, 8)),
        "ratings": _ratings(rng, level),
        "assessed_at": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T09:00:00Z",
    }
    files = [(f"{pid}-self.yaml", own)]
    for rater, share in (("manager", 0.1), ("peer", 1 / 30)):
        if rng.random() < share:
            other = {
                "schema_version": 2,
                "name": name,
                "person_id": pid,
                "rater": rater,
                "rated_by": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "current_role": role,
                "ratings": _ratings(rng, level, spread=2),
            }
            files.append((f"{pid}-{rater}.yaml", other))
    return files


def generate(folder: Path, size: int) -> int:
    """``size`` people's files in ``folder``; the number of files written."""
    rng = random.Random(SEED + size)
    written = 0
    for n in range(size):
        for filename, data in person(rng, n):
            text = yaml.dump(data, Dumper=DUMPER, sort_keys=False, allow_unicode=True)
            (folder / filename).write_text(text, encoding="utf-8")
            written += 1
    return written


FLOOR = """
import pathlib, sys, yaml
loader = yaml.CSafeLoader
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(p.read_text(encoding="utf-8"), Loader=loader)
    n += 1
"""


def clear_cache(r: Runner) -> None:
    """Cold: every entry but the framework's goes (a first run over these files)."""
    for entry in Path(r.env["PMOPATH_CACHE"]).glob("*.json"):
        if not entry.name.startswith("framework-"):
            entry.unlink()


def measure(r: Runner, series: Series, runs: int, *, cold: bool) -> None:
    for _ in range(runs):
        if cold:
            clear_cache(r)
        result = r.run(series.argv)
        if result.returncode not in (0,):
            check(series, result)
        series.runs.append(result)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pmopath", default=None)
    parser.add_argument("--format", default="json", choices=("terminal", "json", "markdown", "csv"))
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    try:
        target = find_target(args.pmopath)
    except BenchError as exc:
        print(f"team.py: {exc}", file=sys.stderr)
        return 2
    rows: list[list[str]] = []
    previous: float | None = None
    with runner(args.timeout) as r, tempfile.TemporaryDirectory(prefix="pmopath-team-") as tmp:
        print(
            f"pmopath {version_of(target, r.env)} on Python {python_version(target)}",
            file=sys.stderr,
        )
        for size in sizes:
            folder = Path(tmp) / f"team-{size}"
            folder.mkdir()
            files = generate(folder, size)
            floor = Series("floor", [str(target.python), "-c", FLOOR, str(folder)])
            cmd = [str(target.script), "team", str(folder), "--format", args.format]
            cold = Series("cold", cmd)
            warm = Series("warm", cmd)
            check(floor, r.run(floor.argv))  # warm-up: bytecode, the page cache
            check(cold, r.run(cold.argv))
            for _ in range(args.runs):
                floor.runs.append(r.run(floor.argv))
            measure(r, cold, args.runs, cold=True)
            r.run(warm.argv)  # fills the cache
            measure(r, warm, args.runs, cold=False)
            growth = "" if previous is None else f"{cold.median / previous:.1f}"
            previous = cold.median
            rows.append(
                [
                    f"{size:,} ({files:,} files)",
                    f"{floor.median:.2f}",
                    f"{cold.median:.2f}",
                    f"{cold.median / floor.median:.1f}",
                    f"{warm.median:.2f}",
                    f"{warm.median / cold.median:.2f}",
                    mib(max(cold.peak_kib, warm.peak_kib)),
                    growth,
                ]
            )
            print(
                f"  {size}: floor {floor.median:.2f} s, cold {cold.median:.2f} s, warm {warm.median:.2f} s",
                file=sys.stderr,
            )
            shutil.rmtree(folder)
    headers = [
        "people",
        "floor s",
        "cold s",
        "cold × floor",
        "warm s",
        "warm ÷ cold",
        "peak MiB",
        "growth",
    ]
    print(markdown_table(headers, rows))
    print(f"\n(median of {args.runs} runs; `--format {args.format}`; floor: PyYAML C loader only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
