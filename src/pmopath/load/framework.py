"""Loading and checking the framework (roles, competencies, certifications).

``load_framework(data_dir)`` is the one entry point: it reads the three files
(an organisation's folder may replace any of them), validates each against its
model, runs the cross-file checks, and returns a frozen :class:`Framework` or
raises :class:`~pmopath.base.errors.DataErrors` naming every problem found.
"""

import os
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pmopath.base.errors import DataError, DataErrors
from pmopath.model.catalog import Framework
from pmopath.model.framework import (
    FILE_MODELS,
    CertificationsFile,
    CompetencyFile,
    Model,
    RolesFile,
)

if TYPE_CHECKING:
    from pmopath.model.document import Document

FILES = tuple(FILE_MODELS)
ENV_DATA = "PMOPATH_DATA"

M = TypeVar("M", bound=Model)


def builtin_data_dir() -> Path:
    """The framework shipped with pmopath (inside the wheel, or the checkout's data/)."""
    packaged = Path(__file__).parents[1] / "data"  # the wheel's copy (importlib.resources would
    # give the same folder for an installed package, for a millisecond of imports)
    if (packaged / FILES[0]).is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "data"
    return checkout


def resolve_paths(data_dir: Path | None) -> dict[str, Path]:
    """Map each framework file name to the path it is read from.

    A file present in ``data_dir`` (or ``$PMOPATH_DATA``) replaces the built-in one.
    """
    builtin = builtin_data_dir()
    paths = {name: builtin / name for name in FILES}
    if data_dir is None and os.environ.get(ENV_DATA):
        data_dir = Path(os.environ[ENV_DATA])
    if data_dir is not None:
        if not data_dir.is_dir():
            raise DataError("framework folder not found", path=data_dir)
        found = [name for name in FILES if (data_dir / name).is_file()]
        if not found:
            raise DataError(
                "the folder has none of " + ", ".join(FILES),
                path=data_dir,
                hint="a framework folder holds one or more of these files",
            )
        for name in found:
            paths[name] = data_dir / name
    return paths


# ------------------------------------------------------------------ loading


def read_documents(
    paths: dict[str, Path], raw: dict[str, bytes] | None = None
) -> "tuple[dict[str, Document], list[DataError]]":
    """Each file parsed; ``raw``: their bytes, already read (what the cache key was made of)."""
    from pmopath.load.yamlio import decode_text, load_yaml

    docs: dict[str, Document] = {}
    errors: list[DataError] = []
    for name, path in paths.items():
        try:
            text = None if raw is None else decode_text(path, raw[name])
            docs[name] = load_yaml(path, text=text)
        except DataError as exc:
            errors.append(exc)
    return docs, errors


def check_framework(
    data_dir: Path | None = None, *, warnings: list[DataError] | None = None
) -> tuple[Framework | None, list[DataError]]:
    """Load and check everything, returning every problem found (never raising DataError).

    ``warnings``: a list to extend with what `validate` reports without failing (a move up
    the ladder that asks for less), when the framework is valid.
    """
    return check_paths(resolve_paths(data_dir), warnings=warnings)


def check_paths(
    paths: dict[str, Path],
    *,
    warnings: list[DataError] | None = None,
    raw: dict[str, bytes] | None = None,
) -> tuple[Framework | None, list[DataError]]:
    """Read, validate and cross-check the framework files at ``paths`` (no cache).

    The files are parsed once; ``warnings`` (see :func:`check_framework`) are found in
    the same documents. ``raw``: the files' bytes, when they were read already.
    """
    from pmopath.model.validate import parse_model

    docs, errors = read_documents(paths, raw)
    parsed: dict[str, Model] = {}
    for name, doc in docs.items():
        try:
            parsed[name] = parse_model(doc, FILE_MODELS[name])
        except DataErrors as exc:
            errors.extend(exc.errors)
        except DataError as exc:
            errors.append(exc)
    if errors:
        return None, errors
    fw = Framework(
        roles_file=_as(parsed["roles.yaml"], RolesFile),
        competencies_file=_as(parsed["competencies.yaml"], CompetencyFile),
        certifications_file=_as(parsed["certifications.yaml"], CertificationsFile),
        paths=paths,
    )
    from pmopath.load.checks import cross_check, cross_warnings

    errors = cross_check(fw, docs)
    if errors:
        return None, errors
    if warnings is not None:
        warnings.extend(cross_warnings(fw, docs))
    return fw, errors


def _as(value: Model, kind: type[M]) -> M:
    assert isinstance(value, kind)
    return value


def _consistent(fw: Framework) -> bool:
    """Whether a cached framework holds together: every reference resolves, every level is
    on the scale, no cycle (the cross-checks, under a millisecond). An entry that does not
    is a miss, rebuilt from the files, whoever wrote it."""
    from pmopath.load.checks import cross_check
    from pmopath.model.document import Document

    docs = {name: Document(path, None, {}) for name, path in fw.paths.items()}
    try:
        return not cross_check(fw, docs)
    except Exception:  # a shape the checks did not expect: not to be trusted either
        return False


def load_framework(data_dir: Path | None = None) -> Framework:
    """The validated framework; raises DataErrors listing every problem.

    A framework validated before, byte for byte, comes from the cache (see
    :mod:`pmopath.load.cache`); ``pmopath validate`` always checks the files themselves.
    """
    from pmopath.load import cache

    paths = resolve_paths(data_dir)
    raw = cache.read_files(paths)  # read once: the key and a parse see the same bytes
    key = None if raw is None else cache.framework_key(raw)
    if key is not None and (cached := cache.load(key, paths)) is not None and _consistent(cached):
        return cached
    fw, errors = check_paths(paths, raw=raw)
    if errors:
        raise DataErrors(errors, framework=True)
    assert fw is not None
    if key is None:
        return fw
    cache.save(key, fw)
    return fw.with_key(key)
