"""Employees registered under the sponsor: list, register, deregister. Mixed into
PortalClient."""

from __future__ import annotations

from typing import Any

import httpx

from ind_tui.portal.models import (
    DeregistrationReceipt,
    DeregistrationRequest,
    Employee,
    EmployeePage,
    EmployeeRegistration,
    EmployeeStatus,
)
from ind_tui.portal.retry import Retry
from ind_tui.portal.transport import PortalHttp


class EmployeesMixin:
    http: PortalHttp

    async def _get(self, path: str, **params: Any) -> httpx.Response:
        return await self.http.request("GET", path, params=params)

    async def employees_page(
        self, *, status: EmployeeStatus | None = None, after: str | None = None,
        limit: int | None = None,
    ) -> EmployeePage:  # fmt: skip
        response = await self._get(
            "/employees", status=status.value if status else None, after=after, limit=limit
        )
        return self.http.parse(response, EmployeePage)

    async def employees(
        self, *, status: EmployeeStatus | None = None, page_size: int = 1000
    ) -> list[Employee]:
        out: list[Employee] = []
        after: str | None = None
        while True:
            page = await self.employees_page(status=status, after=after, limit=page_size)
            out.extend(page.items)
            if page.next_after is None:
                return out
            after = page.next_after

    async def register_employee(self, registration: EmployeeRegistration) -> Employee:
        response = await self.http.request(
            "POST", "/employees", json=registration, mode=Retry.UNSENT
        )
        return self.http.parse(response, Employee)

    async def deregister_employee(
        self, employee_id: str, request: DeregistrationRequest
    ) -> DeregistrationReceipt:
        response = await self.http.request(
            "POST", f"/employees/{employee_id}/deregistration", json=request, mode=Retry.UNSENT
        )
        return self.http.parse(response, DeregistrationReceipt)
