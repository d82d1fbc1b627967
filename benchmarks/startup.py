"""Start-up benchmark: how quickly pmopath answers, against a bare `import typer, rich`.

Run with `make bench` (or `python benchmarks/startup.py [--runs N]`). Each
command runs N times in a fresh interpreter; the median wall time is reported,
with its ratio to the baseline measured in the same run, so figures from
different machines compare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILE = ROOT / "examples" / "project-manager.yaml"


def commands() -> list[tuple[str, list[str]]]:
    py = sys.executable
    cmds = [
        ("baseline: python -c 'import typer, rich'", [py, "-c", "import typer, rich"]),
        ("pmopath --version", [py, "-m", "pmopath", "--version"]),
        ("pmopath --help", [py, "-m", "pmopath", "--help"]),
        ("pmopath roles", [py, "-m", "pmopath", "roles"]),
        ("pmopath roles director", [py, "-m", "pmopath", "roles", "director"]),
        (
            "pmopath certs pmp --format json",
            [py, "-m", "pmopath", "certs", "pmp", "--format", "json"],
        ),
        ("pmopath validate", [py, "-m", "pmopath", "validate"]),
    ]
    if PROFILE.exists():
        cmds += [
            (
                "pmopath gap (example PM)",
                [py, "-m", "pmopath", "gap", "--target", "director", "--profile", str(PROFILE)],
            ),
            (
                "pmopath roadmap --format markdown",
                [
                    py,
                    "-m",
                    "pmopath",
                    "roadmap",
                    "--target",
                    "director",
                    "--profile",
                    str(PROFILE),
                    "--format",
                    "markdown",
                ],
            ),
        ]
    return cmds


def measure(argv: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "PMOPATH_HOME": home, "NO_COLOR": "1"}
        env.pop("PMOPATH_DATA", None)
        results = [(name, measure(argv, args.runs, env)) for name, argv in commands()]
    base = results[0][1]
    print(f"median of {args.runs} runs, Python {sys.version.split()[0]}")
    print(f"{'command':<45} {'ms':>8} {'x baseline':>11}")
    for name, secs in results:
        print(f"{name:<45} {secs * 1000:8.1f} {secs / base:11.2f}")


if __name__ == "__main__":
    main()
