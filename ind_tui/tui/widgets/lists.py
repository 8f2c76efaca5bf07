"""Lists driven by keys: vim motions (j/k/g/G) and `/` to filter as you type."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option


class VimOptionList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "key.down", show=False, id="list.down"),
        Binding("k", "cursor_up", "key.up", show=False, id="list.up"),
        Binding("g", "first", "key.first", show=False, id="list.first"),
        Binding("G", "last", "key.last", show=False, id="list.last"),
    ]

    def reword(self, options: Sequence[Option]) -> bool:
        """Put the words of `options` on the options shown, when they are the same ones (the
        same ids in the same order; say, after a language switch): the highlight and the
        scroll position stay. False when they are not the same ones (nothing changed)."""
        if [(o.id, o.disabled) for o in self.options] != [(o.id, o.disabled) for o in options]:
            return False
        for index, option in enumerate(options):
            self.replace_option_prompt_at_index(index, option.prompt)
        return True


class FilterLine(Input):
    """A list's filter line. Closed, it is hidden and takes no focus: keys typed before a list
    has loaded would otherwise vanish into it."""

    can_focus = False
    BINDINGS = [Binding("down", "to_list", "key.to_list", show=False, id="filter.to_list")]

    def action_to_list(self) -> None:
        """Down goes on into the list, as it would from the line above it; the filter stays."""
        host = next((a for a in self.ancestors if isinstance(a, FilterHost)), None)
        if host is not None:
            host.filter_target().focus()


class FilterHost(Vertical):
    """A filter line over a list-like widget: `/` opens it, Enter returns to the list, Esc
    clears and closes it (and, when it is closed, goes on to the screen as 'back').
    Subclasses declare the bindings (`filter`, `close_filter`) and say what to filter."""

    def filter_target(self) -> Widget:
        raise NotImplementedError

    def apply_filter_text(self, text: str) -> None:
        raise NotImplementedError

    def show_filter(self, text: str) -> None:
        """Open the filter line with `text` in it, leaving the focus where it is."""
        self.add_class("-filtering")
        line = self.query_one(Input)
        line.can_focus = True
        line.value = text

    def action_filter(self) -> None:
        self.add_class("-filtering")
        line = self.query_one(Input)
        line.can_focus = True
        line.focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.apply_filter_text(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.filter_target().focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_filter":
            return self.has_class("-filtering")
        return True

    def action_close_filter(self) -> None:
        line = self.query_one(Input)
        line.value = ""
        line.can_focus = False
        self.remove_class("-filtering")
        self.filter_target().focus()


class FilterList(FilterHost):
    """An option list with a filter line that `/` opens; Esc clears and closes it."""

    DEFAULT_CSS = """
    FilterList { height: auto; max-height: 100%; }
    FilterList Input { display: none; }
    FilterList.-filtering Input { display: block; }
    FilterList VimOptionList { height: auto; max-height: 100%; }
    """
    BINDINGS = [
        Binding("slash", "filter", "key.filter", show=False, id="list.filter"),
        Binding("escape", "close_filter", "key.close_filter", show=False, id="list.close_filter"),
    ]

    def __init__(self, options: Sequence[Option], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._all = list(options)

    def compose(self) -> ComposeResult:
        yield FilterLine(placeholder="/", id="filter")
        yield VimOptionList(*self._all)

    @property
    def options(self) -> VimOptionList:
        return self.query_one(VimOptionList)

    def set_options(self, options: Sequence[Option]) -> None:
        """Show these options (filtered as typed); the same ones reworded stay where they
        are, highlight and scroll position too."""
        self._all = list(options)
        text = self.query_one(Input).value
        if not self.options.reword(self._matching(text)):
            self._apply(text)

    def reword(self, options: Sequence[Option]) -> None:
        """The same options in other words (a language switch): those shown stay shown, with
        the highlight and the scroll position; the filter reads the new words from the next
        key on."""
        self._all = list(options)
        by_id = {o.id: o for o in options}
        self.options.reword([by_id.get(o.id, o) for o in self.options.options])

    def filter_target(self) -> Widget:
        return self.options

    def apply_filter_text(self, text: str) -> None:
        self._apply(text)

    def _matching(self, text: str) -> list[Option]:
        needle = text.strip().lower()
        return [o for o in self._all if not needle or needle in str(o.prompt).lower()]

    def _apply(self, text: str) -> None:
        shown = self._matching(text)
        self.options.clear_options()
        self.options.add_options(shown)
        if shown:
            self.options.highlighted = 0
