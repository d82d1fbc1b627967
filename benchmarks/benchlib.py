"""Shared helpers for the benchmarks: which pmopath to run, timing a child, tables.

Every benchmark runs the installed `pmopath` console script (what users run),
and runs the baselines with the Python interpreter of the same environment, so
both see the same site-packages. Each run is one fresh process, spawned by a
small launcher process (see LAUNCHER); its wall time is measured around spawn
and exit, its peak memory is the child's maximum resident set size (ru_maxrss
from `os.wait4`; KiB on Linux).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class BenchError(Exception):
    """A benchmark cannot go on (a command failed, or pmopath is not found)."""


@dataclass(frozen=True)
class Target:
    """The pmopath under test: its console script and its environment's interpreter."""

    script: Path
    python: Path


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    seconds: float
    max_rss_kib: int
    returncode: int
    stderr: str


@dataclass
class Series:
    """Every run of one command."""

    name: str
    argv: list[str]
    runs: list[Run] = field(default_factory=list)

    @property
    def times(self) -> list[float]:
        return [r.seconds for r in self.runs]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def best(self) -> float:
        """The fastest run: what the command costs when nothing else got in its way."""
        return min(self.times)

    @property
    def peak_kib(self) -> int:
        """The largest peak RSS over all runs."""
        return max(r.max_rss_kib for r in self.runs)


def find_target(given: str | None) -> Target:
    """Resolve `--pmopath`: a venv or checkout folder, a `pmopath` script, or a Python.

    Without it, the `pmopath` script next to the running interpreter (a venv's
    `bin/`) is used, else the first one on PATH.
    """
    if given is None:
        beside = Path(sys.executable).parent / "pmopath"
        found = str(beside) if beside.is_file() else shutil.which("pmopath")
        if found is None:
            raise BenchError("no pmopath script found; pass --pmopath (e.g. .venv)")
        return _from_script(Path(found))
    path = Path(given).expanduser().absolute()
    if path.is_dir():
        for candidate in (path / "bin" / "pmopath", path / ".venv" / "bin" / "pmopath"):
            if candidate.is_file():
                return _from_script(candidate)
        raise BenchError(f"{path} holds neither bin/pmopath nor .venv/bin/pmopath")
    if path.name.startswith("python"):
        return _from_script(path.parent / "pmopath")
    return _from_script(path)


def _from_script(script: Path) -> Target:
    """The console script and the interpreter it runs (its sibling, else its shebang)."""
    if not script.is_file():
        raise BenchError(f"{script} is not a file (is pmopath installed there?)")
    python = script.parent / "python"
    if not python.is_file():
        first = script.read_text(encoding="utf-8", errors="replace").splitlines()[0]
        if not first.startswith("#!"):
            raise BenchError(f"{script} is not a script with a #! line")
        python = Path(first[2:].strip().split()[0])
    return Target(script=script, python=python)


# The launcher is a separate, minimal Python that spawns each measured command.
# Spawning copies or shares the parent's address space until exec, and Linux
# counts that towards the child's ru_maxrss; a launcher that stays small keeps
# that floor (its own peak RSS, reported as `floor_kib`) well below what any
# command uses.
LAUNCHER = r"""
import json, os, resource, signal, sys, time

def hwm():
    # This process's own peak (VmHWM); ru_maxrss would also count its parent's.
    try:
        with open("/proc/self/status") as f:
            return int(next(ln for ln in f if ln.startswith("VmHWM:")).split()[1])
    except (OSError, StopIteration, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

def kill(pid):
    def handler(signum, frame):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return handler

null = os.open(os.devnull, os.O_RDWR)
for line in sys.stdin:
    req = json.loads(line)
    err = os.open(req["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    actions = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, null, 1),
               (os.POSIX_SPAWN_DUP2, err, 2)]
    floor = hwm()
    start = time.perf_counter()
    try:
        pid = os.posix_spawnp(req["argv"][0], req["argv"], req["env"], file_actions=actions)
    except OSError as exc:
        os.write(err, str(exc).encode())
        os.close(err)
        print(json.dumps({"seconds": 0, "maxrss": 0, "status": 127, "floor": floor}), flush=True)
        continue
    signal.signal(signal.SIGALRM, kill(pid))
    signal.setitimer(signal.ITIMER_REAL, req["timeout"])
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    signal.setitimer(signal.ITIMER_REAL, 0)
    os.close(err)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"seconds": seconds, "maxrss": usage.ru_maxrss, "status": code,
                      "floor": floor}), flush=True)
"""


