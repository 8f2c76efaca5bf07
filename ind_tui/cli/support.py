"""`ind-tui support show BUNDLE`: what the user saw and did, for support staff;
`ind-tui support reproduce BUNDLE` (cli/reproduce.py): the same message on a sandbox."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ind_tui.cli import EXIT_OK, BadInput
from ind_tui.cli.session import _lang
from ind_tui.i18n import t, text


def register(sub: Any) -> None:
    parser = sub.add_parser("support", help=t("cli.help.support.support"))
    cmds = parser.add_subparsers(dest="support_command", metavar="ACTION", required=True)
    show = cmds.add_parser("show", help=t("cli.help.support.show"))
    show.add_argument("bundle", type=Path)
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=_show)
    from ind_tui.cli.reproduce import add_parser

    add_parser(cmds, _reproduce)


def _reproduce(args: argparse.Namespace) -> int:
    from ind_tui.cli.reproduce import run

    return run(args)


def _show(args: argparse.Namespace) -> int:
    from ind_tui.services.support import BundleError, read_bundle

    if not args.bundle.is_file():
        raise BadInput(text("cli.refuse.no_file", _lang(args), path=str(args.bundle)))
    try:
        bundle = read_bundle(args.bundle)
    except BundleError as exc:
        raise BadInput(str(exc)) from exc
    if args.format == "json":
        print(json.dumps(bundle, indent=2, ensure_ascii=False))
        return EXIT_OK
    _print_bundle(bundle, _lang(args))
    return EXIT_OK


def _moment(value: object, lang: str, *, seconds: bool = False) -> str:
    """A moment of the bundle (ISO 8601; without offset: UTC) in Amsterdam time, as every time
    ind-tui prints; anything else as it is."""
    from datetime import UTC, datetime

    from ind_tui.i18n.format import local

    if not isinstance(value, str) or not value:
        return "" if value is None else str(value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return local(moment, lang, seconds=seconds)


def _print_bundle(bundle: dict[str, Any], lang: str) -> None:
    report = bundle["report.json"]

    def row(key: str, value: object) -> None:
        print(f"{text('cli.support.field.' + key, lang):>16}: {value}")

    print("== " + text("cli.support.report", lang))
    row("created", _moment(report.get("created_utc") or report.get("created_local"), lang,
                           seconds=True))
    for key in ("kvk", "own_kvk", "person", "profile", "portal_url", "app_version"):
        row(key, report.get(key))
    row("format_version", report.get("format_version", 1))
    row("portal_time", _moment(report.get("portal_time"), lang, seconds=True))
    row("screen", report.get("screen"))
    account = report.get("account") or {}
    if account:
        parts = [str(account.get("role")), str(account.get("assurance_level"))]
        if account.get("acting_for_other"):
            parts.append(text("cli.support.acting_for_other", lang))
        if account.get("recognitions"):
            parts.append(text("cli.support.recognised", lang,
                              purposes=", ".join(account["recognitions"])))
        row("account", ", ".join(parts))
    failure = report.get("failure") or report.get("last_write")
    if failure:
        row("failure" if report.get("failure") else "last_write",
            f"{failure.get('route')} {failure.get('status')} {failure.get('code') or ''}")
    for kind, hashes in sorted((report.get("ids") or {}).items()):
        print(f"{text('cli.support.ids', lang, kind=kind):>16}: {', '.join(hashes)}")
    print("\n== " + text("cli.support.description", lang) + "\n"
          + str(bundle.get("description.txt", "")))
    error = bundle.get("error.json")
    if error:
        print("\n== " + text("cli.support.last_error", lang))
        for key in ("code", "status", "request_id", "message"):
            print(f"{key:>16}: {error.get(key)}")
    print("\n== " + text("cli.support.requests", lang))
    for r in (bundle.get("requests.json") or [])[-30:]:
        print(f"  {_moment(r.get('at'), lang, seconds=True)}  {r.get('method', ''):<6} "
              f"{r.get('status')!s:<4} {r.get('duration_ms', '')!s:>7} ms  "
              f"{r.get('request_id', '')}  {r.get('path')}")
    print("\n== " + text("cli.support.screen", lang) + "\n" + str(bundle.get("screen.txt", "")))
