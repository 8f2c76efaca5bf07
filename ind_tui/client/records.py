"""Running cases and their dossier: the read-mostly part of PortalClient, split off to keep
the client's module readable. Mixed into PortalClient."""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ind_tui.api.cases import (
    CaseDetail,
    CasePage,
    CaseStatus,
    CaseSummary,
    DossierDocument,
    DossierList,
)
from ind_tui.api.errors import BadResponseError
from ind_tui.base.atomic import atomic_writer
from ind_tui.client.calls import PortalCalls

CHUNK = 256 * 1024
# Told while a file is written: bytes written so far, and the total.
FileProgress = Callable[[int, int], None]


class RecordsMixin(PortalCalls):
    # --- cases -------------------------------------------------------------------------------

    async def cases_page(
        self,
        *,
        status: CaseStatus | None = None,
        type_id: str | None = None,
        changed_since: datetime | None = None,
        after: str | None = None,
        limit: int | None = None,
        etag: str | None = None,
    ) -> tuple[CasePage | None, str | None]:
        """One page and its ETag; (None, etag) when `etag` still matches (304)."""
        params: dict[str, Any] = {
            "status": status.value if status else None, "type": type_id,
            "changed_since": changed_since.isoformat() if changed_since else None,
            "after": after, "limit": limit,
        }  # fmt: skip
        headers = {"If-None-Match": etag} if etag else None
        response = await self._get("/cases", headers=headers, **params)
        new_etag = response.headers.get("etag")
        if response.status_code == 304:
            return None, new_etag or etag
        page = self.http.parse(response, CasePage)
        self.http.clock.observe(page.as_of)
        return page, new_etag

    async def iter_cases(
        self, *, status: CaseStatus | None = None, type_id: str | None = None,
        changed_since: datetime | None = None, page_size: int = 1000,
    ) -> AsyncIterator[CasePage]:  # fmt: skip
        after: str | None = None
        while True:
            page, _ = await self.cases_page(status=status, type_id=type_id,
                                            changed_since=changed_since, after=after,
                                            limit=page_size)  # fmt: skip
            if page is None:  # cannot happen without If-None-Match; keeps mypy honest
                return
            yield page
            if page.next_after is None:
                return
            after = page.next_after

    async def cases(self, *, status: CaseStatus | None = None) -> list[CaseSummary]:
        """Every visible case (all pages). For a kept, offline-readable list use sync."""
        return [case async for page in self.iter_cases(status=status) for case in page.items]

    async def case(self, zaaknummer: str) -> CaseDetail:
        return await self._read(f"/cases/{zaaknummer}", CaseDetail)

    async def case_documents(self, zaaknummer: str) -> DossierList:
        return await self._read(f"/cases/{zaaknummer}/documents", DossierList)

    async def upload_case_document(
        self, zaaknummer: str, data: bytes, filename: str, idempotency_key: str,
    ) -> DossierDocument:  # fmt: skip
        """An extra document for a case, added once: the caller keeps the key until an answer
        is in. The dossier cannot tell a lost upload from an earlier one of the same file,
        so after a lost answer the same upload goes again under the same key, which the
        portal answers with the document it added the first time."""
        return await self._write_once(
            f"/cases/{zaaknummer}/documents", DossierDocument, None, idempotency_key,
            what="document", content=data, details={"zaaknummer": zaaknummer},
            headers={"Content-Type": "application/pdf", "X-Filename": quote(filename)},
        )  # fmt: skip

    async def download_case_document(self, zaaknummer: str, document_id: str) -> bytes:
        response = await self._get(f"/cases/{zaaknummer}/documents/{document_id}",
                                   headers={"Accept": "application/pdf"})  # fmt: skip
        return response.content

    async def download_case_document_to(
        self, zaaknummer: str, document: DossierDocument, target: Path, *,
        overwrite: bool = False, progress: FileProgress | None = None,
    ) -> Path:  # fmt: skip
        """Fetch a dossier document and store it at `target`, whole or not at all: the bytes
        are checked against the dossier's SHA-256, written to a temporary file beside the
        target and renamed into place. An existing file is replaced only with `overwrite`
        (else FileExistsError: ask the user first)."""
        if not overwrite and target.exists():
            raise FileExistsError(str(target))
        data = await self.download_case_document(zaaknummer, document.id)
        if hashlib.sha256(data).hexdigest() != document.sha256:
            raise BadResponseError(f"{document.id}: the content does not match the dossier")
        return await store_file(target, data, overwrite=overwrite, progress=progress)


async def store_file(target: Path, data: bytes, *, overwrite: bool = False,
                     progress: FileProgress | None = None) -> Path:  # fmt: skip
    """Write `data` to `target` atomically, in chunks off the event loop."""
    total = len(data)
    view = memoryview(data)
    with atomic_writer(target, replace=overwrite) as f:
        for start in range(0, max(total, 1), CHUNK):
            await asyncio.to_thread(f.write, view[start:start + CHUNK])
            if progress is not None:
                progress(min(total, start + CHUNK), total)
        # The slow part of closing, off the loop too: the writer's own flush and fsync then
        # find nothing left to write.
        await asyncio.to_thread(f.flush)
        await asyncio.to_thread(os.fsync, f.fileno())
    return target
