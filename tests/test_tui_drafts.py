"""The drafts screen driven by keys against the real sandbox: the list with progress and
missing documents, open, rename, copy, delete, pack and unpack, hostile files, home lines."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from ind_tui.base.atomic import atomic_write_bytes
from ind_tui.domain.forms.engine import evaluate
from ind_tui.local import paths
from ind_tui.local.drafts.bundle import bundle_bytes, list_drafts, read_bundle
from ind_tui.local.drafts.session import DraftSession
from ind_tui.local.drafts.store import DocumentStore
from ind_tui.services.draft_copy import person_fields
from tests.conftest_drafts import write_pdf
from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, wait_for

FORM = "hsm_first_mvv"
KVK = "12345678"


def make_draft(name: str | None = None, *, employee: str | None = None,
               passport: Path | None = None, key: str | None = None,
               changed: datetime | None = None) -> Path:
    """A draft whose answers make the passport copy required (antecedents: yes)."""
    session = DraftSession.new(FORM, profile="test", kvk=KVK)
    session.set_answer("antecedents", True)
    if employee is not None:
        session.set_answer("employee_name", employee)
    if passport is not None:
        session.attach("passport_copy", passport)
    session.draft.idempotency_key = key
    session.save()
    path = session.path
    if name is not None:
        path = path.with_name(name)
        session.path.rename(path)
    if changed is not None:
        set_changed(path, changed)
    return path


def set_changed(path: Path, when: datetime) -> None:
    """Rewrite a draft with a given last change (saving would stamp the current time)."""
    draft = read_bundle(path)
    draft.created_at = draft.updated_at = when
    atomic_write_bytes(path, bundle_bytes(draft))


def hostile_tfa(folder: Path) -> Path:
    """A zip whose entry climbs out of the folder: refused before anything is read."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("../../evil.json", b"{}")
    path = folder / "from-a-stranger.tfa"
    path.write_bytes(out.getvalue())
    return path


async def open_drafts(pilot: Pilot[Any], identity: str = "sponsor-eh3") -> Any:
    from ind_tui.tui.screens.drafts.screen import DraftsScreen
    app = pilot.app
    await login_as(pilot, identity)
    await home_settled(pilot)
    await pilot.press("2")
    await wait_for(pilot, lambda: isinstance(app.screen, DraftsScreen) and app.screen.loaded)
    return app.screen


def row_texts(screen: Any) -> list[list[str]]:
    table = screen.table
    return [table.model.cell_texts(i) for i in table.model.view]


def detail(screen: Any) -> str:
    return str(screen.query_one("#drafts-detail").render())


def cursor_to(screen: Any, path: Path) -> None:
    table = screen.table
    for pos, index in enumerate(table.model.view):
        if screen.rows[index].path == path:
            table.jump_to(pos)
            return
    raise AssertionError(f"{path.name} not listed")


async def test_list_shows_progress_missing_documents_and_unreadable(tmp_path: Path) -> None:
    passport = write_pdf(tmp_path / "passport.pdf")
    with_doc = make_draft(employee="Jan Jansen", passport=passport,
                          changed=datetime(2026, 2, 1, 9, 30, tzinfo=UTC))
    bare = make_draft(changed=datetime(2026, 2, 2, 9, 30, tzinfo=UTC))
    bad = hostile_tfa(paths.drafts_dir())
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_drafts(pilot)
        today = app.context.conn.client.clock.today()
        rows = {r.path: r for r in screen.rows}
        assert set(rows) == {with_doc, bare, bad}
        # Progress is the form engine's own count for the answers and documents present.
        draft = read_bundle(with_doc)
        expected = evaluate(FORM, draft.answers, today=today, documents={"passport_copy"})
        assert (rows[with_doc].done, rows[with_doc].required) == (
            expected.done_count, expected.required_count)
        assert rows[with_doc].done > rows[bare].done
        texts = {r[1]: r for r in row_texts(screen) if r[1]}
        assert texts["Jan Jansen"][3] == f"{expected.done_count}/{expected.required_count}"
        # Newest change first, the unreadable file last, with its reason in the row.
        listed = [screen.rows[i].path for i in screen.table.model.view]
        assert listed == [bare, with_doc, bad]
        assert "unreadable: bundle_bad_name" in row_texts(screen)[-1][1]
        # The bare draft still needs the passport copy: the panel names it.
        cursor_to(screen, bare)
        await pilot.pause()
        assert [label.en for label in rows[bare].missing] == ["Passport copy"]
        assert "Documents still needed (1): Passport copy" in detail(screen)
        assert row_texts(screen)[0][5] == "1"
        cursor_to(screen, with_doc)
        await pilot.pause()
        assert "No required document is missing" in detail(screen)
        cursor_to(screen, bad)
        await pilot.pause()
        assert "bundle_bad_name" in detail(screen) and "cannot be opened" in detail(screen)
        await pilot.press("enter")  # refused with a reason, nothing opens
        await pilot.pause()
        assert app.screen is screen


