"""`ind-tui open FILE.tfa`: a refused file is one line and exit 2 before anything starts; a
good one opens in the wizard right after login."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ind_tui.cli import EXIT_BAD_INPUT, build_parser, main
from ind_tui.local.drafts.bundle import bundle_bytes
from ind_tui.local.drafts.model import Draft
from ind_tui.local.drafts.session import DraftSession
from tests.tui_helpers import login_as, make_app, sandbox_app, wait_for


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("ind-tui: ")
    return err


def test_open_is_a_command() -> None:
    args = build_parser().parse_args(["--lang", "nl", "open", "x.tfa"])
    assert args.file == Path("x.tfa") and args.lang == "nl" and callable(args.handler)


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    err = refused(capsys, "open", str(tmp_path / "nowhere.tfa"))
    assert "nowhere.tfa" in err and "No such file" in err


def test_not_a_draft(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "notes.tfa"
    path.write_text("just some text\n")
    assert "bundle_unreadable" in refused(capsys, "open", str(path))


def test_hostile_zip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("../../etc/evil", b"x")
    path = tmp_path / "evil\nname.tfa"  # a control character in the name stays off stderr
    path.write_bytes(out.getvalue())
    err = refused(capsys, "open", str(path))
    assert "bundle_bad_name" in err and "evil?name.tfa" in err


def test_a_pack_is_not_a_draft(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "from-colleague.tfapack"
    path.write_bytes(b"PK")
    assert "drafts unpack" in refused(capsys, "open", str(path))


def test_unknown_form_in_dutch(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "future.tfa"
    path.write_bytes(bundle_bytes(Draft(form_id="form_of_the_future", form_version=1)))
    err = refused(capsys, "--lang", "nl", "open", str(path))
    assert "form_of_the_future" in err and "werk ind-tui bij" in err


def test_build_app_carries_the_path(tmp_path: Path) -> None:
    from ind_tui.cli.tui import build_app

    path = tmp_path / "x.tfa"
    assert build_app(None, None, "en", open_path=path).open_path == path
    assert build_app(None, None, "en").open_path is None


async def test_good_file_opens_in_the_wizard_after_login(tmp_path: Path) -> None:
    from ind_tui.cli.opener import check_draft
    from ind_tui.tui.screens.shell.home import HomeScreen

    session = DraftSession.new("hsm_first_mvv", profile="test", kvk="12345678",
                               directory=tmp_path)
    path = check_draft(session.path, "en")
    assert path == session.path.absolute()
    app = make_app(sandbox_app(tmp_path))
    app.open_path = path  # as build_app(..., open_path=) sets it for `ind-tui open`
    async with app.run_test(size=(120, 40)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        try:
            import ind_tui.tui.screens.wizard.screen  # noqa: F401
        except ModuleNotFoundError:
            await wait_for(pilot, lambda: any(path.name in n.message
                                              for n in app._notifications))
        else:
            await wait_for(pilot, lambda: type(app.screen).__name__ == "WizardScreen")
            assert app.screen.session.path == path  # type: ignore[attr-defined]
            wizard = app.screen
            # The wizard asks the portal for the fee as it opens: let that finish first.
            await wait_for(pilot, lambda: getattr(wizard, "fee", 0) is not None)
        # Home lies below, so Esc leads there; and the file is opened once, not per login.
        home = app.screen_stack[1]
        assert isinstance(home, HomeScreen)
        assert app.open_path is None
        await wait_for(pilot, lambda: "Anna de Vries" in str(
            home.query_one("#who-person").render()))  # home finished building below
