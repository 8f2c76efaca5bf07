"""`ind-tui sandbox serve --employees N`: N more employees for the sponsor, seeded once per
database (a restart with the same number adds none), and a negative number refused."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from ind_tui.cli import main
from ind_tui.sandbox.app import SandboxConfig, create_app
from tests.conftest import ADMIN_TOKEN, API, bearer


async def _employees(config: SandboxConfig) -> int:
    transport = httpx.ASGITransport(app=create_app(config))
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as http:
        r = await http.get(f"{API}/employees", params={"limit": 1},
                           headers=await bearer(http, "sponsor-eh3"))
    assert r.status_code == 200, r.text
    return int(r.json()["total"])


async def test_extra_employees_are_seeded_once(tmp_path: Path) -> None:
    plain = await _employees(SandboxConfig(db_path=tmp_path / "plain.db",
                                           admin_token=ADMIN_TOKEN))
    config = SandboxConfig(db_path=tmp_path / "scale.db", admin_token=ADMIN_TOKEN,
                           extra_employees=150)
    assert await _employees(config) == plain + 150
    assert await _employees(config) == plain + 150  # started again: none added


def test_a_negative_number_of_employees_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sandbox", "serve", "--employees", "-1"]) == 2
    assert capsys.readouterr().err.strip().endswith("--employees must be 0 or more")
