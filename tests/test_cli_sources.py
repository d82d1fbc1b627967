"""`pmopath sources [ID]`: every cited source, and every source number printed anywhere, resolves."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from pmopath.cli.app import app
from pmopath.cli.cmd_browse import _complete_sources
from pmopath.model.catalog import Framework, source_order
from pmopath.model.framework import ESTIMATE, ESTIMATE_LABEL
from pmopath.render.markdown import link
from pmopath.views.browse import source_view, sources_view

ROOT = Path(__file__).resolve().parents[1]
PM = str(ROOT / "examples" / "project-manager.yaml")
FW: Framework  # the session's framework, set by the fixture below (never at import)


@pytest.fixture(autouse=True, scope="module")
def _framework(session_fw: Framework) -> None:
    global FW
    FW = session_fw


# S57 in data/roles.yaml and data/certifications.yaml
S57_TITLE = "IPMA-USA - what certification level"
S57_URL = "https://www.ipma-usa.org/certification/what-certification-level"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def cited_ids(value: Any) -> set[str]:
    """Every source ID cited in a parsed framework file (its dump), at any depth.

    A file's own ``sources`` table is a mapping; a citation is a list of IDs.
    """
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and isinstance(item, list):
                found.update(item)
            else:
                found |= cited_ids(item)
    elif isinstance(value, list):
        for item in value:
            found |= cited_ids(item)
    return found


def framework_texts() -> list[Any]:
    """The built-in framework files as plain data (read, not loaded: collection needs them)."""
    return [
        yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))
        for name in ("roles.yaml", "competencies.yaml", "certifications.yaml")
    ]


CITED = sorted(set().union(*(cited_ids(doc) for doc in framework_texts())))


# ------------------------------------------------------------------- the list


def test_list_in_the_terminal(runner: CliRunner) -> None:
    code, out, err = run(runner, "sources")
    assert code == 0, err
    assert out.startswith("Sources cited by the framework")
    (row,) = [line for line in out.splitlines() if line.split()[:1] == ["S57"]]
    assert "IPMA-USA" in row and "2026-11-22" in row
    assert "`pmopath sources ID`" in out


def test_list_is_in_natural_order(runner: CliRunner) -> None:
    code, out, _ = run(runner, "sources", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema_version"] == 1 and doc["kind"] == "sources"
    ids = [s["id"] for s in doc["sources"]]
    assert ids == sorted(ids, key=source_order)
    assert set(FW.sources) <= set(ids)
    assert ids.index("S2") < ids.index("S2b") < ids.index("S3a") < ids.index("S10")
    assert ids.index("S9a") < ids.index("S10") < ids.index("S100")
    if ESTIMATE in ids:
        assert ids[-1] == ESTIMATE
    s57 = next(s for s in doc["sources"] if s["id"] == "S57")
    assert s57["title"] == S57_TITLE and s57["url"] == S57_URL
    assert s57["publisher"] == "IPMA-USA" and s57["accessed"] == "2026-11-22"


def test_list_in_markdown(runner: CliRunner) -> None:
    code, out, err = run(runner, "sources", "--format", "markdown")
    assert code == 0, err
    assert out.startswith("# Sources\n")
    assert f"- **S57**: {S57_TITLE}\\\n  IPMA-USA, accessed 2026-11-22\\\n  <{S57_URL}>\n" in out


def test_source_order() -> None:
    ids = ["estimate", "S10", "S2b", "S100", "S2", "S9a", "S3"]
    assert sorted(ids, key=source_order) == ["S2", "S2b", "S3", "S9a", "S10", "S100", "estimate"]


# -------------------------------------------------------------------- one ID


@pytest.mark.parametrize("name", ["S57", "s57", " S57 "])
def test_one_source_in_full(runner: CliRunner, name: str) -> None:
    code, out, err = run(runner, "sources", name)
    assert code == 0, err
    assert out.startswith(f"S57  {S57_TITLE}\n")
    assert "Publisher: IPMA-USA · accessed 2026-11-22" in out
    assert f"\n{S57_URL}\n" in out
    assert f"Cited by ({len(FW.citations['S57'])})" in out
    assert re.search(r"Certification\s+IPMA Level D", out) and "ipma-d" in out
    assert "prerequisites, exams, fees" in out


def test_one_source_json_says_what_it_supports(runner: CliRunner) -> None:
    code, out, _ = run(runner, "sources", "s57", "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["kind"] == "source" and doc["source"]["id"] == "S57"
    assert doc["source"]["url"] == S57_URL
    cited = {(c["kind"], c["id"]): c["parts"] for c in doc["cited_by"]}
    roles = [c.id for c in FW.citations["S57"] if c.kind == "role"]
    assert roles and all(cited[("role", r)] == ["overall"] for r in roles)
    assert cited[("certification", "ipma-d")] == ["overall", "prerequisites", "exams", "fees"]


def test_one_source_in_markdown(runner: CliRunner) -> None:
    code, out, _ = run(runner, "sources", "S57", "-f", "markdown")
    assert code == 0
    assert out.startswith(f"# S57: {S57_TITLE}\n")
    assert f"- **URL:** <{S57_URL}>" in out
    assert (
        "| Certification | `ipma-d` | IPMA Level D (Certified Project Management Associate) |"
        in out
    )


def test_parts_deep_inside_an_entry_are_found() -> None:
    """A source cited only by a fee, an exam or the renewal still names its certification."""
    view = source_view(FW, "S41")  # data/certifications.yaml: PeopleCert renewals only
    assert view.cited_by
    assert {c.parts for c in view.cited_by} == {("renewal",)}
    assert ("prince2-foundation", ("renewal",)) in [(c.id, c.parts) for c in view.cited_by]


def test_a_long_url_is_printed_whole_on_one_line(runner: CliRunner) -> None:
    sid, source = max(FW.sources.items(), key=lambda kv: len(kv[1].url or ""))
    assert source.url is not None and len(source.url) > 80
    result = runner.invoke(app, ["sources", sid], env={"COLUMNS": "40"})
    assert result.exit_code == 0
    assert source.url in result.stdout.splitlines()


def test_unknown_source_is_one_line_and_exit_3(runner: CliRunner) -> None:
    code, out, err = run(runner, "sources", "S9999")
    assert code == 3
    assert out == ""
    assert err.startswith("pmopath: error: unknown source 'S9999'")
    assert "did you mean" in err
    assert err.count("\n") == 1


def test_unknown_source_without_a_close_match_points_to_the_list(runner: CliRunner) -> None:
    code, _, err = run(runner, "sources", "zzzz")
    assert code == 3
    assert "unknown source 'zzzz' (see `pmopath sources` for the list)" in err


def test_help_has_examples(runner: CliRunner) -> None:
    result = runner.invoke(app, ["sources", "--help"])
    assert result.exit_code == 0
    assert "Examples" in result.stdout and "pmopath sources S57" in result.stdout


def test_completion_offers_source_ids() -> None:
    assert "S57" in _complete_sources("s5")
    assert all(n.lower().startswith("s5") for n in _complete_sources("s5"))
    assert _complete_sources("est") == [ESTIMATE]


# ------------------------------------------------------------------ estimate


@pytest.mark.parametrize("name", ["estimate", "ESTIMATE"])
def test_estimate_resolves_and_explains_itself(runner: CliRunner, name: str) -> None:
    code, out, err = run(runner, "sources", name)
    assert code == 0, err
    assert out.startswith(f"{ESTIMATE_LABEL}  ")
    assert 'How pmopath estimates: see README.md, section "How pmopath estimates".' in out
    code, out, _ = run(runner, "sources", name, "-f", "json")
    assert json.loads(out)["source"]["see"] == 'README.md, section "How pmopath estimates"'


def without_sources(fw: Framework, sid: str) -> Framework:
    """The framework with ``sid`` taken out of every file's sources table."""

    def drop(file: Any) -> Any:
        return file.model_copy(
            update={"sources": {k: v for k, v in file.sources.items() if k != sid}}
        )

    return Framework(
        drop(fw.roles_file), drop(fw.competencies_file), drop(fw.certifications_file), fw.paths
    )


