"""Detail lines ("label: value"): a long value wraps under its value column, at 80 columns
and wider, never back to column 0 and never cut."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from ind_tui.i18n import text
from ind_tui.tui.widgets.facts import facts
from tests import test_tui_appointments_snapshots as appointments
from tests import test_tui_cases_snapshots as cases
from tests.tui_helpers import make_app, sandbox_app

LONG = "Stichting Internationale Kennisuitwisseling en Onderzoek Noord-Holland B.V."


def _render(width: int, *rows: tuple[str, str]) -> list[str]:
    console = Console(width=width, color_system=None, legacy_windows=False)
    with console.capture() as captured:
        console.print(facts(rows))
    return captured.get().splitlines()


def test_a_long_value_wraps_under_its_value_column() -> None:
    lines = _render(40, ("KvK", "12345678"), ("Werkgever", LONG), ("Pad", "/x/" + "a" * 60))
    column = lines[0].index("12345678")
    assert lines[1].index("Stichting") == column
    continued = lines[2:lines.index(next(x for x in lines if x.startswith("Pad:")))]
    assert len(continued) >= 2  # it did wrap
    for line in continued:
        assert line[:column].strip() == "" and line[column] != " ", lines
    assert "".join(x[column:].strip() for x in lines[1:1 + 1 + len(continued)]).replace(
        " ", "") == LONG.replace(" ", "")  # nothing cut
    path = [x for x in lines if x.startswith("Pad:") or x.startswith(" " * column + "a")]
    assert "".join(x[column:].strip() for x in path) == "/x/" + "a" * 60  # folded, not cut


def _continuations(lines: list[str], label: str) -> tuple[int, list[str]]:
    """The value column of `label`'s line and the lines under it that continue a value."""
    first = next(i for i, line in enumerate(lines) if f"│ {label}:" in line)
    column = re.search(re.escape(f"{label}:") + r"\s+", lines[first]).end()  # type: ignore[union-attr]
    rest = []
    for line in lines[first + 1:]:
        inner = line[2:column]
        if "│" not in line[:2] or inner.strip() or not line[column:].strip(" │"):
            break
        rest.append(line)
    return column, rest


@pytest.mark.parametrize("width", [80, 120])
async def test_case_detail_notes_wrap_under_the_value(tmp_path: Path, width: int) -> None:
    app: Any = make_app(sandbox_app(tmp_path), lang="nl")
    async with app.run_test(size=(width, 40)) as pilot:
        await cases.case_detail(pilot)
        lines = app.export_screen()[1].splitlines()
        column, rest = _continuations(lines, text("case.deadline", "nl"))
        # Under the deadline: where it was first set, and each move with the sandbox's note.
        assert rest, lines
        assert all(line[column] != " " for line in rest), rest
        said = " ".join(line[column:].strip(" │") for line in rest)
        assert "beslistermijn verlengd met 28 dagen)" in said


async def test_payment_detail_wraps_under_the_value(tmp_path: Path) -> None:
    app: Any = make_app(sandbox_app(tmp_path), lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await appointments.payments(pilot)
        lines = app.export_screen()[1].splitlines()
        column, rest = _continuations(lines, text("payments.fact.paid", "nl"))
        assert rest and all(line[column] != " " for line in rest), lines
