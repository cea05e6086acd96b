"""The history model sorted by a column over a real journal: every page in the journal's
order, no call twice, the filter kept, and the newest-first order asked for at start-up
costs no second load."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.ui.models.history_model import PAGE_SIZE, Column

from .test_history_model import START, _call, _open_model, journal
from .ui_helpers import WAIT_MS, run

__all__ = ["journal"]  # the fixture, shared with test_history_model


def test_a_sorted_history_pages_in_the_journals_order(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, journal: AsyncJournal
) -> None:
    # Durations 0..59 s, repeated: many ties, each broken newest first by the journal.
    calls = [
        _call(i, ended_at=START + timedelta(minutes=i, seconds=5 + i % 60))
        for i in range(PAGE_SIZE + 50)
    ]
    run(qtbot, qloop, journal.save_calls(calls))
    model = _open_model(qtbot, journal)
    with qtbot.waitSignal(model.loaded, timeout=WAIT_MS):
        model.sort(Column.DURATION, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == PAGE_SIZE
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE + 50, timeout=WAIT_MS)
    ids = [model.call_id_at(r) for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids)
    by_id = {c.external_call_id: c for c in calls}
    expected = sorted(calls, key=lambda c: (-(c.duration or 0), -c.ringing_at.timestamp()))  # type: ignore[union-attr]
    assert ids == [c.external_call_id for c in expected]
    assert by_id[ids[0]].duration == 59


def test_a_sort_keeps_the_filter_and_the_first_order_loads_once(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, journal: AsyncJournal
) -> None:
    states = [SyncState.LOGGED, SyncState.FAILED, SyncState.LOCAL]
    calls = [_call(i, sync_state=states[i % 3]) for i in range(30)]
    run(qtbot, qloop, journal.save_calls(calls))
    model = _open_model(qtbot, journal)
    loads: list[object] = []
    model.loaded.connect(lambda: loads.append(1))
    model.sort(Column.TIME, Qt.SortOrder.DescendingOrder)  # what the view asks at start-up
    assert loads == [] and model.rowCount() == 30
    with qtbot.waitSignal(model.loaded, timeout=WAIT_MS):
        model.set_filter("", {SyncState.FAILED})
    with qtbot.waitSignal(model.loaded, timeout=WAIT_MS):
        model.sort(Column.TIME, Qt.SortOrder.AscendingOrder)
    ids = [model.call_id_at(r) for r in range(model.rowCount())]
    assert ids == [f"call-{i:06d}" for i in range(1, 30, 3)]  # failed only, oldest first
