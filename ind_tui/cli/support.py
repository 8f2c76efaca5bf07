"""`ind-tui support show BUNDLE`: what the user saw and did, for support staff."""

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
                "app_version"):
        print(f"{key:>14}: {report.get(key)}")
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
