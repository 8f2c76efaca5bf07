"""`ind-tui support reproduce` (issue 17, item 3): bundles made from five real errors, each
planned and replayed on a fresh sandbox that gives the same code back, without the user's
data. The user's sandbox and the reproduced one are separate in-process sandboxes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from ind_tui.api.errors import PortalError
from ind_tui.api.routes import ROUTES, route_of
from ind_tui.api.sandbox_admin import ClockChange
from ind_tui.client.client import PortalClient
from ind_tui.sandbox.identities import identity_models
from ind_tui.services.reproduce import after_login, plan, prepare, probe
from ind_tui.services.support import (
    BundleInput,
    account_of,
    build_bundle,
    error_of,
    hashed,
    read_bundle,
)
from tests.client_fixtures import admin_of, hsm_request, login, make_app, make_client

Act = Callable[[PortalClient], Awaitable[Any]]


async def _bundle_after(tmp_path: Path, identity: str, act: Act, screen: str
                        ) -> dict[str, Any]:
    """Drive a real sandbox into an error as a user would, then make the bundle as the
    report screen does (services/support.py), and read it back as `support show` does."""
    client = make_client(make_app(tmp_path / "user"))
    me = None
    error: PortalError | None = None
    try:
        me = await _login_polling(client, identity)
        await act(client)
    except PortalError as exc:
        error = exc
    data = BundleInput(
        screenshot_svg="<svg/>", screen_text="", description="it failed",
        portal_url="http://sandbox", profile="sandbox", requests=client.reqlog.as_dicts(),
        last_error=error_of(error), account=account_of(me), screen=screen,
        portal_time=client.clock.now())
    path = build_bundle(data, directory=tmp_path)
    await client.aclose()
    return read_bundle(path)


async def _login_polling(client: PortalClient, identity: str) -> Any:
    """Log in as the TUI does: the poll is told to wait (authorization_pending, in the
    request log as a bundle keeps it) until the identity is approved."""
    device = await client.start_login()

    async def approve_while_waiting(_seconds: float) -> None:
        await admin_of(client).approve(device.user_code, identity)

    return await client.finish_login(device, sleep=approve_while_waiting)


async def _reproduce(tmp_path: Path, bundle: dict[str, Any]) -> tuple[Any, Any]:
    """The reproduction's plan on a fresh sandbox: its identity logs in (or is refused as
    the user was), then the call that failed is made again. Returns (plan, outcome)."""
    client = make_client(make_app(tmp_path / "reproduced"))
    admin = admin_of(client)
    steps = plan(bundle, identity_models())
    await prepare(admin, steps)
    try:
        await login(client, steps.identity)
        await after_login(admin, steps)
        outcome = await probe(client, steps)
    except PortalError as exc:
        outcome = exc
    finally:
        await client.aclose()
    return steps, outcome


async def _submit_during_503(client: PortalClient) -> None:
    await admin_of(client).fault("applications.submit", "unavailable")
    await client.submit_application(hsm_request(), "filing-key-0001")


async def _lapse(client: PortalClient) -> None:
    await admin_of(client).set_clock(ClockChange(advance_days=91))
    await client.me()


async def _upload_text(client: PortalClient) -> None:
    await client.upload_document(b"my passport scan, really", "passport.pdf")


async def _nothing(client: PortalClient) -> None:
    return None


@pytest.mark.parametrize(("identity", "act", "screen", "code", "route"), [
    ("sponsor-eh2plus", _nothing, "LoginScreen", "eh_level_insufficient", "auth.token"),
    ("sponsor-eh3", _submit_during_503, "FilingScreen", "service_unavailable",
     "applications.submit"),
    ("agent-delta", _lapse, "CasesScreen", "session_expired", "auth.refresh"),
    ("sponsor-eh3", _upload_text, "WizardScreen", "document_not_pdf", "documents.upload"),
], ids=["refused-login", "503-filing", "expired-session", "refused-document"])
async def test_the_reproduced_sandbox_gives_the_same_code(
        tmp_path: Path, identity: str, act: Act, screen: str, code: str, route: str) -> None:
    bundle = await _bundle_after(tmp_path, identity, act, screen)
    report = bundle["report.json"]
    assert report["format_version"] == 2 and report["screen"] == screen
    assert report["failure"]["code"] == code and report["failure"]["route"] == route
    steps, outcome = await _reproduce(tmp_path, bundle)
    assert isinstance(outcome, PortalError), outcome
    assert outcome.code == code
    assert steps.portal_time is not None
    if code != "eh_level_insufficient":  # the same kind of account
        roles = {i.name: i.role for i in identity_models()}
        assert roles[steps.identity] == roles[identity]
    assert steps.done and all(n.key.startswith("reproduce.") for n in steps.done + steps.missing)


async def test_a_late_deregistration_is_late_again(tmp_path: Path) -> None:
    from ind_tui.api.employees import DeregistrationReason, DeregistrationRequest

    employee_id = ""

    async def deregister_late(client: PortalClient) -> None:
        nonlocal employee_id
        employee = (await client.employees())[0]
        employee_id = employee.id
        end = client.clock.today() - timedelta(days=40)
        receipt = await client.deregister_employee(employee.id, DeregistrationRequest(
            end_date=end, reason=DeregistrationReason.EMPLOYMENT_ENDED))
        assert receipt.late

    bundle = await _bundle_after(tmp_path, "sponsor-eh3", deregister_late, "EmployeesScreen")
    report = bundle["report.json"]
    assert report["failure"] is None  # the login's polling was no failure
    assert any(r.get("error") == "authorization_pending" for r in bundle["requests.json"])
    assert report["last_write"] == {"route": "employees.deregister", "status": 201}
    # The employee is named by a hash only.
    assert report["ids"]["employee"] == [hashed(employee_id)]
    assert employee_id not in str(report["ids"])
    steps, outcome = await _reproduce(tmp_path, bundle)
    assert steps.deregister_late and steps.area == "employees"
    assert outcome is not None and outcome.late


async def test_an_old_bundle_still_reproduces_what_it_can(tmp_path: Path) -> None:
    bundle = await _bundle_after(tmp_path, "sponsor-eh3", _submit_during_503, "FilingScreen")
    report = bundle["report.json"]
    for key in ("format_version", "screen", "portal_time", "account", "failure", "last_write",
                "ids"):
        report.pop(key)
    steps, outcome = await _reproduce(tmp_path, bundle)
    keys = {n.key for n in steps.missing}
    assert {"reproduce.old_format", "reproduce.no_account", "reproduce.no_screen"} <= keys
    assert steps.identity == "sponsor-eh3" and steps.area == "home"
    assert steps.portal_time is not None  # the time the bundle was made stands in
    assert outcome is None  # no route to aim a fault at: said, not guessed


def test_the_route_table_is_the_sandbox_s() -> None:
    from fastapi.routing import APIRoute

    from ind_tui.sandbox import app as sandbox_app

    served = set()
    for module in vars(sandbox_app).values():
        router = getattr(module, "router", None)
        if router is None or module is sandbox_app or module.__name__.endswith("routes_admin"):
            continue
        served |= {(r.name, sorted(r.methods)[0], r.path) for r in router.routes
                   if isinstance(r, APIRoute)}
    assert served == set(ROUTES)
    assert route_of("GET", "/api/v1/cases/Z123?x=1") == ("cases.get", {"zaaknummer": "Z123"})


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, IND_TUI_HOME=str(home), PYTHONPATH=os.getcwd())
    return subprocess.run([sys.executable, "-m", "ind_tui", "--lang", "en", "support",
                           "reproduce", *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)


async def test_the_command_starts_a_child_sandbox_and_gets_the_same_code(tmp_path: Path
                                                                          ) -> None:
    bundle = await _bundle_after(tmp_path, "sponsor-eh3", _submit_during_503, "FilingScreen")
    path = next(tmp_path.glob("ind-tui-support-*.zip"))
    assert bundle["report.json"]["failure"]["code"] == "service_unavailable"
    home = tmp_path / "support-home"
    done = _cli(home, str(path), "--check", "--format", "json",
                "--save-scenario", str(tmp_path / "out.toml"))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["answered"] == "service_unavailable"
    assert out["sandbox"].startswith("http://127.0.0.1:")
    assert any("applications.submit" in line for line in out["reproduced"])
    # The sandbox had its own folder, not the home it was started from, and is gone.
    assert not (home / "data" / "sandbox.db").exists()
    assert "[[faults]]" in (tmp_path / "out.toml").read_text()
    shown = _cli(home, str(path), "--dry-run")
    assert shown.returncode == 0 and "Not reproduced" not in shown.stdout
    assert "applications.submit answers service_unavailable" in shown.stdout


async def _app_on(tmp_path: Path, bundle: dict[str, Any]) -> tuple[Any, Any]:
    """The reproduction's app (cli/reproduce.py) on a fresh in-process sandbox set to the
    bundle's plan."""
    from contextlib import asynccontextmanager

    import httpx

    from ind_tui.cli.reproduce import build_app
    from ind_tui.local.settings import Profile
    from ind_tui.local.startup import StartInfo
    from ind_tui.services.connect import connect
    from tests.conftest import ADMIN_TOKEN
    from tests.tui_helpers import PORTAL, sandbox_app

    sandbox = sandbox_app(tmp_path / "reproduced")
    steps = plan(bundle, identity_models())
    async with make_client(sandbox) as client:
        from ind_tui.client.sandbox_admin import SandboxAdmin

        await prepare(SandboxAdmin(client.http, ADMIN_TOKEN), steps)
    profile = Profile(name="reproduce", portal=PORTAL, token_store="memory")

    def connector() -> Any:
        @asynccontextmanager
        async def opened() -> Any:
            async with connect(profile, admin_token=ADMIN_TOKEN,
                               transport=httpx.ASGITransport(app=sandbox)) as conn:
                yield conn

        return opened()

    return steps, build_app(steps, StartInfo("reproduce", PORTAL, "en"), connector)


