"""Layering is the architecture. The contracts themselves are import-linter's (pyproject.toml,
`lint-imports` in `make test`); these tests import every module below the UI, not only the
package `__init__`s, and check what that pulls in."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import ind_tui

CORE = ("base", "api", "domain", "i18n", "local", "client", "services", "sandbox")


def _submodules(package: str) -> list[str]:
    pkg = __import__(f"ind_tui.{package}", fromlist=["_"])
    return [m.name for m in pkgutil.walk_packages(pkg.__path__, f"ind_tui.{package}.")
            if not m.name.rsplit(".", 1)[-1].startswith("_pdfchild")]


def _loaded_after(names: list[str]) -> set[str]:
    code = ("import importlib, json, sys\n"
            f"for n in {names!r}: importlib.import_module(n)\n"
            "print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


def test_every_core_module_is_found() -> None:
    names = [n for p in CORE for n in _submodules(p)]
    assert len(names) > 80
    assert "ind_tui.client.client" in names and "ind_tui.local.drafts.bundle" in names


@pytest.mark.parametrize("package", CORE)
def test_no_module_below_the_ui_loads_textual(package: str) -> None:
    loaded = _loaded_after(_submodules(package))
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


@pytest.mark.parametrize("package", ["api", "domain", "i18n", "local", "client", "services"])
def test_only_the_entry_point_loads_the_server(package: str) -> None:
    loaded = _loaded_after(_submodules(package))
    for server in ("fastapi", "uvicorn", "starlette", "ind_tui.sandbox"):
        assert server not in loaded, server


def test_the_client_stays_light() -> None:
    loaded = _loaded_after(["ind_tui.client.client", "ind_tui.api.wire"])
    for heavy in ("pypdf", "fastapi", "uvicorn", "textual"):
        assert heavy not in loaded, heavy


def test_import_contracts_hold() -> None:
    root = Path(ind_tui.__file__).parent.parent
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True, cwd=root)
    assert out.returncode == 0, out.stdout[-3000:]
    assert "0 broken" in out.stdout
