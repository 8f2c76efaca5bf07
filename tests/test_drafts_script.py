"""Filing from scripts: `ind-tui drafts new | show | file | bind` and `forms show`, on an
in-process sandbox (the same commands, the connection handed in): drafts bound to their
company, the duplicate guard, exactly-once filing, and what the sandbox received."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from ind_tui.api.employees import Employee, EmployeeStatus
from ind_tui.cli import build_parser
from ind_tui.cli.drafts_file import run_in
from ind_tui.client.client import PortalClient
from ind_tui.local import paths
from ind_tui.local.cache import LocalCache
from ind_tui.local.drafts.bundle import read_bundle, save_draft
from ind_tui.local.drafts.model import Draft
from ind_tui.local.drafts.packed import pack_draft, unpack_draft
from ind_tui.services.pending import kept_pending
from tests.client_fixtures import admin_of, login, make_app, make_client
from tests.conftest_drafts import run_cli, write_pdf

NOORDZEE, DELTA = "12345678", "56789012"
PORTAL = "embedded"
ANSWERS = {"job_title": "Data engineer", "contract_start": "2026-12-01",
           "contract_type": "permanent", "gross_monthly_salary": 7000,
           "recent_graduate": False, "antecedents": True,
           "antecedents_details": "A traffic fine in 2019, settled",
           "contact_email": "hr@example.nl"}  # fmt: skip


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "home"
    monkeypatch.setenv("IND_TUI_HOME", str(root))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a script: no one to ask
    return root


@pytest.fixture
def app(tmp_path: Path) -> Any:
    return make_app(tmp_path)


@pytest.fixture
async def delta(app: Any) -> AsyncIterator[PortalClient]:
    client = make_client(app)
    await login(client, "agent-delta")
    yield client
    await client.aclose()


@pytest.fixture
async def noordzee(app: Any) -> AsyncIterator[PortalClient]:
    client = make_client(app)
    await login(client, "agent-noordzee")
    yield client
    await client.aclose()


async def cli(client: PortalClient, *argv: str) -> int:
    return await run_in(client, build_parser().parse_args(["drafts", *argv]), PORTAL)


def sent(tmp_path: Path) -> dict[str, int]:
    """What the sandbox holds: applications, uploaded documents, payments."""
    with sqlite3.connect(tmp_path / "sandbox.db") as db:
        return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("applications", "documents", "payments")}


async def extension_due(client: PortalClient) -> Employee:
    """A registered employee whose permit may be extended today."""
    today = client.clock.today()
    for e in await client.employees(status=EmployeeStatus.REGISTERED):
        if e.permit_end and e.permit_end - timedelta(days=90) <= today < e.permit_end:
            return e
    raise AssertionError("the seed has no employee in the extension window")


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


async def new_extension(client: PortalClient, tmp_path: Path, name: str,
                        capsys: pytest.CaptureFixture[str]) -> tuple[Path, Employee]:
    await client.me()
    employee = await extension_due(client)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    pdf = write_pdf(tmp_path / "passport.pdf")
    out = tmp_path / name
    code = await cli(client, "new", "--type", "hsm_extension", "--employee", employee.v_number,
                     "--answers", str(answers), "--attach", f"passport_copy={pdf}",
                     "--out", str(out), "--format", "json")
    made = json.loads(capsys.readouterr().out)
    assert code == 0 and made["path"] == str(out)
    assert made["blocking"] == [], made["blocking"]  # judged on the portal's day
    return out, employee


async def test_the_script_path_files_exactly_once(
        delta: PortalClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft, employee = await new_extension(delta, tmp_path, "ext.tfa", capsys)
    assert run_cli(["drafts", "show", str(draft), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["type"] == "hsm_extension" and shown["sponsor_kvk"] == DELTA
    assert shown["answers"]["v_number"] == employee.v_number
    assert shown["answers"]["employee_name"] == employee.name  # from the register
    assert shown["prefilled"]["date_of_birth"] == "register"
    assert "job_title" not in shown["prefilled"]  # the script's own answer
    assert shown["documents"]["passport_copy"]["present"] and shown["stage"] == "not_sent"
    assert isinstance(shown["blocking"], list)  # offline: judged on this computer's day
    before = sent(tmp_path)

    assert await cli(delta, "file", str(draft)) == 2  # no --yes, no one to ask
    assert "--yes" in one_line(capsys.readouterr().err) and sent(tmp_path) == before

    assert await cli(delta, "file", str(draft), "--yes") == 0
    receipt = capsys.readouterr().out
    zaak = read_bundle(draft).receipt
    assert zaak is not None and zaak.zaaknummer in receipt and "Receipt" in receipt
    cache = LocalCache()
    try:  # kept as the TUI keeps it: its :ZAAKNUMMER finds the case before the portal lists it
        kept = kept_pending(cache, delta.scope(await delta.me()))
    finally:
        cache.close()
    assert [c.zaaknummer for c in kept] == [zaak.zaaknummer]
    after = sent(tmp_path)
    assert after == {"applications": before["applications"] + 1,
                     "documents": before["documents"] + 1,
                     "payments": before["payments"] + 1}

    assert await cli(delta, "file", str(draft), "--yes", "--format", "json") == 0
    again = capsys.readouterr()
    assert json.loads(again.out)["zaaknummer"] == zaak.zaaknummer
    assert "already" in again.err and sent(tmp_path) == after  # nothing sent twice


async def test_another_company_is_refused_first_and_nothing_is_sent(
        noordzee: PortalClient, delta: PortalClient, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    await noordzee.me()
    out = tmp_path / "noordzee.tfa"
    # An incomplete draft: the company is checked before anything else.
    assert await cli(noordzee, "new", "--type", "hsm_extension", "--out", str(out)) == 0
    capsys.readouterr()
    before = sent(tmp_path)
    assert await cli(delta, "file", str(out), "--yes", "--allow-duplicate") == 2
    line = one_line(capsys.readouterr().err)
    assert line.startswith("ind-tui: draft_other_company")
    assert NOORDZEE in line and DELTA in line and "Noordzee" in line and "Delta" in line
    assert sent(tmp_path) == before
    assert await cli(delta, "bind", str(out), "--yes") == 2  # nor can it be taken over
    assert read_bundle(out).kvk == NOORDZEE


async def test_an_incomplete_draft_lists_what_blocks_it(
        delta: PortalClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    await delta.me()
    out = tmp_path / "empty.tfa"
    assert await cli(delta, "new", "--type", "hsm_extension", "--out", str(out)) == 0
    capsys.readouterr()
    before = sent(tmp_path)
    assert await cli(delta, "file", str(out), "--yes") == 2
    line = one_line(capsys.readouterr().err)
    assert "draft_incomplete" in line and "employee_name" in line and "v_number" in line
    assert sent(tmp_path) == before


async def test_the_same_person_twice_needs_allow_duplicate(
        delta: PortalClient, app: Any, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = await new_extension(delta, tmp_path, "first.tfa", capsys)
    assert await cli(delta, "file", str(first), "--yes") == 0
    receipt = read_bundle(first).receipt
    assert receipt is not None
    capsys.readouterr()

    # Filed from this computer, not yet listed by the portal.
    second, _ = await new_extension(delta, tmp_path, "second.tfa", capsys)
    before = sent(tmp_path)
    assert await cli(delta, "file", str(second), "--yes") == 2
    line = one_line(capsys.readouterr().err)
    assert "draft_possible_duplicate" in line and receipt.zaaknummer in line
    assert sent(tmp_path) == before

    # After the portal's daily refresh: a running case at the portal (the receipt that
    # pointed to it is gone from this computer).
    first.unlink()
    await admin_of(delta).advance(days=1)
    assert await cli(delta, "file", str(second), "--yes") == 2
    line = one_line(capsys.readouterr().err)
    assert receipt.zaaknummer in line and "HSM extension" in line  # the type by name
    assert sent(tmp_path) == before

    assert await cli(delta, "file", str(second), "--yes", "--allow-duplicate") == 0
    assert sent(tmp_path)["applications"] == before["applications"] + 1


async def test_an_unbound_draft_is_bound_once_after_asking(
        delta: PortalClient, noordzee: PortalClient, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    legacy = save_draft(Draft(form_id="hsm_extension", form_version=1), tmp_path / "old.tfa")
    assert read_bundle(legacy).kvk is None
    await delta.me()
    assert await cli(delta, "file", str(legacy)) == 2  # a script cannot say yes
    assert "draft_unbound" in one_line(capsys.readouterr().err)
    assert read_bundle(legacy).kvk is None

    assert await cli(delta, "bind", str(legacy), "--yes") == 0
    bound = read_bundle(legacy)
    assert (bound.kvk, bound.sponsor_name, bound.portal) == (DELTA, "Delta Software B.V.",
                                                            PORTAL)
    capsys.readouterr()
    await noordzee.me()
    assert await cli(noordzee, "file", str(legacy), "--yes") == 2
    assert "draft_other_company" in one_line(capsys.readouterr().err)


def test_pack_and_unpack_keep_the_binding(tmp_path: Path) -> None:
    draft = Draft(form_id="hsm_extension", form_version=1, kvk=DELTA,
                  sponsor_name="Delta Software B.V.", portal="https://portal.example.nl",
                  answers={"employee_name": "A. Jansen"}, prefilled={"employee_name": "register"})
    source = save_draft(draft, tmp_path / "bound.tfa")
    packed = pack_draft(source, tmp_path / "bound.tfapack").path
    (tmp_path / "elsewhere").mkdir()
    back = read_bundle(unpack_draft(packed, tmp_path / "elsewhere").path)
    assert (back.kvk, back.sponsor_name, back.portal, back.prefilled) == (
        DELTA, "Delta Software B.V.", "https://portal.example.nl", {"employee_name": "register"})


def test_forms_show_lists_fields_and_slots(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["forms", "show", "hsm_extension", "--format", "json"]) == 0
    form = json.loads(capsys.readouterr().out)
    fields = {f["key"]: f for f in form["fields"]}
    assert fields["v_number"]["type"] == "v_number" and fields["v_number"]["required"]
    assert fields["bsn"]["required"] is False and fields["job_title"]["help"]
    assert {s["slot"] for s in form["documents"]} == {"passport_copy", "photo_card"}
    assert run_cli(["forms", "show", "no_such_type"]) == 2


async def test_a_copy_of_a_filed_draft_is_a_new_application(
        delta: PortalClient, noordzee: PortalClient, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from ind_tui.local.drafts.errors import Code, DraftError
    from ind_tui.services.draft_copy import copy_draft

    filed, employee = await new_extension(delta, tmp_path, "filed.tfa", capsys)
    assert await cli(delta, "file", str(filed), "--yes") == 0
    source = read_bundle(filed)
    me = await delta.me()
    twin = copy_draft(source, me, PORTAL)
    assert twin.draft_id != source.draft_id and twin.kvk == DELTA
    assert (twin.idempotency_key, twin.payment_key, twin.application_id, twin.receipt,
            twin.uploads, twin.stage.value) == (None, None, None, None, {}, "not_sent")
    assert "v_number" not in twin.answers and "employee_name" not in twin.answers
    assert twin.answers["job_title"] == ANSWERS["job_title"] and not twin.documents
    with_person = copy_draft(source, me, PORTAL, with_person=True)
    assert with_person.answers["v_number"] == employee.v_number and with_person.documents
    assert with_person.idempotency_key is None and with_person.receipt is None
    with pytest.raises(DraftError) as refused:
        copy_draft(source, await noordzee.me(), PORTAL)
    assert refused.value.code == Code.DRAFT_OTHER_COMPANY


async def test_a_new_draft_starts_with_the_latest_case(
        delta: PortalClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filed, employee = await new_extension(delta, tmp_path, "filed.tfa", capsys)
    assert await cli(delta, "file", str(filed), "--yes") == 0
    receipt = read_bundle(filed).receipt
    assert receipt is not None
    capsys.readouterr()
    folder = paths.drafts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    filed.rename(folder / filed.name)  # the drafts folder: where its answers are found
    await admin_of(delta).advance(days=1)  # the case is listed: the employee's latest
    nxt = tmp_path / "next.tfa"
    assert await cli(delta, "new", "--type", "hsm_change_employer", "--employee",
                     employee.v_number, "--out", str(nxt), "--format", "json") == 0
    made = json.loads(capsys.readouterr().out)
    assert made["answers"]["job_title"] == ANSWERS["job_title"]
    assert made["prefilled"]["job_title"] == f"case:{receipt.zaaknummer}"
    assert made["prefilled"]["v_number"] == "register"


def test_a_draft_of_format_1_1_reads_as_unbound(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest_drafts import bundle_entries, zip_bytes

    entries = bundle_entries(Draft(form_id="hsm_extension", form_version=1))
    manifest = json.loads(entries["manifest.json"])
    for name in ("sponsor_name", "portal", "prefilled"):
        manifest.pop(name, None)
    manifest.update(format_version="1.1", kvk=None)
    entries["manifest.json"] = json.dumps(manifest).encode()
    folder = paths.drafts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "old.tfa").write_bytes(zip_bytes(list(entries.items())))
    assert run_cli(["drafts", "show", "old", "--format", "json"]) == 0  # a name in the folder
    shown = json.loads(capsys.readouterr().out)
    assert shown["binding"] == "unbound" and shown["sponsor_kvk"] is None
    assert run_cli(["drafts", "check", "old.tfa"]) == 0
    assert "KvK: not bound yet" in capsys.readouterr().out
    assert run_cli(["drafts", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert "COMPANY" in listed[0] and "FILING" in listed[0] and "not bound yet" in listed[1]
    manifest["form_id"] = "from_a_newer_version"
    entries["manifest.json"] = json.dumps(manifest).encode()
    (folder / "newer.tfa").write_bytes(zip_bytes(list(entries.items())))
    assert run_cli(["drafts", "show", "newer"]) == 2
    assert "update ind-tui" in one_line(capsys.readouterr().err)


def test_the_command_line_refuses_another_company(tmp_path: Path) -> None:
    """The same through `python -m ind_tui` and the embedded sandbox: one line, exit 2."""
    from tests.test_cli_session import FILE_STORE, run

    home = tmp_path / "cli-home"
    assert run(home, "login", "--identity", "agent-noordzee", env=FILE_STORE).returncode == 0
    draft = tmp_path / "noordzee.tfa"
    made = run(home, "drafts", "new", "--type", "hsm_extension", "--out", str(draft),
               "--format", "json", env=FILE_STORE)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["sponsor_kvk"] == NOORDZEE
    assert run(home, "login", "--identity", "agent-delta", env=FILE_STORE).returncode == 0
    refused = run(home, "--lang", "nl", "drafts", "file", str(draft), "--yes", env=FILE_STORE)
    assert refused.returncode == 2
    line = one_line(refused.stderr)
    assert "draft_other_company" in line and NOORDZEE in line and DELTA in line
    assert "Log in voor die klant" in line