@pytest.mark.parametrize(("identity", "act", "screen", "code"), [
    ("sponsor-eh3", _submit_during_503, "FilingScreen", "service_unavailable"),
    ("sponsor-eh2plus", _nothing, "LoginScreen", "eh_level_insufficient"),
], ids=["503-filing", "refused-login"])
async def test_the_app_opens_logged_in_and_shows_the_same_message(
        tmp_path: Path, identity: str, act: Act, screen: str, code: str) -> None:
    from ind_tui.tui.screens.shell.guidance import GuidanceScreen
    from ind_tui.tui.screens.shell.login import LoginScreen
    from tests.tui_helpers import wait_for

    bundle = await _bundle_after(tmp_path, identity, act, screen)
    steps, app = await _app_on(tmp_path, bundle)

    def shown() -> str:
        if isinstance(app.screen, GuidanceScreen | LoginScreen):
            return " ".join(str(w.render()) for w in app.screen.query("Static"))
        return ""

    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: f"Code: {code}" in shown())
        if steps.area == "login":
            assert isinstance(app.screen, LoginScreen) and app.context.me is None
        else:
            assert isinstance(app.screen, GuidanceScreen)
            assert app.context.me is not None and app.context.me.role.value == "sponsor"
            assert type(app.screen_stack[-2]).__name__ == "DraftsScreen"


