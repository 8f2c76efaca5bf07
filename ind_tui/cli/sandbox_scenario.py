"""`ind-tui sandbox scenario dump [OUT.toml] | load FILE.toml`: a sandbox's whole state as a
TOML file, and back (`sandbox serve --scenario FILE` starts from one). Reaches the sandbox as
`sandbox clock` does (cli/sandbox_admin.py); the format is sandbox/scenario.py's."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ind_tui.cli import EXIT_OK, BadInput
from ind_tui.cli.sandbox_admin import admin_run, common_options
from ind_tui.cli.session import _lang
from ind_tui.i18n import t, text

HEADER = "# ind-tui sandbox scenario: `ind-tui sandbox scenario load FILE` or `serve --scenario`\n"


def register(cmds: Any) -> None:
    parser = cmds.add_parser("scenario", help=t("cli.help.sandbox_scenario.scenario"))
    actions = parser.add_subparsers(dest="scenario_command", metavar="ACTION", required=True)
    dump = actions.add_parser("dump", parents=[common_options(formats=False)],
                              help=t("cli.help.sandbox_scenario.dump"))
    dump.add_argument("out", nargs="?", type=Path, metavar="OUT.toml")
    dump.set_defaults(handler=_dump)
    load = actions.add_parser("load", parents=[common_options(formats=False)],
                              help=t("cli.help.sandbox_scenario.load"))
    load.add_argument("file", type=Path, metavar="FILE.toml")
    load.set_defaults(handler=_load)


def to_toml(data: dict[str, Any]) -> str:
    import tomlkit

    return HEADER + tomlkit.dumps(data)


def read_scenario(path: Path, lang: str) -> tuple[dict[str, Any], str]:
    """The scenario in `path` and its text, or BadInput naming the file and the reason."""
    import tomllib

    try:
        source = path.read_text(encoding="utf-8")
        return tomllib.loads(source), source
    except OSError as exc:
        raise BadInput(f"{path}: {exc.strerror or type(exc).__name__}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BadInput(text("cli.sandbox.scenario_bad", lang, path=path, reason=exc)) from None


def where(path: Path, source: str, table: object, row: object) -> str:
    """FILE:LINE of a refused row (its `[[table]]` header), or of the table's first row."""
    header, seen = f"[[{table}]]", 0
    for number, line in enumerate(source.splitlines(), 1):
        if line.strip() == header:
            seen += 1
            if not isinstance(row, int) or seen == row:
                return f"{path}:{number}"
    return str(path)


def load_into_database(path: Path, db_path: Path, lang: str) -> None:
    """For `sandbox serve --scenario`: the state of the database before the server starts."""
    from ind_tui.sandbox.db import Database
    from ind_tui.sandbox.scenario import ScenarioError, load

    data, source = read_scenario(path, lang)
    db = Database(db_path)
    try:
        load(db, data)
    except ScenarioError as exc:
        raise BadInput(text("cli.sandbox.scenario_refused", lang, reason=exc,
                            where=where(path, source, exc.table, exc.row))) from None
    finally:
        db.close()


def _dump(args: argparse.Namespace) -> int:
    lang = _lang(args)

    async def body(admin: Any) -> int:
        written = to_toml(await admin.scenario())
        if args.out is None:
            sys.stdout.write(written)
            return EXIT_OK
        from ind_tui.base.atomic import atomic_write_text

        atomic_write_text(args.out, written)
        print(text("cli.sandbox.scenario_written", lang, path=args.out))
        return EXIT_OK

    return admin_run(args, body)


def _load(args: argparse.Namespace) -> int:
    lang = _lang(args)
    data, source = read_scenario(args.file, lang)

    async def body(admin: Any) -> int:
        from ind_tui.api.errors import PortalError

        try:
            await admin.load_scenario(data)
        except PortalError as exc:
            if exc.status != 422 or "table" not in exc.details:
                raise
            at = where(args.file, source, exc.details["table"], exc.details.get("row"))
            raise BadInput(text("cli.sandbox.scenario_refused", lang, reason=exc.message,
                                where=at)) from None
        state = await admin.clock()
        from ind_tui.i18n.format import local

        print(text("cli.sandbox.scenario_loaded", lang, path=args.file,
                   now=local(state.now, lang, seconds=True)))
        return EXIT_OK

    return admin_run(args, body)
