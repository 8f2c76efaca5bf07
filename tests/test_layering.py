"""Layering is the architecture: the core packages never pull in the UI (or heavy deps)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _modules_after_import(*names: str) -> set[str]:
    code = (
        "import json, sys\n"
        + "".join(f"import {n}\n" for n in names)
        + "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


@pytest.mark.parametrize("package", ["ind_tui.portal", "ind_tui.forms", "ind_tui.drafts",
                                     "ind_tui.sandbox", "ind_tui.sandbox.app"])
def test_core_never_imports_textual(package: str) -> None:
    loaded = _modules_after_import(package)
    assert package in loaded
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_portal_client_stays_light() -> None:
    loaded = _modules_after_import("ind_tui.portal", "ind_tui.portal.models")
    for heavy in ("pypdf", "fastapi", "uvicorn", "textual"):
        assert heavy not in loaded, heavy
