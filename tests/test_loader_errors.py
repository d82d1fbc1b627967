"""Bad framework data: one clear line naming file, line and field; exit 2; no traceback."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from clock import PMOPATH
from pmopath.base.errors import DataError, DataErrors
from pmopath.cli.app import app
from pmopath.load.framework import check_framework, load_framework
from pmopath.load.yamlio import MAX_BYTES, load_yaml


def cli_error(runner: CliRunner, data: Path, *args: str) -> str:
    result = runner.invoke(app, ["--data", str(data), *(args or ("roles",))])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    err = result.stderr
    assert err.startswith("pmopath: error: ")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_malformed_yaml_names_the_line(runner: CliRunner, data_copy: Path) -> None:
    roles = data_copy / "roles.yaml"
    edit(roles, "    rank: 4\n", "    rank: [4\n")
    err = cli_error(runner, data_copy)
    assert "roles.yaml:" in err and "invalid YAML" in err


def test_wrong_type_names_file_line_and_field(runner: CliRunner, data_copy: Path) -> None:
    roles = data_copy / "roles.yaml"
    edit(roles, "    rank: 4\n", "    rank: four\n")
    err = cli_error(runner, data_copy)
    line = line_of(roles, "rank: four")
    assert f"roles.yaml:{line}: roles[project-manager].rank:" in err
    assert "valid integer" in err


def test_unknown_field_is_refused(runner: CliRunner, data_copy: Path) -> None:
    comps = data_copy / "competencies.yaml"
    edit(
        comps,
        "    domain: delivery-practice\n",
        "    domain: delivery-practice\n    colour: blue\n",
    )
    err = cli_error(runner, data_copy, "competencies")
    assert "competencies[pm-methodologies].colour: unknown field" in err


def test_unknown_reference_with_suggestion(runner: CliRunner, data_copy: Path) -> None:
    roles = data_copy / "roles.yaml"
    edit(
        roles,
        "      strategic-thinking: {level: 4, importance: core}",
        "      strategic-thinkin: {level: 4, importance: core}",
    )
    err = cli_error(runner, data_copy)
    assert "unknown competency 'strategic-thinkin'" in err
    assert "did you mean 'strategic-thinking'" in err


def test_ladder_cycle(runner: CliRunner, data_copy: Path) -> None:
    roles = data_copy / "roles.yaml"
    edit(
        roles,
        "    leads_to: [pmo-director, portfolio-manager]",
        "    leads_to: [pmo-director, portfolio-manager, program-manager]",
    )
    err = cli_error(runner, data_copy)
    assert "cycle" in err and "pmo-manager -> program-manager -> pmo-manager" in err


def test_missing_level_descriptor(runner: CliRunner, data_copy: Path) -> None:
    comps = data_copy / "competencies.yaml"
    edit(comps, "      4: Sets the organisation's delivery framework", "      # 4: removed")
    err = cli_error(runner, data_copy)
    assert "competencies[pm-methodologies].levels: missing descriptors for level 4" in err


def test_duplicate_alias(runner: CliRunner, data_copy: Path) -> None:
    roles = data_copy / "roles.yaml"
    edit(roles, "    aliases: [pm]\n", "    aliases: [pm, director]\n")
    err = cli_error(runner, data_copy)
    assert "alias 'director' is already used" in err


def test_oversized_file(runner: CliRunner, data_copy: Path) -> None:
    (data_copy / "roles.yaml").write_bytes(b"# x\n" * (MAX_BYTES // 4 + 10))
    err = cli_error(runner, data_copy)
    assert "larger than" in err


def test_non_utf8(runner: CliRunner, data_copy: Path) -> None:
    roles = data_copy / "roles.yaml"
    roles.write_bytes(roles.read_bytes().replace(b"Project Manager", b"Project Man\xe4ger", 1))
    err = cli_error(runner, data_copy)
    assert "not valid UTF-8" in err and "roles.yaml:" in err


BOMB = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(9)
)


def test_billion_laughs_is_refused_after_little_work(
    runner: CliRunner, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bomb expands to 10^10 values; the reader refuses it after reading its ~110 nodes,
    counting what an alias stands for instead of copying it (work counted, not timed)."""
    from pmopath.load import yamlparse

    emitted: list[str] = []  # the file of each value the reader took in
    original = yamlparse._Builder._emit

    def counting(self: Any, *args: Any, **kwargs: Any) -> None:
        emitted.append(self.path.name)
        original(self, *args, **kwargs)

    monkeypatch.setattr(yamlparse._Builder, "_emit", counting)
    monkeypatch.setenv("PMOPATH_NO_CACHE", "1")
    (data_copy / "roles.yaml").write_text(BOMB, encoding="utf-8")
    err = cli_error(runner, data_copy)
    assert "too many aliases" in err
    in_bomb = emitted.count("roles.yaml")
    assert 0 < in_bomb <= BOMB.count("*") + BOMB.count("x") + 20