async def test_reattach_named_when_the_store_lacks_a_document(tmp_path: Path) -> None:
    passport = write_pdf(tmp_path / "passport.pdf")
    path = make_draft(employee="Eva", passport=passport)
    ref = read_bundle(path).documents["passport_copy"]
    DocumentStore().remove(ref.sha256)  # as on a colleague's computer
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_drafts(pilot)
        row = screen.rows[0]
        assert [label.en for label in row.reattach] == [label.en for label in row.missing]
        assert "attach again here" in detail(screen)


async def test_open_goes_to_the_wizard(tmp_path: Path) -> None:
    path = make_draft(employee="Open Me")
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_drafts(pilot)
        await pilot.press("enter")
        try:
            import ind_tui.tui.screens.wizard.screen  # noqa: F401
        except ModuleNotFoundError:
            await wait_for(pilot, lambda: any(path.name in n.message
                                              for n in app._notifications))
        else:
            await wait_for(pilot, lambda: type(app.screen).__name__ == "WizardScreen")
            assert app.screen is not screen
            await wait_for(pilot, lambda: app.screen.query_one("#who-person").is_mounted)
            # The wizard asks the portal for the fee as it opens: let that finish first.
            await wait_for(pilot, lambda: getattr(app.screen, "fee", 0) is not None)


async def test_rename_and_refuse_a_clash(tmp_path: Path) -> None:
    first = make_draft(employee="A")
    second = make_draft(employee="B")
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_drafts(pilot)
        cursor_to(screen, first)
        await pilot.press("r")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "PromptDialog")
        await pilot.press("ctrl+u", *"Jansen blue card", "enter")
        renamed = first.with_name("Jansen blue card.tfa")
        await wait_for(pilot, lambda: app.screen is screen and renamed.exists())
        assert not first.exists()
        await wait_for(pilot, lambda: screen.current is not None
                       and screen.current.path == renamed)
        # The other draft may not take the same name: the dialog says so and keeps the text.
        cursor_to(screen, second)
        await pilot.press("r")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "PromptDialog")
        await pilot.press("ctrl+u", *"Jansen blue card", "enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "PromptDialog"
                       and app.screen.error != "")
        assert "already a file called" in app.screen.error
        assert app.screen.query_one("#prompt-input").value == "Jansen blue card"
        await pilot.press("ctrl+u", *"../escape", "enter")
        await wait_for(pilot, lambda: "no folder" in getattr(app.screen, "error", ""))
        await pilot.press("escape")
        assert second.exists() and renamed.exists()
        assert read_bundle(renamed).answers["employee_name"] == "A"


