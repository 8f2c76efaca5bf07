"""What ind-tui keeps on this computer is the user's alone (issue 16, item 11): with the
usual umask 022 every folder it makes is 0700 and every file 0600 — the cases cache with
its -wal and -shm, the inbox state, drafts, the document store, settings, locks, support
bundles — and a folder or database left open by an older version is closed."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest_drafts import sample_draft, write_pdf


@pytest.fixture
def umask_022(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("IND_TUI_HOME", str(home))
    old = os.umask(0o022)
    try:
        yield home
    finally:
        os.umask(old)


def _open_to_others(home: Path) -> list[str]:
    wrong = []
    for folder, dirs, files in os.walk(home):
        for name in dirs + files:
            path = Path(folder) / name
            mode = stat.S_IMODE(path.lstat().st_mode)
            want = 0o700 if path.is_dir() else 0o600
            if mode != want:
                wrong.append(f"{path.relative_to(home)} {mode:o}")
    return wrong


def test_everything_ind_tui_writes_is_private(umask_022: Path, tmp_path: Path) -> None:
    from ind_tui.local.cache import LocalCache
    from ind_tui.local.drafts.bundle import draft_path, save_draft
    from ind_tui.local.drafts.store import DocumentStore
    from ind_tui.local.inbox_store import InboxStore
    from ind_tui.local.locks import _lock_path
    from ind_tui.local.settings import Settings, save_settings
    from ind_tui.services.support import BundleInput, build_bundle

    home = umask_022
    cache = LocalCache()
    assert {p.name for p in cache.path.parent.iterdir()} >= {"cache.db"}
    InboxStore().remember("scope", {"m1"}, datetime.now(UTC))
    draft = sample_draft()
    save_draft(draft, draft_path(draft))
    DocumentStore().put_file(write_pdf(tmp_path / "passport.pdf"), max_bytes=10**6)
    save_settings(Settings())
    os.close(os.open(_lock_path("probe"), os.O_RDWR | os.O_CREAT, 0o600))
    build_bundle(BundleInput(screenshot_svg="<svg/>", screen_text="", description="x",
                             portal_url="http://sandbox.test", profile="default"))
    names = {p.name for p in home.rglob("*")}
    assert {"cache.db", "inbox-state.json", "documents", "drafts", "support"} <= names, names
    assert any(n.endswith(".tfa") for n in names) and any(n.endswith(".zip") for n in names)
    assert {"cache.db-wal", "cache.db-shm"} <= names  # WAL is on while the cache is open
    assert _open_to_others(home) == []
    cache.close()


def test_an_older_open_cache_and_folder_are_closed(umask_022: Path) -> None:
    from ind_tui.local.cache import LocalCache

    data = umask_022 / "data"
    data.mkdir(parents=True)
    (data / "cache.db").touch()  # as an older version left them: 0755 and 0644
    assert stat.S_IMODE(data.stat().st_mode) == 0o755
    assert stat.S_IMODE((data / "cache.db").stat().st_mode) == 0o644
    cache = LocalCache()
    assert cache.path == data / "cache.db"
    assert _open_to_others(umask_022) == []
    cache.close()


def test_a_cli_session_with_the_embedded_sandbox_leaves_nothing_open(umask_022: Path) -> None:
    from tests.test_cli_session import FILE_STORE, run

    home = umask_022
    assert run(home, "login", "--identity", "sponsor-eh3", env=FILE_STORE).returncode == 0
    assert run(home, "cases", "list", "--format", "csv", env=FILE_STORE).returncode == 0
    names = {p.name for p in home.rglob("*")}
    assert {"sandbox.db", "embedded-sandbox.log"} <= names, names
    assert _open_to_others(home) == []


def test_a_sandbox_database_at_a_given_path_is_private(umask_022: Path, tmp_path: Path) -> None:
    """`sandbox serve --db FILE` (support staff load reproductions into it)."""
    from ind_tui.sandbox.db import Database

    given = tmp_path / "support" / "repro.db"
    db = Database(given)
    with db.write() as conn:
        conn.execute("SELECT 1")
    assert stat.S_IMODE(given.stat().st_mode) == 0o600
    assert stat.S_IMODE(given.parent.stat().st_mode) == 0o700
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    Database(shared / "other.db")
    assert stat.S_IMODE((shared / "other.db").stat().st_mode) == 0o600
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755  # a folder given is left as it is
