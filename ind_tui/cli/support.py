"""`ind-tui support show BUNDLE`: what the user saw and did, for support staff;
`ind-tui support reproduce BUNDLE` (cli/reproduce.py): the same message on a sandbox."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ind_tui.cli import EXIT_OK, BadInput


def register(sub: Any) -> None:
    parser = sub.add_parser("support", help="support bundles")
    cmds = parser.add_subparsers(dest="support_command", metavar="ACTION", required=True)
    show = cmds.add_parser("show", help="show what a support bundle holds")
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
        raise BadInput(f"no such file: {args.bundle}")
    try:
        bundle = read_bundle(args.bundle)
    except BundleError as exc:
        raise BadInput(str(exc)) from exc
    if args.format == "json":
        print(json.dumps(bundle, indent=2, ensure_ascii=False))
        return EXIT_OK
    report = bundle["report.json"]
    print("== report")
    for key in ("created_local", "created_utc", "kvk", "own_kvk", "person", "profile", "portal_url",
                "app_version", "format_version", "portal_time", "screen"):
        print(f"{key:>14}: {report.get(key, 1 if key == 'format_version' else None)}")
    account = report.get("account") or {}
    if account:
        parts = [str(account.get("role")), str(account.get("assurance_level"))]
        if account.get("acting_for_other"):
            parts.append("acting for another company")
        if account.get("recognitions"):
            parts.append("recognised for " + ", ".join(account["recognitions"]))
        print(f"{'account':>14}: {', '.join(parts)}")
    failure = report.get("failure") or report.get("last_write")
    if failure:
        print(f"{'failed request' if report.get('failure') else 'last write':>14}: "
              f"{failure.get('route')} {failure.get('status')} {failure.get('code') or ''}")
    for kind, hashes in sorted((report.get("ids") or {}).items()):
        print(f"{kind + ' ids':>14}: {', '.join(hashes)}")
    print("\n== description\n" + str(bundle.get("description.txt", "")))
    error = bundle.get("error.json")
    if error:
        print("\n== last error")
        for key in ("code", "status", "request_id", "message"):
            print(f"{key:>14}: {error.get(key)}")
    print("\n== last requests (newest last)")
    for r in (bundle.get("requests.json") or [])[-30:]:
        print(f"  {r.get('at', '')[:19]}  {r.get('method', ''):<6} {r.get('status')!s:<4} "
              f"{r.get('duration_ms', '')!s:>7} ms  {r.get('request_id', '')}  {r.get('path')}")
    print("\n== screen as the user saw it\n" + str(bundle.get("screen.txt", "")))
    return EXIT_OK
