"""`ind-tui` command line: no subcommand starts the TUI; subcommands are for scripts.

Exit codes (DESIGN.md): 0 ok, 1 the operation failed, 2 bad input (one line on stderr).
Each command group lives in its own module with a `register(subparsers)` function.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

# Modules under ind_tui.cli that add subcommands; imported lazily so `ind-tui --help`
# and the TUI start do not pay for each group's imports.
COMMAND_MODULES = (
    "sandbox", "session", "drafts", "support", "cases", "opener", "employees", "inbox",
    "appointments", "payments", "forms", "completion",
)

Handler = Callable[[argparse.Namespace], int]


class BadInput(Exception):
    """Raised by a handler for input it refuses; printed as one line, exit 2."""


def day_arg(value: str) -> date:
    """A date option, read as every date input of ind-tui reads one (YYYY-MM-DD or
    DD-MM-YYYY; `parse_date`); as an argparse `type`, a refusal exits 2."""
    from ind_tui.domain.employee_cells import parse_date

    found, _problem = parse_date(value)
    if found is None:
        raise argparse.ArgumentTypeError(
            f"not a date: {value!r} (write DD-MM-YYYY or YYYY-MM-DD)")
    return found


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse prints usage + message; keep the contract of one line on stderr.
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise SystemExit(EXIT_BAD_INPUT)


def _global_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ind-tui", description="Terminal client for the IND Business Portal")
    parser.add_argument("--portal", metavar="URL",
                        help="portal base URL (default: the embedded sandbox)")
    parser.add_argument("--profile", metavar="NAME", help="profile from the config file")
    parser.add_argument("--lang", choices=("nl", "en"), help="language of the interface")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _global_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"ind_tui.cli.{name}")
        module.register(sub)
    return parser


def _tui_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments when they ask for the TUI alone (global options, no command, no help):
    the command groups are then not imported, which the first frame would wait for."""
    if any(arg in ("-h", "--help") for arg in argv):
        return None
    args, rest = _global_parser().parse_known_args(argv)
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    args = _tui_only(given) or build_parser().parse_args(given)
    handler: Handler | None = getattr(args, "handler", None)
    try:
        if handler is None:
            from ind_tui.cli.tui import run_tui

            return run_tui(args)
        from ind_tui.cli.output import guarded

        with guarded():  # nothing a portal sent reaches the terminal raw
            code = handler(args)
        # Flushed here, not at exit, so a reader gone mid-way (`| head`) is caught below.
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # The reader went away: nothing more to say to it. Point stdout at /dev/null so the
        # interpreter's own flush at exit finds no broken pipe either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except BadInput as exc:
        sys.stderr.write(f"ind-tui: {exc}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
