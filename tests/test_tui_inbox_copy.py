"""The inbox's copy on this computer, against the real sandbox: opening the inbox paints from
it at once while the portal is read again (and says so), it stays shown when the portal
fails, one portal's messages never show under another; the counts follow the filter."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from ind_tui.api.inbox import Message, MessageKind
from ind_tui.i18n import t, text
from ind_tui.i18n.format import local
from ind_tui.local.inbox_copy import InboxCopyStore
from ind_tui.sandbox.app import SandboxConfig, create_app
from ind_tui.tui.screens.inbox.screen import InboxScreen
from ind_tui.tui.widgets.load_state import LoadState
from tests.conftest import ADMIN_TOKEN
from tests.test_tui_inbox import _home, _inbox
from tests.tui_helpers import make_app, sandbox_app, wait_for

SIZE = (120, 36)


async def _open_slowly(pilot: Pilot[Any]) -> Any:
    """Open the inbox with the portal's answer held back: what shows meanwhile is local."""
    admin = pilot.app.context.conn.sandbox_admin()
    await admin.fault("messages.list", "latency", latency_ms=3000, count=1)
    await pilot.press("6")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, InboxScreen))
    return pilot.app.screen


async def test_the_inbox_paints_from_the_copy_then_refreshes(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    app = make_app(sandbox)
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        screen = await _inbox(pilot)
        portal_ids = [m.id for m in screen.shown]
        assert portal_ids
    again = make_app(sandbox)
    async with again.run_test(size=SIZE) as pilot:
        await _home(pilot)
        screen = await _open_slowly(pilot)
        await wait_for(pilot, lambda: screen.table.row_count > 0)
        line = screen.load_line
        # Drawn from the copy while the portal is still asked: said to be updating.
        assert screen.kept is not None and not screen.loaded
        assert line.state is LoadState.SHOWN and line.busy
        assert t("load.busy") in str(line.render())
        assert [m.id for m in screen.shown] == portal_ids[:len(screen.shown)]
        await wait_for(pilot, lambda: screen.loaded)
        assert screen.kept is None and not line.display
        assert [m.id for m in screen.shown] == portal_ids


async def test_the_copy_stays_shown_when_the_portal_fails(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    app = make_app(sandbox)
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        kept = len((await _inbox(pilot)).messages)
    again = make_app(sandbox, lang="nl")
    async with again.run_test(size=SIZE) as pilot:
        await _home(pilot)
        admin = again.context.conn.sandbox_admin()
        await admin.fault("messages.list", "unavailable", count=50)
        await pilot.press("6")
        await wait_for(pilot, lambda: isinstance(again.screen, InboxScreen)
                       and again.screen.load_line.is_failure)
        screen: Any = again.screen
        assert len(screen.messages) == kept == screen.table.row_count
        when = local(screen.kept.fetched_at, "nl")
        assert text("inbox.kept", "nl", when=when) in str(screen.load_line.render())


async def test_one_portals_messages_never_show_under_another(tmp_path: Path) -> None:
    first = create_app(SandboxConfig(db_path=tmp_path / "a.db", admin_token=ADMIN_TOKEN,
                                     device_interval=1, code_seed=7))
    second = create_app(SandboxConfig(db_path=tmp_path / "b.db", admin_token=ADMIN_TOKEN,
                                      device_interval=1, code_seed=7, extra_cases=300))
    app = make_app(first, portal="http://portal-a.test")
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        on_first = {m.id: m for m in (await _inbox(pilot)).messages}
    other = make_app(second, portal="http://portal-b.test")
    async with other.run_test(size=SIZE) as pilot:
        await _home(pilot)
        screen = await _open_slowly(pilot)
        await wait_for(pilot, lambda: screen.load_line.busy)
        assert screen.kept is None and screen.messages == []  # nothing of the first portal
        await wait_for(pilot, lambda: screen.loaded)
        on_second = {m.id: m for m in screen.messages}
        assert on_second != on_first  # the same ids may exist: they are other letters
        portal = {m.id: m for m in (await other.context.client.messages(unread=True))[0]}
        assert {i: m for i, m in on_second.items() if m.unread} == portal


async def test_the_counts_follow_the_filter(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path), lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        screen = await _inbox(pilot)
        total = len(screen.messages)
        one = screen.shown[0].zaaknummer
        matching = sum(m.zaaknummer == one for m in screen.messages)
        assert matching < total
        counts = screen.query_one("#inbox-counts")
        await pilot.press("slash", *f"case:{one}")
        await wait_for(pilot, lambda: screen.table.row_count == matching)
        assert f"{matching} van {total} berichten," in str(counts.render())
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen.table.row_count == total)
        assert str(counts.render()).startswith(f"{total} berichten,")


def _message(number: int, *, unread: bool, day: int) -> Message:
    return Message(id=f"M{number:09d}", kind=MessageKind.DECISION, zaaknummer="3100000001",
                   employee_name="Mei Chen", type_id="kennismigrant", subject="Besluit",
                   sent_at=datetime(2026, 11, day, 9, tzinfo=UTC),
                   read_at=None if unread else datetime(2026, 11, 28, tzinfo=UTC))


def test_the_copy_keeps_list_order_per_scope_and_survives_damage(tmp_path: Path) -> None:
    path = tmp_path / "inbox.db"
    store = InboxCopyStore(path)
    messages = [_message(1, unread=False, day=20), _message(2, unread=True, day=3),
                _message(3, unread=True, day=9), _message(4, unread=False, day=25)]
    at = datetime(2026, 12, 1, tzinfo=UTC)
    store.replace("portal-a work/1", messages, 40, at)
    kept = store.read("portal-a work/1")
    assert kept is not None and (kept.total, kept.fetched_at) == (40, at)
    assert [m.id for m in kept.messages] == ["M000000003", "M000000002", "M000000004",
                                             "M000000001"]
    first = store.read("portal-a work/1", 2)
    assert first is not None and [m.id for m in first.messages] == ["M000000003", "M000000002"]
    assert store.read("portal-b work/1") is None
    read = messages[2].model_copy(update={"read_at": at})
    store.update("portal-a work/1", read)
    again = store.read("portal-a work/1", 1)
    assert again is not None and again.messages[0].id == "M000000002"
    store.close()
    path.write_bytes(b"not a database at all" * 100)
    assert InboxCopyStore(path).read("portal-a work/1") is None
