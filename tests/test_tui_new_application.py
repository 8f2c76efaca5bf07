"""Starting a new application: the portal's types for the logged-in account, fees and decision
periods, a draft file on Enter, and what happens when drafts of the form exist already."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from ind_tui.local.drafts.bundle import list_drafts, read_bundle
from ind_tui.local.drafts.session import DraftSession
from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, wait_for


async def open_new(pilot: Pilot[Any], identity: str) -> Any:
    from ind_tui.tui.screens.wizard.start import NewApplicationScreen

    app = pilot.app
    await login_as(pilot, identity)
    await home_settled(pilot)
    await pilot.press("1")
    await wait_for(pilot, lambda: isinstance(app.screen, NewApplicationScreen)
                   and app.screen.types is not None
                   and app.screen.query_one("#new-types").display)
    return app.screen


def option_ids(screen: Any) -> list[str]:
    options = screen.query_one("#new-types").options
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


def prompt(screen: Any, type_id: str) -> str:
    options = screen.query_one("#new-types").options
    return str(options.get_option(type_id).prompt)


async def portal_types(app: Any) -> list[Any]:
    types: list[Any] = await app.context.conn.client.application_types()
    return types


async def test_a_sponsor_and_a_research_institution_see_different_types(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    app = make_app(sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_new(pilot, "sponsor-eh3")
        sponsor = await portal_types(app)
        assert option_ids(screen) == [k.id for k in sponsor]
        assert "hsm_first_mvv" in option_ids(screen) and "researcher" not in option_ids(screen)
        mvv = next(k for k in sponsor if k.id == "hsm_first_mvv")
        text = prompt(screen, "hsm_first_mvv")
        assert mvv.name_en in text and f"€{mvv.fee_eur:,}" in text
        assert f"decision within {mvv.decision_days} days" in text
        assert "for Noordzee Technology B.V. (KvK 12345678)" in str(
            screen.query_one("#new-for").render())
    app = make_app(sandbox)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_new(pilot, "research-eh3")
        research = await portal_types(app)
        assert option_ids(screen) == [k.id for k in research]
        assert set(option_ids(screen)) == {"researcher", "position_notification"}


async def test_filter_narrows_the_list(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_new(pilot, "sponsor-eh3")
        await pilot.press("slash", *"blue", "enter")
        await wait_for(pilot, lambda: option_ids(screen) == ["eu_blue_card"])


async def test_enter_creates_a_draft_for_the_company_acted_for(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_new(pilot, "agent-noordzee")
        first = option_ids(screen)[0]
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(list_drafts()) == 1)
        draft = read_bundle(list_drafts()[0].path)
        # The agency files for Noordzee: the draft belongs to Noordzee's KvK, not its own.
        assert (draft.form_id, draft.kvk, draft.profile) == (first, "12345678", "test")
        assert draft.answers == {} and draft.idempotency_key is None
        try:
            import ind_tui.tui.screens.wizard.screen  # noqa: F401
        except ModuleNotFoundError:
            return
        await wait_for(pilot, lambda: type(app.screen).__name__ == "WizardScreen")
        await wait_for(pilot, lambda: app.screen.query_one("#who-person").is_mounted)
        # The wizard asks the portal for the fee as it opens: let that finish first.
        await wait_for(pilot, lambda: getattr(app.screen, "fee", 0) is not None)


async def test_existing_drafts_are_mentioned_before_another_is_started(tmp_path: Path) -> None:
    from ind_tui.tui.screens.drafts.screen import DraftsScreen

    DraftSession.new("eu_blue_card", profile="test", kvk="12345678")
    DraftSession.new("eu_blue_card", profile="test", kvk="56789012")  # another company's
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_new(pilot, "sponsor-eh3")
        assert "You already have 1 saved draft of" in prompt(screen, "eu_blue_card")
        assert "saved draft" not in prompt(screen, "ict")
        await pilot.press("slash", *"blue", "enter", "enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionDialog")
        await pilot.press("d")  # show those drafts instead
        await wait_for(pilot, lambda: isinstance(app.screen, DraftsScreen) and app.screen.loaded)
        drafts = app.screen
        assert drafts.table.row_count == 1  # the form's drafts of the company acted for
        assert {drafts.rows[i].draft.form_id for i in drafts.table.model.view} == {"eu_blue_card"}
        await pilot.press("escape", "escape")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionDialog")
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen is screen)
        assert len(list_drafts()) == 2
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionDialog")
        await pilot.press("y")
        await wait_for(pilot, lambda: len(list_drafts()) == 3)


async def test_an_account_that_may_not_file_is_told_why(tmp_path: Path) -> None:
    from ind_tui.api.auth import Service, ServiceAccess
    from ind_tui.tui.screens.wizard.start import NewApplicationScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_new(pilot, "employer-eh3")
        me = app.context.me
        services = [s if s.service is not Service.SUBMIT else
                    ServiceAccess(service=Service.SUBMIT, allowed=False,
                                  reason_code="not_recognised") for s in me.services]
        app.context.me = me.model_copy(update={"services": services})
        await app.push_screen(NewApplicationScreen())
        screen = app.screen
        await wait_for(pilot, lambda: "may not file applications: only for recognised"
                       in str(screen.query_one("#new-status").render()))
        assert screen.types is None and not screen.query_one("#new-types").display