def test_estimate_without_an_entry_in_the_files() -> None:
    fw = without_sources(FW, ESTIMATE)
    assert fw.source_id("Estimate") == ESTIMATE
    view = source_view(fw, ESTIMATE)
    assert view.source.label == ESTIMATE_LABEL and view.source.publisher == "pmopath"
    assert view.source.accessed is None and view.source.see is not None
    listed = [s.id for s in sources_view(fw).sources]
    assert (ESTIMATE in listed) == (ESTIMATE in fw.citations)


def estimate_copy(data_copy: Path) -> Path:
    """The framework with its fact-sheet source S0 renamed `estimate`, entry and citations."""
    for name in ("roles.yaml", "competencies.yaml", "certifications.yaml"):
        path = data_copy / name
        path.write_text(
            re.sub(r"\bS0\b", ESTIMATE, path.read_text(encoding="utf-8")), encoding="utf-8"
        )
    return data_copy


def test_estimate_is_defined_and_cited_in_the_built_in_data(runner: CliRunner) -> None:
    assert ESTIMATE in FW.sources and "S0" not in FW.sources  # no unopenable fact sheet
    code, out, err = run(runner, "sources", "estimate", "-f", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["source"]["label"] == ESTIMATE_LABEL and doc["source"]["see"]
    assert doc["cited_by"]  # pmopath's own estimates are marked as such
    code, out, _ = run(runner, "sources")
    assert code == 0
    shown = re.search(r"^  pmopath .*\n  estimate ", out, re.MULTILINE)  # "pmopath estimate"
    assert shown is not None and shown.start() > out.index("\n  S109 ")
    role = next(c.id for c in FW.citations[ESTIMATE] if c.kind == "role")
    code, out, _ = run(runner, "roles", role)
    assert "Sources: " in out and ESTIMATE_LABEL in out


# ----------------------------------------------------- every ID resolves


def test_the_walk_finds_what_the_registry_indexes() -> None:
    assert CITED and set(CITED) == set(FW.citations)


@pytest.mark.parametrize("sid", CITED)
def test_every_cited_source_resolves(runner: CliRunner, sid: str) -> None:
    code, out, err = run(runner, "sources", sid)
    assert code == 0, err
    assert out.strip()


TOKEN = re.compile(r"(?<![\w-])S[0-9]+[a-z]?(?![\w-])")
SHOWN = [
    ["roles", "director"],
    ["certs", "pmp"],
    ["competencies"],
    ["roadmap", "--profile", PM, "--target", "director", "--as-of", "2026-11-22"],
]


def test_every_source_number_printed_resolves(runner: CliRunner) -> None:
    seen: set[str] = set()
    for args in SHOWN:
        for fmt in ("terminal", "markdown"):
            code, out, err = run(runner, *args, "--format", fmt)
            assert code == 0, (args, err)
            seen.update(TOKEN.findall(out))
    assert {"S59", "S109"} <= seen  # PMO Director and PMP cite them
    for sid in sorted(seen, key=source_order):
        code, _, err = run(runner, "sources", sid)
        assert code == 0, f"{sid}: {err}"


# ------------------------------------------------------------- hostile data


def test_markup_in_a_source_is_shown_literally(runner: CliRunner, data_copy: Path) -> None:
    path = data_copy / "roles.yaml"
    text = path.read_text(encoding="utf-8")
    quoted = json.dumps("[red]Evil[/red] [link=https://evil.invalid]x[/link]")
    text, n = re.subn(r"(\n  S57:\n    title: ).*\n", rf"\g<1>{quoted}\n", text, count=1)
    assert n == 1
    path.write_text(text, encoding="utf-8")
    for args in (["sources"], ["sources", "S57"]):
        result = runner.invoke(
            app,
            ["--data", str(data_copy), *args],
            env={"NO_COLOR": None, "TERM": "xterm-256color", "FORCE_COLOR": "1", "COLUMNS": "200"},
        )
        assert result.exit_code == 0, result.stderr
        plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
        assert "[red]Evil[/red] [link=https://evil.invalid]x[/link]" in plain
        assert "\x1b]8;" not in result.stdout


def test_markdown_links_only_web_addresses() -> None:
    assert link(S57_URL) == f"<{S57_URL}>"
    assert link("javascript:alert(1)") == "javascript:alert(1)"
    assert link("https://a.invalid/<b>") == "https://a.invalid/\\<b\\>"
