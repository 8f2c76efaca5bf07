"""The TUI driven by keys (Textual Pilot) against the real sandbox, in-process."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ind_tui.i18n import t
from ind_tui.i18n.guidance import guidance
from ind_tui.sandbox.identities import identity_models
from tests.tui_helpers import login_as, make_app, sandbox_app, wait_for


async def test_login_by_keys_reaches_home(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.context.me is not None and app.context.me.person_name == "Anna de Vries"
        await wait_for(pilot, lambda: "Anna de Vries" in str(
            app.screen.query_one("#who-person").render()))
        assert app.screen.query_one("#sandbox").display


@pytest.mark.parametrize(
    "identity", [i for i in identity_models() if i.expected_error], ids=lambda i: i.name
)
async def test_each_login_failure_shows_its_guidance(tmp_path: Path, identity: object) -> None:
    from ind_tui.tui.screens.shell.login import LoginScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await login_as(pilot, identity.name)  # type: ignore[attr-defined]
        panel = app.screen.query_one("#login-failure")
        await wait_for(pilot, lambda: panel.display)
        text = str(panel.render())
        expected = guidance(identity.expected_error, "en")  # type: ignore[attr-defined]
        assert expected.title in text and expected.action.split()[0] in text
        assert isinstance(app.screen, LoginScreen) and app.context.me is None


async def test_representative_header_says_on_behalf(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 30)) as pilot:
        await login_as(pilot, "agent-noordzee")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                       and "on behalf of Noordzee Technology B.V." in str(
                           app.screen.query_one("#who-company").render()))
        areas = app.screen.query_one("#areas")
        assert areas.get_option("account").disabled  # with the reason, not hidden
        assert "only the sponsor itself" in str(areas.get_option("account").prompt)


async def _home(pilot: object, app: object) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    await login_as(pilot, "sponsor-eh3")  # type: ignore[arg-type]
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))  # type: ignore[arg-type,attr-defined]


async def test_change_administration_address(tmp_path: Path) -> None:
    from ind_tui.tui.screens.account.address import AddressScreen
    from ind_tui.tui.screens.account.screen import AccountScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await _home(pilot, app)
        await pilot.press("5")
        await wait_for(pilot, lambda: isinstance(app.screen, AccountScreen)
                       and app.screen.account is not None)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AddressScreen))
        await pilot.press(*"Coolsingel", "enter", *"40", "enter", *"3011ad", "enter",
                          *"Rotterdam", "enter", *"2026-10-30", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, AccountScreen)
                       and app.screen.query_one("#account-receipt").display)
        receipt = str(app.screen.query_one("#account-receipt").render())
        assert "13-11-2026" in receipt  # 2 weeks after the change
        await wait_for(pilot, lambda: "Coolsingel" in str(
            app.screen.query_one("#account-addresses").render()))


async def test_address_form_refuses_bad_input_and_keeps_it(tmp_path: Path) -> None:
    from ind_tui.tui.screens.account.address import AddressScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await _home(pilot, app)
        await pilot.press("5", "a")
        await wait_for(pilot, lambda: isinstance(app.screen, AddressScreen))
        await pilot.press(*"Street", "enter", *"1", "enter", *"12345", "enter", *"City",
                          "enter", *"30-10-2026", "enter")
        errors = str(app.screen.query_one("#address-errors").render())
        assert t("address.invalid_postcode") in errors and t("address.invalid_date") in errors
        assert app.screen.query_one("#f-street").value == "Street"


async def test_503_shows_guidance_and_keeps_the_screen(tmp_path: Path) -> None:
    from ind_tui.tui.screens.account.screen import AccountScreen
    from ind_tui.tui.screens.shell.guidance import GuidanceScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await _home(pilot, app)
        admin = app.context.conn.sandbox_admin()
        await admin.fault("account", "unavailable", count=20)
        await pilot.press("5")

        def shown() -> str:  # empty while the dialog is still being put up
            return " ".join(str(w.render()) for w in app.screen.query("Static"))

        await wait_for(pilot, lambda: isinstance(app.screen, GuidanceScreen)
                       and "service_unavailable" in shown())
        assert "request" in shown().lower()
        await pilot.press("escape")
        assert isinstance(app.screen, AccountScreen)
        await admin.clear_faults()
        await pilot.press("r")
        await wait_for(pilot, lambda: app.screen.account is not None)


async def test_session_expiry_asks_to_log_in_and_returns(tmp_path: Path) -> None:
    from ind_tui.tui.screens.account.screen import AccountScreen
    from ind_tui.tui.screens.shell.login import LoginScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await _home(pilot, app)
        await pilot.press("5")
        await wait_for(pilot, lambda: isinstance(app.screen, AccountScreen)
                       and app.screen.account is not None)
        # 91 days on: the access and the refresh token have both lapsed.
        await app.context.conn.sandbox_admin().advance(days=91)
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen))
        assert app.screen.relogin
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, AccountScreen))
        await wait_for(pilot, lambda: "2027" in str(
            app.screen.query_one("#account-company").render()))


async def test_report_bundle_has_no_tokens(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.report import ReportScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await _home(pilot, app)
        tokens = app.context.conn.client.session.tokens
        assert tokens is not None
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen))
        await pilot.press(*"Upload failed", "ctrl+s")
        await wait_for(pilot, lambda: app.screen.query_one("#report-result").display)
        bundles = list((Path(tmp_path) / "ind-home" / "data" / "support").glob("*.zip"))
        assert len(bundles) == 1
        with zipfile.ZipFile(bundles[0]) as zf:
            names = set(zf.namelist())
            blob = b"".join(zf.read(n) for n in names)
        assert {"screenshot.svg", "report.json", "requests.json", "mail.txt"} <= names
        assert tokens.access_token.encode() not in blob
        assert tokens.refresh_token.encode() not in blob
        assert b"sandbox.test" in blob
        assert b"12345678" in blob and b"Upload failed" in blob


async def test_palette_switches_language(tmp_path: Path) -> None:
    from textual.command import CommandList, CommandPalette

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await _home(pilot, app)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"nederlands")
        # The palette searches in the background: Enter picks the first hit once it is there.
        await wait_for(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Welkom" in str(app.screen.query_one(".title").render()))
        await wait_for(pilot, lambda: "Ververst" in str(
            app.screen.query_one("#refreshed").render()))


async def test_help_jump_and_keymap(tmp_path: Path) -> None:
    from ind_tui.tui.screens.account.screen import AccountScreen
    from ind_tui.tui.screens.shell.help import HelpScreen
    from ind_tui.tui.screens.shell.home import HomeScreen
    from ind_tui.tui.screens.shell.jump import JumpScreen
    from ind_tui.tui.screens.shell.report import ReportScreen

    app = make_app(sandbox_app(tmp_path), keymap={"app.report": "f12"})
    async with app.run_test(size=(100, 30)) as pilot:
        await _home(pilot, app)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "home.refresh" in text and "app.report" in text
        assert "Number keys open one directly" in text  # help for the focused list
        await pilot.press("escape", "colon")
        await wait_for(pilot, lambda: isinstance(app.screen, JumpScreen))
        await pilot.press(*"account", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, AccountScreen))
        # ctrl+r is remapped away: Esc right after it leaves the account screen rather than
        # closing a report (keys are handled in order, so no time needs to pass).
        await pilot.press("ctrl+r", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert not any(isinstance(s, ReportScreen) for s in app.screen_stack)
        await pilot.press("f12")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen))


async def test_report_that_cannot_be_written_keeps_the_text(tmp_path: Path) -> None:
    from ind_tui.local.paths import data_dir
    from ind_tui.tui.screens.shell.report import ReportScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await _home(pilot, app)
        (data_dir() / "support").write_text("a file where the folder should be")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen))
        await pilot.press(*"Upload failed", "ctrl+s")
        await wait_for(pilot, lambda: any("could not be written" in str(n.message)
                                          for n in app._notifications))
        assert isinstance(app.screen, ReportScreen)
        assert app.screen.query_one("#report-text").text == "Upload failed"
        assert not app.screen.query_one("#report-result").display
