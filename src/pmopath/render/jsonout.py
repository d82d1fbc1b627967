"""JSON output for scripts: each view's own fields, versioned (README, "JSON output")."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pmopath.render.base import Renderer

if TYPE_CHECKING:
    from pmopath.views.base import View


class JsonRenderer(Renderer):
    """Every view the same way: ``schema_version``, ``kind``, then the view's fields."""

    def render(self, view: View) -> str:
        # ASCII with \u escapes: lossless, and safe on any output encoding.
        return json.dumps(view.to_json(), indent=2, ensure_ascii=True) + "\n"
