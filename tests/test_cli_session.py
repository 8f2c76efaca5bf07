"""`ind-tui login | status | logout` as separate processes, as a person or a CI job runs them:
against the embedded sandbox and against `ind-tui sandbox serve`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ADMIN = "cli-admin-token"


def run(
    home: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "IND_TUI_HOME": str(home), **(env or {})}
    for name in ("IND_TUI_TOKEN", "IND_TUI_PROFILE"):
        if env is None or name not in env:
            full_env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "ind_tui", *args], env=full_env, capture_output=True,
        text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip


FILE_STORE = {"IND_TUI_TOKEN_STORE": "encrypted_file", "IND_TUI_PASSPHRASE": "cli test pass"}
# CSV for scripts: column codes as header, whatever the language (the default follows it)
NEUTRAL_CSV = ("--format", "csv", "--csv-dialect", "neutral")


def test_login_status_logout_on_the_embedded_sandbox(tmp_path: Path) -> None:
    home = tmp_path / "home"
    login = run(home, "login", "--identity", "sponsor-eh3", env=FILE_STORE)
    assert login.returncode == 0, login.stderr
    assert "Noordzee Technology" in login.stdout and "encrypted file" in login.stdout
    status = run(home, "status", "--format", "json", env=FILE_STORE)
    assert status.returncode == 0, status.stderr
    info = json.loads(status.stdout)
    assert info["logged_in"] and info["company"]["kvk"] == "12345678"
    assert info["portal"] == "embedded" and info["token_store"]["kind"] == "encrypted_file"
    text = run(home, "--lang", "nl", "status", env=FILE_STORE)
    assert "Ingelogd" in text.stdout and "versleuteld bestand" in text.stdout
    assert run(home, "logout", env=FILE_STORE).returncode == 0
    after = run(home, "status", env=FILE_STORE)
    assert after.returncode == 1 and "Not logged in" in after.stdout
    # nothing in the data dir holds a token in the clear
    for path in (home / "data").rglob("*"):
        if path.is_file() and path.suffix in (".cfg", ".toml", ".json"):
            assert "access_token" not in path.read_text(errors="ignore")


def test_refused_identity_explains_and_fails(tmp_path: Path) -> None:
    result = run(tmp_path / "home", "login", "--identity", "sponsor-eh2plus", env=FILE_STORE)
    assert result.returncode == 1
    assert "eh_level_insufficient" in result.stderr and "EH3" in result.stderr


def test_without_a_keyring_the_user_is_told(tmp_path: Path) -> None:
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = run(tmp_path / "home", "login", "--identity", "sponsor-eh3", env=env)
    assert result.returncode == 0
    assert "memory" in result.stdout
    assert "encrypted_file" in result.stderr  # how to stay logged in


def test_unknown_profile_is_bad_input(tmp_path: Path) -> None:
    result = run(tmp_path / "home", "--profile", "nope", "status")
    assert result.returncode == 2 and result.stderr.count("\n") == 1


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    env = {**os.environ, "IND_TUI_HOME": str(tmp_path / "server-home"),
           "IND_TUI_SANDBOX_ADMIN_TOKEN": ADMIN}  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "ind_tui", "sandbox", "serve", "--port", "0",
         "--db", str(tmp_path / "served.db")],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.search(r"(http://[\d.]+:\d+)", line)
        assert match, line
        url = match.group(1)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/api/v1/portal", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.05)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def test_login_status_logout_against_sandbox_serve(tmp_path: Path, served: str) -> None:
    home = tmp_path / "home"
    env = {**FILE_STORE, "IND_TUI_SANDBOX_ADMIN_TOKEN": ADMIN}
    login = run(home, "--portal", served, "login", "--identity", "agent-delta", env=env)
    assert login.returncode == 0, login.stderr
    status = run(home, "--portal", served, "status", "--format", "json", env=env)
    info = json.loads(status.stdout)
    assert info["logged_in"] and info["role"] == "representative"
    assert info["portal"] == served
    # the same profile on another portal does not reuse this login
    other = run(home, "status", "--format", "json", env=env)
    assert json.loads(other.stdout)["logged_in"] is False
    assert run(home, "--portal", served, "logout", env=env).returncode == 0
    assert run(home, "--portal", served, "status", env=env).returncode == 1


def test_identity_without_admin_token_is_bad_input(tmp_path: Path, served: str) -> None:
    result = run(tmp_path / "home", "--portal", served, "login", "--identity", "sponsor-eh3",
                 env=FILE_STORE)  # fmt: skip
    assert result.returncode == 2 and "--admin-token" in result.stderr


async def test_token_from_the_environment(tmp_path: Path, served: str) -> None:
    from ind_tui.client.client import PortalClient
    from ind_tui.client.sandbox_admin import SandboxAdmin

    async with PortalClient(served) as client:
        device = await client.start_login()
        await SandboxAdmin(client.http, ADMIN).approve(device.user_code, "delta-eh3")
        await client.finish_login(device)
        assert client.session.tokens is not None
        token = client.session.tokens.access_token
    env = {"IND_TUI_TOKEN": token}
    status = run(tmp_path / "home", "--portal", served, "status", "--format", "json", env=env)
    info = json.loads(status.stdout)
    assert info["logged_in"] and info["token_store"]["kind"] == "environment"
    assert run(tmp_path / "home", "--portal", served, "logout", env=env).returncode == 1
