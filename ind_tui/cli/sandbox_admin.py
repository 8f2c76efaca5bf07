"""`ind-tui sandbox clock | faults`: the sandbox's admin side, without curl.

Against `--portal URL` they use the admin token (`--admin-token` or
$IND_TUI_SANDBOX_ADMIN_TOKEN). Without a portal they start the embedded sandbox on this
computer's sandbox database (as the TUI does, a child process for the length of the command):
the same admin routes then check and apply the change, so there is one set of rules, and the
state is the one the TUI's sandbox starts from.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

from ind_tui.cli import EXIT_OK, BadInput
from ind_tui.cli.session import _fail, _lang, _profile
from ind_tui.i18n import t, text


def common_options(formats: bool = True) -> argparse.ArgumentParser:
    """The options every admin command takes (a parent parser)."""
    common = argparse.ArgumentParser(add_help=False)
    if formats:
        common.add_argument("--format", choices=("text", "json"), default="text")
    common.add_argument("--admin-token", metavar="TOKEN",
                        help=t("cli.help.sandbox_admin.admin_token"))  # fmt: skip
    return common


def register(cmds: Any) -> None:
    """Adds `clock` and `faults` to the `sandbox` command's actions."""
    common = common_options()

    clock = cmds.add_parser("clock", parents=[common],
                            help=t("cli.help.sandbox_admin.clock"))
    clock.add_argument("--advance", metavar="SPAN", help=t("cli.help.sandbox_admin.advance"))
    clock.add_argument("--set", dest="set_to", metavar="TIME",
                       help=t("cli.help.sandbox_admin.set"))
    running = clock.add_mutually_exclusive_group()
    running.add_argument("--freeze", action="store_const", const=False, dest="running",
                         help=t("cli.help.sandbox_admin.freeze"))
    running.add_argument("--run", action="store_const", const=True, dest="running",
                         help=t("cli.help.sandbox_admin.run"))
    clock.set_defaults(handler=_clock)

    faults = cmds.add_parser("faults", help=t("cli.help.sandbox_admin.faults"))
    actions = faults.add_subparsers(dest="faults_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help=t("cli.help.sandbox_admin.list"))
    listing.set_defaults(handler=_faults_list)
    add = actions.add_parser("add", parents=[common], help=t("cli.help.sandbox_admin.add"))
    add.add_argument("route", metavar="ROUTE", help=t("cli.help.sandbox_admin.route"))
    add.add_argument("kind", metavar="KIND", help=t("cli.help.sandbox_admin.kind"))
    add.add_argument("--count", type=int, metavar="N", help=t("cli.help.sandbox_admin.count"))
    add.add_argument("--delay", metavar="SPAN",
                     help=t("cli.help.sandbox_admin.delay"))
    add.set_defaults(handler=_faults_add)
    clear = actions.add_parser("clear", parents=[common], help=t("cli.help.sandbox_admin.clear"))
    clear.add_argument("route", metavar="ROUTE", nargs="?", help=t("cli.help.sandbox_admin.route2"))
    clear.set_defaults(handler=_faults_clear)


def _bad_input(call: Callable[[], Any], lang: str) -> Any:
    """Run a reading of `services/sandbox.py`; what it refuses is bad input (exit 2)."""
    from ind_tui.services.sandbox import SandboxInputError

    try:
        return call()
    except SandboxInputError as exc:
        raise BadInput(exc.text(lang)) from None


def clock_change(args: argparse.Namespace, lang: str) -> Any:
    """The change asked for, or None to only show the clock."""
    from ind_tui.api.sandbox_admin import ClockChange
    from ind_tui.services.sandbox import advance, parse_moment

    if args.advance is None and args.set_to is None and args.running is None:
        return None
    seconds = _bad_input(lambda: advance(args.advance), lang).advance_seconds \
        if args.advance else 0
    set_to = _bad_input(lambda: parse_moment(args.set_to), lang) if args.set_to else None
    return ClockChange(advance_seconds=seconds, set_to=set_to, running=args.running)


def fault_spec(args: argparse.Namespace, lang: str) -> Any:
    """The fault asked for; an unknown kind or a bad option is refused before connecting."""
    from ind_tui.services.sandbox import fault_spec as spec

    return _bad_input(lambda: spec(args.route, args.kind, args.count, args.delay), lang)


# --- the commands (each `*_async` takes a ready SandboxAdmin: the tests call them in-process)


async def clock_async(admin: Any, change: Any, fmt: str, lang: str) -> int:
    if change is None:
        state = await admin.clock()
        before = state.now
    else:
        state = await admin.set_clock(change)
        before = state.before or state.now
    if fmt == "json":
        print(json.dumps({"before": before.isoformat(), "after": state.now.isoformat(),
                          "running": state.running,
                          "last_refresh": state.last_refresh.isoformat()}, indent=2))
        return EXIT_OK
    from ind_tui.i18n.format import local
    from ind_tui.services.sandbox import show_span

    running = text("cli.sandbox.clock_runs" if state.running else "cli.sandbox.clock_frozen", lang)
    if change is None:
        print(text("cli.sandbox.clock_now", lang, now=local(state.now, lang, seconds=True),
                   running=running))
    else:
        print(text("cli.sandbox.clock_moved", lang, before=local(before, lang, seconds=True),
                   after=local(state.now, lang, seconds=True),
                   span=show_span(state.now - before), running=running))
    return EXIT_OK


async def faults_list_async(admin: Any, fmt: str, lang: str) -> int:
    listed = await admin.faults()
    _print_faults(listed, fmt, lang)
    return EXIT_OK


async def faults_add_async(admin: Any, spec: Any, fmt: str, lang: str) -> int:
    added = await _refused_route(lang, admin.add_fault(spec))
    listed = await admin.faults()
    if fmt != "json":
        print(text("cli.sandbox.fault_added", lang, fault=_fault_line(added, lang)))
    _print_faults(listed, fmt, lang, added=added.model_dump(mode="json"))
    return EXIT_OK


async def faults_clear_async(admin: Any, route: str | None, fmt: str, lang: str) -> int:
    before = await admin.faults()
    await _refused_route(lang, admin.clear_faults(route))
    gone = sum(1 for f in before.faults if route is None or f.route == route)
    listed = await admin.faults()
    if fmt != "json":
        from ind_tui.i18n.format import plural

        key = "cli.sandbox.cleared_route" if route else "cli.sandbox.cleared"
        print(plural(key, gone, lang, route=route))
    _print_faults(listed, fmt, lang, cleared=gone, route=route)
    return EXIT_OK


async def _refused_route(lang: str, call: Awaitable[Any]) -> Any:
    """The portal refuses a route it does not have, naming those it has: bad input."""
    from ind_tui.api.errors import PortalError

    try:
        return await call
    except PortalError as exc:
        routes = exc.details.get("routes")
        if exc.status == 422 and isinstance(routes, list):
            raise BadInput(text("cli.sandbox.unknown_route", lang, route=exc.details.get("route"),
                                routes=", ".join(map(str, routes)))) from None
        raise


def _fault_line(fault: Any, lang: str) -> str:
    from ind_tui.services.sandbox import fault_line

    return fault_line(fault, lang)


def _print_faults(listed: Any, fmt: str, lang: str, **extra: Any) -> None:
    if fmt == "json":
        from ind_tui.api.sandbox_admin import FaultKind

        print(json.dumps({**extra, "faults": [f.model_dump(mode="json") for f in listed.faults],
                          "routes": listed.routes, "kinds": [k.value for k in FaultKind]},
                         indent=2))
        return
    if not listed.faults:
        print(text("cli.sandbox.no_faults", lang))
        return
    print(text("cli.sandbox.faults_set", lang, n=len(listed.faults)))
    for fault in listed.faults:
        print("  " + _fault_line(fault, lang))


# --- connecting


def admin_run(args: argparse.Namespace, body: Callable[[Any], Awaitable[int]]) -> int:
    return asyncio.run(_admin_run_async(args, body))


async def _admin_run_async(args: argparse.Namespace,
                           body: Callable[[Any], Awaitable[int]]) -> int:
    from ind_tui.api.errors import PortalError
    from ind_tui.cli.launch import connect_profile
    from ind_tui.local.tokens import open_token_store

    lang = _lang(args)
    profile = _profile(args)
    # No login is needed for the admin routes: a memory store asks no keyring or passphrase.
    store = await open_token_store("memory", environ={})
    try:
        async with connect_profile(profile, store=store, admin_token=args.admin_token) as conn:
            admin = conn.sandbox_admin()
            if admin is None:
                raise BadInput(text("cli.sandbox.needs_token", lang))
            return await body(admin)
    except PortalError as exc:
        if exc.status == 422:  # the portal refused the values asked for (e.g. time backwards)
            g = exc.guidance(lang)
            why = exc.message if exc.code == "validation_failed" else f"{g.explanation} {g.action}"
            raise BadInput(f"{g.title} ({exc.code}): {why}") from None
        return _fail(exc, lang)


def _clock(args: argparse.Namespace) -> int:
    lang = _lang(args)
    change = clock_change(args, lang)
    return admin_run(args, lambda admin: clock_async(admin, change, args.format, lang))


def _faults_list(args: argparse.Namespace) -> int:
    lang = _lang(args)
    return admin_run(args, lambda admin: faults_list_async(admin, args.format, lang))


def _faults_add(args: argparse.Namespace) -> int:
    lang = _lang(args)
    spec = fault_spec(args, lang)
    return admin_run(args, lambda admin: faults_add_async(admin, spec, args.format, lang))


def _faults_clear(args: argparse.Namespace) -> int:
    lang = _lang(args)
    return admin_run(args, lambda admin: faults_clear_async(admin, args.route, args.format,
                                                             lang))
