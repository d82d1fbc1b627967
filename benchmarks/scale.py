"""Scale benchmark: validate, gap and roadmap on frameworks 1x, 10x and 100x the built-in size.

Run with `python benchmarks/scale.py [--sizes 1,10,100] [--runs 3] [--pmopath PATH]`.

The generated framework at size N is N "job families", each a copy of the
built-in framework of the install under test (its roles, domains, competencies
with all five level descriptors and development actions for every step, and
certifications, records and text as they are). Family 0 keeps the built-in IDs,
so 1x is the built-in framework; family k > 0 suffixes every ID and alias with
`-fk` and rewrites every reference to stay in the family. The source registries
are shared. Each built-in move A -> B becomes A_k -> B_k plus sideways moves
into the neighbouring families, A_k -> B_(k-1) and A_k -> B_(k+1) (mod N): the
ladder stays acyclic and every move still leads to an equal or higher rank, so
every role has a route upwards through several families.

The profile is schema_version 1 (README, "Profile format"): the background of
examples/project-manager.yaml, current role project-manager, and a rating for
every competency of the generated framework (the example's level for the
built-in competency it copies, 1 otherwise, with its evidence notes). The target
T is the top role: the highest rank, then the first ID (chief-project-officer).

Each framework is first checked with `pmopath validate DIR`. A file above
pmopath's size limit (yamlio.MAX_BYTES, as validate reports it) is reported as
such and that size is not timed; nothing is shrunk or split to fit. Then `pmopath --data DIR validate`,
`gap --profile P --target T` and `roadmap ... --format json` run round-robin,
after one untimed warm-up each, in the same environment as benchmarks/startup.py
(the install's console script, empty PMOPATH_HOME, no PMOPATH_DATA). Reported:
median wall time and peak RSS per size, the growth factor from the previous
size, and the cost per extra 1x of data, which stays flat when a command's cost
grows linearly with the framework.
"""

from __future__ import annotations

