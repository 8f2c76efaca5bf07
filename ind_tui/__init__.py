"""ind-tui: keyboard-first terminal client for the IND Business Portal."""

__version__ = "0.1.0"
