"""Bulk extensions against the real sandbox, in-process: one prefilled draft per employee in
the extension window, what blocks each, then the complete ones filed each exactly once, also
when a lost answer or a crash cuts the batch short and it is run again."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI

from ind_tui.api.auth import Me
from ind_tui.api.payments import PaymentMethod
from ind_tui.client.client import PortalClient
from ind_tui.domain.forms import example_answers
from ind_tui.local.drafts.bundle import list_drafts
from ind_tui.local.drafts.session import DraftSession
from ind_tui.services.binding import acting_company
from ind_tui.services.bulk import (
    BatchProgress,
    Outcome,
    extension_form,
    file_batch,
    plan_batch,
    prepare,
)
from ind_tui.services.duties import EXTENSION_WINDOW, Duty, load_employee_duties
from tests.client_fixtures import admin_of, login, make_app, make_client

DD = PaymentMethod.DIRECT_DEBIT


@dataclass
class World:
    app: FastAPI
    client: PortalClient
    me: Me
    duties: list[Duty]


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    app = make_app(tmp_path)
    async with make_client(app) as client:
        me = await login(client, "sponsor-eh3")
        duties = [d for d in await load_employee_duties(client) if d.kind == EXTENSION_WINDOW]
        assert len(duties) == 3  # the seeded register: three permits in their window
        yield World(app, client, me, duties)


async def make_drafts(w: World) -> list[Path]:
    """The batch started from the duties: made the first time, taken again on a re-run."""
    form_id = extension_form(await w.client.application_types())
    assert form_id == "hsm_extension"
    entries = await prepare(w.client, w.duties, form_id=form_id,
                            company=acting_company(w.me), profile="sandbox", portal="embedded")
    assert [e.error for e in entries] == [None] * 3
    return [e.path for e in entries if e.path is not None]


def complete(paths: list[Path]) -> None:
    """What the clerk adds in the wizard: the answers the register does not know."""
    for path in paths:
        session = DraftSession.open(path)
        for key, value in example_answers("hsm_extension").items():
            session.set_answer(key, value)
        session.save()


def portal_counts(app: FastAPI) -> tuple[int, int, int]:
    db = app.state.sandbox.db.read()
    apps = db.execute("SELECT COUNT(*) FROM applications").fetchone()[0]
    distinct = db.execute("SELECT COUNT(DISTINCT idempotency_key) FROM applications"
                          ).fetchone()[0]
    pays = db.execute("SELECT COUNT(*) FROM payments").fetchone()[0]
    return apps, distinct, pays


async def test_one_prefilled_draft_each_with_what_blocks_it(world: World) -> None:
    w = world
    paths = await make_drafts(w)
    drafts = [DraftSession.open(p).draft for p in paths]
    assert {d.answers["v_number"] for d in drafts} == {d.v_number for d in w.duties}
    assert {d.kvk for d in drafts} == {acting_company(w.me).kvk}
    assert all(d.prefilled["employee_name"] == "register" for d in drafts)
    plan = await plan_batch(w.client, paths, me=w.me, portal="embedded")
    assert [p.outcome for p in plan] == [Outcome.BLOCKED] * 3
    assert "job_title" in {i.target for i in plan[0].blocking}
    # Starting the batch again for the same employees takes the drafts already made.
    again = await prepare(w.client, w.duties, form_id="hsm_extension",
                          company=acting_company(w.me), profile="sandbox", portal="embedded")
    assert [e.path for e in again] == paths and all(e.reused for e in again)
    assert len(list_drafts()) == 3


async def test_the_complete_ones_are_filed_and_the_rest_skipped_with_reasons(
        world: World) -> None:
    w = world
    paths = await make_drafts(w)
    complete(paths[:2])
    plan = await plan_batch(w.client, paths, me=w.me, portal="embedded")
    assert [p.outcome for p in plan] == [Outcome.READY, Outcome.READY, Outcome.BLOCKED]
    seen: list[BatchProgress] = []
    results = await file_batch(w.client, plan, DD, me=w.me, portal="embedded",
                               progress=seen.append)
    assert [r.outcome for r in results] == [Outcome.FILED, Outcome.FILED, Outcome.BLOCKED]
    assert all(r.zaaknummer for r in results[:2])
    assert {s.total for s in seen} == {2} and {s.index for s in seen} == {0, 1}
    assert portal_counts(w.app) == (2, 2, 2)
    complete(paths[2:])
    plan = await plan_batch(w.client, paths, me=w.me, portal="embedded")
    assert [p.outcome for p in plan] == [Outcome.ALREADY, Outcome.ALREADY, Outcome.READY]
    results = await file_batch(w.client, plan, DD, me=w.me, portal="embedded")
    assert [r.outcome for r in results] == [Outcome.ALREADY, Outcome.ALREADY, Outcome.FILED]
    assert len({r.zaaknummer for r in results}) == 3
    assert portal_counts(w.app) == (3, 3, 3)


async def test_lost_answers_mid_batch_then_a_rerun_files_each_once(world: World) -> None:
    w = world
    paths = await make_drafts(w)
    complete(paths)
    admin = admin_of(w.client)
    # Every payment is made, and its answer lost: the batch cannot learn the receipts.
    await admin.fault("applications.pay", "commit_then_drop")
    plan = await plan_batch(w.client, paths, me=w.me, portal="embedded")
    first = await file_batch(w.client, plan, DD, me=w.me, portal="embedded")
    assert {r.outcome for r in first} == {Outcome.FAILED}
    assert {r.code for r in first} == {"paid_receipt_pending"}
    assert portal_counts(w.app) == (3, 3, 3)
    await admin.clear_faults()
    assert await make_drafts(w) == paths  # the batch started again takes the same drafts
    plan = await plan_batch(w.client, paths, me=w.me, portal="embedded")
    assert {p.outcome for p in plan} == {Outcome.READY}  # started: carried on, not judged
    again = await file_batch(w.client, plan, DD, me=w.me, portal="embedded")
    assert [r.outcome for r in again] == [Outcome.FILED] * 3
    assert len({r.zaaknummer for r in again}) == 3
    assert portal_counts(w.app) == (3, 3, 3)


class Crash(Exception):
    """The process dies here."""


async def test_a_crash_mid_batch_then_a_rerun_files_each_once(world: World) -> None:
    w = world
    paths = await make_drafts(w)
    complete(paths)
    admin = admin_of(w.client)
    await admin.fault("applications.submit", "commit_then_drop", count=1)

    def crash(event: BatchProgress) -> None:
        # The second draft is submitted (its key kept), its payment key kept: then it dies.
        if event.index == 1 and event.step is not None and event.step.step == "pay":
            raise Crash

    plan = await plan_batch(w.client, paths, me=w.me, portal="embedded")
    with pytest.raises(Crash):
        await file_batch(w.client, plan, DD, me=w.me, portal="embedded", progress=crash)
    assert portal_counts(w.app) == (2, 2, 1)
    assert await make_drafts(w) == paths  # after the restart: the same drafts, keys kept
    plan = await plan_batch(w.client, paths, me=w.me, portal="embedded")
    assert [p.outcome for p in plan] == [Outcome.ALREADY, Outcome.READY, Outcome.READY]
    results = await file_batch(w.client, plan, DD, me=w.me, portal="embedded")
    assert [r.outcome for r in results] == [Outcome.ALREADY, Outcome.FILED, Outcome.FILED]
    assert len({r.zaaknummer for r in results}) == 3
    assert portal_counts(w.app) == (3, 3, 3)


async def test_the_duplicate_guard_applies_to_each(world: World) -> None:
    w = world
    paths = await make_drafts(w)
    complete(paths)
    twin = DraftSession.open(paths[0])
    copy = DraftSession.new("hsm_extension", kvk=twin.draft.kvk,
                            sponsor_name=twin.draft.sponsor_name, portal="embedded",
                            answers=dict(twin.draft.answers))
    plan = await plan_batch(w.client, [paths[0]], me=w.me, portal="embedded")
    await file_batch(w.client, plan, DD, me=w.me, portal="embedded")
    plan = await plan_batch(w.client, [copy.path, paths[1]], me=w.me, portal="embedded")
    assert [p.outcome for p in plan] == [Outcome.DUPLICATE, Outcome.READY]
    assert plan[0].cases and plan[0].cases[0].startswith("3")
    results = await file_batch(w.client, plan, DD, me=w.me, portal="embedded")
    assert [r.outcome for r in results] == [Outcome.DUPLICATE, Outcome.FILED]
    assert portal_counts(w.app) == (2, 2, 2)


async def test_another_companys_draft_is_refused(world: World, tmp_path: Path) -> None:
    w = world
    paths = await make_drafts(w)
    complete(paths)
    async with make_client(w.app) as other:
        me = await login(other, "agent-delta")
        plan = await plan_batch(other, paths[:1], me=me, portal="embedded")
        assert [p.outcome for p in plan] == [Outcome.REFUSED]
        assert "56789012" in str(plan[0].error)
    assert portal_counts(w.app) == (0, 0, 0)
