"""The forms of the employees area: register (aanmelden), deregister (afmelden), a yes/no
confirmation and a one-line prompt. Each checks what it can before anything is sent, by the
same rules as the portal (portal.models_employees, domain.employee_cells' readers)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static
from textual.widgets.option_list import Option

from ind_tui.api.auth import Purpose
from ind_tui.api.employees import (
    DeregistrationReason,
    DeregistrationRequest,
    Employee,
    EmployeeRegistration,
)
from ind_tui.domain.employee_cells import RowError, parse_date, parse_nationality, parse_v_number
from ind_tui.domain.employees import (
    Problem,
    problems_from_details,
    registration_problems,
)
from ind_tui.domain.forms.countries import country_name
from ind_tui.domain.forms.rules import DEREGISTRATION_DEADLINE_DAYS
from ind_tui.i18n import language, t
from ind_tui.i18n.format import day
from ind_tui.services.employee_import import describe
from ind_tui.tui.screens.shell.base import OnPortalApp, ScreenWork
from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.lists import VimOptionList
from ind_tui.tui.widgets.text import LanguageChanged, Tr, plain

if TYPE_CHECKING:
    from ind_tui.api.errors import PortalError

TEXT_FIELDS = ("name", "v_number", "date_of_birth", "nationality", "start_date", "permit_end",
               "contract_end")
OPTIONAL = ("permit_end", "contract_end")


def _problem_text(problem: Problem) -> str:
    return describe(RowError(problem.code, problem.field), language())


class RegisterScreen(OnPortalApp, ScreenWork, ModalScreen[Employee | None]):
    """Fill in, check, send. Stays open when the portal refuses, with the fields marked; the
    idempotency key stays with the same registration until the portal has answered it."""

    BINDINGS = [
        Binding("escape", "cancel", "employees.key.cancel", id="employees.register_cancel"),
        Binding("ctrl+s", "submit", "employees.key.send", id="employees.register_submit"),
    ]

    def __init__(self, purposes: list[Purpose], today: date,
                 draft: dict[str, str] | None = None) -> None:
        super().__init__()
        self.purposes = purposes or list(Purpose)
        self.today = today
        # What was typed, kept by the caller: Esc and coming back loses nothing.
        self.draft = draft if draft is not None else {}
        self._sent: EmployeeRegistration | None = None
        self._key: str | None = None
        # The problems shown (and whether the portal refused), to say again in a new language.
        self._problems: tuple[list[Problem], dict[str, str] | None, bool] = ([], None, False)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="employee-form", classes="dialog"):
            yield Tr("employees.register.title", classes="title")
            yield Tr("employees.register.intro", classes="muted")
            for name in TEXT_FIELDS:
                yield Label(t(f"employees.field.{name}"), id=f"l-{name}")
                yield Input(self.draft.get(name, ""), id=f"f-{name}",
                            tooltip=t("employees.help.register"))
                yield Static("", id=f"e-{name}", classes="error-text field-error")
                if name == "nationality":
                    yield Label(t("employees.field.purpose"), id="l-purpose")
                    yield VimOptionList(*[Option(t(f"purpose.{p.value}"), id=p.value)
                                          for p in self.purposes], id="f-purpose")
                    yield Static("", id="e-purpose", classes="error-text field-error")
            yield Static("", id="form-errors", classes="error-text")
        yield PortalFooter()

    def on_mount(self) -> None:
        self.query_one("#f-purpose", VimOptionList).highlighted = 0
        for error in self.query(".field-error"):
            error.display = False
        self.query_one("#f-name").focus()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        for name in (*TEXT_FIELDS, "purpose"):
            self.query_one(f"#l-{name}", Label).update(t(f"employees.field.{name}"))
        for field in self.query(Input):
            field.tooltip = t("employees.help.register")
        purposes = self.query_one("#f-purpose", VimOptionList)
        for p in self.purposes:
            purposes.replace_option_prompt(p.value, t(f"purpose.{p.value}"))
        self._show_country(self.query_one("#f-nationality", Input).value)
        problems, raw, refused = self._problems
        self._show(problems, raw, refused=refused, focus=False)

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        if event.input.id == "f-contract_end":
            self.action_submit()
        else:
            self.focus_next()

    @on(VimOptionList.OptionSelected, "#f-purpose")
    def _purpose_chosen(self, _: VimOptionList.OptionSelected) -> None:
        self.focus_next()  # Enter picks and moves on, as in the text fields

    @on(Input.Changed)
    def _keep(self, event: Input.Changed) -> None:
        if event.input.id:
            self.draft[event.input.id.removeprefix("f-")] = event.value

    @on(Input.Changed, "#f-nationality")
    def _country(self, event: Input.Changed) -> None:
        self._show_country(event.value)

    def _show_country(self, typed: str) -> None:
        code = parse_nationality(typed) if typed.strip() else None
        text = t("employees.register.country", code=code,
                 name=country_name(code, language())) if code else ""
        self._mark("nationality", text, error=False)

    def _mark(self, field: str, text: str, error: bool = True) -> None:
        widget = self.query_one(f"#e-{field}", Static)
        widget.update(text)
        widget.set_class(not error, "muted")
        widget.display = bool(text)

    def _read(self) -> tuple[EmployeeRegistration | None, list[Problem]]:
        raw = {n: self.query_one(f"#f-{n}", Input).value.strip() for n in TEXT_FIELDS}
        values: dict[str, object] = {}
        problems: list[Problem] = []
        for name, text in raw.items():
            parsed: object
            code: str | None
            if not text:
                if name not in OPTIONAL:
                    problems.append(Problem(name, "missing"))
                continue
            if name in ("date_of_birth", "start_date", "permit_end", "contract_end"):
                parsed, code = parse_date(text)
            elif name == "v_number":
                parsed, code = parse_v_number(text)
                code = code and "bad_v_number"  # the spreadsheet hints do not apply here
            elif name == "nationality":
                parsed = parse_nationality(text)
                code = None if parsed else "unknown_country"
            else:
                parsed, code = text, None
            if code:
                problems.append(Problem(name, code))
            values[name] = parsed
        option = self.query_one("#f-purpose", VimOptionList)
        index = option.highlighted
        values["purpose"] = self.purposes[index] if index is not None else None
        if problems:
            return None, problems
        try:
            reg = EmployeeRegistration.model_validate(values)
        except ValidationError as exc:
            return None, [Problem(str(e["loc"][0]) if e["loc"] else "name", "invalid")
                          for e in exc.errors()]
        return reg, registration_problems(reg, self.today, set(self.purposes))

    def _show(self, problems: list[Problem], raw: dict[str, str] | None = None, *,
              refused: bool = False, focus: bool = True) -> None:
        self._problems = (problems, raw, refused)
        by_field: dict[str, list[str]] = {}
        for p in problems:
            text = _problem_text(p)
            if raw and p.field in raw and p.code in ("bad_date", "ambiguous_date",
                                                     "unknown_country", "bad_v_number",
                                                     "v_number_short", "v_number_scientific"):
                text = describe(RowError(p.code, p.field, raw[p.field]), language())
            by_field.setdefault(p.field, []).append(text)
        for name in (*TEXT_FIELDS, "purpose"):
            if name != "nationality" or name in by_field:
                self._mark(name, "\n".join(by_field.get(name, [])))
        self.query_one("#form-errors", Static).update(
            t("employees.register.refused") if refused and problems else "")
        if problems and focus:
            first = next((n for n in TEXT_FIELDS if n in by_field), None)
            if first is not None:
                self.query_one(f"#f-{first}").focus()

    def action_submit(self) -> None:
        reg, problems = self._read()
        raw = {n: self.query_one(f"#f-{n}", Input).value.strip() for n in TEXT_FIELDS}
        self._show(problems, raw)
        if reg is None or problems:
            return
        if reg != self._sent or self._key is None:
            from ind_tui.client.retry import new_idempotency_key

            self._key = new_idempotency_key()  # the same registration keeps its key
        self._sent = reg
        self.send(reg)

    @work(exclusive=True, group="register")
    async def send(self, reg: EmployeeRegistration) -> None:
        app = self.portal_app
        client = app.context.client
        if client is None:
            return
        key = self._key
        app.context.last_error = None
        employee = (await app.call(lambda: client.register_employee(reg, key))).or_none()
        if employee is not None:
            self.draft.clear()
            self.dismiss(employee)
            return
        error: PortalError | None = app.context.last_error
        if error is None:
            return
        problems = problems_from_details(error.details)
        if error.code == "purpose_not_recognised":
            problems.append(Problem("purpose", "not_recognised"))
        self._show(problems, refused=True)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DeregisterScreen(ModalScreen[DeregistrationRequest | None]):
    """End date and reason, with the 4-week deadline (and lateness) shown as you type."""

    BINDINGS = [
        Binding("escape", "cancel", "employees.key.cancel", id="employees.deregister_cancel"),
        Binding("ctrl+s", "submit", "employees.key.send", id="employees.deregister_submit"),
    ]

    def __init__(self, employee: Employee, today: date,
                 previous: DeregistrationRequest | None = None,
                 suggested: date | None = None) -> None:
        super().__init__()
        self.employee = employee
        self.today = today
        self.previous = previous
        self.suggested = suggested
        self._checked = False  # problems are shown once sending was tried

    def compose(self) -> ComposeResult:
        e, prev = self.employee, self.previous
        end = prev.end_date if prev else (self.suggested or self.today)
        with Vertical(id="employee-form", classes="dialog"):
            yield Tr("employees.deregister.title", classes="title")
            yield Tr("employees.deregister.who", name=plain(e.name), v_number=e.v_number,
                     start=day(e.start_date))
            yield Label(t("employees.field.end_date"), id="l-end_date")
            yield Input(day(end), id="f-end_date", tooltip=t("employees.help.deregister"))
            yield Static("", id="deadline", classes="muted")
            yield Label(t("employees.field.reason"), id="l-reason")
            reasons = VimOptionList(*[Option(t(f"employees.reason.{r.value}"), id=r.value)
                                      for r in DeregistrationReason], id="f-reason")
            reasons.tooltip = t("employees.deregister.pick")
            yield reasons
            yield Label(t("employees.field.note"), id="l-note")
            yield Input((prev.note or "") if prev else "", id="f-note")
            yield Static("", id="form-errors", classes="error-text")
        yield PortalFooter()

    def on_mount(self) -> None:
        reasons = list(DeregistrationReason)
        picked = self.previous.reason if self.previous else DeregistrationReason.EMPLOYMENT_ENDED
        self.query_one("#f-reason", VimOptionList).highlighted = reasons.index(picked)
        self._deadline(self.query_one("#f-end_date", Input).value)
        self.query_one("#f-end_date").focus()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        for name in ("end_date", "reason", "note"):
            self.query_one(f"#l-{name}", Label).update(t(f"employees.field.{name}"))
        self.query_one("#f-end_date").tooltip = t("employees.help.deregister")
        reasons = self.query_one("#f-reason", VimOptionList)
        reasons.tooltip = t("employees.deregister.pick")
        for r in DeregistrationReason:
            reasons.replace_option_prompt(r.value, t(f"employees.reason.{r.value}"))
        self._deadline(self.query_one("#f-end_date", Input).value)
        if self._checked:  # the problems shown, in the new language
            self._check()

    @on(Input.Changed, "#f-end_date")
    def _changed(self, event: Input.Changed) -> None:
        self._deadline(event.value)

    def _deadline(self, text: str) -> None:
        end, _ = parse_date(text)
        widget = self.query_one("#deadline", Static)
        if end is None or end > self.today:
            widget.update("")
            return
        deadline = end + timedelta(days=DEREGISTRATION_DEADLINE_DAYS)
        late = self.today > deadline
        widget.update(t("employees.deregister.late" if late else "employees.deregister.deadline",
                        deadline=day(deadline)))
        widget.set_class(late, "notice")

    @on(Input.Submitted)
    @on(VimOptionList.OptionSelected, "#f-reason")
    def _next(self, _: Input.Submitted | VimOptionList.OptionSelected) -> None:
        self.focus_next()

    def _check(self) -> date | None:
        """The end date typed, or None with the problems shown."""
        self._checked = True
        text = self.query_one("#f-end_date", Input).value
        end, code = parse_date(text)
        errors = []
        if end is None:
            errors.append(describe(RowError(code or "bad_date", "end_date", text), language()))
        elif end > self.today:
            from ind_tui.i18n.guidance import guidance

            g = guidance("employee_end_in_future", language())
            errors.append(f"{g.title}. {g.action}")
        self.query_one("#form-errors", Static).update("\n".join(errors))
        return None if errors else end

    def action_submit(self) -> None:
        end = self._check()
        if end is None:
            return
        index = self.query_one("#f-reason", VimOptionList).highlighted or 0
        note = self.query_one("#f-note", Input).value.strip()[:200] or None
        self.dismiss(DeregistrationRequest(end_date=end,
                                           reason=list(DeregistrationReason)[index], note=note))

    def action_cancel(self) -> None:
        self.dismiss(None)
