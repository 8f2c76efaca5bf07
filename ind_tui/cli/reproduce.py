"""`ind-tui support reproduce BUNDLE`: a sandbox set to what a support bundle describes, and
the TUI on it, so support staff see the user's message without the user's data.

The sandbox is a child process like the embedded one (cli/launch.py) with its own temporary
folder (IND_TUI_HOME): never the user's database, drafts, keyring or settings. The plan and
the calls are services/reproduce.py's; this module starts, says and opens.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ind_tui.cli import EXIT_FAILED, EXIT_OK, BadInput
from ind_tui.cli.session import _lang
from ind_tui.i18n import t, text

if TYPE_CHECKING:
    from ind_tui.api.auth import Me
    from ind_tui.cli.launch import ChildSandbox
    from ind_tui.local.startup import StartInfo
    from ind_tui.services.connect import Connection
    from ind_tui.services.reproduce import Note, Plan
    from ind_tui.tui.app import PortalApp


def add_parser(cmds: Any, handler: Any) -> None:
    parser = cmds.add_parser(
        "reproduce", help=t("cli.help.reproduce.reproduce"))
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--dry-run", action="store_true",
                        help=t("cli.help.reproduce.dry_run"))
    parser.add_argument("--check", action="store_true",
                        help=t("cli.help.reproduce.check"))
    parser.add_argument("--save-scenario", type=Path, metavar="OUT.toml",
                        help=t("cli.help.reproduce.save_scenario"))
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=handler)


def _line(note: Note, lang: str) -> str:
    from ind_tui.services.support import ID_KINDS

    values = dict(note.values)
    # A bundle may come from anywhere: only words this version knows are translated.
    if note.key == "reproduce.ids" and values.get("kind") in ID_KINDS.values():
        values["kind"] = text(f"reproduce.kind.{values['kind']}", lang)
    # The app's own words for the place it opens on and the kind of account.
    if "area" in values:
        area = values["area"]
        values["area"] = text({"home": "home.title", "login": "login.title"}.get(
            area, f"home.area.{area}"), lang)
    if values.get("role") in ("sponsor", "employer", "representative"):
        values["role"] = text(f"home.role.{values['role']}", lang)
    if "time" in values:  # as the user read it: Amsterdam time, in their language's form
        from datetime import datetime

        from ind_tui.i18n.format import local

        values["time"] = local(datetime.fromisoformat(values["time"]), lang)
    return text(note.key, lang, **values)


def statement(plan: Plan, bundle: Path, lang: str) -> list[str]:
    """What the reproduction shows and what it cannot, in plain lines."""
    lines = [text("reproduce.title", lang, bundle=bundle), text("reproduce.could", lang)]
    lines += [_wrapped("+", _line(n, lang)) for n in plan.done]
    if plan.missing:
        lines.append(text("reproduce.could_not", lang))
        lines += [_wrapped("-", _line(n, lang)) for n in plan.missing]
    return lines


def _wrapped(mark: str, line: str) -> str:
    import textwrap

    # Read in an 80-column terminal, before the app takes it over.
    return textwrap.fill(line, 79, initial_indent=f"  {mark} ", subsequent_indent="    ",
                         break_on_hyphens=False)


def run(args: argparse.Namespace) -> int:
    from ind_tui.sandbox.identities import identity_models
    from ind_tui.services.reproduce import plan
    from ind_tui.services.support import BundleError, read_bundle

    lang = _lang(args)
    if not args.bundle.is_file():
        raise BadInput(t("cli.refuse.no_file", path=str(args.bundle)))
    try:
        bundle = read_bundle(args.bundle)
    except BundleError as exc:
        raise BadInput(str(exc)) from exc
    steps = plan(bundle, identity_models())
    out: dict[str, Any] = {
        "plan": steps.as_dict(), "reproduced": [_line(n, lang) for n in steps.done],
        "not_reproduced": [_line(n, lang) for n in steps.missing]}
    if args.format == "text":
        print("\n".join(statement(steps, args.bundle, lang)), flush=True)
    if args.dry_run:
        return _done(out, args)
    # Everything the reproduction writes (database, log, the app's files) goes here.
    home = Path(tempfile.mkdtemp(prefix="ind-tui-reproduce-"))
    if hasattr(signal, "SIGHUP"):  # a closed terminal still removes the folder (finally)
        signal.signal(signal.SIGHUP, _hang_up)
    os.environ["IND_TUI_HOME"] = str(home)
    from ind_tui.cli.launch import SandboxStartError, start_child_sandbox

    try:
        child = start_child_sandbox(home / "sandbox.db")
    except SandboxStartError as exc:
        print(f"ind-tui: {exc}")
        shutil.rmtree(home, ignore_errors=True)
        return EXIT_FAILED
    try:
        out["sandbox"] = child.url
        _say(args, text("reproduce.started", lang, url=child.url, home=home))
        if not args.check:
            _say(args, text("reproduce.admin", lang, url=child.url, token=child.admin_token))
        scenario = asyncio.run(_prepare(child, steps, args.check, out))
        if args.save_scenario is not None:
            from ind_tui.base.atomic import atomic_write_text
            from ind_tui.cli.sandbox_scenario import to_toml

            atomic_write_text(args.save_scenario, to_toml(scenario))
            _say(args, text("reproduce.saved", lang, path=args.save_scenario))
        if args.check:
            _say(args, _outcome_line(steps, out, lang))
            return _done(out, args)
        _say(args, text("reproduce.opening", lang, identity=steps.identity))
        return _open_app(child, steps, args.lang)
    finally:
        child.stop()
        shutil.rmtree(home, ignore_errors=True)


def _hang_up(_signum: int, _frame: object) -> None:
    raise SystemExit(EXIT_FAILED)


def _say(args: argparse.Namespace, line: str) -> None:
    if args.format == "text":
        print(line, flush=True)


def _done(out: dict[str, Any], args: argparse.Namespace) -> int:
    if args.format == "json":
        print(json.dumps(out, indent=2, ensure_ascii=False, default=str))
    return EXIT_OK


def _outcome_line(plan: Plan, out: dict[str, Any], lang: str) -> str:
    got = out.get("answered")
    if plan.deregister_late and out.get("late"):
        return text("reproduce.late_again", lang)
    if got is None:
        return text("reproduce.nothing", lang)
    if got == plan.code:
        return text("reproduce.same", lang, code=got)
    return text("reproduce.other", lang, got=got, code=plan.code or "-")


def _client(child: ChildSandbox) -> Any:
    from ind_tui.client.client import PortalClient
    from ind_tui.local.tokens import StoreKind, StoreStatus, TokenStore

    # A memory store: the reproduction's login never reaches the user's keyring.
    store = TokenStore(StoreStatus(StoreKind.MEMORY, "memory", False))
    return PortalClient(child.url, store=store, profile="reproduce", portal=child.url)


async def _prepare(child: ChildSandbox, plan: Plan, check: bool,
                   out: dict[str, Any]) -> dict[str, Any]:
    """Set the sandbox to the plan; with `check`, log in and make the failed call again."""
    from ind_tui.api.errors import PortalError
    from ind_tui.client.sandbox_admin import SandboxAdmin
    from ind_tui.services.reproduce import after_login, prepare, probe

    async with _client(child) as client:
        admin = SandboxAdmin(client.http, child.admin_token)
        scenario = await prepare(admin, plan)
        if not check:
            return scenario
        try:
            device = await client.start_login()
            await admin.approve(device.user_code, plan.identity)
            await client.finish_login(device)
            await after_login(admin, plan)
            result = await probe(client, plan)
            out["late"] = bool(getattr(result, "late", False))
            out["answered"] = None
        except PortalError as exc:
            out["answered"] = exc.code
    return scenario


def _open_app(child: ChildSandbox, plan: Plan, lang: str | None) -> int:
    from ind_tui.local.settings import Profile
    from ind_tui.local.startup import peek
    from ind_tui.services.connect import connect

    profile = Profile(name="reproduce", portal=child.url, token_store="memory")

    def connector() -> AbstractAsyncContextManager[Connection]:
        @asynccontextmanager
        async def opened() -> AsyncIterator[Connection]:
            async with connect(profile, admin_token=child.admin_token) as conn:
                yield conn

        return opened()

    app = build_app(plan, peek("reproduce", child.url, lang), connector)
    result: Any = app.run()
    return int(result or 0)


def build_app(plan: Plan, start: StartInfo,
              connector: Callable[[], AbstractAsyncContextManager[Connection]]) -> PortalApp:
    """The app, logged in by itself as the plan's identity, then where the user was, making
    the call that failed (its message shows as the user's did)."""
    from ind_tui.tui.app import PortalApp

    class ReproduceApp(PortalApp):
        def logged_in(self, me: Me) -> None:
            super().logged_in(me)
            self.run_worker(self._replay(), group="reproduce", exclusive=True)

        async def _replay(self) -> None:
            from ind_tui.i18n import t
            from ind_tui.i18n.format import local
            from ind_tui.services.reproduce import after_login, probe
            from ind_tui.tui.screens.shell.login import LoginScreen

            conn = self.context.conn
            admin = conn.sandbox_admin() if conn is not None else None
            if conn is None or admin is None:
                return
            await after_login(admin, plan)
            for _ in range(200):  # the login screen makes way for home first
                if not isinstance(self.screen, LoginScreen):
                    break
                await asyncio.sleep(0.05)
            if plan.area not in ("home", "login"):
                self.action_go(plan.area)
            result = await self.call(lambda: probe(conn.client, plan))
            receipt = result.or_none()
            if receipt is not None and getattr(receipt, "late", False):
                self.notify(t("reproduce.late_receipt", reference=receipt.reference,
                              deadline=local(receipt.report_deadline)),
                            severity="warning", timeout=30)

    app = ReproduceApp(start, connector)
    app.start_identity = plan.identity
    return app
