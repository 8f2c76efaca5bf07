"""`ind-tui support show`: every time in Amsterdam time (what the portal uses), whatever the
time zone of the computer that made the bundle or of the one that reads it."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ind_tui.cli import main
from ind_tui.i18n import set_language
from ind_tui.services.support import BundleInput, build_bundle


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_support_show_writes_amsterdam_time(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setenv("TZ", "America/New_York")  # made and read far from Amsterdam
    time.tzset()
    try:
        moment = datetime(2026, 12, 7, 11, 39, 5, tzinfo=UTC)  # 12:39:05 in Amsterdam
        request = {"at": "2026-12-07T11:38:00+00:00", "method": "GET", "status": 200,
                   "path": "/cases"}
        bundle = build_bundle(BundleInput("<svg/>", "", "", "http://portal", "default",
                                          requests=[request], portal_time=moment),
                              tmp_path, now=moment)
        assert main(["--lang", lang, "support", "show", str(bundle)]) == 0
    finally:
        monkeypatch.undo()
        time.tzset()
        set_language("en")
    shown = capsys.readouterr().out
    assert shown.count("07-12-2026 12:39:05") == 2  # made at, and the portal's time
    assert "07-12-2026 12:38:00" in shown  # the request
    assert "06:39" not in shown and "11:39" not in shown
