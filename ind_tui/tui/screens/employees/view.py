"""What the employees list shows, apart from the screen: its columns, the duty texts, who
may see it, and the export of what is in view."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ind_tui.api.auth import Service
from ind_tui.api.employees import EmployeeStatus
from ind_tui.base.atomic import atomic_write_bytes
from ind_tui.base.safetext import CsvDictWriter
from ind_tui.domain.forms.rules import DEREGISTRATION_DEADLINE_DAYS
from ind_tui.i18n import t
from ind_tui.i18n.format import csv_style, day
from ind_tui.services.duties import DEREGISTER, Duty
from ind_tui.tui.widgets.table import Column
from ind_tui.tui.widgets.text import plain

if TYPE_CHECKING:
    from ind_tui.api.auth import Me, ServiceAccess
    from ind_tui.api.employees import Employee


def employees_access(me: Me | None) -> ServiceAccess | None:
    """The account's access to the employees service (None: not logged in)."""
    if me is None:
        return None
    return next((s for s in me.services if s.service is Service.EMPLOYEES), None)


def columns() -> list[Column]:
    c = "employees.col."
    return [
        # Below 110 columns the date of birth, start, purpose and nationality give way, in
        # that order: name, V-number, permit end, status and what is due stay readable. The
        # duty column comes last (it is also above the table, and `u` filters on it).
        Column("name", t(c + "name"), min_width=10),
        Column("v_number", t(c + "v_number"), min_width=10),
        Column("born", t(c + "born"), min_width=10, formatter=day, keep_from=110),
        Column("nationality", t(c + "nationality"), min_width=3, keep_from=95),
        Column("purpose", t(c + "purpose"), min_width=4, keep_from=100),
        Column("start", t(c + "start"), min_width=10, formatter=day, keep_from=105),
        Column("permit", t(c + "permit"), min_width=10, formatter=day),
        Column("status", t(c + "status"), min_width=5),
        Column("duty", t(c + "duty"), min_width=8),
    ]


def duty_cell(duty: Duty | None) -> str | None:
    if duty is None:
        return None
    if duty.kind == DEREGISTER:
        key = "employees.duty.deregister_late" if duty.late else "employees.duty.deregister"
    else:
        key = "employees.duty.extension_window"
    return t(key, due=day(duty.due))


def duty_line(duty: Duty, today: date) -> str:
    name = plain(duty.employee_name)
    if duty.kind == DEREGISTER:
        ended = duty.due - timedelta(days=DEREGISTRATION_DEADLINE_DAYS)
        why = t(f"employees.duty.why.{duty.detail}")
        if duty.late:
            return t("employees.duty.line.deregister_late", name=name, why=why,
                     ended=day(ended), due=day(duty.due), days=(today - duty.due).days)
        return t("employees.duty.line.deregister", name=name, why=why, ended=day(ended),
                 due=day(duty.due), days=(duty.due - today).days)
    opens = duty.detail.partition(":")[2]
    return t("employees.duty.line.extension_window", name=name, due=day(duty.due),
             days=(duty.due - today).days,
             opens=day(date.fromisoformat(opens)) if opens else "")


def write_export(path: Path, employees: list[Employee]) -> None:
    """The employees as JSON (a .json path) or CSV (anything else, UTF-8 with a BOM so Excel
    shows accents, in the interface language's style); the CSV's columns import again."""
    from ind_tui.domain.employee_csv import EXPORT_COLUMNS

    records = [e.model_dump(mode="json") for e in employees]
    if path.suffix.lower() == ".json":
        text = json.dumps(records, indent=2, ensure_ascii=False) + "\n"
        atomic_write_bytes(path, text.encode("utf-8"))
        return
    out = io.StringIO()
    style = csv_style()
    writer = CsvDictWriter(out, fieldnames=EXPORT_COLUMNS, lineterminator="\r\n",
                           delimiter=style.delimiter)
    writer.writeheader(style.header(EXPORT_COLUMNS))
    writer.writerows(records)
    atomic_write_bytes(path, ("\ufeff" + out.getvalue()).encode("utf-8"))


def denied_text(me: Me | None) -> str:
    """Why this account has no employees service, and what to do about it."""
    access = employees_access(me)
    reason = access.reason_code if access is not None else None
    company = (me.acting_for or me.company) if me is not None else None
    if reason == "not_recognised" and company is not None:
        text = t("employees.denied.not_recognised", kvk=company.kvk)
    else:
        text = t("employees.denied.other", reason=t(f"reason.{reason or 'forbidden'}"))
    return f"[b]{t('employees.denied.title')}[/b]\n\n{text}\n\n{t('employees.denied.todo')}"


def detail_text(e: Employee) -> str:
    """Everything known of one employee, under the table (the columns cut things short)."""
    none = t("employees.none")
    text = t("employees.detail", name=plain(e.name), v_number=plain(e.v_number),
             born=day(e.date_of_birth), nationality=e.nationality,
             purpose=t(f"purpose.{e.purpose.value}"), start=day(e.start_date),
             permit=day(e.permit_end) if e.permit_end else none,
             contract=day(e.contract_end) if e.contract_end else none,
             status=t(f"employees.status.{e.status.value}"))
    if e.status is EmployeeStatus.DEREGISTERED and e.end_date is not None:
        reason = t(f"employees.reason.{e.end_reason.value}") if e.end_reason else none
        text += "\n" + t("employees.detail.deregistered", end=day(e.end_date), reason=reason,
                         reference=e.deregistration_reference or none,
                         late=t("employees.detail.late") if e.deregistration_late else "")
    return text
