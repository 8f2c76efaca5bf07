"""PortalClient.upload_document streams the body in chunks with its Content-Length, reports
progress per chunk, and sends it whole again on a retry."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from ind_tui.api.errors import DocumentRejectedError
from ind_tui.client.applications import UPLOAD_CHUNK
from ind_tui.client.client import PortalClient
from tests.client_fixtures import TEST_RETRY, login, make_app, make_client
from tests.conftest_drafts import pdf_bytes

DATA = pdf_bytes(1, pad=5 * UPLOAD_CHUNK)


async def test_bytes_go_in_chunks_with_progress(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path)) as client:
        await login(client)
        seen: list[tuple[int, int]] = []
        doc = await client.upload_document(DATA, "big.pdf",
                                           progress=lambda d, t: seen.append((d, t)))
    assert doc.size == len(DATA) and doc.sha256 == hashlib.sha256(DATA).hexdigest()
    assert len(seen) == -(-len(DATA) // UPLOAD_CHUNK) and seen[-1] == (len(DATA), len(DATA))
    steps = [b - a for (a, _), (b, _) in zip([(0, 0), *seen], seen, strict=False)]
    assert all(0 < step <= UPLOAD_CHUNK for step in steps)
    assert client.reqlog.last() is not None


class BreaksOnce(httpx.AsyncBaseTransport):
    """A line that fails once after taking the first chunk, before anything reached the
    portal (httpx reports it as not connected, so the upload may be sent again)."""

    def __init__(self, app: FastAPI) -> None:
        self.inner = httpx.ASGITransport(app=app)
        self.broken = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/documents") and not self.broken:
            self.broken = True
            async for _ in request.stream:  # type: ignore[union-attr]
                break
            raise httpx.ConnectError("connection broke", request=request)
        return await self.inner.handle_async_request(request)


async def test_a_chunk_source_is_read_afresh_on_a_retry(tmp_path: Path) -> None:
    calls = 0

    def source() -> AsyncIterator[bytes]:
        nonlocal calls
        calls += 1

        async def chunks() -> AsyncIterator[bytes]:
            for start in range(0, len(DATA), 10_000):
                yield DATA[start:start + 10_000]

        return chunks()

    seen: list[int] = []
    app = make_app(tmp_path)
    line = BreaksOnce(app)
    async with PortalClient("http://sandbox", transport=line, retry=TEST_RETRY,
                            portal="embedded") as client:
        await login(client)
        doc = await client.upload_document(source, "streamed.pdf", size=len(DATA),
                                           progress=lambda d, t: seen.append(d))
    assert line.broken and calls == 2  # the broken attempt, then the whole body again
    assert doc.sha256 == hashlib.sha256(DATA).hexdigest() and doc.size == len(DATA)
    # progress counts the attempt that went through, from its first chunk to the last
    assert seen == [min(n * 10_000, len(DATA)) for n in range(1, -(-len(DATA) // 10_000) + 1)]


async def test_the_declared_size_is_refused_before_the_body_is_read(tmp_path: Path) -> None:
    seen: list[int] = []
    async with make_client(make_app(tmp_path, max_document_bytes=UPLOAD_CHUNK)) as client:
        await login(client)
        with pytest.raises(DocumentRejectedError) as caught:
            await client.upload_document(DATA, "too big.pdf",
                                         progress=lambda d, t: seen.append(d))
    assert caught.value.code == "document_too_large"
    assert seen == []  # refused on its Content-Length: not a chunk was taken


async def test_a_streamed_document_needs_its_size(tmp_path: Path) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield DATA

    async with make_client(make_app(tmp_path)) as client:
        with pytest.raises(ValueError):
            await client.upload_document(chunks, "x.pdf")
