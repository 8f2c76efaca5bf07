"""`ind-tui sandbox scenario dump | load` and `sandbox serve --scenario`: the round trip
(dump, load into an empty sandbox, dump again gives the same file), in-process and over a
socket, and a scenario naming what is not there refused."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from ind_tui.api.errors import PortalError
from ind_tui.cli.sandbox_scenario import to_toml
from ind_tui.sandbox.pdfgen import letter
from tests.client_fixtures import admin_of, login, make_app, make_client
from tests.test_cli_session import ADMIN, run


async def test_round_trip_into_an_empty_sandbox(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    source = make_app(tmp_path / "a")
    empty = make_app(tmp_path / "b", seed="none")
    async with make_client(source) as a, make_client(empty) as b:
        await admin_of(a).fault("me", "latency", latency_ms=10)
        await admin_of(a).advance(days=40)
        await login(a)
        await a.upload_document(letter(["passport"]), "passport.pdf")  # a BLOB in a table
        first = to_toml(await admin_of(a).scenario())
        assert "[[cases]]" in first and 'route = "me"' in first
        assert "[documents.content]" in first or "content = {base64" in first
        await admin_of(b).load_scenario(tomllib.loads(first))
        assert to_toml(await admin_of(b).scenario()) == first
        # the loaded world works: the same login sees the same cases at the same time
        await login(b)
        assert (await b.me()).company.kvk == (await a.me()).company.kvk
        assert (await admin_of(b).clock()).now == (await admin_of(a).clock()).now
        listed_a = [c.zaaknummer async for page in a.iter_cases() for c in page.items]
        listed_b = [c.zaaknummer async for page in b.iter_cases() for c in page.items]
        assert listed_a == listed_b and listed_a


async def test_a_scenario_naming_what_is_not_there_is_refused(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path)) as client:
        admin = admin_of(client)
        good = await admin.scenario()
        first, *others = good["companies"]
        nameless = {k: v for k, v in first.items() if k != "name"}
        for bad, named in (
            ({**good, "compnies": [{"kvk": "1"}]}, "no table compnies"),
            ({**good, "companies": [{**first, "naam": "x"}, *others]},
             "companies row 1: no column naam"),
            ({**good, "companies": [nameless, *others]}, "companies row 1: NOT NULL"),
            ({**good, "cases": good["cases"][:1]}, "case_events row "),  # its case is gone
        ):
            with pytest.raises(PortalError) as refused:
                await admin.load_scenario(bad)
            assert refused.value.status == 422 and named in refused.value.message
        assert await admin.scenario() == good  # all or nothing


def test_load_refuses_with_the_name_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\n[clock]\nnow = "2026-11-02T08:00:00+00:00"\n'
                   '[[employes]]\nid = "x"\n')
    result = run(tmp_path / "home", "sandbox", "scenario", "load", str(bad))
    assert result.returncode == 2 and "no table employes" in result.stderr
    assert "employees" in result.stderr
    # a row naming a company that is not in the file: its line and the name
    orphan = tmp_path / "orphan.toml"
    orphan.write_text('format = 1\n[clock]\nnow = "2026-11-02T08:00:00+00:00"\n\n'
                      '[[companies]]\nkvk = "12345678"\nname = "Noordzee"\nrecognised = 1\n'
                      'administration_address = "a"\npostal_address = "a"\n'
                      'visiting_address = "a"\n\n'
                      '[[recognitions]]\nkvk = "12345678"\npurpose = "labour"\n'
                      'since = "2020-01-01"\n\n'
                      '[[recognitions]]\nkvk = "87654321"\npurpose = "labour"\n'
                      'since = "2020-01-01"\n')
    for command in (("sandbox", "scenario", "load", str(orphan)),
                    ("sandbox", "serve", "--db", str(tmp_path / "s.db"), "--scenario",
                     str(orphan))):
        refused = run(tmp_path / "home", *command)
        assert refused.returncode == 2, refused.stderr
        assert f"{orphan}:18: " in refused.stderr and "'87654321'" in refused.stderr
    (tmp_path / "broken.toml").write_text("format = \n")
    broken = run(tmp_path / "home", "--lang", "nl", "sandbox", "scenario", "load",
                 str(tmp_path / "broken.toml"))
    assert broken.returncode == 2 and "geen scenario" in broken.stderr


def test_dump_serve_scenario_dump_over_a_socket(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "sandbox", "clock", "--freeze", "--advance", "1d").returncode == 0
    dumped = tmp_path / "world.toml"
    written = run(home, "sandbox", "scenario", "dump", str(dumped))
    assert written.returncode == 0, written.stderr
    env = {**os.environ, "IND_TUI_HOME": str(tmp_path / "server-home"),
           "IND_TUI_SANDBOX_ADMIN_TOKEN": ADMIN}  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "ind_tui", "sandbox", "serve", "--port", "0", "--seed", "none",
         "--db", str(tmp_path / "served.db"), "--scenario", str(dumped)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        match = re.search(r"(http://[\d.]+:\d+)", proc.stdout.readline())
        assert match
        again = run(home, "--portal", match.group(1), "sandbox", "scenario", "dump",
                    env={"IND_TUI_SANDBOX_ADMIN_TOKEN": ADMIN})
        assert again.returncode == 0, again.stderr
        assert again.stdout == dumped.read_text()
    finally:
        proc.terminate()
        proc.wait(10)
