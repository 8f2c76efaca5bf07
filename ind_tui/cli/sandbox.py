"""`ind-tui sandbox serve | identities | clock | faults | scenario`: the sandbox portal for
demos, tests and support (clock and faults: `cli/sandbox_admin.py`; scenarios:
`cli/sandbox_scenario.py`)."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from ind_tui.cli import EXIT_OK, BadInput, sandbox_admin, sandbox_scenario
from ind_tui.i18n import t


def register(sub: Any) -> None:
    parser = sub.add_parser("sandbox", help=t("cli.help.sandbox.sandbox"))
    cmds = parser.add_subparsers(dest="sandbox_command", metavar="ACTION", required=True)

    serve = cmds.add_parser("serve", help=t("cli.help.sandbox.serve"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--db", type=Path, help=t("cli.help.sandbox.db"))
    serve.add_argument("--seed", choices=("demo", "none"), default="demo",
                       help=t("cli.help.sandbox.seed"))
    serve.add_argument("--cases", type=int, default=0, metavar="N",
                       help=t("cli.help.sandbox.cases"))
    serve.add_argument("--employees", type=int, default=0, metavar="N",
                       help=t("cli.help.sandbox.employees"))
    serve.add_argument("--admin-token", default=os.environ.get("IND_TUI_SANDBOX_ADMIN_TOKEN"),
                       help=t("cli.help.sandbox.admin_token"))
    serve.add_argument("--clock", choices=("running", "frozen"), default="running",
                       help=t("cli.help.sandbox.clock"))
    serve.add_argument("--token-ttl", type=int, default=900, metavar="SECONDS",
                       help=t("cli.help.sandbox.token_ttl"))
    serve.add_argument("--scenario", type=Path, metavar="FILE.toml",
                       help=t("cli.help.sandbox.scenario"))
    # The TUI's embedded default (ind_tui/cli/launch.py): address on stdout, stop at stdin EOF.
    serve.add_argument("--embedded", action="store_true", help=argparse.SUPPRESS)
    serve.set_defaults(handler=_serve)

    ids = cmds.add_parser("identities", help=t("cli.help.sandbox.identities"))
    ids.add_argument("--format", choices=("table", "json"), default="table")
    ids.set_defaults(handler=_identities)
    sandbox_admin.register(cmds)
    sandbox_scenario.register(cmds)


def _serve(args: argparse.Namespace) -> int:
    from ind_tui.sandbox.serve import serve_embedded, serve_forever
    from ind_tui.sandbox.state import SandboxConfig

    if not 0 <= args.port <= 65535:
        raise BadInput(t("cli.refuse.port", port=args.port))
    if args.cases < 0:
        raise BadInput(t("cli.refuse.cases"))
    if args.employees < 0:
        raise BadInput(t("cli.refuse.employees"))
    if args.token_ttl < 10:
        raise BadInput(t("cli.refuse.token_ttl"))
    if args.db is None:
        from ind_tui.local.paths import sandbox_db

        args.db = sandbox_db()
    if args.scenario is not None:
        from ind_tui.cli.session import _lang

        sandbox_scenario.load_into_database(args.scenario, args.db, _lang(args))
    kwargs: dict[str, Any] = {}
    if args.admin_token:
        kwargs["admin_token"] = args.admin_token
    if args.embedded:
        # A short poll interval: the TUI's identity picker approves within a second.
        kwargs["device_interval"] = 2
    config = SandboxConfig(
        db_path=args.db, seed=args.seed, extra_cases=args.cases, extra_employees=args.employees,
        clock_running=args.clock == "running", access_token_ttl=args.token_ttl, **kwargs,
    )
    try:
        if args.embedded:
            serve_embedded(config, args.host, args.port)
        else:
            serve_forever(config, args.host, args.port)
    except OSError as exc:
        raise BadInput(t("cli.refuse.listen", where=f"{args.host}:{args.port}",
                          reason=exc.strerror)) from exc
    return EXIT_OK


def _identities(args: argparse.Namespace) -> int:
    from ind_tui.sandbox.identities import identity_models

    identities = identity_models()
    if args.format == "json":
        print(json.dumps([i.model_dump(mode="json") for i in identities], indent=2))
        return EXIT_OK
    import shutil
    import textwrap

    from ind_tui.cli.session import _lang
    from ind_tui.i18n import text
    from ind_tui.services.sandbox import identity_outcome, identity_purpose

    lang = _lang(args)
    # Two lines per identity, wrapped to the terminal (80 columns at most: it reads as a list).
    width = max(40, min(80, shutil.get_terminal_size((80, 24)).columns))
    print(text("sandbox.identities.title", lang))
    for i in identities:
        print(f"{i.name:<21}{i.person_name:<17}{i.assurance_level:<5}"
              f"{identity_outcome(i, lang)}"[:width].rstrip())
        kvk = f"KvK {i.kvk}"
        if i.acting_for:
            kvk += " " + text("sandbox.identities.acting_for", lang, kvk=i.acting_for)
        print(textwrap.fill(f"{kvk} · {identity_purpose(i, lang)}", width,
                            initial_indent="   ", subsequent_indent="   "))
    return EXIT_OK
