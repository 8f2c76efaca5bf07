"""Employees registered under the sponsor: list, register, deregister. Mixed into
PortalClient.

With an idempotency key a registration or deregistration is done once (once.py): a timeout
or a dropped answer is retried with the same key, and the portal answers a repeat with the
first answer instead of acting twice. Keep the key until the answer is in. The portal offers
no lookup by key here (and finding a V-number would mean reading every page), so after a
lost answer the same request under the same key is what finds out.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

from ind_tui.api.employees import (
    DeregistrationReceipt,
    DeregistrationRequest,
    Employee,
    EmployeePage,
    EmployeeRegistration,
    EmployeeStatus,
)
from ind_tui.client.calls import PortalCalls

PAGE_SIZE = 1000  # the portal's largest page


class EmployeesMixin(PortalCalls):
    async def employees_page(
        self, *, status: EmployeeStatus | None = None, after: str | None = None,
        limit: int | None = None, ending_before: date | None = None,
    ) -> EmployeePage:  # fmt: skip
        return await self._read(
            "/employees", EmployeePage, status=status.value if status else None, after=after,
            limit=limit, ending_before=ending_before.isoformat() if ending_before else None,
        )

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
        if idempotency_key is None:
            return await self._post("/employees", Employee, registration)
        return await self._write_once("/employees", Employee, registration, idempotency_key,
                                      what="registration")  # fmt: skip

    async def deregister_employee(
        self, employee_id: str, request: DeregistrationRequest,
        idempotency_key: str | None = None,
    ) -> DeregistrationReceipt:  # fmt: skip
        path = f"/employees/{employee_id}/deregistration"
        if idempotency_key is None:
            return await self._post(path, DeregistrationReceipt, request)
        return await self._write_once(path, DeregistrationReceipt, request, idempotency_key,
                                      what="deregistration",
                                      details={"employee_id": employee_id})  # fmt: skip
