"""The sandbox's admin routes, for tests, support reproductions, and the TUI's identity picker.

Only a sandbox serves these, and only with its admin token (X-Sandbox-Admin-Token).
"""

from __future__ import annotations

import json
from typing import Any

from ind_tui.api.payments import Refund, RefundReason, RefundRequest
from ind_tui.api.sandbox_admin import (
    ApproveRequest,
    ApproveResult,
    ClockChange,
    ClockState,
    Fault,
    FaultKind,
    FaultList,
    FaultSpec,
    Identity,
)
from ind_tui.client.retry import Retry
from ind_tui.client.transport import PortalHttp

ADMIN_HEADER = "X-Sandbox-Admin-Token"


class SandboxAdmin:
    def __init__(self, http: PortalHttp, admin_token: str) -> None:
        self.http = http
        self._headers = {ADMIN_HEADER: admin_token}

    async def _call(self, method: str, path: str, body: Any = None,
                    params: dict[str, str] | None = None) -> Any:
        response = await self.http.request(
            method, path, json=body, params=params, headers=self._headers, auth=False,
            mode=Retry.UNSENT if method != "GET" else Retry.SAFE,
        )  # fmt: skip
        return response

    async def identities(self) -> list[Identity]:
        response = await self._call("GET", "/sandbox/identities")
        return [Identity.model_validate(x) for x in response.json()]

    async def approve(self, user_code: str, identity: str) -> ApproveResult:
        body = ApproveRequest(user_code=user_code, identity=identity)
        return self.http.parse(
            await self._call("POST", "/sandbox/identities/approve", body), ApproveResult
        )

    async def clock(self) -> ClockState:
        return self.http.parse(await self._call("GET", "/sandbox/clock"), ClockState)

    async def set_clock(self, change: ClockChange) -> ClockState:
        state = self.http.parse(await self._call("POST", "/sandbox/clock", change), ClockState)
        self.http.clock.observe(state.now)
        return state

    async def advance(self, *, days: int = 0, seconds: int = 0) -> ClockState:
        return await self.set_clock(ClockChange(advance_days=days, advance_seconds=seconds))

    async def faults(self) -> FaultList:
        return self.http.parse(await self._call("GET", "/sandbox/faults"), FaultList)

    async def add_fault(self, spec: FaultSpec) -> Fault:
        return self.http.parse(await self._call("POST", "/sandbox/faults", spec), Fault)

    async def fault(self, route: str, kind: FaultKind | str, **options: Any) -> Fault:
        return await self.add_fault(FaultSpec(route=route, kind=FaultKind(kind), **options))

    async def clear_faults(self, route: str | None = None) -> None:
        """Every fault, or only those aimed at `route`."""
        await self._call("DELETE", "/sandbox/faults", params={"route": route} if route else None)

    async def scenario(self) -> dict[str, Any]:
        """The sandbox's whole state as a scenario (plain data; see sandbox/scenario.py)."""
        data: dict[str, Any] = (await self._call("GET", "/sandbox/scenario")).json()
        return data

    async def load_scenario(self, data: dict[str, Any]) -> None:
        """Replace the sandbox's whole state with a scenario's."""
        await self.http.request(
            "PUT", "/sandbox/scenario", content=json.dumps(data).encode(),
            headers={**self._headers, "Content-Type": "application/json"}, auth=False,
            mode=Retry.UNSENT,
        )  # fmt: skip

    async def refund(self, reference: str,
                     reason: RefundReason = RefundReason.NOT_RECEIVED) -> Refund:
        """Refund a payment as IND staff would (raises ConflictError if refunded already)."""
        body = RefundRequest(reference=reference, reason=reason)
        return self.http.parse(await self._call("POST", "/sandbox/refunds", body), Refund)
