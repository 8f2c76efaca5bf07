"""The payment choice of the filing screen: a short list moved by j/k or the arrows, whose
chosen option carries a mark of its own, so it reads without colour (NO_COLOR) too."""

from __future__ import annotations

from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ind_tui.api.payments import PaymentMethod
from ind_tui.i18n import t
from ind_tui.tui.widgets.lists import VimOptionList

METHODS = (PaymentMethod.DIRECT_DEBIT, PaymentMethod.ONE_OFF)
CHOSEN, OTHER = "(•) ", "( ) "


class PaymentChoice(VimOptionList):
    """One option a method; the highlighted one is the method filing pays with."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(*self._choices(METHODS[0]), id=id)

    @property
    def method(self) -> PaymentMethod:
        option = self.highlighted_option
        return PaymentMethod(option.id) if option is not None and option.id else METHODS[0]

    @staticmethod
    def _choices(chosen: PaymentMethod) -> list[Option]:
        return [Option((CHOSEN if method is chosen else OTHER)
                       + t(f"wizard.filing.method.{method.value}"), id=method.value)
                for method in METHODS]

    def relabel(self) -> None:
        """Say the options again (in the language of the day), the mark on the chosen one."""
        self.reword(self._choices(self.method))

    def on_mount(self) -> None:
        self.highlighted = 0

    @on(OptionList.OptionHighlighted)
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        # Not stopped: the screen may want to know too.
        self.relabel()
