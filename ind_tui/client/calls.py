"""The one way each part of PortalClient talks to the portal: a read, a plain write, and a
write that must happen once. Every mixin of PortalClient builds on this."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel

from ind_tui.client.once import Look, send_once
from ind_tui.client.retry import Retry, check_idempotency_key
from ind_tui.client.transport import PortalHttp

M = TypeVar("M", bound=BaseModel)


class PortalCalls:
    http: PortalHttp

    async def _get(self, path: str, *, headers: Mapping[str, str] | None = None,
                   **params: Any) -> httpx.Response:  # fmt: skip
        """A read (None-valued params are left out); safe to repeat."""
        return await self.http.request("GET", path, params=params, headers=headers)

    async def _read(self, path: str, model: type[M], **params: Any) -> M:
        return self.http.parse(await self._get(path, **params), model)

    async def _read_list(self, path: str, model: type[M], **params: Any) -> list[M]:
        return self.http.parse_list(await self._get(path, **params), model)

    async def _post(
        self, path: str, model: type[M], body: BaseModel | None = None, *,
        mode: Retry = Retry.UNSENT, headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
    ) -> M:  # fmt: skip
        """A write without a key: repeated only as far as `mode` allows (by default, only
        when it surely never reached the portal)."""
        response = await self.http.request(
            "POST", path, json=body, content=content, headers=headers, mode=mode
        )
        return self.http.parse(response, model)

    async def _post_keyed(self, path: str, model: type[M], body: BaseModel | None, key: str,
                          *, content: bytes | None = None,
                          headers: Mapping[str, str] | None = None) -> M:  # fmt: skip
        """One send of a keyed write (retried with the same key on a lost answer)."""
        return await self._post(path, model, body, mode=Retry.IDEMPOTENT, content=content,
                                headers={**(headers or {}), "Idempotency-Key": key})  # fmt: skip

    async def _write_once(
        self, path: str, model: type[M], body: BaseModel | None, key: str, *, what: str,
        look: Look[M] | None = None, details: dict[str, Any] | None = None,
        content: bytes | None = None, headers: Mapping[str, str] | None = None,
    ) -> M:  # fmt: skip
        """A keyed write done once (see once.py); `look` finds what the portal made of it,
        and without one the same request is sent again under the same key. A raw body
        (`content`, say a PDF) goes instead of `body`, with its own `headers`."""
        check_idempotency_key(key)
        return await send_once(lambda: self._post_keyed(path, model, body, key, content=content,
                                                        headers=headers), look,
                               what=what, details={"idempotency_key": key, **(details or {})})