async def test_duplicate_is_a_new_application(tmp_path: Path) -> None:
    passport = write_pdf(tmp_path / "passport.pdf")
    path = make_draft(employee="Twin", passport=passport, key="key-of-the-first-filing")
    source = read_bundle(path)
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_drafts(pilot)
        await pilot.press("c")  # asks whether the person comes along: y, with them
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionDialog")
        await pilot.press("y")
        await wait_for(pilot, lambda: len(screen.rows) == 2)
        copy = next(r for r in screen.rows if r.path != path)
        assert screen.current is not None and screen.current.path == copy.path
        twin = read_bundle(copy.path)
        assert twin.draft_id != source.draft_id
        assert twin.idempotency_key is None and copy.stage is None
        assert twin.answers == source.answers and twin.documents == source.documents
        assert read_bundle(path).idempotency_key == "key-of-the-first-filing"
        # Enter answers the default, without the person: their name and papers stay behind.
        cursor_to(screen, path)
        await pilot.press("c")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionDialog")
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(screen.rows) == 3)
        bare = read_bundle(screen.current.path)
        assert bare.draft_id not in (twin.draft_id, source.draft_id)
        assert "employee_name" not in bare.answers and bare.documents == {}
        person = person_fields(FORM)
        assert bare.answers == {k: v for k, v in source.answers.items() if k not in person}
        assert bare.kvk == KVK
        # Esc cancels: nothing is copied.
        await pilot.press("c")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionDialog")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert len(list_drafts()) == 3


async def test_delete_asks_first(tmp_path: Path) -> None:
    path = make_draft(employee="Keep or not", key="a-started-submission")
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_drafts(pilot)
        await pilot.press("d")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmDialog")
        question = str(app.screen.query_one("#confirm-question").render())
        assert "filing or charging twice" in question
        await pilot.press("enter")  # a stray Enter never deletes: it presses No
        await wait_for(pilot, lambda: app.screen is screen)
        assert path.exists()
        await pilot.press("d")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmDialog")
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen is screen)
        assert path.exists()
        await pilot.press("d")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmDialog")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert path.exists()
        await pilot.press("d")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmDialog")
        await pilot.press("y")
        await wait_for(pilot, lambda: not path.exists() and screen.rows == [])
        assert "No drafts saved yet" in screen.table.empty_text


async def test_pack_then_unpack_round_trip(tmp_path: Path) -> None:
    passport = write_pdf(tmp_path / "passport.pdf")
    path = make_draft("Colleague.tfa", employee="Packed", passport=passport)
    original = read_bundle(path)
    sha = original.documents["passport_copy"].sha256
    out = tmp_path / "outbox"
    out.mkdir()
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_drafts(pilot)
        await pilot.press("p")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "PromptDialog")
        app.screen.query_one("#prompt-input").value = str(out)  # a folder: the name is added
        await pilot.press("enter")
        packed = out / "Colleague.tfapack"
        await wait_for(pilot, lambda: packed.exists() and app.screen is screen)
        await wait_for(pilot, lambda: any("1 document" in n.message
                                          for n in app._notifications))
        # Packing again to the same place is refused: never over an existing file.
        await pilot.press("p")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "PromptDialog")
        app.screen.query_one("#prompt-input").value = str(packed)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "exists already" in getattr(app.screen, "error", ""))
        await pilot.press("escape")
        # The colleague's side: no draft, no document, then unpack.
        path.unlink()
        DocumentStore().remove(sha)
        screen.action_reload()
        await wait_for(pilot, lambda: screen.rows == [])
        await pilot.press("u")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "PromptDialog")
        app.screen.query_one("#prompt-input").value = str(packed)
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(screen.rows) == 1 and app.screen is screen)
        row = screen.rows[0]
        assert row.path == path and row.reattach == ()
        again = read_bundle(path)
        assert again.answers == original.answers and again.draft_id == original.draft_id
        assert DocumentStore().verify(sha)


async def test_unpack_refuses_a_file_that_is_not_a_pack(tmp_path: Path) -> None:
    stranger = hostile_tfa(tmp_path)
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_drafts(pilot)
        await pilot.press("u")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "PromptDialog")
        await pilot.press(*str(stranger), "enter")
        await wait_for(pilot, lambda: "bundle_bad_name" in getattr(app.screen, "error", ""))
        await pilot.press("escape")
        assert screen.rows == [] and list_drafts() == []


