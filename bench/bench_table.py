"""VirtualTable against the stock DataTable with 100,000 rows of 8 columns, in the same run.

Keys during which the interpreter ran a full garbage collection are counted apart: that
pause is process-wide (Textual's own objects), not the table's work.

Goals for ours: first paint <= 0.3 s, filter keystroke <= 30 ms, cursor/page <= 16 ms per
key, resident memory <= 300 MB. Each figure comes from a fresh interpreter (so memory is
that table's alone). Per-key figures time the widget's work: the key's handler plus
rendering every visible line, as the compositor would ask for them.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from typing import Any

ROWS = 100_000
SIZE = (120, 40)
OUR_SAMPLES = 3
GOALS = {"paint": 0.3, "filter": 0.030, "key": 0.016, "rss": 300.0}
STATUSES = ["in-progress", "submitted", "decided", "waiting_for_info", "withdrawn"]
TYPES = ["hsm", "eu-blue-card", "researcher", "intra-corporate", "family"]
FIRST = ["Anna", "Jan", "Piet", "Sanne", "Mohammed", "Lucas", "Eva", "Daan", "Fatima", "Sem"]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "El Amrani", "Smit", "Meijer", "Mulder"]


def make_rows(n: int) -> list[tuple[Any, ...]]:
    rnd = random.Random(7)
    start, changed = dt.date(2024, 1, 1), dt.datetime(2025, 1, 1)
    return [
        (
            f"IND-{2024000000 + i}",
            f"{rnd.choice(FIRST)} {rnd.choice(LAST)}",
            f"V{rnd.randrange(10**9):09d}",
            rnd.choice(TYPES),
            rnd.choice(STATUSES),
            start + dt.timedelta(days=rnd.randrange(600)),
            start + dt.timedelta(days=rnd.randrange(900)),
            changed + dt.timedelta(minutes=rnd.randrange(10**6)),
        )
        for i in range(n)
    ]


TITLES = ["Zaaknummer", "Employee", "V-number", "Type", "Status", "Submitted", "Deadline",
          "Last change"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


FULL_GC: list[int] = []  # full (generation 2) collections so far


def _count_full_gc(phase: str, info: dict[str, int]) -> None:
    if phase == "start" and info["generation"] == 2:
        FULL_GC.append(1)


gc.callbacks.append(_count_full_gc)
GC_KEYS: list[float] = []  # keys during which the interpreter ran a full collection


def timed_keys(widget: Any, action: Any, repeats: int) -> list[float]:
    """Seconds per key; keys hit by a full GC pause (interpreter-wide, tens of ms with Textual
    loaded, whatever the table) go to GC_KEYS and are reported apart."""
    from textual.geometry import Region

    region = Region(0, 0, widget.size.width, widget.size.height)
    times = []
    for _ in range(repeats):
        before = len(FULL_GC)
        start = time.perf_counter()
        action()
        widget.render_lines(region)
        elapsed = time.perf_counter() - start
        (GC_KEYS if len(FULL_GC) != before else times).append(elapsed)
    return times


async def child_ours(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    from textual.app import App, ComposeResult

    from ind_tui.tui.widgets.table import Column, VirtualTable

    columns = [Column(k, t) for k, t in zip(
        ["zaak", "employee", "vnumber", "type", "status", "submitted", "deadline", "changed"],
        TITLES, strict=True)]
    columns[7] = Column("changed", "Last change", formatter=lambda d: d.strftime("%Y-%m-%d %H:%M"))
    painted: list[float] = []

    class Bench(App[None]):
        def compose(self) -> ComposeResult:
            yield VirtualTable(columns, rows)

        def on_mount(self) -> None:
            self.call_after_refresh(lambda: painted.append(time.perf_counter()))

    start = time.perf_counter()
    app = Bench()
    out: dict[str, Any] = {}
    async with app.run_test(size=SIZE) as pilot:
        while not painted:
            await pilot.pause()
        out["paint"] = painted[0] - start
        table = app.query_one(VirtualTable)
        table.focus()
        await app.workers.wait_for_complete()  # the search text, built after the first paint
        out["prepare"] = time.perf_counter() - painted[0]
        await pilot.pause()
        filters: dict[str, list[float]] = {}
        for query in ("anna", "status:in-progress"):
            keys = []
            for end in range(1, len(query) + 1):
                keys += timed_keys(table, lambda q=query[:end]: table.apply_filter(q), 1)
                await pilot.pause()
            filters[query] = keys
            table.apply_filter("")
            await pilot.pause()
        out["filter"] = filters
        out["down"] = timed_keys(table, table.action_cursor_down, 300)
        out["pagedown"] = timed_keys(table, table.action_page_down, 200)
        out["end"] = timed_keys(table, table.action_last, 1)
        out["rows_shown"] = table.row_count
    out["rss"] = rss_mb()
    out["gc_keys"] = GC_KEYS
    return out


async def child_stock(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    painted: list[float] = []

    class Bench(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable(cursor_type="row")

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns(*TITLES)
            table.add_rows(rows)
            self.call_after_refresh(lambda: painted.append(time.perf_counter()))

    start = time.perf_counter()
    app = Bench()
    out: dict[str, Any] = {}
    async with app.run_test(size=SIZE) as pilot:
        while not painted:
            await pilot.pause()
        out["paint"] = painted[0] - start
        table = app.query_one(DataTable)
        table.focus()
        await pilot.pause()
        out["down"] = timed_keys(table, table.action_cursor_down, 300)
        out["pagedown"] = timed_keys(table, table.action_page_down, 200)
        out["rows_shown"] = table.row_count
    out["rss"] = rss_mb()
    out["gc_keys"] = GC_KEYS
    return out


def run_child(kind: str, rows: int) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--child", kind, str(rows)],
                          capture_output=True,
                          text=True, timeout=120, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} child failed:\n{proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--smoke", action="store_true",
                        help="a tiny run that only shows the bench still works")
    args = parser.parse_args()
    rows, samples = (50, 1) if args.smoke else (ROWS, OUR_SAMPLES)
    ours_runs = [run_child("ours", rows) for _ in range(samples)]
    stock = run_child("stock", rows)

    def med(key: str) -> float:
        return statistics.median(r[key] for r in ours_runs)

    def worst_key(key: str) -> float:
        return statistics.median(max(r[key]) for r in ours_runs)

    def median_key(key: str) -> float:
        return statistics.median(statistics.median(r[key]) for r in ours_runs)

    print(f"{rows:,} rows x 8 columns, {SIZE[0]}x{SIZE[1]} terminal; ours: median of "
          f"{samples} runs, stock DataTable: 1 run")
    print(f"{'':34} {'VirtualTable':>14} {'DataTable':>14} {'goal':>10}")
    print(f"{'first paint (load + first frame)':34} {med('paint'):12.3f} s "
          f"{stock['paint']:12.3f} s {GOALS['paint']:8.1f} s")
    print(f"{'search text built after paint':34} {med('prepare'):12.3f} s {'-':>14}")
    for query in ("anna", "status:in-progress"):
        worst = statistics.median(max(r["filter"][query]) for r in ours_runs)
        label = f'filter "{query[:12]}", worst key'
        print(f"{label:34} {ms(worst):>14} {'(no filter)':>14} {ms(GOALS['filter']):>10}")
    for key, label in (("down", "cursor down"), ("pagedown", "page down")):
        for name, ours_v, stock_v in (
            ("median", median_key(key), statistics.median(stock[key])),
            ("worst", worst_key(key), max(stock[key])),
        ):
            print(f"{label + ', ' + name:34} {ms(ours_v):>14} {ms(stock_v):>14} "
                  f"{ms(GOALS['key']):>10}")
    print(f"{'G (to the last row)':34} {ms(worst_key('end')):>14} {'-':>14} "
          f"{ms(GOALS['key']):>10}")
    ours_gc = [t for r in ours_runs for t in r["gc_keys"]]
    print(f"{'keys hit by a full GC (count, max)':34} "
          f"{len(ours_gc):>4} {ms(max(ours_gc, default=0))} "
          f"{len(stock['gc_keys']):>4} {ms(max(stock['gc_keys'], default=0))}")
    print(f"{'peak resident memory':34} {med('rss'):11.0f} MB {stock['rss']:11.0f} MB "
          f"{GOALS['rss']:7.0f} MB")
    checks = {
        "first paint": med("paint") <= GOALS["paint"],
        "filter": all(max(r["filter"][q]) <= GOALS["filter"]
                      for r in ours_runs for q in r["filter"]),
        "cursor/page": worst_key("down") <= GOALS["key"] and worst_key("pagedown") <= GOALS["key"],
        "memory": med("rss") <= GOALS["rss"],
    }
    print("goals: " + ", ".join(f"{k} {'met' if ok else 'MISSED'}" for k, ok in checks.items()))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        data = make_rows(int(sys.argv[3]))
        runner = child_ours if sys.argv[2] == "ours" else child_stock
        print(json.dumps(asyncio.run(runner(data))))
    else:
        main()