class Runner:
    """Runs commands one at a time through the launcher, in a reproducible environment.

    The environment: an empty temporary PMOPATH_HOME and PMOPATH_CACHE, no PMOPATH_DATA
    or PMOPATH_NO_CACHE, no colour, 100 columns, bytecode writing allowed (see
    :func:`runner`). Each command's stdin
    and stdout are /dev/null.
    """

    def __init__(self, env: dict[str, str], workdir: Path, timeout: float) -> None:
        self.env = env
        self.timeout = timeout
        self.stderr_path = workdir / "stderr.txt"
        self.floor_kib = 0
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", LAUNCHER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, argv: Sequence[str]) -> Run:
        """Run one command; its wall time, peak RSS, exit code and stderr."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        request = {
            "argv": list(argv),
            "env": self.env,
            "timeout": self.timeout,
            "stderr": str(self.stderr_path),
        }
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        reply = self.proc.stdout.readline()
        if not reply:
            raise BenchError("the launcher process died")
        got = json.loads(reply)
        stderr = self.stderr_path.read_text(encoding="utf-8", errors="replace")
        if got["status"] == -signal.SIGKILL and got["seconds"] >= self.timeout:
            stderr += f"\n(killed after the {self.timeout:g} s timeout)"
        self.floor_kib = max(self.floor_kib, _kib(got["floor"]))
        return Run(got["seconds"], _kib(got["maxrss"]), got["status"], stderr)

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=10)


@contextmanager
def runner(timeout: float) -> Iterator[Runner]:
    """A :class:`Runner` with its own temporary PMOPATH_HOME, closed on exit."""
    with tempfile.TemporaryDirectory(prefix="pmopath-bench-") as home:
        env = {**os.environ, "PMOPATH_HOME": home, "NO_COLOR": "1", "COLUMNS": "100"}
        env.pop("PMOPATH_DATA", None)
        # The warm-up run writes pmopath's bytecode, as `pip install` or a user's first
        # run does; an inherited PYTHONDONTWRITEBYTECODE would make every timed run
        # compile pmopath's modules from source, a cost no user pays twice.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        # A cache of its own, and never switched off by the caller's environment: the
        # first run fills it, as a user's first command does; the user's is not touched.
        env["PMOPATH_CACHE"] = str(Path(home) / ".cache")
        env.pop("PMOPATH_NO_CACHE", None)
        work = Path(home) / ".bench"
        work.mkdir()
        r = Runner(env, work, timeout)
        try:
            yield r
        finally:
            r.close()


def _kib(maxrss: int) -> int:
    """ru_maxrss is KiB on Linux and bytes on macOS."""
    return maxrss // 1024 if sys.platform == "darwin" else maxrss


def check(series: Series, run: Run) -> None:
    """Raise with the command's stderr when it did not exit 0."""
    if run.returncode != 0:
        raise BenchError(
            f"`{series.name}` exited {run.returncode}\n"
            f"  argv: {' '.join(series.argv)}\n{run.stderr.rstrip()}"
        )


def round_robin(series: Sequence[Series], runs: int, r: Runner) -> None:
    """One untimed warm-up each (byte-compiles, fills caches), then `runs` rounds in turn."""
    for s in series:
        check(s, r.run(s.argv))
    for _ in range(runs):
        for s in series:
            result = r.run(s.argv)
            check(s, result)
            s.runs.append(result)


def version_of(target: Target, env: dict[str, str]) -> str:
    """`pmopath --version` of the target, for the report header."""
    out = subprocess.run(
        [str(target.script), "--version"], capture_output=True, text=True, env=env, check=False
    )
    return out.stdout.strip() or out.stderr.strip()


def python_version(target: Target) -> str:
    """The Python version of the target's interpreter."""
    out = subprocess.run(
        [str(target.python), "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.strip() or "unknown"


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured markdown table; the first column left-aligned, the rest right."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        padded = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = ["-" * widths[0] if i == 0 else "-" * (w - 1) + ":" for i, w in enumerate(widths)]
    return "\n".join([line(headers), line(rule), *(line(r) for r in rows)])


def mib(kib: int) -> str:
    return f"{kib / 1024:.1f}"
