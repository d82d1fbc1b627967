"""A YAML document into a model, with the file, line and field of every problem.

The one place pydantic's validation errors become :class:`~pmopath.base.errors.DataError`:
framework files, profiles and answers files all come through here.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import ValidationError

from pmopath.base.errors import DataError, DataErrors
from pmopath.base.text import plural
from pmopath.model.document import Document, Loc, format_loc
from pmopath.model.framework import Model

M = TypeVar("M", bound=Model)
UNKNOWN_SHOWN = 5  # unknown fields named one by one; the rest are counted


def validation_errors(doc: Document, exc: ValidationError) -> list[DataError]:
    """Turn pydantic's errors into DataErrors with the file, line and field path.

    Past the first few unknown fields, the rest are counted in one line, so a file
    with thousands of stray keys gives a readable report.
    """
    out = []
    unknown = 0
    for err in exc.errors(include_url=False):
        if err["type"] == "extra_forbidden":
            unknown += 1
            if unknown > UNKNOWN_SHOWN:
                continue
        loc: Loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
        # Drop pydantic's union/validator tags that are not part of the document.
        loc = tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in {"str"})))
        message = str(err["msg"]).removeprefix("Value error, ")
        value = err.get("input")
        if err["type"] not in {"missing", "extra_forbidden"} and isinstance(
            value, (str, int, float, bool)
        ):
            shown = repr(value)
            message += f", got {shown if len(shown) <= 40 else shown[:37] + '...'}"
        if err["type"] == "extra_forbidden":
            message = "unknown field (not allowed here)"
        out.append(
            DataError(
                message,
                path=doc.path,
                line=doc.line_of(loc),
                field=format_loc(loc, doc.data) or None,
            )
        )
    if unknown > UNKNOWN_SHOWN:
        more = unknown - UNKNOWN_SHOWN
        out.append(DataError(f"and {more:,} more unknown {plural('field', more)}", path=doc.path))
    return out


def parse_model(doc: Document, model: type[M]) -> M:
    """Validate a document against ``model``; raise DataErrors with every problem."""
    if not isinstance(doc.data, dict):
        raise DataError("expected a mapping at the top of the file", path=doc.path, line=1)
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise DataErrors(validation_errors(doc, exc)) from None
