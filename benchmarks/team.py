"""Team benchmark: `pmopath team` on 10, 100, 1,000 and 10,000 profile files, cold.

Run with `python benchmarks/team.py [--sizes 10,100,1000,10000] [--formats terminal,json,csv]`.

The team of size N is N copies of the self-assessments in examples/team (each with its
own name, person ID and assessment day), in one folder. Every run is a fresh process with
an empty profile cache (cold: each file parsed, nothing remembered), the installed
`pmopath` console script, output to /dev/null. Reported: wall time and peak resident
memory (the child's ru_maxrss) per size and format. The targets (issue 23): 1,000 in 2 s
or less and 10,000 in 15 s or less on 2 cores, under 500 MiB at 10,000.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_team(folder: Path, n: int) -> None:
    sources = sorted(
        p for p in (ROOT / "examples" / "team").glob("*.yaml") if "rater:" not in p.read_text()
    )
    texts = []
    for p in sources:
        text = p.read_text(encoding="utf-8")
        if "current_role:" in text and "deliberately broken" not in text.lower():
            texts.append(text)
    for i in range(n):
        text = texts[i % len(texts)]
        text = re.sub(r"(?m)^name: .*$", f"name: Person {i:05d}", text, count=1)
        text = re.sub(r"(?m)^person_id: .*$", f"person_id: P{i:05d}", text, count=1)
        text = text.replace("assessed_at: 2026-11-", f"assessed_at: 2026-{1 + i % 9:02d}-")
        (folder / f"p{i:05d}.yaml").write_text(text, encoding="utf-8")


def run(pmopath: str, folder: Path, fmt: str) -> tuple[float, int]:
    """Wall seconds and peak KiB of one cold run."""
    cache = Path(tempfile.mkdtemp(prefix="pmopath-bench-cache-"))
    env = {**os.environ, "PMOPATH_CACHE": str(cache), "COLUMNS": "80"}
    try:
        start = time.perf_counter()
        with Path(os.devnull).open("w") as null:
            child = subprocess.Popen(
                [pmopath, "team", str(folder), "--format", fmt], stdout=null, env=env
            )
            _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 5):
            raise SystemExit(f"pmopath team exited {code}")
        return wall, usage.ru_maxrss
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--formats", default="terminal,json,csv")
    parser.add_argument("--pmopath", default=shutil.which("pmopath") or "pmopath")
    args = parser.parse_args()
    print("| People | Format | Wall | Peak memory |")
    print("|---:|---|---:|---:|")
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="pmopath-team-") as tmp:
            folder = Path(tmp)
            make_team(folder, n)
            for fmt in args.formats.split(","):
                wall, kib = run(args.pmopath, folder, fmt)
                print(f"| {n:,} | {fmt} | {wall:.2f} s | {kib / 1024:.0f} MiB |", flush=True)


if __name__ == "__main__":
    main()
