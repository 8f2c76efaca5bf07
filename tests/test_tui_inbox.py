"""The inbox and due-soon screens driven by keys (Textual Pilot) against the real sandbox:
unread first, views and filters, marking read, answering a request with PDFs (a bad one
refused before anything is sent), opening the case, the header count, and news announced
once."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from ind_tui.i18n import t
from ind_tui.i18n.format import plural
from ind_tui.sandbox.pdfgen import letter
from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, wait_for

SIZE = (120, 36)


def _record_announcements(app: Any) -> list[str]:
    seen: list[str] = []
    notify = app.notify

    def record(message: str, *, title: str = "", **options: Any) -> None:
        if title == t("inbox.announce.title"):
            seen.append(message)
        notify(message, title=title, **options)

    app.notify = record
    return seen


async def _home(pilot: Pilot[Any], identity: str = "sponsor-eh3") -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    await login_as(pilot, identity)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen)
                   and pilot.app.screen.query_one("#today").display)
    await home_settled(pilot)  # no look of home's still running when a test moves the clock


async def _inbox(pilot: Pilot[Any]) -> Any:
    from ind_tui.tui.screens.inbox.screen import InboxScreen

    await pilot.press("colon", *"inbox", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, InboxScreen)
                   and pilot.app.screen.loaded)
    return pilot.app.screen


def _header(app: Any) -> str:
    return str(app.screen.query_one("#unread").render())


async def test_unread_first_views_filters_and_mark_read(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        unread = app.context.inbox_unread
        assert unread > 0 and _header(app) == t("header.unread", n=unread)
        screen = await _inbox(pilot)
        marks = [m.unread for m in screen.shown]
        assert marks == sorted(marks, reverse=True) and sum(marks) == unread
        assert screen.table.model.rows[0][0] == "●"
        await pilot.press("2")
        assert screen.shown and all(m.unread for m in screen.shown)
        await pilot.press("3")
        assert screen.shown and all(m.state and m.state.value == "open" for m in screen.shown)
        await pilot.press("1", "c")
        zaak = screen.shown[0].zaaknummer
        assert {m.zaaknummer for m in screen.shown} == {zaak}
        assert t("inbox.only_case", zaak=zaak) in str(screen.query_one("#inbox-facets").render())
        await pilot.press("c", "e")
        name = screen.shown[0].employee_name
        assert {m.employee_name for m in screen.shown} == {name}
        await pilot.press("e")
        everything = len(screen.shown)
        await pilot.press("slash", *"kind:decision", "enter")
        view = [screen.shown[i] for i in screen.table.model.view]
        assert 0 < len(view) < everything and {m.kind.value for m in view} == {"decision"}
        await pilot.press("escape")  # closes the filter
        assert screen.table.row_count == everything
        # Mark the first (unread) message read: the count in the header goes down.
        first = screen.shown[0]
        assert first.unread
        await pilot.press("home", "m")
        await wait_for(pilot, lambda: app.context.inbox_unread == unread - 1)
        assert not next(m for m in screen.messages if m.id == first.id).unread
        await wait_for(pilot, lambda: _header(app) == t("header.unread", n=unread - 1))


async def _open_request(pilot: Pilot[Any]) -> Any:
    from ind_tui.tui.screens.inbox.message import MessageScreen

    screen = await _inbox(pilot)
    await pilot.press("3", "home", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, MessageScreen)
                   and pilot.app.screen.message is not None
                   and not pilot.app.screen.message.unread)
    assert screen.shown[0].id == pilot.app.screen.message_id
    return pilot.app.screen


async def test_answer_with_pdfs_a_bad_one_refused_first(tmp_path: Path) -> None:
    from ind_tui.tui.screens.inbox.answer import AnswerScreen
    from ind_tui.tui.screens.shell.guidance import GuidanceScreen

    good = tmp_path / "good.pdf"
    good.write_bytes(letter(["a signed contract"]))
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"this is a photo, not a PDF")
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        detail = await _open_request(pilot)
        message = detail.message
        keys = [d.key for d in message.requested]
        before = await app.context.conn.client.case_documents(message.zaaknummer)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnswerScreen))
        answer = app.screen
        for n, key in enumerate(keys):
            answer.query_one(f"#path-{key}").value = str(bad if n == 0 else good)
        await pilot.press("ctrl+s")
        first = answer.query_one(f"#check-{keys[0]}")
        await wait_for(pilot, lambda: "✗" in str(first.render()))
        assert "not a PDF" in str(first.render())
        assert t("inbox.answer.fix") in str(answer.query_one("#answer-status").render())
        after = await app.context.conn.client.case_documents(message.zaaknummer)
        assert len(after.documents) == len(before.documents), "nothing was uploaded"
        answer.query_one(f"#path-{keys[0]}").value = str(good)
        # The portal keeps failing on the answer itself (a single failure is sent again under
        # the same key): the documents went up, the paths stay, and sending again does not
        # upload them a second time.
        admin = app.context.conn.sandbox_admin()
        await admin.fault("messages.answer", "server_error")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, GuidanceScreen))
        await admin.clear_faults()
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is answer and t("inbox.answer.kept") in str(
            answer.query_one("#answer-status").render()))
        assert answer.query_one(f"#path-{keys[0]}").value == str(good)
        assert len(answer.uploaded.documents) == len(keys)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is detail and detail.receipt is not None)
        receipt = detail.receipt
        assert detail.message.state.value == "answered"
        assert receipt.decision_deadline < receipt.previous_decision_deadline
        text = str(detail.query_one("#message-receipt").render())
        assert str(receipt.suspended_days) in text
        uploads = [d for d in (await app.context.conn.client.case_documents(message.zaaknummer))
                   .documents if d.kind == "upload"]
        assert len(uploads) == len(keys)
        # A request that is answered offers no answer key any more.
        assert detail.check_action("answer", ()) is False


async def test_open_the_case_from_a_message(tmp_path: Path) -> None:
    from ind_tui.tui.screens.cases.detail import CaseDetailScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        detail = await _open_request(pilot)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen))
        assert app.screen.zaaknummer == detail.message.zaaknummer
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is detail)


async def test_news_is_announced_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      _isolated_home: Path) -> None:
    from ind_tui.tui.screens.inbox.watch import look_now

    config = _isolated_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text("bell = true\n", encoding="utf-8")
    app = make_app(sandbox_app(tmp_path))
    seen = _record_announcements(app)
    bells: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(1))
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        await wait_for(pilot, lambda: len(seen) == 1)
        unread = app.context.inbox_unread
        assert str(unread) in seen[0] and bells == [1]
        await pilot.press("r")  # home looks again: nothing new to tell
        await home_settled(pilot)
        assert await look_now(app) is not None
        assert len(seen) == 1
        # A day on, the next refresh brings a request for information: told once.
        admin = app.context.conn.sandbox_admin()
        await admin.advance(days=1)
        news = await look_now(app)
        assert news is not None and len(news.new_messages) >= 1
        assert len(seen) == 2 and t("inbox.kind.info_request") in seen[1]
        # The case the request is about changed status too: told in the same notification.
        assert news.changed_cases >= 1
        assert plural("inbox.announce.cases", news.changed_cases) in seen[1]
        assert app.context.inbox_unread == news.unread > unread
        await look_now(app)
        assert len(seen) == 2 and len(bells) == 2


async def test_due_soon_lists_and_goes_to_the_request(tmp_path: Path) -> None:
    from ind_tui.tui.screens.account.address import AddressScreen
    from ind_tui.tui.screens.appointments.screen import AppointmentsScreen
    from ind_tui.tui.screens.due.screen import DateScreen, DueScreen
    from ind_tui.tui.screens.employees.screen import EmployeesScreen
    from ind_tui.tui.screens.inbox.message import MessageScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        await pilot.press("colon", *"due", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DueScreen)
                       and app.screen.due is not None)
        due = app.screen.due
        dates = [item.due for item in due.items]
        assert dates == sorted(dates)
        kinds = {item.kind for item in due.items}
        assert {"information", "deregister", "extension_window"} <= kinds
        index = next(i for i, item in enumerate(due.items) if item.kind == "information")
        app.screen.table.jump_to(index)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen)
                       and app.screen.message is not None)
        assert app.screen.message_id == due.items[index].message_id
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, DueScreen))
        # A noted change of administration address: due in 2 weeks, Enter opens the form.
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, DateScreen))
        await pilot.press(*"2026-10-30", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DueScreen) and any(
            i.kind == "address" for i in app.screen.due.items))
        due_screen = app.screen  # (the date dialog may still have been up right after Enter)
        targets = {"address": AddressScreen, "appointment": AppointmentsScreen,
                   "deregister": EmployeesScreen}
        for kind, screen_class in targets.items():
            items = due_screen.due.items
            due_screen.table.jump_to(next(i for i, x in enumerate(items) if x.kind == kind))
            await pilot.press("enter")
            await wait_for(pilot, lambda cls=screen_class: isinstance(app.screen, cls))
            for _ in range(5):  # Esc until back (a form may first take one for itself)
                if app.screen is due_screen:
                    break
                await pilot.press("escape")
                await pilot.pause()
            await wait_for(pilot, lambda: app.screen is due_screen)
        address = next(i for i in due_screen.due.items if i.kind == "address")
        assert address.due == date(2026, 11, 13)


async def test_what_the_inbox_showed_is_not_announced_again(tmp_path: Path) -> None:
    from ind_tui.local.inbox_store import InboxStore
    from ind_tui.tui.screens.inbox.watch import look_now

    app = make_app(sandbox_app(tmp_path))
    seen = _record_announcements(app)
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        await wait_for(pilot, lambda: len(seen) == 1)
        await app.context.conn.sandbox_admin().advance(days=1)
        screen = await _inbox(pilot)  # the new request is on screen: the user has seen it
        newest = max((m for m in screen.messages if m.kind.value == "info_request"),
                     key=lambda m: m.sent_at)
        assert newest.unread
        scope = app.context.scope
        assert scope is not None
        await wait_for(pilot, lambda: newest.id in InboxStore().announced(scope))
        # Only what is told after the list showed it counts: a look of home's that ran
        # before (on a slow machine it may) was right to tell it.
        told_before = len(seen)
        news = await look_now(app)
        assert news is not None and news.unread > 0 and news.new_messages == []
        assert all(t("inbox.kind.info_request") not in text for text in seen[told_before:])
