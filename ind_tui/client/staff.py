"""Employees registered under the sponsor: list, register, deregister. Mixed into
PortalClient.

With an idempotency key a registration or deregistration is sent as an idempotent call: a
timeout or a dropped answer is retried with the same key, and the portal answers a repeat
with the first answer instead of acting twice. Keep the key until the answer is in.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import httpx

from ind_tui.api.employees import (
    DeregistrationReceipt,
    DeregistrationRequest,
    Employee,
    EmployeePage,
    EmployeeRegistration,
    EmployeeStatus,
)
from ind_tui.client.retry import Retry, check_idempotency_key
from ind_tui.client.transport import PortalHttp

PAGE_SIZE = 1000  # the portal's largest page


class EmployeesMixin:
    http: PortalHttp

    async def _get(self, path: str, **params: Any) -> httpx.Response:
        return await self.http.request("GET", path, params=params)

    async def employees_page(
        self, *, status: EmployeeStatus | None = None, after: str | None = None,
        limit: int | None = None, ending_before: date | None = None,
    ) -> EmployeePage:  # fmt: skip
        response = await self._get(
            "/employees", status=status.value if status else None, after=after, limit=limit,
            ending_before=ending_before.isoformat() if ending_before else None,
        )
        return self.http.parse(response, EmployeePage)

    async def iter_employees(
        self, *, status: EmployeeStatus | None = None, page_size: int = PAGE_SIZE,
        ending_before: date | None = None, first_page: int | None = None,
    ) -> AsyncIterator[EmployeePage]:  # fmt: skip
        """Page after page, so a screen can show the first ones while the rest arrive
        (`first_page`: a smaller first request, for a quick first paint)."""
        after: str | None = None
        size = first_page or page_size
        while True:
            page = await self.employees_page(
                status=status, after=after, limit=size, ending_before=ending_before
            )
            yield page
            if page.next_after is None:
                return
            after, size = page.next_after, page_size

    async def employees(
        self, *, status: EmployeeStatus | None = None, page_size: int = PAGE_SIZE,
        ending_before: date | None = None,
    ) -> list[Employee]:  # fmt: skip
        out: list[Employee] = []
        async for page in self.iter_employees(
            status=status, page_size=page_size, ending_before=ending_before
        ):
            out.extend(page.items)
        return out

    async def register_employee(
        self, registration: EmployeeRegistration, idempotency_key: str | None = None
    ) -> Employee:
        response = await self.http.request(
            "POST", "/employees", json=registration, **_once(idempotency_key)
        )
        return self.http.parse(response, Employee)

    async def deregister_employee(
        self, employee_id: str, request: DeregistrationRequest,
        idempotency_key: str | None = None,
    ) -> DeregistrationReceipt:  # fmt: skip
        response = await self.http.request(
            "POST", f"/employees/{employee_id}/deregistration", json=request,
            **_once(idempotency_key),
        )
        return self.http.parse(response, DeregistrationReceipt)


def _once(key: str | None) -> dict[str, Any]:
    if key is None:
        return {"mode": Retry.UNSENT}
    return {"mode": Retry.IDEMPOTENT, "headers": {"Idempotency-Key": check_idempotency_key(key)}}
