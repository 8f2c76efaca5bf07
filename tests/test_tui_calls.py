"""The one way a screen learns how a portal call went (`PortalApp.call`): an answer, a failure
the caller explains itself, or one the guidance panel already showed. Against the real
sandbox."""

from __future__ import annotations

from pathlib import Path

from ind_tui.api.errors import NotFoundError
from ind_tui.tui.context import Done, Failed
from tests.tui_helpers import login_as, make_app, sandbox_app, wait_for

UNKNOWN_CASE = "3999999999"


async def test_call_gives_done_or_failed(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.guidance import GuidanceScreen
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        client = app.context.client
        assert client is not None

        me = await app.call(client.me)
        assert isinstance(me, Done) and me.value.person_name == "Anna de Vries"

        # Handled by the caller: handed back, nothing shown.
        quiet = await app.call(lambda: client.case(UNKNOWN_CASE), handle=(NotFoundError,))
        assert isinstance(quiet, Failed) and isinstance(quiet.error, NotFoundError)
        assert not quiet.shown and not quiet.offline and quiet.or_none() is None
        assert not isinstance(app.screen, GuidanceScreen)

        # Not handled: the guidance panel says why, and the caller hears it was shown.
        shown = await app.call(lambda: client.case(UNKNOWN_CASE))
        assert isinstance(shown, Failed) and shown.shown
        await wait_for(pilot, lambda: isinstance(app.screen, GuidanceScreen))
        assert app.context.last_error is shown.error
