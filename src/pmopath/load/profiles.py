"""Reading and writing profile files: saved assessments, answers files, exports.

The same format serves saved assessments, ``pmopath assess --answers FILE`` and
``pmopath export-profile`` (see README, "Profile format"). Loading checks the file
against the model (:mod:`pmopath.model.profile`), then resolves role, certification and
competency names against the framework, naming the file, line and field of any problem.
"""

from pathlib import Path

from pmopath.base.errors import DataError
from pmopath.load.yamlio import dump_yaml, load_yaml, read_text
from pmopath.model.catalog import Framework
from pmopath.model.document import Document
from pmopath.model.framework import Model
from pmopath.model.profile import (
    MAX_PROFILE_BYTES,
    Loaded,
    Profile,
    profile_to_data,
    resolve_profile,
)
from pmopath.model.validate import parse_model


def profile_yaml(profile: Profile) -> str:
    """The profile as YAML, without a header comment (a saved assessment adds its own)."""
    return dump_yaml(profile_to_data(profile))


def dump_profile(profile: Profile) -> str:
    """A profile file to share or re-import (``export-profile``)."""
    return "# pmopath profile (see `pmopath schema profile`)\n" + profile_yaml(profile)


def read_profile(path: Path, text: str | None = None) -> tuple[Profile, Document]:
    if text is None:
        text = read_text(path, max_bytes=MAX_PROFILE_BYTES)
    doc = load_yaml(path, text=text)
    if not isinstance(doc.data, dict):
        raise DataError("expected a mapping (a profile) at the top of the file", path=path, line=1)
    return parse_model(doc, Profile), doc


class CachedProfile(Model):
    """A profile as :func:`load_profile` returned it, for the cache (see :mod:`pmopath.load.cache`)."""

    profile: Profile
    warnings: tuple[str, ...]


def load_profile(
    path: Path,
    fw: "Framework",
    *,
    strict: bool = True,
    text: str | None = None,
    remember: bool = True,
) -> Loaded:
    """Read, validate and resolve a profile file (``text``: its content, already read).

    ``strict`` (answers files): any unknown ID is an error. Otherwise (saved
    assessments): a rating or certification the framework no longer has is kept,
    with a warning, so nothing is dropped silently.

    The same text resolved against the same framework before comes from the cache,
    without parsing YAML again; a file with problems is never cached, so its errors
    are reported every time. ``remember=False`` reads the cache but adds nothing to it (a
    team larger than the cache would only push everything else out of it).
    """
    from pmopath.load import cache

    if text is None:
        text = read_text(path, max_bytes=MAX_PROFILE_BYTES)
    key = cache.profile_key(fw.key, text, strict=strict)
    if key is not None and (hit := cache.read("profile", key, CachedProfile)) is not None:
        return Loaded(hit.profile, list(hit.warnings))
    profile, doc = read_profile(path, text)
    loaded = resolve_profile(profile, fw, doc=doc, strict=strict)
    if key is not None and remember:
        entry = CachedProfile.model_construct(
            profile=loaded.profile, warnings=tuple(loaded.warnings)
        )
        cache.write("profile", key, entry)  # private, as every entry
    return loaded
