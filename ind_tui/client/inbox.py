"""Messages from the IND and the deadlines they set. Mixed into
PortalClient."""

from __future__ import annotations

from typing import Any

from ind_tui.api.inbox import (
    AnswerReceipt,
    AnswerRequest,
    Message,
    MessageKind,
    MessagePage,
    RequestState,
)
from ind_tui.client.calls import PortalCalls
from ind_tui.client.retry import Retry


class InboxMixin(PortalCalls):
    async def messages_page(
        self, *, unread: bool | None = None, zaaknummer: str | None = None,
        kind: MessageKind | None = None, state: RequestState | None = None,
        after: str | None = None, limit: int | None = None,
    ) -> MessagePage:  # fmt: skip
        """One page, newest first; `unread` in the answer counts all unread messages."""
        params: dict[str, Any] = {
            "unread": None if unread is None else str(unread).lower(),
            "zaaknummer": zaaknummer, "kind": kind.value if kind else None,
            "state": state.value if state else None, "after": after, "limit": limit,
        }  # fmt: skip
        page = await self._read("/messages", MessagePage, **params)
        self.http.clock.observe(page.as_of)
        return page

    async def messages(
        self, *, unread: bool | None = None, zaaknummer: str | None = None,
        kind: MessageKind | None = None, state: RequestState | None = None,
        page_size: int = 500, at_most: int | None = None,
    ) -> tuple[list[Message], MessagePage]:  # fmt: skip
        """Every message matching the filter (all pages; the newest `at_most` when given), and
        the last page read (for its counts and clock)."""
        out: list[Message] = []
        after: str | None = None
        while True:
            page = await self.messages_page(unread=unread, zaaknummer=zaaknummer, kind=kind,
                                            state=state, after=after, limit=page_size)  # fmt: skip
            out.extend(page.items)
            if page.next_after is None or (at_most is not None and len(out) >= at_most):
                return out[:at_most], page
            after = page.next_after

    async def message(self, message_id: str) -> Message:
        return await self._read(f"/messages/{message_id}", Message)

    async def mark_read(self, message_id: str) -> Message:
        # Marking read again changes nothing on the portal, so a retry is safe.
        return await self._post(f"/messages/{message_id}/read", Message, mode=Retry.IDEMPOTENT)

    async def answer_message(self, message_id: str, documents: dict[str, str],
                             idempotency_key: str) -> AnswerReceipt:  # fmt: skip
        """Answer a request with documents already uploaded to its case (item key -> dossier
        document id), once: after a lost answer the same answer goes again under the same
        key, which the portal answers with the first receipt."""
        return await self._write_once(f"/messages/{message_id}/answer", AnswerReceipt,
                                      AnswerRequest(documents=documents), idempotency_key,
                                      what="answer", details={"message_id": message_id})
