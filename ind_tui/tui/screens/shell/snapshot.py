"""The screen as the user sees it, as SVG (with the portal address as its title) and text."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from textual.app import App


def export_screen(app: App[Any], title: str) -> tuple[str, str]:
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    render = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(render)
    text = console.export_text(clear=False)
    svg = console.export_svg(title=title)
    return svg, text
