"""`ind-tui` command line: no subcommand starts the TUI; subcommands are for scripts.

Exit codes (DESIGN.md): 0 ok, 1 the operation failed, 2 bad input (one line on stderr).
Each command group lives in its own module with a `register(subparsers)` function.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from typing import Any, NoReturn

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
    from ind_tui.i18n import t

    found, _problem = parse_date(value)
    if found is None:
        raise argparse.ArgumentTypeError(t("cli.refuse.not_a_date", value=repr(value)))
    return found


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any,
                  prefix: str | None = None) -> None:
        from ind_tui.i18n import t

        super().add_usage(usage, actions, groups, t("cli.argparse.usage") if prefix is None
                          else prefix)  # fmt: skip


class _Parser(argparse.ArgumentParser):
    """argparse in the interface language (`main` sets it before building the parser):
    its own words (usage, section titles, -h, the refusals it writes) are texts of the `cli`
    catalogue; every subparser is of this class too (argparse makes them of the parent's)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from ind_tui.i18n import t

        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        # argparse names its two sections once, in English, with no option to name them.
        self._positionals.title = t("cli.argparse.positionals")
        self._optionals.title = t("cli.argparse.options")
        self.add_argument("-h", "--help", action="help", help=t("cli.argparse.help"))

    def error(self, message: str) -> None:  # type: ignore[override]
        from ind_tui.i18n import language

        # argparse prints usage + message; keep the contract of one line on stderr.
        sys.stderr.write(f"{self.prog}: {argparse_text(message, language())}\n")
        raise SystemExit(EXIT_BAD_INPUT)


@cache
def _argparse_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """argparse's English messages (`cli.argparse.msg.*` in the English catalogue, in the
    catalogue's `{name}` form) as patterns that read the parts back out."""
    from ind_tui.i18n import catalogue

    found = []
    for key, english in catalogue("en").items():
        if key.startswith("cli.argparse.msg."):
            parts = re.split(r"\{(\w+)\}", english)
            pattern = "".join(re.escape(p) if n % 2 == 0 else f"(?P<{p}>.+?)"
                              for n, p in enumerate(parts))
            found.append((re.compile(pattern), key))
    return tuple(found)


def argparse_text(message: str, lang: str) -> str:
    """A message argparse wrote (in English: it has no Dutch) in `lang`; one it does not
    know stays as it is. "argument X: ..." carries another message, said in `lang` too."""
    from ind_tui.i18n import text

    if lang == "en":
        return message
    for pattern, key in _argparse_patterns():
        if m := pattern.fullmatch(message):
            parts = m.groupdict()
            if "message" in parts:
                parts["message"] = argparse_text(parts["message"], lang)
            return text(key, lang, **parts)
    return message


def _global_parser(parser_class: type[argparse.ArgumentParser] = _Parser
                   ) -> argparse.ArgumentParser:
    from ind_tui.i18n import t

    parser = parser_class(prog="ind-tui", description=t("cli.help.ind_tui"))
    parser.add_argument("--portal", metavar="URL", help=t("cli.help.portal"))
    parser.add_argument("--profile", metavar="NAME", help=t("cli.help.profile"))
    parser.add_argument("--lang", choices=("nl", "en"), help=t("cli.help.lang"))
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The whole parser, in the interface language (`ind_tui.i18n.set_language`)."""
    parser = _global_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"ind_tui.cli.{name}")
        module.register(sub)
    return parser


class _Quiet(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise argparse.ArgumentError(None, message)


def _tui_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments when they ask for the TUI alone (global options, no command, no help):
    the command groups are then not imported, which the first frame would wait for. Not
    these arguments, or wrong ones: None (the whole parser says what is wrong)."""
    if any(arg in ("-h", "--help") for arg in argv):
        return None
    parser = _Quiet(add_help=False)
    for option in ("--portal", "--profile", "--lang"):
        parser.add_argument(option)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if rest or args.lang not in (None, "nl", "en") else args


def _asked_language(argv: Sequence[str]) -> str | None:
    """The value of `--lang` before the parser is built (its texts are in that language)."""
    for n, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(argv):
            return argv[n + 1]
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
    return None


def command_language(argv: Sequence[str]) -> str:
    """The language of a command: `--lang`, else the one the TUI would choose (the saved
    language, IND_TUI_LANG, the locale)."""
    from ind_tui.i18n import LANGUAGES
    from ind_tui.local.startup import peek

    asked = _asked_language(argv)
    return peek(None, None, asked if asked in LANGUAGES else None).language


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    args = _tui_only(given)
    if args is None:
        from ind_tui.i18n import set_language

        lang = command_language(given)
        set_language(lang)
        args = build_parser().parse_args(given)
        args.lang = lang  # every command reads its language here
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
    except Exception as exc:
        from ind_tui.local.settings import SettingsError

        if not isinstance(exc, SettingsError):
            raise
        # The settings file cannot be read or names no such profile: said in the language.
        from ind_tui.i18n import t

        sys.stderr.write(f"ind-tui: {t(exc.key, **exc.values)}\n")
        return EXIT_BAD_INPUT
