"""`ind-tui login | logout | status`: the session of a profile, from the command line.

login   device login: prints the code and the address, then waits; `--identity NAME`
        approves a sandbox test identity instead (through the sandbox admin route)
status  who is logged in, to which portal, and where the token is kept
logout  ends the session on the portal and removes the stored token
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import sys
from typing import Any

from ind_tui.cli import EXIT_FAILED, EXIT_OK, BadInput
from ind_tui.cli.words import named, portal_name
from ind_tui.i18n import t, text


def register(sub: Any) -> None:
    login = sub.add_parser("login", help=t("cli.help.session.login"))
    login.add_argument("--identity", metavar="NAME",
                       help=t("cli.help.session.identity"))
    login.add_argument("--admin-token", metavar="TOKEN",
                       help=t("cli.help.session.admin_token"))  # fmt: skip
    login.set_defaults(handler=_login)
    status = sub.add_parser("status", help=t("cli.help.session.status"))
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.set_defaults(handler=_status)
    logout = sub.add_parser("logout", help=t("cli.help.session.logout"))
    logout.set_defaults(handler=_logout)


def _lang(args: argparse.Namespace) -> str:
    """The command's language: `main` sets `args.lang` (`command_language`); a handler run
    without `main` (tests) chooses as `main` would."""
    if args.lang:
        return str(args.lang)
    from ind_tui.local.startup import peek

    return peek(None, None, None).language


def _err(line: str) -> None:
    sys.stderr.write(line.rstrip() + "\n")


def _profile(args: argparse.Namespace) -> Any:
    from ind_tui.local.settings import SettingsError, resolve_profile

    try:
        return resolve_profile(args.profile, args.portal)
    except SettingsError as exc:
        raise BadInput(t(exc.key, **exc.values)) from exc


def _passphrase() -> str | None:
    """Asked only when the encrypted file store needs it and a person is at the terminal."""
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass("ind-tui: " + t("cli.login.passphrase"))
    except (EOFError, KeyboardInterrupt):
        return None


def _fail(exc: Exception, lang: str) -> int:
    from ind_tui.api.errors import PortalError

    if isinstance(exc, PortalError):
        g = exc.guidance(lang)
        ref = f" [{exc.request_id}]" if exc.request_id else ""
        _err(f"ind-tui: {g.title} ({exc.code}){ref}. {g.explanation} {g.action}")
    else:
        _err(f"ind-tui: {exc}")
    return EXIT_FAILED


def _store_note(store: Any, lang: str) -> None:
    g = store.status.guidance(lang)
    if g is not None and not store.status.persistent:
        _err(f"ind-tui: {g.title}. {g.explanation} {g.action}")


def _login(args: argparse.Namespace) -> int:
    return asyncio.run(_login_async(args))


async def _login_async(args: argparse.Namespace) -> int:
    from ind_tui.api.errors import PortalError
    from ind_tui.cli.launch import connect_profile as connect

    lang = _lang(args)
    profile = _profile(args)
    try:
        async with connect(profile, passphrase=_passphrase, admin_token=args.admin_token) as conn:
            if conn.client.session.from_environment or conn.store.status.kind == "environment":
                _err(text("cli.login.token_from_env", lang))
                return EXIT_FAILED
            device = await conn.client.start_login()
            if args.identity:
                admin = conn.sandbox_admin()
                if admin is None:
                    raise BadInput(text("cli.login.identity_needs_sandbox", lang))
                result = await admin.approve(device.user_code, args.identity)
                if not result.approved:
                    print(text("cli.login.identity_refused", lang, identity=args.identity,
                               code=result.error_code))
            else:
                print(text("cli.login.open_page", lang))
                print(f"  {device.verification_uri}")
                print(text("cli.login.enter_code", lang, code=device.user_code))
                print(text("cli.login.waiting", lang), flush=True)
            me = await conn.client.finish_login(device)
            acting = f" — {me.acting_for.name} ({me.acting_for.kvk})" if me.acting_for else ""
            print(text("cli.login.logged_in_as", lang)
                  + f" {me.person_name}, {me.company.name} ({me.company.kvk}){acting} "
                  f"[{named('home.role', me.role.value, lang)}, {me.assurance_level}]")
            if profile.kvk and profile.kvk not in (me.company.kvk,
                                                   me.acting_for.kvk if me.acting_for else None):
                _err(text("cli.login.other_kvk", lang, kvk=profile.kvk))
            print(text("cli.login.token_kept", lang)
                  + conn.store.status.describe(lang))  # fmt: skip
            _store_note(conn.store, lang)
            return EXIT_OK
    except PortalError as exc:
        return _fail(exc, lang)


def _status(args: argparse.Namespace) -> int:
    return asyncio.run(_status_async(args))


async def _status_async(args: argparse.Namespace) -> int:
    from ind_tui.api.errors import PortalError, SessionExpiredError
    from ind_tui.cli.launch import connect_profile as connect

    lang = _lang(args)
    profile = _profile(args)
    info: dict[str, Any] = {"profile": profile.name, "portal": profile.portal}
    async with connect(profile, passphrase=_passphrase, admin_token="") as conn:
        info["portal_url"] = conn.base_url
        info["token_store"] = {
            "kind": conn.store.status.kind.value, "where": conn.store.status.backend,
            "persistent": conn.store.status.persistent, "reason": conn.store.status.reason,
        }  # fmt: skip
        stored = await conn.client.stored_login()
        info["logged_in"] = False
        problem: PortalError | None = None
        if stored is not None:
            try:
                me = await conn.client.me()
                info.update(logged_in=True, person=me.person_name, role=me.role.value,
                            company={"kvk": me.company.kvk, "name": me.company.name},
                            acting_for=(me.acting_for.model_dump() if me.acting_for else None),
                            assurance_level=me.assurance_level,
                            portal_now=me.now.isoformat())  # fmt: skip
            except SessionExpiredError as exc:
                problem = exc
            except PortalError as exc:  # offline: say what is stored, and why unchecked
                problem = exc
                info.update(logged_in=True, person=stored.person_name, company=stored.company,
                            acting_for=stored.acting_for, role=stored.role, checked=False)
        if problem is not None:
            info["problem"] = problem.code
    if args.format == "json":
        print(json.dumps(info, indent=2, ensure_ascii=False))
        return EXIT_OK if info["logged_in"] else EXIT_FAILED
    _print_status(info, conn.store.status.describe(lang), lang)
    if problem is not None:
        g = problem.guidance(lang)
        _err(f"ind-tui: {g.title}. {g.explanation} {g.action}")
    _store_note(conn.store, lang)
    return EXIT_OK if info["logged_in"] else EXIT_FAILED


def _print_status(info: dict[str, Any], where: str, lang: str) -> None:
    portal = portal_name(info["portal"], lang)
    print(text("cli.status.profile", lang) + info["profile"])
    print(text("cli.status.portal", lang) + portal)
    if info["logged_in"]:
        company = info["company"]
        if isinstance(company, dict):
            company = f"{company['name']} ({company['kvk']})"
        acting = info.get("acting_for")
        if isinstance(acting, dict):
            acting = f"{acting['name']} ({acting['kvk']})"
        line = f"{info['person']}, {company}" + (f" — {acting}" if acting else "")
        role = named("home.role", str(info.get("role")), lang)
        print(text("cli.status.logged_in", lang) + line + f" [{role}]")
    else:
        print(text("cli.status.not_logged_in", lang))
    print(text("cli.status.token", lang) + where)


def _logout(args: argparse.Namespace) -> int:
    return asyncio.run(_logout_async(args))


async def _logout_async(args: argparse.Namespace) -> int:
    from ind_tui.cli.launch import connect_profile as connect

    lang = _lang(args)
    profile = _profile(args)
    if os.environ.get("IND_TUI_TOKEN"):
        _err(text("cli.logout.token_from_env", lang))
        return EXIT_FAILED
    async with connect(profile, passphrase=_passphrase, admin_token="") as conn:
        removed = await conn.client.logout()
    print(text("cli.logout.done" if removed else "cli.logout.was_not", lang))
    return EXIT_OK
