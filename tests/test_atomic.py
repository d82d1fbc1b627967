"""Atomic saves: killing a process mid-write never damages the previous file."""

from __future__ import annotations

import contextlib
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml

WRITER = """
import sys
from pmopath.load.yamlio import atomic_write_text
path = sys.argv[1]
i = 0
while True:
    i += 1
    body = "\\n".join(f"  line{n}: '{i}-{n}'" for n in range(20000))
    print(f"writing {i}", flush=True)
    atomic_write_text(__import__("pathlib").Path(path), f"generation: {i}\\nlines:\\n{body}\\n")
"""


def test_killed_writer_leaves_a_complete_file(tmp_path: Path) -> None:
    """Kill the writer at a random moment of a write, after 1 to 3 finished ones: the file is
    always a whole generation, the last finished one or the one being written."""
    target = tmp_path / "profile.yaml"
    target.write_text("generation: 0\nlines: {}\n")
    rng = random.Random(7)
    for _ in range(12):
        finished = rng.randint(1, 3)
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        for _ in range(finished + 1):  # "writing N+1" means generation N is complete
            assert proc.stdout.readline().startswith("writing")
        time.sleep(rng.uniform(0, 0.03))  # where in the write the kill lands; any moment is fine
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        data = yaml.load(target.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        gen = data["generation"]
        assert gen >= finished
        assert len(data["lines"]) == 20000
        assert all(v.startswith(f"{gen}-") for v in data["lines"].values())
    leftovers = [p for p in tmp_path.iterdir() if p.name != "profile.yaml"]
    # a kill can leave a temporary file behind, but never in place of the real one
    assert all(p.name.startswith(".profile.yaml.") for p in leftovers)


def test_failed_write_keeps_previous(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    from pmopath.load.yamlio import atomic_write_text

    target = tmp_path / "p.yaml"
    atomic_write_text(target, "old\n")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with contextlib.suppress(OSError):
        atomic_write_text(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["p.yaml"]
