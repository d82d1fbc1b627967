"""The validated-framework cache: used when nothing changed, never trusted when damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmopath import cache, framework
from pmopath.framework import load_framework, resolve_paths


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("PMOPATH_CACHE", str(home))
    return home


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts how often the YAML files are read and checked (a cache miss)."""
    calls: list[int] = []
    real = framework.check_paths

    def counting(paths: dict[str, Path]) -> object:
        calls.append(1)
        return real(paths)

    monkeypatch.setattr(framework, "check_paths", counting)
    return calls


def entries(home: Path) -> list[Path]:
    return sorted(home.glob("framework-*.json")) if home.exists() else []


def test_second_load_comes_from_the_cache(cache_home: Path, parses: list[int]) -> None:
    first = load_framework()
    assert len(parses) == 1 and len(entries(cache_home)) == 1
    second = load_framework()
    assert len(parses) == 1  # not read again
    assert second.roles_file == first.roles_file
    assert second.competencies_file == first.competencies_file
    assert second.certifications_file == first.certifications_file
    assert second.paths == first.paths


def test_one_changed_byte_invalidates(cache_home: Path, parses: list[int], data_copy: Path) -> None:
    load_framework(data_copy)
    roles = data_copy / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    roles.write_text(text.replace("name: PMO Director\n", "name: PMO Directos\n", 1), "utf-8")
    fw = load_framework(data_copy)
    assert len(parses) == 2
    assert fw.role("pmo-director").name == "PMO Directos"
    assert len(entries(cache_home)) == 2  # one entry per content


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: raw.replace(b"PMO Director", b"PMO Dyrector", 1),  # altered, still JSON
        lambda raw: b"",  # empty
        lambda raw: b"not the format\n{}",
    ],
    ids=["truncated", "altered", "empty", "foreign"],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(
    cache_home: Path, parses: list[int], damage: object
) -> None:
    load_framework()
    (entry,) = entries(cache_home)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    fw = load_framework()
    assert len(parses) == 2  # read from the YAML again, not from the damaged entry
    assert fw.role("pmo-director").name == "PMO Director"
    key = cache.cache_key(resolve_paths(None))
    assert key is not None and cache.load(key, resolve_paths(None)) is not None  # rebuilt


def test_an_unwritable_cache_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses: list[int]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("PMOPATH_CACHE", str(blocker / "cache"))
    load_framework()
    load_framework()
    assert len(parses) == 2  # works, uncached


def test_no_cache_turns_it_off(
    cache_home: Path, parses: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PMOPATH_NO_CACHE", "1")
    load_framework()
    load_framework()
    assert len(parses) == 2 and not entries(cache_home)


def test_validate_always_reads_the_files(cache_home: Path, parses: list[int]) -> None:
    from typer.testing import CliRunner

    from pmopath.cli import app

    load_framework()
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 0
    assert len(parses) == 2


def test_the_entry_is_json_with_a_checksum_line(cache_home: Path) -> None:
    load_framework()
    (entry,) = entries(cache_home)
    head, _, payload = entry.read_bytes().partition(b"\n")
    assert head.startswith(cache.FORMAT.encode())
    assert payload.startswith(b"{") and b"pmo-director" in payload


@pytest.mark.parametrize("xdg", [None, "/tmp/xdg-elsewhere", "relative/ignored"])
def test_places_match_platformdirs(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    import platformdirs

    from pmopath import places

    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        if xdg is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, xdg)
    assert str(places.user_data_dir()) == platformdirs.user_data_dir("pmopath", appauthor=False)
    assert str(places.user_cache_dir()) == platformdirs.user_cache_dir("pmopath", appauthor=False)


def test_old_entries_are_pruned(cache_home: Path, data_copy: Path) -> None:
    roles = data_copy / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    for i in range(cache.KEEP + 3):
        roles.write_text(text + f"# edit {i}\n", encoding="utf-8")
        load_framework(data_copy)
    assert len(entries(cache_home)) == cache.KEEP
