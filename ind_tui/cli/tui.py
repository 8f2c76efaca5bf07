"""Starting the TUI from the command line."""

from __future__ import annotations

import argparse


def run_tui(args: argparse.Namespace) -> int:
    from ind_tui.app import run

    return run(portal=args.portal, profile=args.profile, lang=args.lang)
