"""Start-up benchmark: how quickly pmopath answers, against a trivial Typer app.

Run with `make bench`, or `python benchmarks/startup.py [--runs N] [--pmopath PATH] [--json]`.

What runs: the installed `pmopath` console script (what users run), by default
the one beside this interpreter (a venv's bin/); `--pmopath` picks another
install (a venv or checkout folder, a `pmopath` script, or a venv's python) so
a second checkout can be measured. The two baselines run with that install's
own Python: `benchmarks/trivial_app.py` (a one-command Typer app printing a
one-row Rich table) and a bare `python -c "import typer, rich"`.

How: one untimed warm-up per command, then N rounds in which every command runs
once in turn (round-robin), so machine noise hits all commands alike. Each run
is a fresh process with stdout discarded, PMOPATH_HOME set to an empty
temporary folder and PMOPATH_DATA unset. Reported per command: the median wall
time, its ratio to the trivial app and to the bare import (both measured in the
same run, so figures from different machines compare), the fastest run and its
ratio to the trivial app's fastest (steadier than the median on a shared machine,
where other work only ever adds time), and the peak memory:
the largest max RSS of the child over the runs (`os.wait4` rusage). A command
that does not exit 0 stops the benchmark with its stderr and exit code 1.

Then, in N more fresh processes, the time the two cache reads take after the
imports: the built-in framework and the example profile, both unchanged since
the previous run (what every command after the first one does).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchlib import (
    ROOT,
    BenchError,
    Series,
    Target,
    find_target,
    markdown_table,
    mib,
    python_version,
    round_robin,
    runner,
    version_of,
)

PROFILE = ROOT / "examples" / "project-manager.yaml"
TRIVIAL = "trivial Typer app"
BARE = "python -c 'import typer, rich'"


def commands(target: Target) -> list[Series]:
    """The baselines, then each pmopath command, as argv lists."""
    py, pm = str(target.python), str(target.script)
    profile = str(PROFILE)
    plan = ["roadmap", "--profile", profile, "--target", "director", "--format"]
    pmopath_args = [
        ["--version"],
        ["--help"],
        ["roles"],
        ["roles", "director"],
        ["certs", "pmp"],
        ["competencies"],
        ["gap", "--profile", profile],
        [*plan, "json"],
        [*plan, "markdown"],
        [*plan, "html"],  # the only command here that imports Jinja2
        ["history"],  # over SAVED assessments (seed_history)
    ]
    series = [
        Series(TRIVIAL, [py, str(ROOT / "benchmarks" / "trivial_app.py")]),
        Series(BARE, [py, "-c", "import typer, rich"]),
    ]
    for args in pmopath_args:
        shown = " ".join("PROFILE" if a == profile else a for a in args)
        shown += f" ({SAVED} saved)" if args == ["history"] else ""
        series.append(Series(f"pmopath {shown}", [pm, *args]))
    return series


#: How many saved assessments `history` reads (issue 19: within 1.3x the trivial app).
SAVED = 100


def seed_history(target: Target, env: dict[str, str]) -> None:
    """SAVED assessments in the runner's PMOPATH_HOME: one saved through the command line,
    then copied under later IDs (each a valid, sealed assessment of the example profile)."""
    done = subprocess.run(
        [str(target.script), "assess", "--answers", str(PROFILE)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"saving an assessment failed:\n{done.stderr[-2000:]}")
    folder = Path(env["PMOPATH_HOME"]) / "assessments"
    (first,) = sorted(folder.glob("*.yaml"))
    text = first.read_bytes()
    for i in range(1, SAVED):
        (folder / f"20200101-{i // 3600:02d}{i // 60 % 60:02d}{i % 60:02d}.yaml").write_bytes(text)


#: Times the two cache reads of every plan command inside one fresh process, after its
#: imports: the built-in framework and the example profile, as unchanged since last run.
LOADS = """
import gc, sys, time
gc.disable()  # as the console script does
from pathlib import Path
from pmopath.load.framework import load_framework
from pmopath.load.profiles import load_profile
start = time.perf_counter()
fw = load_framework()
middle = time.perf_counter()
load_profile(Path(sys.argv[1]), fw, strict=False)
end = time.perf_counter()
print((middle - start) * 1000, (end - middle) * 1000)
"""


def cache_loads(target: Target, env: dict[str, str], runs: int) -> dict[str, Any]:
    """Median and best of loading the framework and the profile from the cache (ms)."""
    argv = [str(target.python), "-c", LOADS, str(PROFILE)]
    times: list[tuple[float, float]] = []
    for i in range(runs + 1):  # the first fills the cache and writes bytecode
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise BenchError(f"timing the cache reads failed:\n{done.stderr[-2000:]}")
        framework_ms, profile_ms = (float(x) for x in done.stdout.split())
        if i:
            times.append((framework_ms, profile_ms))
    return {
        name: {
            "median_ms": round(statistics.median(t[i] for t in times), 2),
            "best_ms": round(min(t[i] for t in times), 2),
        }
        for i, name in enumerate(("framework", "profile"))
    }


def rows(series: list[Series]) -> list[dict[str, Any]]:
    """Per command: median, ratios to both baselines, peak RSS, every time."""
    trivial = next(s for s in series if s.name == TRIVIAL)
    bare = next(s for s in series if s.name == BARE).median
    return [
        {
            "command": s.name,
            "argv": s.argv,
            "median_ms": round(s.median * 1000, 2),
            "x_trivial_app": round(s.median / trivial.median, 3),
            "x_import_typer_rich": round(s.median / bare, 3),
            "best_ms": round(s.best * 1000, 2),
            "best_x_trivial_app": round(s.best / trivial.best, 3),
            "peak_rss_kib": s.peak_kib,
            "times_ms": [round(t * 1000, 2) for t in s.times],
        }
        for s in series
    ]


def report(results: list[dict[str, Any]], header: dict[str, Any]) -> str:
    return f"{startup_report(results, header)}\n\n{loads_report(header['cache_loads'])}"


def loads_report(loads: dict[str, Any]) -> str:
    """The cache reads, in a sentence each."""
    fw, pr = loads["framework"], loads["profile"]
    return (
        "Read from the cache in a fresh process, after its imports: the built-in framework "
        f"in {fw['median_ms']:.1f} ms (median; best {fw['best_ms']:.1f}), the example "
        f"profile in {pr['median_ms']:.1f} ms (best {pr['best_ms']:.1f})."
    )


def startup_report(results: list[dict[str, Any]], header: dict[str, Any]) -> str:
    """The markdown report: a one-line context, then the table."""
    table = markdown_table(
        [
            "command",
            "median ms",
            "× trivial app",
            "× import typer, rich",
            "best ms",
            "best × trivial's best",
            "peak RSS MiB",
        ],
        [
            [
                f"`{r['command']}`",
                f"{r['median_ms']:.1f}",
                f"{r['x_trivial_app']:.2f}",
                f"{r['x_import_typer_rich']:.2f}",
                f"{r['best_ms']:.1f}",
                f"{r['best_x_trivial_app']:.2f}",
                mib(r["peak_rss_kib"]),
            ]
            for r in results
        ],
    )
    context = (
        f"{header['version']} ({header['script']}), Python {header['python_version']}, "
        f"{header['platform']}; median of {header['runs']} round-robin runs; "
        f"PROFILE = examples/project-manager.yaml; RSS floor of the launcher "
        f"{mib(header['launcher_floor_kib'])} MiB (no reading can be below it)"
    )
    return f"{context}\n\n{table}"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Median start-up time and peak memory of pmopath commands, "
        "against a trivial Typer app and a bare `import typer, rich`."
    )
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (15)")
    parser.add_argument(
        "--pmopath",
        metavar="PATH",
        help="the install to measure: a venv or checkout folder, a pmopath script, "
        "or a venv's python (default: the pmopath beside this interpreter)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of markdown")
    parser.add_argument(
        "--timeout", type=float, default=60, help="seconds before a run is killed (60)"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        target = find_target(args.pmopath)
        with runner(args.timeout) as r:
            series = commands(target)
            seed_history(target, r.env)
            round_robin(series, args.runs, r)
            version = version_of(target, r.env)
            floor = r.floor_kib
            loads = cache_loads(target, r.env, args.runs)
    except BenchError as exc:
        print(f"startup.py: {exc}", file=sys.stderr)
        return 1
    header = {
        "version": version,
        "script": str(target.script),
        "python": str(target.python),
        "python_version": python_version(target),
        "platform": f"{platform.system()} {platform.machine()}",
        "runs": args.runs,
        "launcher_floor_kib": floor,
        "cache_loads": loads,
    }
    results = rows(series)
    if args.json:
        print(json.dumps({**header, "results": results}, indent=2))
    else:
        print(report(results, header))
    return 0


if __name__ == "__main__":
    sys.exit(main())
