"""`ind-tui sandbox clock | faults`: in-process against a real sandbox app, then as separate
processes on the embedded sandbox of IND_TUI_HOME and on `sandbox serve` over a socket."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ind_tui.api.errors import PortalError
from ind_tui.cli import BadInput, build_parser, main
from ind_tui.cli.sandbox_admin import (
    clock_async,
    clock_change,
    fault_spec,
    faults_add_async,
    faults_clear_async,
    faults_list_async,
)
from ind_tui.client.retry import Retry
from tests.client_fixtures import admin_of, login, make_app, make_client
from tests.test_cli_session import ADMIN, run, served

__all__ = ["served"]  # the fixture, shared with the session tests


def _args(*argv: str) -> Any:
    return build_parser().parse_args(["sandbox", *argv])


def _json(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("running", [False, True])
async def test_clock_moves_by_exactly_the_span_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], running: bool
) -> None:
    app = make_app(tmp_path, clock_running=running)
    async with make_client(app) as client:
        admin = admin_of(client)
        for span, delta in (("3d", timedelta(days=3)), ("2h", timedelta(hours=2)),
                            ("90m", timedelta(minutes=90)), ("1d12h", timedelta(hours=36))):
            change = clock_change(_args("clock", "--advance", span), "en")
            await clock_async(admin, change, "json", "en")
            moved = _json(capsys)
            before, after = (datetime.fromisoformat(moved[k]) for k in ("before", "after"))
            assert after - before == delta, span
            assert moved["running"] is running
        # the portal agrees: its own time is the "after" of the last change
        now = (await admin.clock()).now
        assert now - after < timedelta(seconds=5)


async def test_clock_set_freeze_and_run(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    async with make_client(make_app(tmp_path, clock_running=True)) as client:
        admin = admin_of(client)
        change = clock_change(_args("clock", "--set", "2026-12-31T23:59", "--freeze"), "nl")
        await clock_async(admin, change, "text", "nl")
        out = capsys.readouterr().out
        assert "→ 31-12-2026 23:59:00 (Amsterdam" in out and "de klok staat stil" in out
        state = await admin.clock()
        assert not state.running and state.now.isoformat() == "2026-12-31T22:59:00+00:00"
        await clock_async(admin, clock_change(_args("clock", "--run"), "en"), "json", "en")
        assert _json(capsys)["running"] is True
        await clock_async(admin, clock_change(_args("clock"), "en"), "text", "en")
        assert "Portal time: 31-12-2026 23:59" in capsys.readouterr().out


async def test_faults_add_list_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    async with make_client(make_app(tmp_path)) as client:
        admin = admin_of(client)
        await login(client)
        spec = fault_spec(_args("faults", "add", "me", "unavailable", "--count", "1",
                                "--delay", "7s"), "en")
        await faults_add_async(admin, spec, "json", "en")
        added = _json(capsys)
        assert added["added"]["route"] == "me" and added["added"]["retry_after"] == 7
        assert [f["id"] for f in added["faults"]] == [added["added"]["id"]]
        # the fault is real: the next call to that route is refused as asked, then not
        with pytest.raises(PortalError) as refused:
            await client.http.request("GET", "/me", mode=Retry.UNSENT)
        assert refused.value.code == "service_unavailable"
        await client.me()
        latency = fault_spec(_args("faults", "add", "cases.list", "latency"), "en")
        await faults_add_async(admin, latency, "text", "en")
        out = capsys.readouterr().out
        assert "Added: #2  cases.list  latency  2000 ms  every time" in out
        assert "Faults now set (2):" in out
        await faults_add_async(admin, fault_spec(_args("faults", "add", "*", "server_error"),
                                                 "en"), "text", "en")
        capsys.readouterr()
        await faults_clear_async(admin, "cases.list", "text", "nl")
        out = capsys.readouterr().out
        assert "1 storing op cases.list verwijderd." in out and "cases.list  latency" not in out
        await faults_list_async(admin, "json", "en")
        assert [f["route"] for f in _json(capsys)["faults"]] == ["me", "*"]
        await faults_clear_async(admin, None, "json", "en")
        cleared = _json(capsys)
        assert cleared["cleared"] == 2 and cleared["faults"] == []
        assert not (await admin.faults()).faults


async def test_unknown_route_is_refused_with_the_routes(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path)) as client:
        admin = admin_of(client)
        spec = fault_spec(_args("faults", "add", "applications.submt", "unavailable"), "en")
        with pytest.raises(BadInput) as refused:
            await faults_add_async(admin, spec, "text", "en")
        assert "applications.submt" in str(refused.value)
        assert "applications.submit" in str(refused.value) and "cases.list" in str(refused.value)
        with pytest.raises(BadInput, match="geen route nope; de routes: account"):
            await faults_clear_async(admin, "nope", "text", "nl")
        assert not (await admin.faults()).faults


@pytest.mark.parametrize("argv", [
    ("faults", "add", "me", "bogus"),
    ("faults", "add", "me", "latency", "--delay", "3 parsecs"),
    ("faults", "add", "me", "latency", "--delay", "5m"),
    ("faults", "add", "me", "server_error", "--delay", "2s"),
    ("faults", "add", "me", "latency", "--count", "0"),
    ("clock", "--advance", "3w"),
    ("clock", "--advance", "-3d"),
    ("clock", "--set", "tomorrow"),
    ("clock", "--freeze", "--run"),
])
def test_bad_input_exits_2_before_connecting(argv: tuple[str, ...],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(["sandbox", *argv])
    except SystemExit as exc:  # argparse's own refusals
        code = int(exc.code or 0)
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    if "bogus" in argv:
        assert "latency, unavailable, server_error, rate_limit" in err


def test_on_the_embedded_sandbox_of_this_computer(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = run(home, "sandbox", "clock", "--freeze", "--format", "json")
    assert first.returncode == 0, first.stderr
    moved = run(home, "sandbox", "clock", "--advance", "2h", "--format", "json")
    assert moved.returncode == 0, moved.stderr
    info = json.loads(moved.stdout)
    assert info["before"] == json.loads(first.stdout)["after"]  # kept in IND_TUI_HOME
    after = datetime.fromisoformat(info["after"])
    assert after - datetime.fromisoformat(info["before"]) == timedelta(hours=2)
    added = run(home, "--lang", "nl", "sandbox", "faults", "add", "applications.pay",
                "commit_then_drop", "--count", "1")
    assert added.returncode == 0, added.stderr
    assert "Toegevoegd: #1  applications.pay  commit_then_drop  nog 1 keer" in added.stdout
    listed = run(home, "sandbox", "faults", "list")
    assert "#1  applications.pay  commit_then_drop  1 more time" in listed.stdout
    unknown = run(home, "sandbox", "faults", "clear", "applications.paid")
    assert unknown.returncode == 2 and "applications.pay," in unknown.stderr


def test_against_sandbox_serve(tmp_path: Path, served: str) -> None:
    home = tmp_path / "home"
    env = {"IND_TUI_SANDBOX_ADMIN_TOKEN": ADMIN}
    before = run(home, "--portal", served, "sandbox", "clock", "--format", "json", env=env)
    assert before.returncode == 0, before.stderr
    moved = run(home, "--portal", served, "sandbox", "clock", "--freeze", "--advance", "90m",
                "--format", "json", env=env)  # fmt: skip
    info = json.loads(moved.stdout)
    delta = datetime.fromisoformat(info["after"]) - datetime.fromisoformat(info["before"])
    assert delta == timedelta(minutes=90) and info["running"] is False
    added = run(home, "--portal", served, "sandbox", "faults", "add", "me", "rate_limit",
                "--admin-token", ADMIN)
    assert added.returncode == 0 and "me  rate_limit" in added.stdout
    no_token = run(home, "--portal", served, "sandbox", "faults", "list")
    assert no_token.returncode == 2 and "--admin-token" in no_token.stderr
    wrong = run(home, "--portal", served, "sandbox", "faults", "list", "--admin-token", "nope")
    assert wrong.returncode == 1
    cleared = run(home, "--portal", served, "sandbox", "faults", "clear", env=env)
    assert cleared.returncode == 0 and "Removed 1 fault." in cleared.stdout



async def test_a_running_sandbox_sees_what_a_command_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The TUI's embedded sandbox keeps running while `ind-tui sandbox ...` starts another on
    # the same database: the running one must answer with the moved clock and the new fault.
    running, beside = make_app(tmp_path), make_app(tmp_path)
    async with make_client(running) as client, make_client(beside) as command:
        start = (await admin_of(client).clock()).now
        change = clock_change(_args("clock", "--advance", "3d"), "en")
        await clock_async(admin_of(command), change, "json", "en")
        assert (await admin_of(client).clock()).now - start == timedelta(days=3)
        await login(client)
        spec = fault_spec(_args("faults", "add", "me", "unavailable", "--count", "1",
                                "--delay", "7s"), "en")  # past the retry rule: no retry
        await faults_add_async(admin_of(command), spec, "json", "en")
        with pytest.raises(PortalError) as refused:
            await client.http.request("GET", "/me", mode=Retry.UNSENT)
        assert refused.value.code == "service_unavailable"
        assert (await client.me()).person_name
