"""The documents page: attach by path (checked in the background), refusals with their
reason, the photo card, path completion, removing, and uploading to the sandbox."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList, Static

from ind_tui.i18n import set_language, t
from ind_tui.local.drafts.errors import Code, guidance
from ind_tui.local.drafts.session import DraftSession
from ind_tui.tui.screens.wizard.docs import DocumentsPane
from ind_tui.tui.widgets.confirm import ConfirmDialog
from ind_tui.tui.widgets.pathinput import PathInput, completions, expand
from tests.conftest_drafts import pdf_bytes, write_pdf
from tests.test_tui_wizard_review import session_for
from tests.tui_helpers import wait_for


class Host(App[None]):
    def __init__(self, session: DraftSession) -> None:
        super().__init__()
        self.session = session
        self.changes = 0

    def compose(self) -> ComposeResult:
        yield DocumentsPane(self.session, id="docs")

    def on_documents_pane_changed(self, _message: DocumentsPane.Changed) -> None:
        self.changes += 1


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def passport_session(tmp_path: Path) -> DraftSession:
    # Antecedents "yes": the form then asks for a passport copy.
    return session_for(tmp_path, antecedents=True, antecedents_details="A fine in 2019")


def slot_text(app: App[None], slot: str) -> str:
    options = app.query_one("#docs-slots", OptionList)
    return str(options.get_option(slot).prompt)


async def attach_by_keys(pilot: object, slot: str, path: Path) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    app.query_one(DocumentsPane).focus_slot(slot)
    await pilot.press("a")  # type: ignore[attr-defined]
    path_input = app.query_one("#docs-path", PathInput)
    assert app.focused is path_input
    path_input.value = str(path)
    await pilot.press("enter")  # type: ignore[attr-defined]


async def test_attach_a_good_pdf_in_the_background(tmp_path: Path) -> None:
    session = passport_session(tmp_path)
    write_pdf(tmp_path / "passport.pdf", pdf_bytes(pages=3))
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "not attached yet" in slot_text(app, "passport_copy")
        await attach_by_keys(pilot, "passport_copy", tmp_path / "passport.pdf")
        await wait_for(pilot, lambda: "passport_copy" in session.draft.documents)
        await wait_for(pilot, lambda: app.changes == 1)
        ref = session.draft.documents["passport_copy"]
        assert ref.name == "passport.pdf" and ref.pages == 3
        assert session.store.has(ref.sha256, ref.size)
        line = slot_text(app, "passport_copy")
        assert "✓" in line and "passport.pdf" in line and "3 p." in line
        assert "Attached passport.pdf: 3 pages" in str(
            app.query_one("#docs-status", Static).render())


async def test_a_bad_file_is_refused_with_its_reason_and_nothing_is_lost(tmp_path: Path
                                                                        ) -> None:
    session = passport_session(tmp_path)
    write_pdf(tmp_path / "good.pdf")
    session.attach("passport_copy", tmp_path / "good.pdf")
    before_answers = dict(session.draft.answers)
    before_ref = session.draft.documents["passport_copy"]
    (tmp_path / "letter.pdf").write_bytes(b"PK\x03\x04 a word document renamed to .pdf")
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await attach_by_keys(pilot, "passport_copy", tmp_path / "letter.pdf")
        panel = app.query_one("#docs-refused")
        await wait_for(pilot, lambda: panel.display)
        text = str(panel.render())
        assert guidance(Code.DOCUMENT_NOT_PDF, "en").split(".")[0] in text
        assert "document_not_pdf" in text
        assert "Not attached: letter.pdf" in str(panel.border_title)
        assert session.draft.answers == before_answers
        assert session.draft.documents["passport_copy"] == before_ref  # the old one stays
        assert app.changes == 0
        assert "good.pdf" in slot_text(app, "passport_copy")


async def test_an_80_mb_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    session = passport_session(tmp_path)
    huge = tmp_path / "scan.pdf"
    with open(huge, "wb") as f:  # sparse: the disk holds a few bytes, the size says 80 MB
        f.write(b"%PDF-1.7\n")
        f.seek(80 * 1024 * 1024)
        f.write(b"\n%%EOF\n")
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await attach_by_keys(pilot, "passport_copy", huge)
        panel = app.query_one("#docs-refused")
        await wait_for(pilot, lambda: panel.display)
        assert "document_too_large" in str(panel.render())
        assert "8 MB" in str(panel.render())
        assert "passport_copy" not in session.draft.documents
        assert list(session.store.hashes()) == []  # nothing kept in the store


async def test_a_missing_path_says_so(tmp_path: Path) -> None:
    session = passport_session(tmp_path)
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await attach_by_keys(pilot, "passport_copy", tmp_path / "nope.pdf")
        panel = app.query_one("#docs-refused")
        await wait_for(pilot, lambda: panel.display)
        assert "cannot be opened" in str(panel.render())


async def test_the_photo_card_explains_the_post_and_appointment_route(tmp_path: Path) -> None:
    session = passport_session(tmp_path)
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "cannot be uploaded" in slot_text(app, "photo_card")
        app.query_one(DocumentsPane).focus_slot("photo_card")
        await pilot.pause()
        detail = str(app.query_one("#docs-detail", Static).render())
        assert "by post" in detail.lower() and "appointment" in detail
        await pilot.press("enter")
        await pilot.pause()
        assert not app.query_one(DocumentsPane).has_class("-attaching")
        assert any("never uploaded" in n.message for n in app._notifications)


async def test_tab_completes_the_path(tmp_path: Path) -> None:
    session = passport_session(tmp_path)
    scans = tmp_path / "scans"
    scans.mkdir()
    write_pdf(scans / "passport-2026.pdf", pdf_bytes(pages=2))
    write_pdf(scans / "payslip-march.pdf")
    (scans / ".hidden.pdf").write_bytes(b"x")
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one(DocumentsPane).focus_slot("passport_copy")
        await pilot.press("a")
        path_input = app.query_one("#docs-path", PathInput)
        path_input.value = str(tmp_path / "sc")
        await pilot.press("tab")
        assert path_input.value == str(scans) + "/"
        await pilot.press("p", "a", "tab")  # passport- and payslip- share "pa"
        assert path_input.value == str(scans / "pa")
        await pilot.press("tab")  # no further: the names are listed instead
        matches = app.query_one("#docs-matches", Static)
        await wait_for(pilot, lambda: "passport-2026.pdf" in str(matches.render()))
        assert "payslip-march.pdf" in str(matches.render())
        assert ".hidden" not in str(matches.render())
        await pilot.press("s", "tab")
        assert path_input.value == str(scans / "passport-2026.pdf")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "passport_copy" in session.draft.documents)
        assert session.draft.documents["passport_copy"].pages == 2


def test_completions_expand_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Documents").mkdir()
    write_pdf(tmp_path / "Documents" / "passport.pdf")
    assert completions("~") == ["~/"]
    assert completions("~/Doc") == ["~/Documents/"]
    assert completions("~/Documents/pa") == ["~/Documents/passport.pdf"]
    assert expand("~/Documents/passport.pdf") == tmp_path / "Documents" / "passport.pdf"


async def test_the_greyed_suggestion_is_the_first_match(tmp_path: Path) -> None:
    session = passport_session(tmp_path)
    write_pdf(tmp_path / "werkgeversverklaring.pdf")
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one(DocumentsPane).focus_slot("passport_copy")
        await pilot.press("a")
        path_input = app.query_one("#docs-path", PathInput)
        path_input.value = str(tmp_path / "werk")
        await wait_for(pilot, lambda: path_input._suggestion.endswith("werkgeversverklaring.pdf"))
        await pilot.press("right")  # takes the suggestion
        assert path_input.value == str(tmp_path / "werkgeversverklaring.pdf")


async def test_detach_asks_first(tmp_path: Path) -> None:
    session = passport_session(tmp_path)
    write_pdf(tmp_path / "good.pdf")
    session.attach("passport_copy", tmp_path / "good.pdf")
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one(DocumentsPane).focus_slot("passport_copy")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        await pilot.pause()
        assert "passport_copy" in session.draft.documents and app.changes == 0
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: app.changes == 1)
        assert "passport_copy" not in session.draft.documents
        assert "not attached yet" in slot_text(app, "passport_copy")
        assert t("wizard.docs.detached", name="good.pdf") in str(
            app.query_one("#docs-status", Static).render())


async def test_a_document_not_on_this_computer_asks_to_reattach(tmp_path: Path) -> None:
    session = passport_session(tmp_path)
    write_pdf(tmp_path / "good.pdf")
    ref, _ = session.attach("passport_copy", tmp_path / "good.pdf")
    session.save()
    os.remove(session.store.path_for(ref.sha256))  # as if the draft came from a colleague
    reopened = DraftSession.open(session.path, session.store)
    assert reopened.missing == ("passport_copy",)
    app = Host(reopened)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "attach it again" in slot_text(app, "passport_copy")
        await attach_by_keys(pilot, "passport_copy", tmp_path / "good.pdf")
        await wait_for(pilot, lambda: reopened.missing == ())
        await wait_for(pilot, lambda: "✓" in slot_text(app, "passport_copy"))


async def test_upload_shows_progress_can_be_stopped_and_tried_again(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.base import PortalScreen
    from tests.test_tui_filing import fast_app
    from tests.tui_helpers import login_as, sandbox_app

    class DocsScreen(PortalScreen):
        def __init__(self, session: DraftSession) -> None:
            super().__init__()
            self.session = session

        def body(self) -> ComposeResult:
            yield DocumentsPane(self.session, id="docs")

    session = passport_session(tmp_path)
    session.attach("passport_copy", write_pdf(tmp_path / "p.pdf", pdf_bytes(2, pad=400_000)))
    answers = dict(session.draft.answers)
    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox)
    async with app.run_test(size=(100, 30)) as pilot:
        from ind_tui.tui.screens.shell.home import HomeScreen

        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        screen = DocsScreen(session)
        app.push_screen(screen)
        await wait_for(pilot, lambda: screen.query_one(DocumentsPane).evaluation is not None)
        pane = screen.query_one(DocumentsPane)
        admin = app.context.conn.sandbox_admin()
        await admin.fault("documents.upload", "latency", latency_ms=60_000)
        await pilot.press("u")
        await wait_for(pilot, lambda: pane.has_class("-uploading"))
        label = screen.query_one("#docs-upload-label", Static)
        await wait_for(pilot, lambda: "p.pdf" in str(label.render()))
        await pilot.press("c")  # stop it: the portal is slow today
        status = screen.query_one("#docs-status", Static)
        await wait_for(pilot, lambda: "Upload stopped" in str(status.render()))
        assert not pane.has_class("-uploading")
        assert session.draft.uploads == {} and session.draft.answers == answers
        await admin.clear_faults()
        await pilot.press("u")  # and again
        await wait_for(pilot, lambda: "Documents uploaded" in str(status.render()))
        ref = session.draft.documents["passport_copy"]
        assert ref.sha256 in session.draft.uploads
        bar = screen.query_one("#docs-progress")
        assert bar.total == ref.size and bar.progress == ref.size
        assert "uploaded" in slot_text(screen, "passport_copy")  # type: ignore[arg-type]
        assert session.draft.answers == answers
        db = sandbox.state.sandbox.db.read()
        stored = db.execute("SELECT sha256 FROM documents WHERE id=?",
                            (session.draft.uploads[ref.sha256],)).fetchone()
        assert stored["sha256"] == ref.sha256


async def test_the_page_starts_on_the_first_required_document(tmp_path: Path) -> None:
    """Visited before the answers asked for a passport copy, the page showed the photo card
    alone; on the next visit it starts on the passport copy, so `a` attaches it."""
    from ind_tui.tui.screens.wizard.issues import DOCUMENTS
    from tests.test_tui_wizard import new_draft, wizard

    async with wizard(tmp_path, new_draft(tmp_path)) as (pilot, screen):
        screen.show_page(DOCUMENTS)
        pane = screen.query_one(DocumentsPane)
        slots = pane.query_one("#docs-slots", OptionList)
        await wait_for(pilot, lambda: slots.highlighted_option is not None
                       and slots.highlighted_option.id == "photo_card")
        assert screen.focus_field("antecedents")
        await wait_for(pilot, lambda: screen.focused is not None
                       and screen.focused.id == "field-antecedents")
        await pilot.press("y")
        await wait_for(pilot, lambda: screen.session.draft.answers.get("antecedents") is True)
        screen.show_page(DOCUMENTS)
        await wait_for(pilot, lambda: slots.option_count == 2 and slots.has_focus)
        assert slots.highlighted_option is not None
        assert slots.highlighted_option.id == "passport_copy"
        await pilot.press("a")
        assert pane.attaching == "passport_copy"
