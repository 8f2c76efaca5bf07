"""In Dutch, the command line says nothing in English: a walk through every command (each
one's `--help` too, and the refusals of argparse and of the commands) as a payroll agency
and as a sponsor's agency, against a sandbox served over a socket, that fails on any text of
the English catalogue that Dutch writes differently (the detector of the TUI's Dutch walk)
or on argparse's own English. The language is the saved one: no `--lang` is given."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from ind_tui.cli import main
from ind_tui.cli.completion import tree
from ind_tui.i18n import set_language
from ind_tui.local.settings import set_language_setting
from tests.test_cli_session import ADMIN, FILE_STORE, served
from tests.test_tui_dutch_walk import english_in

__all__ = ["served"]  # the fixture, shared with the session tests

# argparse's words too short for the detector (it skips texts under 10 characters).
ARGPARSE_ENGLISH = ("usage:", "options:", "error:", "positional arguments")
STAFF = ("Naam;V-nummer;Geboortedatum;Nationaliteit;Verblijfsdoel;Startdatum\r\n"
         "Foute Regel;81000;1-1-1990;IND;arbeid;1-10-2026\r\n")


class Walk:
    """Runs commands in-process and keeps the English each one printed, by command."""

    def __init__(self, capsys: pytest.CaptureFixture[str], portal: str) -> None:
        self.capsys, self.portal = capsys, portal
        self.found: dict[str, list[str]] = {}
        self.walked = 0

    def __call__(self, *argv: str) -> tuple[int, str]:
        try:
            code = main(["--portal", self.portal, *argv])
        except SystemExit as exc:  # argparse: --help, or a refusal
            code = int(exc.code or 0)
        captured = self.capsys.readouterr()
        shown = captured.out + captured.err
        # An option's choices ({registered,deregistered}) are codes to type, not words to read.
        words = re.sub(r"\{[\w,-]+\}", " ", shown)
        english = english_in(words) + [w for w in ARGPARSE_ENGLISH if w in words]
        if english:
            self.found[" ".join(argv)] = english
        self.walked += 1
        return code, shown


@pytest.fixture
def walk(tmp_path: Path, served: str, capsys: pytest.CaptureFixture[str],
         monkeypatch: pytest.MonkeyPatch) -> Iterator[Walk]:
    monkeypatch.setenv("IND_TUI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("IND_TUI_SANDBOX_ADMIN_TOKEN", ADMIN)
    monkeypatch.setenv("COLUMNS", "250")  # no table cell cut short, which would hide a text
    for name, value in FILE_STORE.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("IND_TUI_TOKEN", raising=False)
    set_language_setting("nl")  # saved, as the TUI saves it
    try:
        yield Walk(capsys, served)
    finally:
        set_language("en")


def test_every_command_speaks_dutch(walk: Walk, tmp_path: Path) -> None:
    from ind_tui.cli import build_parser

    for path in tree(build_parser()):  # the help of every command and action
        assert walk(*path.split()[1:], "--help")[0] == 0, path
    for refused in (["cases", "list", "--status", "lost"], ["cases", "list", "--type", "nope"],
                    ["cases", "show", "12"], ["cases"], ["nope"], ["cases", "list", "--x"],
                    ["payments", "list", "--status", "nope"], ["payments", "list", "--year", "x"],
                    ["appointments", "book", "--case", "3100000001", "--purpose", "biometrics",
                     "--location", "x", "--from", "31-31-2026"],
                    ["inbox", "--kind", "nope"], ["completion"], ["drafts"],
                    ["documents", "check", "x.pdf", "--max-bytes", "0"],
                    ["support", "show", str(tmp_path / "none.zip")]):
        assert walk(*refused)[0] == 2, refused

    code, shown = walk("login", "--identity", "agent-delta")
    assert code == 0 and "Ingelogd als" in shown and "gemachtigde" in shown, shown
    _walk_account(walk, tmp_path)
    code, shown = walk("login", "--identity", "agent-noordzee")
    assert code == 0, shown
    _walk_account(walk, tmp_path / "noordzee")
    for admin in (["sandbox", "identities"], ["sandbox", "clock"], ["sandbox", "faults", "list"],
                  ["forms", "show", "hsm_extension"]):
        assert walk(*admin)[0] == 0, admin
    assert walk("logout")[0] == 0
    assert walk("status")[0] == 1
    assert walk.walked > 100
    assert walk.found == {}


def _walk_account(walk: Walk, tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    assert walk("status")[0] == 0
    code, shown = walk("cases", "list", "--format", "json")
    zaak = json.loads(shown[:shown.rindex("]") + 1])[0]["zaaknummer"]
    for command in (["cases", "list"], ["cases", "list", "--status", "in-progress"],
                    ["cases", "show", zaak], ["payments", "list"], ["appointments", "list"],
                    ["appointments", "locations"], ["inbox"], ["due"], ["employees", "list"],
                    ["employees", "duties"], ["drafts", "list", "--dir", str(tmp_path)]):
        code, shown = walk(*command)
        assert code in (0, 1), (command, shown)  # 1: what this account may not see
    # A refusal found only on the portal's answer.
    assert walk("appointments", "book", "--case", zaak, "--purpose", "biometrics",
                "--location", "nowhere")[0] == 2
    staff = tmp_path / "staff.csv"
    staff.write_bytes(STAFF.encode("cp1252"))
    walk("employees", "import", str(staff), "--dry-run")
    draft = tmp_path / "new.tfa"
    code, shown = walk("drafts", "new", "--type", "hsm_extension", "--out", str(draft))
    assert code == 0, shown
    for command in (["drafts", "show", str(draft)], ["drafts", "check", str(draft)],
                    ["drafts", "pack", str(draft), str(tmp_path)], ["drafts", "file", str(draft)],
                    ["drafts", "new", "--type", "nope"]):
        walk(*command)


def test_english_stays_english(walk: Walk) -> None:
    """`--lang` wins over the saved language, and English reads as before."""
    code, shown = walk("--lang", "en", "cases", "list", "--status", "lost")
    assert code == 2 and "unknown status 'lost'" in shown
    code, shown = walk("--lang", "en", "payments", "list", "--status", "x")
    assert code == 2 and "invalid choice: 'x'" in shown
    code, shown = walk("--lang", "en", "cases", "--help")
    assert "usage:" in shown and "every case this account may see" in shown
    assert walk("--lang", "en", "login", "--identity", "agent-delta")[0] == 0
    code, shown = walk("--lang", "en", "cases", "list")
    assert "Case no." in shown and "HSM new employer" in shown and "€" not in shown
    code, shown = walk("--lang", "en", "payments", "list")
    assert "€423.00" in shown and "direct debit" in shown


class _Terminal:
    """A person at the terminal who answers `answer`."""

    def __init__(self, answer: str) -> None:
        self.answer = answer

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self.answer + "\n"


@pytest.mark.parametrize(("lang", "yes", "no"), [("nl", "j", "y"), ("en", "y", "j")])
def test_a_yes_is_read_in_the_language_of_the_question(
        monkeypatch: pytest.MonkeyPatch, lang: str, yes: str, no: str) -> None:
    from ind_tui.cli.drafts_file import _ask

    for answer, expected in ((yes, True), (yes.upper(), True), (no, False), ("", False)):
        monkeypatch.setattr("sys.stdin", _Terminal(answer))
        assert _ask("?", lang) is expected, answer
