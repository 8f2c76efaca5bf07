"""Which applications start for a registered employee, and in what order: the forms about
the person themselves (not a family member's, not the sponsor's notification), the
extension first while the permit is in its 3-month window."""

from __future__ import annotations

from datetime import date

from ind_tui.api.applications import ApplicationType
from ind_tui.api.employees import Employee
from ind_tui.domain.forms.rules import APPLICATION_TYPES
from ind_tui.services.prefill import fits_employee, in_extension_window, types_for

TODAY = date(2026, 11, 2)


def portal_types() -> list[ApplicationType]:
    return [ApplicationType(id=r.id, name_nl=r.name_nl, name_en=r.name_en,
                            form_version=r.form_version, fee_eur=423, fee_year=2026,
                            fee_provisional=False, decision_days=r.decision_days,
                            is_extension=r.is_extension) for r in APPLICATION_TYPES]


def employee(permit_end: date | None) -> Employee:
    return Employee.model_validate({
        "id": "E1", "name": "Ana Yilmaz", "v_number": "6332068037",
        "date_of_birth": "1988-06-22", "nationality": "PRT", "purpose": "labour",
        "start_date": "2026-03-15", "permit_end": permit_end, "status": "registered"})


def test_only_forms_about_the_employee_themselves() -> None:
    assert fits_employee("hsm_extension") and fits_employee("eu_blue_card")
    assert not fits_employee("family_first") and not fits_employee("family_extension")
    assert not fits_employee("position_notification") and not fits_employee("no_such_form")


def test_the_extension_comes_first_in_its_window_only() -> None:
    types = portal_types()
    assert types_for(types, extension_first=True)[0].id == "hsm_extension"
    kept = [k.id for k in types_for(types, extension_first=False)]
    assert kept == [k.id for k in types if fits_employee(k.id)]  # the portal's order
    assert kept[0] != "hsm_extension"


def test_the_window_opens_three_months_before_the_permit_ends() -> None:
    assert in_extension_window(employee(date(2027, 2, 2)), TODAY)
    assert in_extension_window(employee(TODAY), TODAY)
    assert not in_extension_window(employee(date(2027, 2, 3)), TODAY)
    assert not in_extension_window(employee(date(2026, 11, 1)), TODAY)  # ended yesterday
    assert not in_extension_window(employee(None), TODAY)
