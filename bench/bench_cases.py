"""The running-cases screen with 100,000 cases in the local cache, beside the stock DataTable
given the same rows, each in a fresh interpreter.

The cache is seeded directly (as a sync of a payroll agency's portfolio would leave it),
with "seen" statuses for a tenth of the cases so the changed-marks are part of the work.
The screen runs without a portal (its background sync reports offline), so the figures are
the screen's own: reading SQLite, building rows, drawing, filtering, moving.

Goals: first paint <= 0.3 s, filter keystroke <= 30 ms, cursor/page <= 16 ms per key,
resident memory <= 300 MB. Per-key figures time the key's handler plus rendering every
visible line, as the compositor would ask for them; keys during which the interpreter ran a
full garbage collection are counted apart (that pause is process-wide, not the screen's).

    python -m bench.bench_cases [--cases N] [--smoke]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

CASES = 100_000
SIZE = (120, 40)
OUR_SAMPLES = 3
GOALS = {"paint": 0.3, "filter": 0.030, "key": 0.016, "rss": 300.0}
QUERIES = ("anna", "status:in-progress", "status:in-progress type:hsm")
SCOPE_PROFILE = "bench"
BENCH_PORTAL = "http://bench.invalid"
FIRST = ["Anna", "Jan", "Piet", "Sanne", "Mohammed", "Lucas", "Eva", "Daan", "Fatima", "Sem",
         "Priya", "Wei", "Olena", "Diego"]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "El Amrani", "Smit", "Meijer", "Mulder",
        "Chen", "Sharma", "Kovalenko", "Garcia"]
TYPES = ["hsm_first_vvr", "hsm_first_mvv", "hsm_extension", "hsm_change_employer",
         "eu_blue_card", "ict", "family_first", "family_extension"]


def me() -> Any:
    from ind_tui.api.auth import CompanyRef, Me, Role

    return Me(person_name="Mark de Graaf", assurance_level="EH3", role=Role.REPRESENTATIVE,
              company=CompanyRef(kvk="45678901", name="Payroll Partners B.V."),
              acting_for=CompanyRef(kvk="12345678", name="Noordzee Technology B.V."),
              recognitions=[], services=[], now=datetime(2026, 11, 2, 8, tzinfo=UTC))


def bench_scope() -> str:
    """The scope the bench app reads: its portal, profile and company."""
    from ind_tui.local.scope import portal_identity, scope_for

    return scope_for(portal_identity(BENCH_PORTAL), SCOPE_PROFILE, me())


def seed(count: int) -> None:
    """Fill the cache of IND_TUI_HOME with `count` cases and a last look."""
    from ind_tui.api.cases import CaseStatus, CaseSummary, Decision
    from ind_tui.local.cache import LocalCache, SyncState

    scope = bench_scope()
    rng = random.Random(7)
    now = datetime(2026, 11, 2, 8, tzinfo=UTC)
    statuses = list(CaseStatus)
    cases = []
    for i in range(count):
        status = rng.choice(statuses)
        submitted = now - timedelta(minutes=rng.randrange(60 * 24 * 120))
        decided = status in (CaseStatus.DECIDED, CaseStatus.READY_FOR_COLLECTION,
                             CaseStatus.CLOSED)
        cases.append(CaseSummary.model_construct(
            zaaknummer=str(3100000001 + i), employee_name=f"{rng.choice(FIRST)} "
            f"{rng.choice(LAST)}", v_number=str(rng.randrange(10**9, 10**10)),
            type_id=rng.choice(TYPES), status=status,
            decision=Decision.GRANTED if decided else None, submitted_at=submitted,
            decision_deadline=(submitted + timedelta(days=90)).date(),
            changed_at=submitted + timedelta(minutes=rng.randrange(60 * 24 * 20)),
            completed_at=submitted + timedelta(days=30) if decided else None))
    cache = LocalCache()
    cache.upsert_cases(scope, cases, now)
    cache.set_sync_state(scope, SyncState(etag='"bench"', as_of=now, last_refresh=now,
                                          last_sync=now, last_full_sync=now))
    seen = [(c.zaaknummer, c.status.value if i % 10 else "received")
            for i, c in enumerate(cases)]
    cache.mark_seen(scope, seen, now - timedelta(days=1))
    cache.close()


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


FULL_GC: list[int] = []
GC_KEYS: list[float] = []


def _count_full_gc(phase: str, info: dict[str, int]) -> None:
    if phase == "start" and info["generation"] == 2:
        FULL_GC.append(1)


gc.callbacks.append(_count_full_gc)


def timed_keys(widget: Any, action: Any, repeats: int) -> list[float]:
    """Work per key: CPU seconds of this thread for the handler plus drawing every visible
    line. CPU time, not wall time, so other programs on a busy machine do not count; a
    background thread of ours (the search text) does not either, but then the GIL it holds
    would only delay, not add, work."""
    from textual.geometry import Region

    region = Region(0, 0, widget.size.width, widget.size.height)
    times = []
    for _ in range(repeats):
        before = len(FULL_GC)
        start = time.thread_time()
        action()
        widget.render_lines(region)
        elapsed = time.thread_time() - start
        (GC_KEYS if len(FULL_GC) != before else times).append(elapsed)
    return times


def bench_app() -> Any:
    from ind_tui.local.startup import StartInfo
    from ind_tui.tui.app import PortalApp

    class Bench(PortalApp):
        """The real app, logged in from the start and without a portal (offline)."""

        def on_mount(self) -> None:
            self.context.me = me()  # what a login leaves (`logged_in` also starts the inbox watch)

        async def on_unmount(self) -> None:
            return None

    def no_portal() -> Any:
        raise RuntimeError("no portal in this benchmark")

    return Bench(StartInfo(SCOPE_PROFILE, BENCH_PORTAL, "en"), no_portal)


async def child_ours() -> dict[str, Any]:
    from ind_tui.tui.screens.cases.screen import CasesScreen
    from ind_tui.tui.widgets.table import VirtualTable

    painted: list[float] = []
    original = VirtualTable.render_lines

    def render_lines(self: VirtualTable, crop: Any) -> Any:
        if not painted and self.row_count:
            painted.append(time.perf_counter())  # the first frame with cases in it
        return original(self, crop)

    VirtualTable.render_lines = render_lines  # type: ignore[method-assign]
    app = bench_app()
    out: dict[str, Any] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.context.cache()  # opening the cache file is the app's, once per run
        start = time.perf_counter()
        screen = CasesScreen()
        await app.push_screen(screen)
        while not painted:
            await pilot.pause(0.001)
        out["paint"] = painted[0] - start
        while not screen.full:
            await pilot.pause(0.001)
        out["full"] = time.perf_counter() - start
        await app.workers.wait_for_complete()  # background sync (offline) and search text
        out["prepare"] = time.perf_counter() - start
        await pilot.pause()
        table = screen.table
        table.focus()
        out["rows"] = len(table.model.rows)
        out["changed"] = screen.data.counts["changed"] if screen.data else 0
        filters: dict[str, list[float]] = {}
        for query in QUERIES:
            keys = []
            for end in range(1, len(query) + 1):
                keys += timed_keys(table, lambda q=query[:end]: table.apply_filter(q), 1)
                await pilot.pause()
            filters[query] = keys
            out[f"shown:{query}"] = table.row_count
            table.apply_filter("")
            await pilot.pause()
        out["filter"] = filters
        facet_keys = []
        for name in ("running", "changed", "decided", "all"):
            facet_keys += timed_keys(table, lambda n=name: screen.action_facet(n), 1)
            await pilot.pause()
        out["facet"] = facet_keys
        out["archive"] = timed_keys(table, screen.action_toggle_archive, 2)
        out["down"] = timed_keys(table, table.action_cursor_down, 300)
        out["pagedown"] = timed_keys(table, table.action_page_down, 200)
        ends = [table.action_last, table.action_first] * 5
        out["end"] = timed_keys(table, lambda: ends.pop()(), 10)
        out["sort"] = timed_keys(table, table.action_sort_next, 4)
    out["rss"] = rss_mb()
    out["gc_keys"] = GC_KEYS
    return out


async def child_stock() -> dict[str, Any]:
    """The stock DataTable with the same cases (as text, as it needs them)."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from ind_tui.local.cache import LocalCache
    from ind_tui.tui.screens.cases.columns import columns
    from ind_tui.tui.screens.cases.data import build_rows

    cols = columns()
    painted: list[float] = []

    class Bench(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable(cursor_type="row")

        def on_mount(self) -> None:
            cache = LocalCache()
            rows = build_rows(cache, bench_scope())
            table = self.query_one(DataTable)
            table.add_columns(*(c.title for c in cols))
            table.add_rows([c.text(v) for c, v in zip(cols, row, strict=False)] for row in rows)
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
        out["rows"] = table.row_count
    out["rss"] = rss_mb()
    out["gc_keys"] = GC_KEYS
    return out


def run_child(kind: str, home: Path) -> dict[str, Any]:
    env = {**os.environ, "IND_TUI_HOME": str(home)}
    proc = subprocess.run([sys.executable, __file__, "--child", kind], capture_output=True,
                          text=True, timeout=300, check=False, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} child failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def report(ours_runs: list[dict[str, Any]], stock: dict[str, Any], cases: int) -> bool:
    def med(key: str) -> float:
        return statistics.median(r[key] for r in ours_runs)

    def worst_key(key: str) -> float:
        return statistics.median(max(r[key], default=0.0) for r in ours_runs)

    def median_key(key: str) -> float:
        return statistics.median(statistics.median(r[key] or [0.0]) for r in ours_runs)

    first = ours_runs[0]
    print(f"{cases:,} cases in the cache ({first['changed']:,} changed since the last look), "
          f"{SIZE[0]}x{SIZE[1]}; the screen: median of {OUR_SAMPLES} runs, stock DataTable "
          f"with the same rows: 1 run")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine load average {load} on {os.cpu_count()} cores: first paint is wall time; "
          "keys are CPU work of the UI thread")
    print(f"{'':40} {'CasesScreen':>14} {'DataTable':>14} {'goal':>10}")
    print(f"{'first paint (rows on screen)':40} {med('paint'):12.3f} s "
          f"{stock['paint']:12.3f} s {GOALS['paint']:8.1f} s")
    print(f"{'whole list read, sorted, marked':40} {med('full'):12.3f} s {'-':>14}")
    print(f"{'search text built (background)':40} {med('prepare'):12.3f} s {'-':>14}")
    for query in QUERIES:
        worst = statistics.median(max(r["filter"][query], default=0.0) for r in ours_runs)
        label = f'filter "{query[:22]}", worst key'
        print(f"{label:40} {ms(worst):>14} {'(no filter)':>14} {ms(GOALS['filter']):>10}")
    print(f"{'quick view key (1-6), worst':40} {ms(worst_key('facet')):>14} {'-':>14} "
          f"{ms(GOALS['filter']):>10}")
    print(f"{'archive on/off, worst':40} {ms(worst_key('archive')):>14} {'-':>14} "
          f"{ms(GOALS['filter']):>10}")
    for key, label in (("down", "cursor down"), ("pagedown", "page down")):
        for name, ours_v, stock_v in (
            ("median", median_key(key), statistics.median(stock[key])),
            ("worst", worst_key(key), max(stock[key])),
        ):
            print(f"{label + ', ' + name:40} {ms(ours_v):>14} {ms(stock_v):>14} "
                  f"{ms(GOALS['key']):>10}")
    print(f"{'G (to the last row)':40} {ms(worst_key('end')):>14} {'-':>14} "
          f"{ms(GOALS['key']):>10}")
    print(f"{'s (sort by the next column)':40} {ms(worst_key('sort')):>14} {'-':>14}")
    ours_gc = [t for r in ours_runs for t in r["gc_keys"]]
    print(f"{'keys hit by a full GC (count, max)':40} "
          f"{len(ours_gc):>4} {ms(max(ours_gc, default=0))} "
          f"{len(stock['gc_keys']):>4} {ms(max(stock['gc_keys'], default=0))}")
    print(f"{'peak resident memory':40} {med('rss'):11.0f} MB {stock['rss']:11.0f} MB "
          f"{GOALS['rss']:7.0f} MB")
    checks = {
        "first paint": med("paint") <= GOALS["paint"],
        "filter": all(max(r["filter"][q], default=0.0) <= GOALS["filter"]
                      for r in ours_runs for q in r["filter"]),
        "cursor/page": worst_key("down") <= GOALS["key"] and worst_key("pagedown") <= GOALS["key"],
        "memory": med("rss") <= GOALS["rss"],
    }
    print("goals: " + ", ".join(f"{k} {'met' if ok else 'MISSED'}" for k, ok in checks.items()))
    return all(r["rows"] == cases for r in ours_runs) and stock["rows"] == cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=CASES)
    parser.add_argument("--smoke", action="store_true",
                        help="a tiny run (50 cases, one sample) that shows the bench works")
    args = parser.parse_args()
    samples = 1 if args.smoke else OUR_SAMPLES
    if args.smoke:
        args.cases = 50
    with tempfile.TemporaryDirectory(prefix="ind-tui-bench-cases-") as tmp:
        seeded = Path(tmp) / "seeded"
        started = time.perf_counter()
        env_home = os.environ.get("IND_TUI_HOME")
        os.environ["IND_TUI_HOME"] = str(seeded)
        try:
            seed(args.cases)
        finally:
            if env_home is None:
                os.environ.pop("IND_TUI_HOME", None)
            else:
                os.environ["IND_TUI_HOME"] = env_home
        print(f"cache seeded with {args.cases:,} cases in {time.perf_counter() - started:.1f} s"
              f" ({date.today().isoformat()})")

        def fresh(n: int) -> Path:
            # Leaving the list records what was seen: each run starts from the same cache.
            home = Path(tmp) / f"run-{n}"
            shutil.copytree(seeded, home)
            return home

        ours = [run_child("ours", fresh(n)) for n in range(samples)]
        stock = run_child("stock", fresh(samples))
    if not report(ours, stock, args.cases):
        print("FAIL: not every case reached the screen", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        runner = child_ours if sys.argv[2] == "ours" else child_stock
        print(json.dumps(asyncio.run(runner())))
    else:
        raise SystemExit(main())
