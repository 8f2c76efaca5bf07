"""Starting the TUI from the command line: the app gets its connector from here."""

from __future__ import annotations

import argparse
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ind_tui.services.connect import Connection
    from ind_tui.tui.app import PortalApp


def build_app(portal: str | None, profile: str | None, lang: str | None,
              app_class: type[PortalApp] | None = None, open_path: Path | None = None
              ) -> PortalApp:
    from ind_tui.local.startup import peek
    from ind_tui.tui.app import PortalApp
    from ind_tui.tui.keymap import load_keymap

    keymap, problem = load_keymap()

    def connector() -> AbstractAsyncContextManager[Connection]:
        # Validated settings and the client's imports come after the first paint.
        from ind_tui.cli.launch import connect_profile
        from ind_tui.local.settings import resolve_profile

        return connect_profile(resolve_profile(profile, portal))

    cls = app_class or PortalApp
    return cls(peek(profile, portal, lang), connector, keymap, problem, open_path=open_path)


def run(portal: str | None, profile: str | None, lang: str | None,
        open_path: Path | None = None) -> int:
    result: Any = build_app(portal, profile, lang, open_path=open_path).run()
    return int(result or 0)


def run_tui(args: argparse.Namespace) -> int:
    return run(portal=args.portal, profile=args.profile, lang=args.lang)
