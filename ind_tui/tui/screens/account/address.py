"""The form for a new administration address. If sending fails, it reopens with what was
typed."""

from __future__ import annotations

import re
from datetime import date

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ind_tui.api.account import Address, NotificationKind, NotificationRequest
from ind_tui.i18n import t
from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.text import LanguageChanged, Tr

POSTCODE = re.compile(r"^[1-9]\d{3} ?[A-Za-z]{2}$")
FIELDS = ("street", "number", "postcode", "city", "date")


class AddressScreen(ModalScreen[NotificationRequest | None]):
    BINDINGS = [
        Binding("escape", "cancel", "key.back", id="address.cancel"),
        Binding("ctrl+s", "submit", "key.submit", id="address.submit"),
    ]

    def __init__(self, previous: NotificationRequest | None = None) -> None:
        super().__init__()
        self.previous = previous
        self.checked = False  # problems are shown once sending was tried

    def compose(self) -> ComposeResult:
        prev = self.previous
        values = {
            "street": prev.new_address.street if prev and prev.new_address else "",
            "number": prev.new_address.number if prev and prev.new_address else "",
            "postcode": prev.new_address.postcode if prev and prev.new_address else "",
            "city": prev.new_address.city if prev and prev.new_address else "",
            "date": prev.effective_date.isoformat() if prev else "",
        }
        with Vertical(id="address-form", classes="dialog"):
            yield Tr("address.title", classes="title")
            yield Tr("account.duty", classes="muted")
            for name in FIELDS:
                yield Label(t(f"address.{name}"), id=f"l-{name}")
                yield Input(values[name], id=f"f-{name}", tooltip=t("help.address"))
            yield Static("", id="address-errors", classes="error-text")
            yield Tr("address.confirm", classes="muted")
        yield PortalFooter()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        for name in FIELDS:
            self.query_one(f"#l-{name}", Label).update(t(f"address.{name}"))
            self.query_one(f"#f-{name}").tooltip = t("help.address")
        if self.checked:
            self._show_errors()

    def _values(self) -> dict[str, str]:
        return {n: self.query_one(f"#f-{n}", Input).value.strip() for n in FIELDS}

    def _errors(self) -> list[str]:
        v = self._values()
        errors = [t("address.required", field=t(f"address.{n}")) for n in FIELDS if not v[n]]
        if v["postcode"] and not POSTCODE.match(v["postcode"]):
            errors.append(t("address.invalid_postcode"))
        if v["date"]:
            try:
                date.fromisoformat(v["date"])
            except ValueError:
                errors.append(t("address.invalid_date"))
        return errors

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        if event.input.id == "f-date":
            self.action_submit()
        else:
            self.focus_next()

    def _show_errors(self) -> list[str]:
        self.checked = True
        errors = self._errors()
        self.query_one("#address-errors", Static).update("\n".join(errors))
        return errors

    def action_submit(self) -> None:
        if self._show_errors():
            return
        v = self._values()
        postcode = v["postcode"].upper().replace(" ", "")
        try:
            request = NotificationRequest(
                kind=NotificationKind.ADMINISTRATION_ADDRESS,
                effective_date=date.fromisoformat(v["date"]),
                new_address=Address(street=v["street"], number=v["number"],
                                    postcode=f"{postcode[:4]} {postcode[4:]}", city=v["city"]),
            )
        except ValidationError as exc:
            self.query_one("#address-errors", Static).update(str(exc.errors()[0]["msg"]))
            return
        self.dismiss(request)

    def action_cancel(self) -> None:
        self.dismiss(None)
