"""A kept submission key is not sent again blindly (issue 16, item 10): after a lost answer
a day earlier, filing again first asks the portal what it has under the key and takes that
application and its receipt; no second submission goes out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi import FastAPI

from ind_tui.api.errors import PortalError
from ind_tui.client.client import PortalClient
from ind_tui.services.filing import Filing, FilingStage
from tests.client_fixtures import admin_of
from tests.test_filing import DD, make_draft, reopen
from tests.test_filing_faults import Network, check_portal, world  # noqa: F401 (fixture)


def _sent(client: PortalClient, method: str, path: str) -> int:
    return sum(1 for r in client.reqlog.records()
               if r.method == method and r.path.split("?")[0].endswith(path))


async def test_a_lost_answer_a_day_ago_is_looked_up_not_filed_again(
    world: tuple[FastAPI, Network, PortalClient], tmp_path: Path,  # noqa: F811
) -> None:
    app, network, client = world
    admin = admin_of(client)
    session = make_draft(tmp_path)
    # Filed, but the answer is lost and so is every look that day (the laptop went offline).
    await admin.fault("applications.submit", "commit_then_drop")
    network.refuse("GET", re.compile(r"/applications$"), None)
    with pytest.raises(PortalError):
        await Filing(client, session).run(DD)
    kept = reopen(session).draft
    assert kept.stage is FilingStage.NOT_SENT and kept.idempotency_key is not None
    await admin.clear_faults()
    network.clear()
    await admin.advance(seconds=25 * 3600)  # a day later, past a 24-hour key
    submitted = _sent(client, "POST", "/applications")

    filing = Filing(client, reopen(session))
    await filing.run(DD)
    assert _sent(client, "POST", "/applications") == submitted  # looked up, not sent
    assert _sent(client, "GET", "/applications") >= 1
    check_portal(app, session)  # one application, one payment, the receipt kept
    receipt = reopen(session).draft.receipt
    assert receipt is not None and receipt.zaaknummer in filing.receipt_text("en")