def test_shell_completion_knows_the_command() -> None:
    from ind_tui.cli.completion import script

    bash = script("bash")
    assert "['ind-tui support']='show reproduce'" in bash
    assert "['ind-tui support reproduce']=@file" in bash


async def test_support_show_names_the_new_fields(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from ind_tui.cli import main

    await _bundle_after(tmp_path, "agent-delta", _lapse, "CasesScreen")
    path = next(tmp_path.glob("ind-tui-support-*.zip"))
    assert main(["support", "show", str(path)]) == 0
    shown = capsys.readouterr().out
    assert "bundle format: 2" in shown and "screen: CasesScreen" in shown
    assert "failed request: auth.refresh 400 session_expired" in shown
    assert "account: representative, EH3, acting for another company" in shown


def test_a_bundle_of_the_wrong_shape_reproduces_nothing_it_cannot_read() -> None:
    hostile = {"report.json": {
        "format_version": "2", "failure": "applications.submit", "account": ["sponsor"],
        "ids": {"case": "many", "other": [1, 2]}, "screen": {"x": 1},
        "portal_time": "2026-12-31T23:59", "last_write": 5},
        "error.json": {"code": "service_unavailable"}}
    steps = plan(hostile, identity_models())
    assert steps.identity == "sponsor-eh3" and steps.area == "home"
    assert steps.fault is None and steps.portal_time is not None
    assert steps.portal_time.tzinfo is not None
    keys = [n.key for n in steps.missing]
    assert "reproduce.old_format" in keys and "reproduce.no_fault" in keys
    assert [n.values for n in steps.missing if n.key == "reproduce.ids"] == [
        {"kind": "other", "count": 2}]
    forged = {"report.json": {"format_version": 2,
                              "failure": {"route": "sandbox.faults", "code": "internal_error"}}}
    assert plan(forged, identity_models()).fault is None  # only a portal route takes a fault


async def test_the_app_asks_to_log_in_again_where_the_session_lapsed(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.login import LoginScreen
    from tests.tui_helpers import wait_for

    bundle = await _bundle_after(tmp_path, "agent-delta", _lapse, "CasesScreen")
    steps, app = await _app_on(tmp_path, bundle)
    assert steps.expire_session
    async with app.run_test(size=(80, 24)) as pilot:
        # Logged in first (as the user was), then asked again at the bundle's time.
        await wait_for(pilot, lambda: app.context.me is not None)
        # ... and that screen done starting (its code shown): the app does not close under it.
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen) and app.screen.relogin
                       and app.screen.device is not None)
        assert app.context.now() >= steps.portal_time - timedelta(minutes=5)
