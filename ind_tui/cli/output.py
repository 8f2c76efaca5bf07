"""What the commands print reaches the terminal with no control character a portal sent.

`main` runs every command with stdout and stderr behind `SafeStream`, which spells out
control characters (`ind_tui.base.safetext.visible`) in whatever is printed: text, JSON
(whose own escapes stay valid) and CSV alike. Rich tables draw their own styles, so they are
printed by `console()` straight to the terminal, and their cells go in through `cell()`: no
control characters, no markup (`[red]`) and no emoji codes from a portal.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from ind_tui.base.safetext import visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


class SafeStream:
    """A text stream that writes through to `raw` with control characters spelled out;
    line feeds and tabs pass (they lay out tables and JSON)."""

    def __init__(self, raw: IO[str]) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(visible(text, lines=True))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def isatty(self) -> bool:
        # Styles written through here would be spelled out too: whatever asks (a Rich
        # console left at its default) is told to write plain text. Tables use `console()`.
        return False

    def __getattr__(self, name: str) -> Any:  # flush, fileno, encoding, ...
        return getattr(self.raw, name)


def _raw(stream: Any) -> Any:
    return stream.raw if isinstance(stream, SafeStream) else stream


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """Run a command with stdout and stderr behind `SafeStream`; restored afterwards."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def console(*, wide_pipe: bool = False) -> Console:
    """The Rich console for a table on stdout: no markup, emoji or highlighting of its own.
    `wide_pipe`: a pipe has no width, so do not cut the columns to 80 there."""
    from rich.console import Console

    raw = _raw(sys.stdout)
    width = 250 if wide_pipe and not raw.isatty() else None
    return Console(file=raw, width=width, markup=False, emoji=False, highlight=False)


def cell(value: object) -> Text:
    """A table cell showing `value` as it is: controls spelled out, brackets literal."""
    from rich.text import Text

    return Text(visible("" if value is None else str(value)))