import argparse
import copy
import multiprocessing
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from benchlib import (
    ROOT,
    BenchError,
    Runner,
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

FILES = ("roles.yaml", "competencies.yaml", "certifications.yaml")
MAX_PROFILE_BYTES = 512 * 1024  # pmopath.load.profiles.MAX_PROFILE_BYTES
EXAMPLE = ROOT / "examples" / "project-manager.yaml"
FAMILY = re.compile(r"-f[0-9]+$")  # the suffix fid() adds
DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
BUILTIN_DIR = """
import pathlib, pmopath
from importlib import resources
p = pathlib.Path(str(resources.files("pmopath"))) / "data"
if not (p / "roles.yaml").is_file():
    p = pathlib.Path(pmopath.__file__).resolve().parents[2] / "data"
print(p)
"""


@dataclass(frozen=True)
class Generated:
    """One generated framework folder and the profile to score against it."""

    size: int
    folder: Path
    profile: Path
    target: str
    counts: dict[str, int]
    file_bytes: dict[str, int]


# ------------------------------------------------------------------ generation


def fid(ident: str, family: int) -> str:
    """The ID of a built-in item in family ``family`` (family 0 keeps the built-in ID)."""
    return ident if family == 0 else f"{ident}-f{family}"


def fids(idents: Iterable[str], family: int) -> list[str]:
    return [fid(i, family) for i in idents]


def moves(leads_to: Iterable[str], family: int, families: int) -> list[str]:
    """A role's moves: within its family, then sideways into the neighbouring families."""
    out: list[str] = []
    for other in (family, (family - 1) % families, (family + 1) % families):
        out += [fid(r, other) for r in leads_to]
    return list(dict.fromkeys(out))


def clone_role(role: dict[str, Any], family: int, families: int) -> dict[str, Any]:
    new = copy.deepcopy(role)
    new["id"] = fid(role["id"], family)
    new["aliases"] = fids(role.get("aliases", ()), family)
    new["leads_to"] = moves(role.get("leads_to", ()), family, families)
    new["competencies"] = {fid(c, family): req for c, req in role["competencies"].items()}
    new["certifications"] = fids(role.get("certifications", ()), family)
    return new


def clone_competency(comp: dict[str, Any], family: int) -> dict[str, Any]:
    new = copy.deepcopy(comp)
    new["id"] = fid(comp["id"], family)
    new["domain"] = fid(comp["domain"], family)
    for actions in new["actions"].values():
        for action in actions:
            if action.get("certification"):
                action["certification"] = fid(action["certification"], family)
    return new


def clone_route(route: dict[str, Any], family: int) -> None:
    """Rewrite a prerequisite route's certification references in place."""
    route["certifications"] = fids(route.get("certifications", ()), family)
    for gate in route.get("experience", ()):
        gate["waived_by"] = fids(gate.get("waived_by", ()), family)
    if route.get("training"):
        route["training"]["waived_by"] = fids(route["training"].get("waived_by", ()), family)


def clone_certification(cert: dict[str, Any], family: int) -> dict[str, Any]:
    new = copy.deepcopy(cert)
    new["id"] = fid(cert["id"], family)
    new["aliases"] = fids(cert.get("aliases", ()), family)
    if cert.get("superseded_by"):
        new["superseded_by"] = fid(cert["superseded_by"], family)
    new["suits_roles"] = fids(cert.get("suits_roles", ()), family)
    new["evidences"] = fids(cert.get("evidences", ()), family)
    for route in new["prerequisites"]["routes"]:
        clone_route(route, family)
    return new


def scaled(source: dict[str, dict[str, Any]], n: int) -> dict[str, dict[str, Any]]:
    """The three framework documents, ``n`` families of the built-in content."""
    roles, comps, certs = (copy.copy(source[name]) for name in FILES)
    roles["roles"] = [clone_role(r, k, n) for k in range(n) for r in source["roles.yaml"]["roles"]]
    comps["domains"] = [
        {**d, "id": fid(d["id"], k)}
        for k in range(n)
        for d in source["competencies.yaml"]["domains"]
    ]
    comps["competencies"] = [
        clone_competency(c, k)
        for k in range(n)
        for c in source["competencies.yaml"]["competencies"]
    ]
    certs["certifications"] = [
        clone_certification(c, k)
        for k in range(n)
        for c in source["certifications.yaml"]["certifications"]
    ]
    return {"roles.yaml": roles, "competencies.yaml": comps, "certifications.yaml": certs}


def top_role(roles: list[dict[str, Any]]) -> str:
    """The highest rank, then the first ID."""
    return str(min(roles, key=lambda r: (-r["rank"], r["id"]))["id"])


def make_profile(docs: dict[str, dict[str, Any]], target: str) -> dict[str, Any]:
    """A v1 profile rating every competency, with the example's background."""
    example = yaml.load(EXAMPLE.read_text(encoding="utf-8"), Loader=LOADER)
    roles = docs["roles.yaml"]["roles"]
    role_ids = {r["id"] for r in roles}
    current = example.get("current_role")
    if current not in role_ids:
        current = min(roles, key=lambda r: (r["rank"], r["id"]))["id"]
    cert_ids = {c["id"] for c in docs["certifications.yaml"]["certifications"]}
    held = [c for c in example.get("certifications", ()) if _cert_id(c) in cert_ids]
    ratings: dict[str, Any] = {}
    for comp in docs["competencies.yaml"]["competencies"]:
        ratings[comp["id"]] = example["ratings"].get(FAMILY.sub("", comp["id"]), 1)
    keep = ("name", "experience", "education", "training_hours", "hours_per_week")
    return {
        "schema_version": 1,
        **{k: example[k] for k in keep if k in example},
        "current_role": current,
        "target_role": target,
        "certifications": held,
        "ratings": ratings,
    }


def _cert_id(item: Any) -> str:
    return item if isinstance(item, str) else str(item.get("id"))


def dump(data: Any, path: Path) -> int:
    """Write YAML (libyaml's dumper when present); return the file's size in bytes."""
    text = yaml.dump(data, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")
    return path.stat().st_size


def generate(source: dict[str, dict[str, Any]], n: int, root: Path) -> Generated:
    """Write the ``n``x framework and its profile under ``root``."""
    folder = root / f"framework-{n}x"
    folder.mkdir(parents=True, exist_ok=True)
    docs = scaled(source, n)
    sizes = {name: dump(docs[name], folder / name) for name in FILES}
    target = top_role(docs["roles.yaml"]["roles"])
    profile = root / f"profile-{n}x.yaml"
    sizes["profile"] = dump(make_profile(docs, target), profile)
    counts = {
        "roles": len(docs["roles.yaml"]["roles"]),
        "competencies": len(docs["competencies.yaml"]["competencies"]),
        "certifications": len(docs["certifications.yaml"]["certifications"]),
    }
    return Generated(n, folder, profile, target, counts, sizes)


def builtin_dir(target: Target) -> Path:
    """The built-in framework folder of the install under test."""
    out = subprocess.run(
        [str(target.python), "-c", BUILTIN_DIR], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise BenchError(f"cannot find the built-in framework:\n{out.stderr}")
    return Path(out.stdout.strip())


def read_source(folder: Path) -> dict[str, dict[str, Any]]:
    return {
        name: yaml.load((folder / name).read_text(encoding="utf-8"), Loader=LOADER)
        for name in FILES
    }


# ------------------------------------------------------------------- measuring


def verify(gen: Generated, target: Target, r: Runner) -> str | None:
    """Run `pmopath validate DIR`; None when valid, else why the size cannot be timed.

    A generated framework that fails for any reason but the size limit is a bug
    in this generator (or a schema change), and stops the benchmark.
    """
    result = r.run([str(target.script), "validate", str(gen.folder)])
    if gen.file_bytes["profile"] > MAX_PROFILE_BYTES:
        return f"the profile is over pmopath's {MAX_PROFILE_BYTES // 1024} KiB limit"
    if result.returncode == 0:
        return None
    said = _validate_output(gen, target, r.env)
    if "larger than" in said:  # pmopath's own file-size limit (yamlio.MAX_BYTES)
        return f"over pmopath's size limit; pmopath validate says: {_first_line(said)}"
    raise BenchError(
        f"generated {gen.size}x framework is not valid:\n"
        + _validate_output(gen, target, r.env)
        + result.stderr
    )


def _validate_output(gen: Generated, target: Target, env: dict[str, str]) -> str:
    out = subprocess.run(
        [str(target.script), "validate", str(gen.folder), "--format", "markdown"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return out.stdout + out.stderr


def _first_line(text: str) -> str:
    lines = [ln.strip("-*# ") for ln in text.splitlines() if "limit" in ln]
    return lines[0] if lines else text.strip().splitlines()[-1]


def series_for(gen: Generated, target: Target) -> list[Series]:
    pm, data = str(target.script), ["--data", str(gen.folder)]
    scored = ["--profile", str(gen.profile), "--target", gen.target]
    return [
        Series("validate", [pm, *data, "validate"]),
        Series("gap", [pm, *data, "gap", *scored]),
        Series("roadmap json", [pm, *data, "roadmap", *scored, "--format", "json"]),
    ]


@dataclass
class SizeResult:
    gen: Generated
    skipped: str | None
    series: list[Series]


def measure(gens: list[Generated], target: Target, runs: int, r: Runner) -> list[SizeResult]:
    """Verify each framework, then time its commands round-robin."""
    out = []
    for gen in gens:
        print(f"... {gen.size}x: {_describe(gen)}", file=sys.stderr, flush=True)
        skipped = verify(gen, target, r)
        series = [] if skipped else series_for(gen, target)
        if series:
            round_robin(series, runs, r)
        out.append(SizeResult(gen, skipped, series))
    return out


# ------------------------------------------------------------------- reporting


def _describe(gen: Generated) -> str:
    c, b = gen.counts, gen.file_bytes
    data = sum(b[name] for name in FILES)
    return (
        f"{c['roles']} roles, {c['competencies']} competencies, {c['certifications']} "
        f"certifications; files {data / 2**20:.2f} MiB (largest "
        f"{max(b[name] for name in FILES) / 2**20:.2f}), profile {b['profile'] / 1024:.0f} KiB"
    )


def table(results: list[SizeResult]) -> str:
    """One row per command and size: median, peak RSS, growth, cost per extra 1x."""
    measured = [r for r in results if not r.skipped]
    rows: list[list[str]] = []
    names = [s.name for s in measured[0].series] if measured else []
    for i, name in enumerate(names):
        prev: tuple[int, float, int] | None = None
        first: tuple[int, float, int] | None = None
        for res in measured:
            s = res.series[i]
            now = (res.gen.size, s.median, s.peak_kib)
            rows.append(_row(name, now, prev, first))
            prev, first = now, first or now
    return markdown_table(
        [
            "command",
            "size",
            "median ms",
            "peak RSS MiB",
            "time × prev",
            "RSS × prev",
            "ms per extra 1x",
            "MiB per extra 1x",
        ],
        rows,
    )


def _row(
    name: str,
    now: tuple[int, float, int],
    prev: tuple[int, float, int] | None,
    first: tuple[int, float, int] | None,
) -> list[str]:
    size, secs, kib = now
    growth = ["", ""] if prev is None else [f"{secs / prev[1]:.2f}", f"{kib / prev[2]:.2f}"]
    if first is None or size == first[0]:
        marginal = ["", ""]
    else:
        extra = size - first[0]
        marginal = [
            f"{(secs - first[1]) * 1000 / extra:.1f}",
            f"{(kib - first[2]) / 1024 / extra:.2f}",
        ]
    return [f"`{name}`", f"{size}x", f"{secs * 1000:.0f}", mib(kib), *growth, *marginal]


def report(results: list[SizeResult], header: str) -> str:
    parts = [header, ""]
    for res in results:
        gen = res.gen
        line = f"- {gen.size}x: {_describe(gen)}; T = {gen.target}"
        parts.append(line + (f"; NOT TIMED: {res.skipped}" if res.skipped else ""))
    parts += ["", table(results)]
    return "\n".join(parts)


# ------------------------------------------------------------------------ main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time validate, gap and roadmap on frameworks N times the built-in size."
    )
    parser.add_argument("--sizes", default="1,10,100", help="comma-separated sizes (1,10,100)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per command (3)")
    parser.add_argument(
        "--pmopath",
        metavar="PATH",
        help="the install to measure: a venv or checkout folder, a pmopath script, "
        "or a venv's python (default: the pmopath beside this interpreter)",
    )
    parser.add_argument(
        "--out", type=Path, help="write the frameworks and profiles here (default: a temp folder)"
    )
    parser.add_argument(
        "--timeout", type=float, default=600, help="seconds before a run is killed (600)"
    )
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error("--sizes takes whole numbers like 1,10,100")
    if not args.sizes or min(args.sizes) < 1 or args.runs < 1:
        parser.error("sizes and --runs must be at least 1")
    return args


def generate_all(source_dir: Path, sizes: list[int], root: Path) -> list[Generated]:
    """Generate every size in a worker process.

    The measuring process stays small: Linux counts the spawning process's
    memory towards a child's ru_maxrss, so the large generated documents must
    never live in it.
    """
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.starmap(_generate_one, [(source_dir, n, root) for n in sizes])


def _generate_one(source_dir: Path, n: int, root: Path) -> Generated:
    return generate(read_source(source_dir), n, root)


def run(args: argparse.Namespace, root: Path) -> str:
    target = find_target(args.pmopath)
    gens = generate_all(builtin_dir(target), args.sizes, root)
    with runner(args.timeout) as r:
        results = measure(gens, target, args.runs, r)
        version = version_of(target, r.env)
        floor = r.floor_kib
    header = (
        f"{version} ({target.script}), Python {python_version(target)}; "
        f"median of {args.runs} round-robin runs; frameworks in {root}; "
        f"RSS floor of the launcher {mib(floor)} MiB (no reading can be below it)"
    )
    return report(results, header)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.out is not None:
            print(run(args, args.out))
        else:
            with tempfile.TemporaryDirectory(prefix="pmopath-scale-") as tmp:
                print(run(args, Path(tmp)))
    except BenchError as exc:
        print(f"scale.py: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
