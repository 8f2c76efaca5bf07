"""An extra document for a case, by keys against the real sandbox: a dropped answer adds
nothing the second time, and the same file again on purpose asks first (default No)."""

from __future__ import annotations

from pathlib import Path

from ind_tui.sandbox.pdfgen import letter
from ind_tui.tui.widgets.confirm import ConfirmDialog
from tests.test_tui_cases import SIZE, open_case_where
from tests.tui_helpers import make_app, sandbox_app, wait_for


async def test_dropped_answer_then_the_same_file_again(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    salary = tmp_path / "salary.pdf"
    salary.write_bytes(letter(["Salary slip"]))
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_case_where(pilot, app, lambda r: r.status.status == "in_progress")
        zaak = detail.zaaknummer
        client = app.context.conn.client
        admin = app.context.conn.sandbox_admin()

        async def uploads() -> int:
            dossier = await client.case_documents(zaak)
            return sum(d.kind == "upload" and d.title == "salary.pdf" for d in dossier.documents)

        before = len(detail.dossier.documents)
        await admin.fault("cases.upload", "commit_then_drop", count=1)
        await pilot.press("u", *str(salary), "enter")
        await wait_for(pilot, lambda: detail.dossier is not None
                       and len(detail.dossier.documents) == before + 1)
        assert await uploads() == 1
        assert not detail.upload_keys  # answered: no key left waiting

        # The same file on purpose: asked first; Enter takes the default, No.
        await pilot.press("u", *str(salary), "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "salary.pdf" in app.screen.question
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is detail and not any(
            w.group == "case-upload" and not w.is_finished for w in app.workers))
        assert await uploads() == 1

        # Yes sends it: the dossier then holds two.
        await pilot.press("u", *str(salary), "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: detail.dossier is not None
                       and len(detail.dossier.documents) == before + 2)
        assert await uploads() == 2
