"""The history model over a real journal: pages fetched lazily, cells, filters, live updates."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import Call, CallSource, SyncState
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.errors import REJECTED_CALL
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.ui.models.history_model import (
    CALL_ID_ROLE,
    FAILED_COLOR,
    PAGE_SIZE,
    Column,
    HistoryModel,
)

from .ui_helpers import WAIT_MS, run

START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
AGENT = parse_phone("+4930555012300")


def _call(i: int, **changes: object) -> Call:
    number = parse_phone(f"+49301234{i % 10000:04d}"[:14], "DE") if i % 7 else None
    call = Call(
        external_call_id=f"call-{i:06d}",
        raw_from=number.e164 if number else "anonymous",
        raw_to=AGENT.e164,
        from_number=number,
        to_number=AGENT,
        source=CallSource.WEBHOOK,
        ringing_at=START + timedelta(minutes=i),
        answered_at=START + timedelta(minutes=i, seconds=5),
        ended_at=START + timedelta(minutes=i, seconds=65),
        final_status=CallStatus.COMPLETED,
        number_withheld=number is None,
    )
    for key, value in changes.items():
        setattr(call, key, value)
    return call


ANNA = CallerMatch(
    "CONTACT", ObjectCoordinates(51_200_000_101, "0-1", 1), "Anna", "Schmidt", "anna@example.com"
)
COMPANY = CallerMatch(
    "COMPANY", ObjectCoordinates(62_300_000_201, "0-2", 1), name="Nordlicht Logistik GmbH"
)


@pytest.fixture
def journal(
    tmp_path: Path, qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> Iterator[AsyncJournal]:
    opened = run(qtbot, qloop, AsyncJournal.open(tmp_path / "journal.sqlite3"))
    yield opened
    run(qtbot, qloop, opened.close())


def _open_model(qtbot: QtBot, journal: AsyncJournal) -> HistoryModel:
    model = HistoryModel("DE")
    with qtbot.waitSignal(model.loaded, timeout=WAIT_MS):
        model.set_journal(journal)
    return model


def test_first_page_only_then_more_on_demand(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, journal: AsyncJournal
) -> None:
    run(qtbot, qloop, journal.save_calls([_call(i) for i in range(PAGE_SIZE * 2 + 5)]))
    model = _open_model(qtbot, journal)
    assert model.rowCount() == PAGE_SIZE
    assert model.total == PAGE_SIZE * 2 + 5
    assert model.canFetchMore()
    model.fetchMore()
    assert not model.canFetchMore()  # one fetch at a time
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE * 2, timeout=WAIT_MS)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE * 2 + 5, timeout=WAIT_MS)
    assert not model.canFetchMore()
    ids = [model.call_id_at(r) for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(
        ids
    )  # newest first, no repeats


def test_cells_say_what_the_agent_needs(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, journal: AsyncJournal
) -> None:
    run(
        qtbot,
        qloop,
        journal.save_calls(
            [_call(1, matches=[ANNA, COMPANY], sync_state=SyncState.LOGGED), _call(7)]
        ),
    )
    model = _open_model(qtbot, journal)
    row = model.row_of("call-000001")
    assert row is not None
    cells = [model.index(row, column).data() for column in Column]
    assert cells[Column.DIRECTION] == "Inbound"
    assert cells[Column.NUMBER] == "030 12340001"
    assert cells[Column.NAME] == "Anna Schmidt +1"
    assert cells[Column.STATUS] == "Completed"
    assert cells[Column.DURATION] == "1:00"
    assert cells[Column.SYNC] == "Logged"
    assert cells[Column.TIME]  # local time, in the locale's short format
    withheld = model.row_of("call-000007")
    assert withheld is not None
    assert model.index(withheld, Column.NUMBER).data() == "Withheld number"
    assert model.headerData(Column.SYNC, Qt.Orientation.Horizontal) == "HubSpot"
    assert model.index(row, 0).data(CALL_ID_ROLE) == "call-000001"
    assert model.index(99, 0).data() is None


def test_search_and_state_filter_ask_the_journal(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, journal: AsyncJournal
) -> None:
    calls = [_call(i) for i in range(1, 30)]
    calls[3].matches = [ANNA]
    calls[5].sync_state = SyncState.FAILED
    run(qtbot, qloop, journal.save_calls(calls))
    model = _open_model(qtbot, journal)
    with qtbot.waitSignal(model.loaded, timeout=WAIT_MS):
        model.set_filter("schmidt")
    assert [model.call_id_at(r) for r in range(model.rowCount())] == ["call-000004"]  # type: ignore[union-attr]
    with qtbot.waitSignal(model.loaded, timeout=WAIT_MS):
        model.set_filter("", {SyncState.FAILED})
    assert model.rowCount() == 1 and model.total == 1
    with qtbot.waitSignal(model.loaded, timeout=WAIT_MS):
        model.set_filter("nobody has this text")
    assert model.rowCount() == 0


def test_live_updates_insert_on_top_and_change_rows_in_place(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, journal: AsyncJournal
) -> None:
    run(qtbot, qloop, journal.save_calls([_call(i) for i in range(1, 4)]))
    model = _open_model(qtbot, journal)
    fresh = _call(100, final_status=None, ended_at=None, answered_at=None)
    with qtbot.waitSignal(model.rowsInserted, timeout=WAIT_MS):
        model.apply_update(DeskUpdate(UpdateKind.RINGING, fresh))
    assert model.row_of(fresh.external_call_id) == 0
    assert model.index(0, Column.STATUS).data() == "In progress"
    assert model.row_of("call-000003") == 1
    failed = _call(2, sync_state=SyncState.FAILED)
    with qtbot.waitSignal(model.dataChanged, timeout=WAIT_MS):
        model.apply_update(DeskUpdate(UpdateKind.SYNC, failed, error=REJECTED_CALL("toNumber")))
    row = model.row_of("call-000002")
    assert row is not None
    assert model.index(row, Column.SYNC).data() == "Failed"
    assert (
        model.index(row, Column.SYNC).data(Qt.ItemDataRole.ToolTipRole)
        == "HubSpot refused the call because of the number that was called. "
        "Correct it and log the call again."
    )
    assert model.index(row, Column.SYNC).data(Qt.ItemDataRole.ForegroundRole) == FAILED_COLOR
    assert model.rowCount() == 4 and model.total == 4


def test_updates_outside_the_filter_are_not_inserted(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, journal: AsyncJournal
) -> None:
    run(qtbot, qloop, journal.save_calls([_call(1)]))
    model = _open_model(qtbot, journal)
    with qtbot.waitSignal(model.loaded, timeout=WAIT_MS):
        model.set_filter("", {SyncState.FAILED})
    model.apply_update(DeskUpdate(UpdateKind.RINGING, _call(50)))
    assert model.rowCount() == 0


def test_reload_drops_a_page_from_an_old_filter(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, journal: AsyncJournal
) -> None:
    run(qtbot, qloop, journal.save_calls([_call(i) for i in range(1, 10)]))
    model = _open_model(qtbot, journal)
    model.set_filter("12340001")
    with qtbot.waitSignal(model.loaded, timeout=WAIT_MS):
        model.set_filter("12340002")  # the first filter's answer must not land
    # The journal answers in order: once a later question is answered, the first
    # filter's answer has arrived too (and must have been dropped).
    run(qtbot, qloop, journal.count_calls())
    assert [model.call_id_at(r) for r in range(model.rowCount())] == ["call-000002"]  # type: ignore[union-attr]


def test_without_a_journal_the_model_is_empty_and_quiet(qtbot: QtBot) -> None:
    model = HistoryModel()
    assert model.rowCount() == 0 and not model.canFetchMore()
    model.apply_update(DeskUpdate(UpdateKind.RINGING, _call(1)))
    assert model.rowCount() == 0


def test_the_call_id_role_is_qts_first_user_role_after_userrole() -> None:
    """history_columns spells the role out (naming ``Qt`` before the first paint is slow)."""
    from PySide6.QtCore import Qt

    from hubcall_desktop.ui.models.history_columns import CALL_ID_ROLE

    assert int(Qt.ItemDataRole.UserRole) + 1 == CALL_ID_ROLE
