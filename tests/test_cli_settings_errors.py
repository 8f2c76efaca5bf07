"""A settings problem on the command line (an unknown --profile, a settings file that cannot
be read) is said in the chosen language with what to do, and exits 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from ind_tui.cli import EXIT_BAD_INPUT, main
from ind_tui.local.settings import config_path


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IND_TUI_HOME", str(tmp_path / "home"))


@pytest.mark.parametrize(("lang", "said"), [
    ("nl", "er is geen profiel 'nope' (bekend: sandbox). Geef een daarvan, of laat --profile weg."),
    ("en", "there is no profile 'nope' (known: sandbox). Give one of those, or leave out "
           "--profile."),
])  # fmt: skip
def test_an_unknown_profile(lang: str, said: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", lang, "--profile", "nope", "cases", "list"]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == f"ind-tui: {said}\n"


def test_a_settings_file_that_cannot_be_read(capsys: pytest.CaptureFixture[str]) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[profiles\n", encoding="utf-8")
    assert main(["--lang", "nl", "--profile", "work", "cases", "list"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith(f"ind-tui: het instellingenbestand {path} is niet te lezen: ")
    assert "Verbeter of verwijder het" in err
