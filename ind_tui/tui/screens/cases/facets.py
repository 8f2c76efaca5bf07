"""The line above the running-cases table: the quick views with their counts, the archive
switch and how many cases are shown. It breaks only between its parts, so a count never
wraps in the middle ("│ 0 / of 0 cases"). And home's line about the cases: how many
changed since the user last looked."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.markup import render

from ind_tui.domain.cases import FACETS
from ind_tui.i18n import t
from ind_tui.i18n.format import number
from ind_tui.tui.screens.cases.data import ListData

if TYPE_CHECKING:
    from ind_tui.tui.app import PortalApp

SEP = " · "
BAR = "  │ "


def join_fitting(parts: list[tuple[str, str]], width: int) -> str:
    """Parts (markup, each with the separator before it) on as few lines as fit `width`
    cells; a line breaks only between parts, and a new line drops the separator."""
    lines: list[str] = []
    line, used = "", 0
    for sep, part in parts:
        size = cell_len(render(part).plain)
        if line and used + cell_len(sep) + size > width:
            lines.append(line)
            line, used = "", 0
        if line:
            line, used = line + sep, used + cell_len(sep)
        line, used = line + part, used + size
    return "\n".join([*lines, line])


def facets_line(data: ListData, facet: str, show_archived: bool, shown: int,
                width: int, *, count: str | None = None) -> str:
    """`count` says how many are shown, when not the usual "n of m" (a first sync): then
    the views go without their figures too, which the whole list has yet to give."""
    counts = data.counts if show_archived else data.counts_listed
    parts: list[tuple[str, str]] = []
    for n, name in enumerate(FACETS, start=1):
        label = f"{n} {t(f'cases.facet.{name}')}"
        if count is None:
            label += f" {number(counts[name])}"
        parts.append((SEP, f"[reverse] {label} [/reverse]" if name == facet else label))
    archive = t("cases.archive_on" if show_archived else "cases.archive_off",
                count=number(data.archived))
    parts.append((BAR, f"a {archive}"))
    parts.append((BAR, count or t("cases.count", shown=number(shown),
                                  total=number(data.total))))
    return join_fitting(parts, width)


async def home_lines(app: PortalApp) -> list[str]:
    """For the home screen: how many cases changed since the user last looked (cheap, from
    the cache; nothing before the first look)."""
    scope = app.context.scope
    if scope is None:
        return []
    cache = await app.context.cache()
    changed = await asyncio.to_thread(cache.count_changed, scope)
    return [t("cases.home.changed", count=number(changed))] if changed else []
