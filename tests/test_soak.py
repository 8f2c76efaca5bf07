"""The seeded filing soak: many drafts filed while ~30% of the requests to the upload, the
submission and the payment fail in every way the sandbox (and the line to it) can fail.

Each draft is filed until it is DONE; after a reported failure the filer sometimes carries on
and sometimes "restarts" (re-opens the draft from its file, with a new Filing). In the end the
sandbox database must hold exactly as many applications and payments as there are filed
drafts, one of each per draft, and nothing else.

    IND_TUI_SOAK=500 pytest -s tests/test_soak.py      (make soak)
    IND_TUI_SOAK_SEED=7 ...                            another seeded run
"""

from __future__ import annotations

import os
import random
from collections import Counter
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from ind_tui.api.errors import PortalError
from ind_tui.client.client import PortalClient
from ind_tui.client.retry import RetryPolicy
from ind_tui.client.transport import Timeouts
from ind_tui.local.drafts.session import DraftSession
from ind_tui.local.drafts.store import DocumentStore
from ind_tui.services.filing import Filing, FilingStage
from tests.client_fixtures import admin_of, login, make_app, make_client, memory_store
from tests.conftest_drafts import pdf_bytes
from tests.test_filing import DD, HSM, put_document, reopen
from tests.test_filing_faults import STEPS, Network

SIZE = int(os.environ.get("IND_TUI_SOAK", "40"))
SEED = int(os.environ.get("IND_TUI_SOAK_SEED", "20261102"))
FAULT_RATE = 0.30
SERVER_KINDS = ("unavailable", "server_error", "rate_limit", "commit_then_drop",
                "commit_then_error", "latency")
# Seven independent kinds (six in the sandbox, a refused connection on the line), each this
# likely, make a request meet at least one fault with FAULT_RATE.
PER_KIND = 1 - (1 - FAULT_RATE) ** (1 / (len(SERVER_KINDS) + 1))
MAX_ROUNDS = 40
RETRY = RetryPolicy(attempts=3, total_seconds=10.0, wait_initial=0.0, wait_max=0.0,
                    wait_jitter=0.0, max_retry_after=1.0, in_progress_wait=0.0)


class SeededNetwork(Network):
    """Refuses a connection to the filing routes with a seeded probability."""

    def __init__(self, app: FastAPI, rng: random.Random) -> None:
        super().__init__(app)
        self.rng = rng

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        filing = request.method == "POST" and any(t.path.search(request.url.path)
                                                  for t in STEPS.values())
        if filing and self.rng.random() < PER_KIND:
            self.refused += 1
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return await self.inner.handle_async_request(request)


@pytest.mark.soak
async def test_soak_files_each_draft_exactly_once(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    app = make_app(tmp_path, fault_seed=SEED)
    network = SeededNetwork(app, random.Random(SEED + 1))
    tokens = memory_store()
    async with make_client(app, store=tokens) as patient:
        await login(patient)
        admin = admin_of(patient)
        for target in STEPS.values():
            for kind in SERVER_KINDS:
                await admin.fault(target.route, kind, probability=PER_KIND, retry_after=0,
                                  latency_ms=2000)
        store = DocumentStore(tmp_path / "store")
        folder = tmp_path / "drafts"
        folder.mkdir()
        document = pdf_bytes(2)
        outcome: Counter[str] = Counter()
        async with PortalClient("http://sandbox", transport=network, retry=RETRY,
                                timeouts=Timeouts(connect=0.1, read=0.3), portal="embedded",
                                store=tokens) as client:
            drafts = []
            for n in range(SIZE):
                session = DraftSession.new("hsm_first_vvr", directory=folder, store=store)
                for field_id, value in {**HSM, "employee_name": f"Soak Person {n}"}.items():
                    session.set_answer(field_id, value)
                put_document(session, "passport_copy", f"passport {n}.pdf", document)
                session.save()
                filing = Filing(client, session)
                for _ in range(MAX_ROUNDS):
                    try:
                        await filing.run(DD)
                        outcome["filed"] += 1
                        break
                    except PortalError as exc:
                        outcome[str(exc.code)] += 1
                        if rng.random() < 0.5:  # a restart: only the file carries over
                            outcome["restarts"] += 1
                            filing = Filing(client, reopen(session))
                drafts.append(reopen(session).draft)
        fired = sum(f.fired for f in (await admin.faults()).faults)
        await admin.clear_faults()
    db = app.state.sandbox.db.read()
    apps = [dict(r) for r in db.execute("SELECT id, idempotency_key, status FROM applications")]
    pays = [dict(r) for r in db.execute("SELECT reference, application_id FROM payments")]
    reported = {k: v for k, v in outcome.items() if k not in ("filed", "restarts")}
    print(f"\nsoak: {SIZE} drafts, seed {SEED}, {fired + network.refused} faults injected "
          f"({network.refused} refused connections), {sum(reported.values())} failures "
          f"reported {dict(sorted(reported.items()))}, {outcome['restarts']} restarts; "
          f"filed {outcome['filed']}, applications {len(apps)}, payments {len(pays)}")
    done = [d for d in drafts if d.stage is FilingStage.DONE]
    assert outcome["filed"] == len(done) == SIZE
    assert len(apps) == len(pays) == SIZE  # applications == payments == successful filings
    by_key = Counter(a["idempotency_key"] for a in apps)
    assert max(by_key.values()) == 1  # no key filed twice
    assert {d.idempotency_key for d in done} == set(by_key)
    assert {d.application_id for d in done} == {a["id"] for a in apps}
    assert len({p["application_id"] for p in pays}) == SIZE  # one payment per application
    references = {p["application_id"]: p["reference"] for p in pays}
    for d in done:
        assert d.receipt is not None
        assert d.receipt.payment_reference == references[d.application_id]
    assert fired + network.refused > SIZE  # the faults really were there, in numbers
