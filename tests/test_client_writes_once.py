"""Extra documents for a case and answers to requests for information happen once: a
retry after a dropped answer finds what the first request did and adds nothing."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from ind_tui.api.cases import CaseStatus
from ind_tui.api.errors import OutcomeUnknownError, PortalError
from ind_tui.api.inbox import MessageKind, RequestState
from ind_tui.api.wire import ErrorCode
from ind_tui.client.client import PortalClient
from ind_tui.sandbox.pdfgen import letter
from tests.client_fixtures import admin_of, login, make_app, make_client


@pytest.fixture
async def client(tmp_path: Path) -> PortalClient:
    c = make_client(make_app(tmp_path))
    await login(c)
    return c


async def open_case(client: PortalClient) -> str:
    return next(c.zaaknummer for c in await client.cases() if c.status is CaseStatus.IN_PROGRESS)


async def uploads(client: PortalClient, zaak: str, sha256: str) -> list[str]:
    dossier = await client.case_documents(zaak)
    return [d.id for d in dossier.documents if d.kind == "upload" and d.sha256 == sha256]


async def test_an_upload_whose_answer_is_dropped_is_added_once(client: PortalClient) -> None:
    zaak = await open_case(client)
    data = letter(["salary slip"])
    await admin_of(client).fault("cases.upload", "commit_then_drop", count=1)
    doc = await client.upload_case_document(zaak, data, "salary.pdf", str(uuid.uuid4()))
    assert await uploads(client, zaak, doc.sha256) == [doc.id]


async def test_an_upload_whose_answers_stay_lost_is_found_with_the_same_key(
    client: PortalClient,
) -> None:  # fmt: skip
    zaak = await open_case(client)
    data = letter(["salary slip, every answer lost"])
    key = str(uuid.uuid4())
    admin = admin_of(client)
    await admin.fault("cases.upload", "commit_then_drop")
    with pytest.raises(OutcomeUnknownError):
        await client.upload_case_document(zaak, data, "salary.pdf", key)
    await admin.clear_faults()
    again = await client.upload_case_document(zaak, data, "salary.pdf", key)
    assert await uploads(client, zaak, again.sha256) == [again.id]
    # A new key is a deliberate second upload: the portal takes it (the caller asks first).
    second = await client.upload_case_document(zaak, data, "salary.pdf", str(uuid.uuid4()))
    # (same portal moment: the dossier orders the two by id)
    assert sorted(await uploads(client, zaak, again.sha256)) == sorted([again.id, second.id])


async def test_an_answer_whose_reply_is_dropped_is_sent_once(client: PortalClient) -> None:
    found, _ = await client.messages(kind=MessageKind.INFO_REQUEST, state=RequestState.OPEN)
    request = found[0]
    docs = {}
    for n, item in enumerate(request.requested):
        doc = await client.upload_case_document(request.zaaknummer, letter([f"item {n}"]),
                                                f"{item.key}.pdf", str(uuid.uuid4()))
        docs[item.key] = doc.id
    key = str(uuid.uuid4())
    await admin_of(client).fault("messages.answer", "commit_then_drop", count=1)
    receipt = await client.answer_message(request.id, docs, key)
    assert receipt.message.state is RequestState.ANSWERED
    assert (await client.message(request.id)).answered_at is not None
    again = await client.answer_message(request.id, docs, key)
    assert again.decision_deadline == receipt.decision_deadline
    # The same key with another answer is refused: a key names one request.
    other = {item: f"{doc_id}x" for item, doc_id in docs.items()}
    with pytest.raises(PortalError) as caught:
        await client.answer_message(request.id, other, key)
    assert caught.value.code == ErrorCode.IDEMPOTENCY_KEY_REUSED
