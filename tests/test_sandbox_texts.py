"""The sandbox's texts in the chosen language: the test identities (CLI and login picker) and
the status-history notes it writes, which the client says in the reader's language while the
sandbox keeps its wire format."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ind_tui.domain.case_notes import note_text
from ind_tui.i18n import catalogue
from ind_tui.sandbox.app import SandboxConfig, create_app
from ind_tui.sandbox.identities import identity_models
from ind_tui.sandbox.lifecycle import NOTES
from ind_tui.services.sandbox import identity_outcome, identity_purpose

CODES = re.compile(r"[a-z]+_[a-z_]+")  # a raw code such as eh_level_insufficient


def _sandbox_notes(tmp_path: Path) -> set[str]:
    """Every note of a freshly seeded sandbox, plus those it writes when a request is
    answered (sandbox/messages.py) and every status's own."""
    create_app(SandboxConfig(db_path=tmp_path / "notes.db", admin_token="t"))
    with sqlite3.connect(tmp_path / "notes.db") as conn:
        seeded = {n for (n,) in conn.execute("SELECT DISTINCT note FROM case_events") if n}
    answered = ("information received; assessment resumed; decision period suspended for 12 "
                "days")
    return seeded | set(NOTES.values()) | {answered}


def test_every_note_the_sandbox_writes_reads_in_dutch(tmp_path: Path) -> None:
    english = set(catalogue("en").values())
    for note in _sandbox_notes(tmp_path):
        dutch = note_text(note, "nl")
        for part in dutch.split("; "):
            assert part not in english and part not in note.split("; "), (note, dutch)
        assert note_text(note, "en") == note  # the English words are the sandbox's own
    assert note_text("more information requested; decision period extended by 28 days",
                     "nl") == "aanvullende informatie gevraagd; beslistermijn verlengd met 28 " \
                              "dagen"
    # A note the client has no words for (a real portal's) is shown as it came.
    assert note_text("Dossier overgedragen aan team Den Bosch", "en") == \
        "Dossier overgedragen aan team Den Bosch"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_identity_is_described_in_words(lang: str) -> None:
    texts = catalogue(lang)
    for ident in identity_models():
        assert f"sandbox.identity.{ident.name}" in texts, ident.name
        outcome = identity_outcome(ident, lang)
        assert not CODES.search(outcome) and "→" not in outcome, outcome
        assert identity_purpose(ident, lang) == texts[f"sandbox.identity.{ident.name}"]
    refused = next(i for i in identity_models() if i.name == "sponsor-eh2plus")
    assert identity_outcome(refused, lang) == {"nl": "geweigerd: niveau te laag",
                                               "en": "refused: level too low"}[lang]


def test_cli_identities_in_dutch_fit_80_columns() -> None:
    done = subprocess.run([sys.executable, "-m", "ind_tui", "--lang", "nl", "sandbox",
                           "identities"], capture_output=True, text=True, timeout=120,
                          check=True, env=dict(os.environ, COLUMNS="80"))
    lines = done.stdout.splitlines()
    assert lines[0] == "Testidentiteiten van de sandbox"
    assert max(len(line) for line in lines) <= 80
    assert "…" not in done.stdout and "→" not in done.stdout
    assert not CODES.search(done.stdout.replace("sandbox", "")), done.stdout
    agent = lines.index(next(x for x in lines if x.startswith("agent-delta ")))
    assert "gemachtigde" in lines[agent]
    assert "namens KvK 56789012" in lines[agent + 1]
    assert "salarisbureau voor Delta Software" in " ".join(lines[agent + 1:agent + 3])


async def test_case_timeline_notes_read_in_dutch(tmp_path: Path) -> None:
    """The status history of a case, opened by keys (`:` and its number) in Dutch."""
    from ind_tui.tui.screens.cases.detail import CaseDetailScreen
    from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, wait_for

    app = make_app(sandbox_app(tmp_path), lang="nl")
    async with app.run_test(size=(100, 30)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await home_settled(pilot)
        client = app.context.client
        assert client is not None
        cases = await client.cases()
        await pilot.press("colon", *cases[0].zaaknummer, "enter")

        def timeline() -> str:
            screen = app.screen
            assert isinstance(screen, CaseDetailScreen) and screen.detail is not None
            return str(screen.query_one("#case-timeline").render())

        await wait_for(pilot, lambda: "ingediend" in timeline())
        shown = timeline()
        assert "aanvraag ingediend" in shown and "ontvangstbevestiging verstuurd" in shown
        assert "application submitted" not in shown and "receipt sent" not in shown
