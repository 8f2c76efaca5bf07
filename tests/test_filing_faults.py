"""The fault matrix: every kind of failure, at the upload, the submission and the payment,
once (transient) or until cleared (persistent). Whatever happens, the sandbox database ends
with exactly one application and one payment for the draft, the answers as given, and the
draft at stage DONE with the portal's receipt.

A persistent fault is reported to the user as a typed error with guidance; the draft on disk
is then checked, the fault cleared, and filing resumed from the file, as after a restart."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from ind_tui.api.errors import PortalError
from ind_tui.client.client import PortalClient
from ind_tui.client.sandbox_admin import SandboxAdmin
from ind_tui.client.transport import Timeouts
from ind_tui.domain.forms import split_answers
from ind_tui.i18n.guidance import known_codes
from ind_tui.local.drafts.session import DraftSession
from ind_tui.services.filing import Filing, FilingStage
from tests.client_fixtures import TEST_RETRY, admin_of, login, make_app, make_client, memory_store
from tests.test_filing import DD, HSM, make_draft, reopen

# Short enough that a fault's latency is well over it; long enough for any real in-process
# answer on a busy machine.
FAST = Timeouts(connect=1.0, read=2.5)
LATENCY_MS = 4000


@dataclass(frozen=True)
class Target:
    route: str  # the sandbox's route name, for its faults
    method: str
    path: re.Pattern[str]  # for the refused connection, which the sandbox cannot fake


STEPS = {
    "upload": Target("documents.upload", "POST", re.compile(r"/documents$")),
    "submit": Target("applications.submit", "POST", re.compile(r"/applications$")),
    "pay": Target("applications.pay", "POST", re.compile(r"/applications/[^/]+/payment$")),
}
KINDS = ["refused", "unavailable", "commit_then_drop", "commit_then_error", "latency",
         "rate_limit"]
# What a fault that never clears comes out as; None: the client settles it by itself
# (a submission whose answers are lost is found again under its key). A write that got no
# answer and is not found may still be running: unknown, for a submission as for a payment.
PERSISTENT: dict[str, dict[str, str | None]] = {
    "upload": {"refused": "connection_failed", "unavailable": "service_unavailable",
               "commit_then_drop": "connection_dropped", "commit_then_error": "internal_error",
               "latency": "timeout", "rate_limit": "rate_limited"},
    "submit": {"refused": "connection_failed", "unavailable": "service_unavailable",
               "commit_then_drop": None, "commit_then_error": None,
               "latency": "outcome_unknown", "rate_limit": "rate_limited"},
    "pay": {"refused": "connection_failed", "unavailable": "service_unavailable",
            "commit_then_drop": "paid_receipt_pending",
            "commit_then_error": "paid_receipt_pending", "latency": "outcome_unknown",
            "rate_limit": "rate_limited"},
}


@dataclass
class Network(httpx.AsyncBaseTransport):
    """The line between client and sandbox. It can refuse connections for chosen requests,
    as a portal that is down does: nothing reaches the sandbox."""

    app: FastAPI
    refusals: list[tuple[str, re.Pattern[str], list[int | None]]] = field(default_factory=list)
    refused: int = 0

    def __post_init__(self) -> None:
        self.inner = httpx.ASGITransport(app=self.app)

    def refuse(self, method: str, path: re.Pattern[str], count: int | None) -> None:
        self.refusals.append((method, path, [count]))

    def clear(self) -> None:
        self.refusals.clear()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        for method, path, left in self.refusals:
            if request.method == method and path.search(request.url.path) and left[0] != 0:
                if left[0] is not None:
                    left[0] -= 1
                self.refused += 1
                raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


async def inject(admin: SandboxAdmin, network: Network, step: str, kind: str,
                 persistent: bool) -> None:
    target = STEPS[step]
    count = None if persistent else (1 if kind in ("latency", "rate_limit") else 2)
    if kind == "refused":
        network.refuse(target.method, target.path, count)
    elif kind == "latency":
        await admin.fault(target.route, "latency", latency_ms=LATENCY_MS, count=count)
    elif kind == "rate_limit":
        # a wait the client honours once; an hour is handed to the user instead
        await admin.fault(target.route, "rate_limit", count=count,
                          retry_after=3600 if persistent else 1)
    elif kind == "unavailable":
        await admin.fault(target.route, "unavailable", count=count, retry_after=0)
    else:
        await admin.fault(target.route, kind, count=count)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[tuple[FastAPI, Network, PortalClient]]:
    app = make_app(tmp_path)
    network = Network(app)
    store = memory_store()
    async with make_client(app, store=store) as patient:  # logging in is not under test
        await login(patient)
    async with PortalClient("http://sandbox", transport=network, retry=TEST_RETRY,
                            timeouts=FAST, portal="embedded", store=store) as client:
        yield app, network, client


def check_saved_after(error: PortalError, session: DraftSession, step: str) -> None:
    """The draft on disk after a failure: answers intact, and a stage that resumes right."""
    saved = reopen(session).draft
    assert saved.answers == HSM
    if step == "upload":
        assert saved.stage is FilingStage.NOT_SENT and saved.idempotency_key is None
        assert saved.uploads == {}
    elif step == "submit":
        assert saved.stage is FilingStage.NOT_SENT and saved.idempotency_key is not None
        assert len(saved.uploads) == 1
    else:
        paid = error.code == "paid_receipt_pending"
        assert saved.stage is (FilingStage.PAID if paid else FilingStage.SUBMITTED)
        assert saved.payment_key is not None and saved.application_id is not None


def check_portal(app: FastAPI, session: DraftSession) -> None:
    """Exactly one application and one payment, as the sandbox database has them."""
    db = app.state.sandbox.db.read()
    apps = [dict(r) for r in db.execute("SELECT * FROM applications")]
    pays = [dict(r) for r in db.execute("SELECT * FROM payments")]
    assert len(apps) == 1, apps
    assert len(pays) == 1, pays
    row = apps[0]
    assert pays[0]["application_id"] == row["id"] and pays[0]["amount"] == row["fee"] == 423
    assert row["status"] == "submitted" and row["case_id"] is not None
    draft = reopen(session).draft
    assert row["idempotency_key"] == draft.idempotency_key
    body = json.loads(row["body"])
    rest, employee, _ = split_answers("hsm_first_vvr", HSM)
    assert body["answers"] == rest
    assert body["employee"] == {**employee, "v_number": employee["v_number"]}
    ref = draft.documents["passport_copy"]
    doc = db.execute("SELECT case_id, sha256 FROM documents WHERE id=?",
                     (body["documents"]["passport_copy"],)).fetchone()
    assert doc["case_id"] == row["case_id"] and doc["sha256"] == ref.sha256
    case = db.execute("SELECT zaaknummer FROM cases WHERE id=?", (row["case_id"],)).fetchone()
    assert draft.stage is FilingStage.DONE and draft.answers == HSM
    assert draft.application_id == row["id"]
    assert draft.receipt is not None and draft.receipt.zaaknummer == case["zaaknummer"]
    assert draft.receipt.payment_reference == pays[0]["reference"]


@pytest.mark.parametrize("persistent", [False, True], ids=["transient", "persistent"])
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("step", list(STEPS))
async def test_exactly_one_application_and_payment(
    world: tuple[FastAPI, Network, PortalClient], tmp_path: Path,
    step: str, kind: str, persistent: bool,
) -> None:
    app, network, client = world
    admin = admin_of(client)
    session = make_draft(tmp_path)
    await inject(admin, network, step, kind, persistent)
    surfaced: list[str] = []
    fired = 0
    filing = Filing(client, session)
    for _ in range(3):
        try:
            await filing.run(DD)
            break
        except PortalError as exc:
            surfaced.append(exc.code)
            assert exc.code in known_codes()  # guidance in nl and en
            check_saved_after(exc, session, step)
            fired += sum(f.fired for f in (await admin.faults()).faults)
            await admin.clear_faults()
            network.clear()
            filing = Filing(client, reopen(session))  # resume from the file alone
    else:
        pytest.fail(f"still failing: {surfaced}")
    if persistent:
        expected = PERSISTENT[step][kind]
        assert surfaced == ([] if expected is None else [expected])
    else:
        assert len(surfaced) <= 1
    check_portal(app, session)
    fired += sum(f.fired for f in (await admin.faults()).faults)
    assert (network.refused if kind == "refused" else fired) > 0  # the fault did happen


def _summary(app: FastAPI) -> dict[str, Any]:
    db = app.state.sandbox.db.read()
    return {"applications": db.execute("SELECT COUNT(*) FROM applications").fetchone()[0],
            "payments": db.execute("SELECT COUNT(*) FROM payments").fetchone()[0]}


async def test_every_step_failing_at_once_still_files_once(
    world: tuple[FastAPI, Network, PortalClient], tmp_path: Path,
) -> None:
    app, network, client = world
    admin = admin_of(client)
    session = make_draft(tmp_path)
    for step in STEPS:
        for kind in ("commit_then_drop", "commit_then_error", "unavailable"):
            await inject(admin, network, step, kind, persistent=False)
        network.refuse(STEPS[step].method, STEPS[step].path, 1)
    for _ in range(6):
        try:
            await Filing(client, reopen(session)).run(DD)
            break
        except PortalError:
            continue
    check_portal(app, session)
    assert _summary(app) == {"applications": 1, "payments": 1}
