"""JSON Schemas of pmopath's file formats, for editors and validators."""

from __future__ import annotations

import json
from typing import Any

from pmopath.base.errors import NotFoundError
from pmopath.model.framework import FILE_MODELS, Model


def _models() -> dict[str, type[Model]]:
    from pmopath.model.profile import Profile

    models = {name.removesuffix(".yaml"): model for name, model in FILE_MODELS.items()}
    models["profile"] = Profile
    return models


def schema_json(what: str) -> str:
    models = _models()
    key = what.strip().lower()
    if key == "all":
        doc: dict[str, Any] = {
            f"{name}.yaml": model.model_json_schema()
            for name, model in models.items()
            if name != "profile"
        }
    else:
        matches = [name for name in models if name.startswith(key)] if key else []
        if len(matches) != 1:
            raise NotFoundError(
                f"unknown schema '{what}'", hint="choose from " + ", ".join(["all", *models])
            )
        model = models[matches[0]]
        doc = model.model_json_schema()
        doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(doc, indent=2) + "\n"