async def test_home_lines(tmp_path: Path) -> None:
    from ind_tui.tui.screens.drafts.home import home_lines

    app = make_app(sandbox_app(tmp_path))
    assert await home_lines(app) == []
    make_draft(employee="one")
    assert await home_lines(app) == ["1 draft"]
    make_draft(employee="two", key="submission-in-flight")
    make_draft(employee="three")
    assert await home_lines(app) == ["3 drafts, 1 not yet paid"]
    hostile_tfa(paths.drafts_dir())
    assert await home_lines(app) == ["4 drafts, 1 not yet paid, 1 unreadable"]


async def test_home_screen_shows_the_drafts_line(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    make_draft(employee="one")
    make_draft(employee="two")
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 34)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                       and "2 drafts" in str(app.screen.query_one("#today").render()))


def test_rows_follow_the_last_change(tmp_path: Path) -> None:
    """Saving an old draft brings it to the top of the list."""
    from ind_tui.tui.screens.drafts.files import collect

    older = make_draft(employee="older", changed=datetime(2026, 1, 5, 8, 0, tzinfo=UTC))
    newer = make_draft(employee="newer", changed=datetime(2026, 1, 6, 8, 0, tzinfo=UTC))
    assert [r.path for r in collect(date(2026, 3, 1))] == [newer, older]
    set_changed(older, datetime(2026, 1, 7, 8, 0, tzinfo=UTC))
    assert [r.path for r in collect(date(2026, 3, 1))] == [older, newer]


def filed(stage: str, fee: int, *, employee: str) -> Path:
    """A draft with the filing state drafts/filing.py leaves after each step."""
    from ind_tui.local.drafts.model import FilingReceipt, FilingStage

    path = make_draft(employee=employee, key=f"key-{employee}")
    draft = read_bundle(path)
    draft.stage = FilingStage(stage)
    draft.application_id, draft.fee_eur = f"APP-{employee}", fee
    if stage in ("paid", "done") and fee:
        draft.payment_key = f"pay-{employee}"
    if stage == "done":
        draft.receipt = FilingReceipt(
            zaaknummer="Z2026-0001", receipt_date=date(2026, 11, 2),
            decision_deadline=date(2027, 1, 31), payment_reference="PAY-1",
            paid_at=datetime(2026, 11, 2, 9, 0, tzinfo=UTC))
    atomic_write_bytes(path, bundle_bytes(draft))
    return path


async def test_filing_stages_as_the_filing_left_them(tmp_path: Path) -> None:
    from ind_tui.tui.screens.drafts.home import home_lines

    unpaid = filed("submitted", 423, employee="Unpaid")
    free = filed("submitted", 0, employee="Free")
    done = filed("done", 423, employee="Done")
    maybe = make_draft(employee="Maybe", key="sent-but-no-answer")
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_drafts(pilot)
        assert done not in {r.path for r in screen.rows}  # filed: hidden unless asked
        await pilot.press("f")
        await wait_for(pilot, lambda: len(screen.rows) == 4)
        stages = {r.path: r.stage for r in screen.rows}
        assert stages == {unpaid: "awaiting_payment", free: "submitted", done: "done",
                          maybe: "started"}
        shown = {r[1]: r[4] for r in row_texts(screen)}
        assert shown == {"Unpaid": "not yet paid", "Free": "submitted", "Done": "filed",
                         "Maybe": "sent, not confirmed"}
        cursor_to(screen, done)
        await pilot.pause()
        assert "Filed as case Z2026-0001; decision due by 31-01-2027" in detail(screen)
        cursor_to(screen, maybe)
        await pilot.pause()
        assert "not confirmed yet" in detail(screen)
        # A copy of a filed draft starts afresh: no key, no application, no receipt.
        cursor_to(screen, done)
        await pilot.press("c")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionDialog")
        await pilot.press("y")
        await wait_for(pilot, lambda: len(screen.rows) == 5)
        copy = read_bundle(screen.current.path)
        assert (copy.idempotency_key, copy.application_id, copy.receipt, copy.uploads) == (
            None, None, None, {})
        assert str(copy.stage) == "not_sent" and screen.current.stage is None
    assert await home_lines(app) == ["4 drafts, 2 not yet paid"]  # the filed one not counted
