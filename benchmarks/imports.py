"""Import-time profile of one pmopath command: what it imports, and what that costs.

Run with `python benchmarks/imports.py roles` (any pmopath arguments), or
`make bench-imports ARGS="gap --profile examples/project-manager.yaml"`.

How: the command runs N times (default 7) under `python -X importtime`, in the
same environment as `benchmarks/startup.py` (empty PMOPATH_HOME, bytecode
written by an untimed first run). For each module the median self and
cumulative import times are kept. Printed: the time per package (pmopath,
pydantic, typer, rich, yaml, the standard library, others), so what pmopath
adds can be told from what any Typer + Rich + pydantic app pays, then the
slowest modules by self time, and every pmopath module.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
from collections import defaultdict

from benchlib import BenchError, find_target, markdown_table, runner

LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)$")
PACKAGES = ("pmopath", "pydantic", "pydantic_core", "typer", "rich", "yaml", "annotated_types")


def profile_once(argv: list[str], env: dict[str, str]) -> dict[str, tuple[int, int, int]]:
    """module -> (self µs, cumulative µs, depth) from one run under -X importtime."""
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"{' '.join(argv)} exited {done.returncode}\n{done.stderr[-2000:]}")
    found: dict[str, tuple[int, int, int]] = {}
    for line in done.stderr.splitlines():
        match = LINE.match(line)
        if match:
            own, total, indent, name = match.groups()
            found[name] = (int(own), int(total), len(indent) // 2)
    return found


def package_of(module: str) -> str:
    top = module.split(".")[0]
    if top in PACKAGES:
        return top
    if top in sys.stdlib_module_names or top.startswith("_"):
        return "standard library"
    return "other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs to take the median of (7)")
    parser.add_argument("--top", type=int, default=15, help="slowest modules to list (15)")
    parser.add_argument("--pmopath", metavar="PATH", help="the install to measure (see startup.py)")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="pmopath's arguments")
    args = parser.parse_args(argv)
    try:
        target = find_target(args.pmopath)
        with runner(60) as r:
            command = [str(target.python), "-X", "importtime", str(target.script), *args.args]
            subprocess.run(command, env=r.env, capture_output=True, check=False)  # bytecode
            runs = [profile_once(command, r.env) for _ in range(max(1, args.runs))]
    except BenchError as exc:
        print(f"imports.py: {exc}", file=sys.stderr)
        return 1
    modules = sorted(set().union(*runs))
    own = {m: statistics.median(run.get(m, (0, 0, 0))[0] for run in runs) / 1000 for m in modules}
    total = {m: statistics.median(run.get(m, (0, 0, 0))[1] for run in runs) / 1000 for m in modules}
    by_package: dict[str, list[str]] = defaultdict(list)
    for module in modules:
        by_package[package_of(module)].append(module)
    everything = sum(own.values())
    shown = " ".join(args.args) or "(no arguments)"
    print(
        f"`pmopath {shown}`: {len(modules)} modules imported, {everything:.1f} ms of import "
        f"time (sum of self times; median of {len(runs)} runs under -X importtime, which "
        "itself adds overhead)\n"
    )
    rows = sorted(by_package.items(), key=lambda kv: -sum(own[m] for m in kv[1]))
    print(
        markdown_table(
            ["package", "modules", "self ms", "share"],
            [
                [
                    p,
                    str(len(ms)),
                    f"{sum(own[m] for m in ms):.1f}",
                    f"{sum(own[m] for m in ms) / everything:.0%}",
                ]
                for p, ms in rows
            ],
        )
    )
    print()
    slowest = sorted(modules, key=lambda m: -own[m])[: args.top]
    print(
        markdown_table(
            ["slowest modules", "self ms", "cumulative ms"],
            [[f"`{m}`", f"{own[m]:.1f}", f"{total[m]:.1f}"] for m in slowest],
        )
    )
    print()
    mine = sorted(by_package.get("pmopath", []), key=lambda m: -own[m])
    print(
        markdown_table(
            ["pmopath module", "self ms", "cumulative ms"],
            [[f"`{m}`", f"{own[m]:.1f}", f"{total[m]:.1f}"] for m in mine],
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