def test_deep_nesting_does_not_crash(data_copy: Path) -> None:
    # libyaml's recursive composer segfaults on this; the reader never calls it.
    (data_copy / "roles.yaml").write_text("[" * 200_000, encoding="utf-8")
    proc = subprocess.run(
        [*PMOPATH, "--data", str(data_copy), "roles"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 2
    assert "nested deeper than" in proc.stderr


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("a: 1\na: 2\n", "duplicate key 'a'"),
        ("a: !!python/object/apply:os.system [ls]\n", "unsupported YAML value"),
        ("a: 1\n---\nb: 2\n", "more than one YAML document"),
        ("a: *nowhere\n", "unknown or recursive alias"),
        ("a: &x [*x]\n", "unknown or recursive alias"),
        ("? [a, b]\n: 1\n", "mapping key must be a plain value"),
        ("\x00", "NUL"),
    ],
)
def test_yaml_reader_refusals(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_yaml(path)
    assert fragment in str(info.value)


def test_top_level_must_be_a_mapping(runner: CliRunner, data_copy: Path) -> None:
    (data_copy / "roles.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    err = cli_error(runner, data_copy)
    assert "expected a mapping" in err


def test_validate_reports_every_problem(runner: CliRunner, data_copy: Path) -> None:
    roles = data_copy / "roles.yaml"
    edit(roles, "    rank: 4\n", "    rank: four\n")
    edit(roles, "    track: pmo\n", "    track: office\n")
    edit(data_copy / "certifications.yaml", "    level: advanced\n", "    level: guru\n")
    result = runner.invoke(app, ["validate", str(data_copy)])
    assert result.exit_code == 2
    # a long temporary path may wrap: count the file:line headings in the unwrapped text
    unwrapped = "".join(result.stdout.split())
    assert len(re.findall(r"\.yaml:\d+:", unwrapped)) == 3
    assert "3 problems" in result.stdout


def test_folder_without_framework_files(runner: CliRunner, tmp_path: Path) -> None:
    err = cli_error(runner, tmp_path)
    assert "has none of roles.yaml" in err


def test_partial_override_uses_builtin_for_the_rest(
    runner: CliRunner, data_copy: Path, tmp_path: Path
) -> None:
    org = tmp_path / "org"
    org.mkdir()
    roles = (data_copy / "roles.yaml").read_text(encoding="utf-8")
    (org / "roles.yaml").write_text(
        roles.replace("name: PMO Director", "name: Head of Delivery Office"), encoding="utf-8"
    )
    result = runner.invoke(app, ["--data", str(org), "roles", "director"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Head of Delivery Office")
    result = runner.invoke(app, ["roles", "director"], env={"PMOPATH_DATA": str(org)})
    assert result.stdout.startswith("Head of Delivery Office")


def test_load_framework_raises_data_errors(data_copy: Path) -> None:
    edit(data_copy / "roles.yaml", "    rank: 4\n", "    rank: 99\n")
    with pytest.raises(DataErrors) as info:
        load_framework(data_copy)
    assert info.value.errors[0].field == "roles[project-manager].rank"
    _, problems = check_framework(data_copy)
    assert len(problems) == 1


def test_yaml_safe_dump_roundtrip_is_valid(data_copy: Path) -> None:
    # Reformatting a file (another tool, another style) keeps it valid.
    path = data_copy / "competencies.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(data, sort_keys=True), encoding="utf-8")
    load_framework(data_copy)
