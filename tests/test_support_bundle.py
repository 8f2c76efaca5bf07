"""Support bundles (issue 16, item 12): one login's last error never goes into another's
bundle, an agency's own KvK is in it next to the company it acts for, and the bundle file
is private to the user."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

from ind_tui.api.errors import PortalError
from tests.tui_helpers import login_as, make_app, sandbox_app, wait_for


def _bundle(home: Path) -> tuple[dict[str, Any], Any, str, int]:
    bundles = sorted((home / "data" / "support").glob("*.zip"))
    with zipfile.ZipFile(bundles[-1]) as zf:
        report = json.loads(zf.read("report.json"))
        error = json.loads(zf.read("error.json"))
        mail = zf.read("mail.txt").decode()
    return report, error, mail, bundles[-1].stat().st_mode & 0o777


async def _report(pilot: Any, text: str) -> None:
    from ind_tui.tui.screens.shell.report import ReportScreen

    app = pilot.app
    await pilot.press("ctrl+r")
    await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen))
    await pilot.press(*text, "ctrl+s")
    await wait_for(pilot, lambda: app.screen.query_one("#report-result").display)
    await pilot.press("escape")


async def test_a_bundle_holds_only_its_own_login_s_error(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.guidance import GuidanceScreen
    from ind_tui.tui.screens.shell.home import HomeScreen
    from ind_tui.tui.screens.shell.login import LoginScreen

    old = os.umask(0o022)
    try:
        app = make_app(sandbox_app(tmp_path))
        home = tmp_path / "ind-home"
        async with app.run_test(size=(100, 30)) as pilot:
            await login_as(pilot, "sponsor-eh3")
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
            try:  # a real refusal from the portal, shown as a failed call shows it
                await app.context.client.case("0000000001")
            except PortalError as exc:
                app.show_error(exc)
                refused = exc
            await wait_for(pilot, lambda: isinstance(app.screen, GuidanceScreen))
            await pilot.press("escape")
            await _report(pilot, "first")
            _, error, mail, mode = _bundle(home)
            assert error["request_id"] == refused.request_id and refused.request_id in mail
            assert mode == 0o600

            app.logout()
            await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen))
            await login_as(pilot, "agent-delta")
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
            await _report(pilot, "second")
            report, error, mail, _ = _bundle(home)
            assert error is None and refused.request_id not in mail
            me = app.context.me
            assert me is not None and me.acting_for is not None
            assert report["kvk"] == me.acting_for.kvk == "56789012"
            assert report["own_kvk"] == me.company.kvk != report["kvk"]
    finally:
        os.umask(old)
