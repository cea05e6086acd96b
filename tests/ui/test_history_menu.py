"""The history an agent works with: columns sorted by the journal, the row menu (each
action enabled only where it applies, and each doing its thing against the real
sandbox), "Send queued calls now", the "To wrap up" filter, the caller's name in the
call window, and a discard that can be undone. The whole demo app, a real journal file."""

from __future__ import annotations

import asyncio
import shlex
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import Call, CallSource, Direction, SyncState
from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates
from hubcall_desktop.core.outcomes import CallOutcome
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.sandbox.faults import Fault
from hubcall_desktop.ui.desktop.notifications import Click
from hubcall_desktop.ui.models.history_columns import CALL_ID_ROLE, Column
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.history_menu import RowAction
from hubcall_desktop.ui.windows.popup import Stage

from .ui_helpers import WAIT_MS, run

START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
AGENT = parse_phone("+4930555012300")


def _match(first: str, last: str, object_id: int) -> CallerMatch:
    return CallerMatch(
        "CONTACT", ObjectCoordinates(object_id, "0-1", 4242), first, last, f"{first}@example.com"
    )


def _call(name: str, minute: int, number: str | None, **changes: object) -> Call:
    party = parse_phone(number) if number else None
    call = Call(
        external_call_id=f"call-{name}",
        raw_from=number or "anonymous",
        raw_to=AGENT.e164,
        from_number=party,
        to_number=AGENT,
        source=CallSource.WEBHOOK,
        ringing_at=START + timedelta(minutes=minute),
        answered_at=START + timedelta(minutes=minute, seconds=5),
        ended_at=START + timedelta(minutes=minute, seconds=65),
        final_status=CallStatus.COMPLETED,
        number_withheld=party is None,
    )
    for key, value in changes.items():
        setattr(call, key, value)
    return call


def _save(qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController, *calls: Call) -> None:
    desk = app.desk
    assert desk is not None
    for call in calls:
        run(qtbot, loop, desk.journal.save_call(call))
    with qtbot.waitSignal(app.model.loaded, timeout=WAIT_MS):
        app.model.reload()


def _stored(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController, call_id: str
) -> Call:
    assert app.desk is not None
    call = run(qtbot, loop, app.desk.journal.get_call(call_id))
    assert call is not None
    return call


def _wait_state(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController, call_id: str, state: str
) -> None:
    """Until the journal holds the call in ``state`` (a SyncState value)."""
    for _ in range(WAIT_MS // 50):
        if _stored(qtbot, loop, app, call_id).sync_state == state:
            return
        qtbot.wait(50)
    now = _stored(qtbot, loop, app, call_id).sync_state
    raise AssertionError(f"{call_id} never became {state}: it is {now}")


def _column(app: AppController, column: Column) -> list[str]:
    model = app.model
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def _row_of(app: AppController, call_id: str) -> int:
    row = app.model.row_of(call_id)
    assert row is not None
    return row


def _menu(app: AppController, call_id: str) -> QMenu:
    """The row's menu as a right click opens it."""
    table = app.window.table
    index = app.model.index(_row_of(app, call_id), Column.NUMBER)
    table.scrollTo(index)
    spot = table.visualRect(index).center()
    table.customContextMenuRequested.emit(spot)
    menu = app.window.row_menu
    assert menu is not None and menu.isVisible()
    return menu


def _actions(menu: QMenu) -> dict[RowAction, QAction]:
    return {RowAction(str(a.data())): a for a in menu.actions() if not a.isSeparator()}


def _choose(menu: QMenu, action: RowAction) -> None:
    item = _actions(menu)[action]
    assert item.isEnabled()
    item.trigger()
    menu.close()


class _Urls(QObject):
    """What the app asked the desktop to open (Qt's own URL handler hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def urls() -> Iterator[_Urls]:
    handler = _Urls()
    for scheme in ("tel", "sip", "https"):
        QDesktopServices.setUrlHandler(scheme, handler, "open")
    yield handler
    for scheme in ("tel", "sip", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def sandbox(controller: AppController) -> SandboxServer:
    boot = controller.boot
    assert boot is not None and boot.sandbox is not None
    return boot.sandbox


# -- sorting ------------------------------------------------------------------------------


def test_a_header_click_sorts_the_journal_and_a_second_click_reverses(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    calls = [
        _call("zoe", 0, "+4930901820", matches=[_match("Zoe", "Adams", 1)]),
        _call("anna", 1, "+12025550100", matches=[_match("anna", "Berg", 2)]),
        _call("mia", 2, "+33142685300", matches=[_match("Mia", "Chen", 3)]),
        _call("nobody", 3, None),
    ]
    _save(qtbot, qloop, controller, *calls)
    header = controller.window.table.horizontalHeader()
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == Column.TIME
    names = ["Mia Chen", "anna Berg", "Zoe Adams"]
    assert [n for n in _column(controller, Column.NAME) if n] == names  # newest first
    spot = QPoint(header.sectionViewportPosition(Column.NAME) + 5, header.height() // 2)
    with qtbot.waitSignal(controller.model.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert _column(controller, Column.NAME) == ["anna Berg", "Mia Chen", "Zoe Adams", ""]
    with qtbot.waitSignal(controller.model.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert _column(controller, Column.NAME) == ["Zoe Adams", "Mia Chen", "anna Berg", ""]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    with qtbot.waitSignal(controller.model.loaded, timeout=WAIT_MS):
        controller.window.table.sortByColumn(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    numbers = _column(controller, Column.NUMBER)
    assert numbers[0].startswith("+1") and numbers[1].startswith("+33")


# -- the row menu -------------------------------------------------------------------------


def test_only_the_actions_that_apply_are_enabled(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    anna = [_match("Anna", "Schmidt", 51)]
    _save(
        qtbot,
        qloop,
        controller,
        _call("logged", 0, "+4930901820", matches=anna, sync_state=SyncState.LOGGED),
        _call("failed", 1, "+4930901821", sync_state=SyncState.FAILED),
        _call("withheld", 2, None, sync_state=SyncState.WITHHELD),
        _call("local", 3, "+4930901822", matches=anna),
    )
    expected = {
        "logged": {RowAction.OPEN_HUBSPOT, RowAction.CALL_BACK, RowAction.COPY_NUMBER},
        "failed": {
            RowAction.CALL_BACK,
            RowAction.COPY_NUMBER,
            RowAction.RESEND,
            RowAction.EDIT_NOTES,
        },
        "withheld": set(),
        "local": {
            RowAction.OPEN_HUBSPOT,
            RowAction.CALL_BACK,
            RowAction.COPY_NUMBER,
            RowAction.EDIT_NOTES,
        },
    }
    for name, enabled in expected.items():
        menu = _menu(controller, f"call-{name}")
        actions = _actions(menu)
        assert set(actions) == set(RowAction)
        assert {a for a, item in actions.items() if item.isEnabled()} == enabled, name
        menu.close()


def test_the_menu_key_and_shift_f10_open_the_menu_at_the_current_row(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    _save(qtbot, qloop, controller, _call("one", 0, "+4930901820"), _call("two", 1, None))
    window, table = controller.window, controller.window.table
    window.show()
    qtbot.waitExposed(window)
    table.setFocus()
    table.setCurrentIndex(controller.model.index(1, Column.TIME))  # "one" (older)
    for key, modifier in (
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(table, key, modifier)
        menu = window.row_menu
        assert menu is not None
        qtbot.waitUntil(menu.isVisible, timeout=WAIT_MS)
        assert _actions(menu)[RowAction.COPY_NUMBER].isEnabled()  # "one" has a number
        row = table.visualRect(controller.model.index(1, Column.NUMBER))
        assert table.viewport().mapFromGlobal(menu.pos()).y() == row.bottom()
        menu.close()


def test_copy_number_puts_it_on_the_clipboard_and_says_so(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    _save(qtbot, qloop, controller, _call("anna", 0, "+4930901820"))
    _choose(_menu(controller, "call-anna"), RowAction.COPY_NUMBER)
    assert QGuiApplication.clipboard().text() == "+4930901820"
    said = controller.window.statusBar().currentMessage()
    assert said.startswith("Copied +4930901820 (") and said.endswith(") to the clipboard.")


def test_open_in_hubspot_and_call_back_hand_the_desktop_the_right_address(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController, urls: _Urls
) -> None:
    anna = _match("Anna", "Schmidt", 51_200_000_101)
    _save(qtbot, qloop, controller, _call("anna", 0, "+4930901820", matches=[anna]))
    _choose(_menu(controller, "call-anna"), RowAction.CALL_BACK)
    qtbot.waitUntil(lambda: len(urls.opened) == 1, timeout=WAIT_MS)
    assert urls.opened == ["tel:+4930901820"]
    _choose(_menu(controller, "call-anna"), RowAction.OPEN_HUBSPOT)
    qtbot.waitUntil(lambda: len(urls.opened) == 2, timeout=WAIT_MS)
    assert urls.opened[1].startswith("https://") and "51200000101" in urls.opened[1]


def test_call_back_runs_the_softphones_command_with_the_other_partys_number(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    controller: AppController,
    urls: _Urls,
    tmp_path: Path,
) -> None:
    """An outbound call is called back on the number that was dialled, not the agent's."""
    dialled = _call("out", 0, "+4930901820", direction=Direction.OUTBOUND)
    dialled.from_number, dialled.to_number = AGENT, parse_phone("+33142685300")
    _save(qtbot, qloop, controller, dialled)
    out = tmp_path / "dialled.txt"
    script = "import pathlib, sys; pathlib.Path(sys.argv[1]).write_text(sys.argv[2])"
    controller.settings.call_back_command = (
        f"{shlex.quote(sys.executable)} -c {shlex.quote(script)} {shlex.quote(str(out))} {{number}}"
    )
    _choose(_menu(controller, "call-out"), RowAction.CALL_BACK)
    qtbot.waitUntil(lambda: out.exists() and out.read_text() == "+33142685300", timeout=WAIT_MS)
    assert urls.opened == []  # the command, not a link
    assert controller.window.statusBar().currentMessage().startswith("Calling ")


def test_send_now_sends_a_queued_call_without_waiting_for_its_retry(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    controller: AppController,
    sandbox: SandboxServer,
) -> None:
    _save(qtbot, qloop, controller, _call("queued", 0, "+4930901820"))
    desk = controller.desk
    assert desk is not None
    # HubSpot busy through every attempt of a send: the outbox then waits 30 s to try again.
    sandbox.faults.add(Fault.status(503, times=50))
    run(qtbot, qloop, desk.log_call("call-queued", CallStatus.COMPLETED, "Wants a quote"))
    for _ in range(WAIT_MS // 50):  # until the outbox tried, failed and set its retry
        [entry] = run(qtbot, qloop, desk.journal.outbox_entries("call-queued"))
        if entry.attempts >= 1:
            break
        qtbot.wait(50)
    assert entry.state == "pending" and entry.next_attempt_at is not None
    assert entry.next_attempt_at > datetime.now(UTC) + timedelta(seconds=20)
    sandbox.faults.clear()  # HubSpot is back; the retry is still half a minute away
    assert controller.window.send_queued_action.isEnabled()  # the status counts it
    _choose(_menu(controller, "call-queued"), RowAction.SEND_NOW)
    qtbot.waitUntil(lambda: len(sandbox.logged_calls()) == 1, timeout=WAIT_MS)
    assert sandbox.logged_calls()[0]["externalCallId"] == "call-queued"


def test_resend_sends_a_refused_call_again(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    controller: AppController,
    sandbox: SandboxServer,
) -> None:
    # An outcome the portal no longer has: HubSpot refuses the call for good.
    retired = CallOutcome("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Retired outcome")
    _save(qtbot, qloop, controller, _call("refused", 0, "+4930901820", outcome=retired))
    desk = controller.desk
    assert desk is not None
    run(qtbot, qloop, desk.log_call("call-refused", CallStatus.COMPLETED, ""))
    _wait_state(qtbot, qloop, controller, "call-refused", "failed")
    run(qtbot, qloop, desk.set_outcome("call-refused", None))  # the agent fixes it
    assert sandbox.logged_calls() == []
    _choose(_menu(controller, "call-refused"), RowAction.RESEND)
    qtbot.waitUntil(lambda: len(sandbox.logged_calls()) == 1, timeout=WAIT_MS)
    _wait_state(qtbot, qloop, controller, "call-refused", "logged")


def test_edit_notes_opens_the_call_window_at_the_notes_with_the_callers_name(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    anna = _match("Anna", "Schmidt", 51)
    _save(qtbot, qloop, controller, _call("anna", 0, "+4930901820", matches=[anna], notes="Hi"))
    _choose(_menu(controller, "call-anna"), RowAction.EDIT_NOTES)
    qtbot.waitUntil(lambda: "call-anna" in controller.dialogs.call_dialogs, timeout=WAIT_MS)
    dialog = controller.dialogs.call_dialogs["call-anna"]
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.notes, timeout=WAIT_MS)
    assert dialog.windowTitle().startswith("Call with Anna Schmidt · ")
    assert dialog.caller_name.text() == "Anna Schmidt" and dialog.caller_name.isVisible()
    dialog.close()


# -- wrap-ups: the filter, and a discard that can be undone -------------------------------


def _shown(app: AppController) -> set[str]:
    model = app.model
    return {model.index(r, 0).data(CALL_ID_ROLE) for r in range(model.rowCount())}


def test_to_wrap_up_lists_the_calls_still_waiting_for_the_agent(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    controller: AppController,
    sandbox: SandboxServer,
) -> None:
    from hubcall_desktop.sandbox.seed import DEMO_CALLERS
    from hubcall_desktop.services.demo import ring

    _save(
        qtbot,
        qloop,
        controller,
        _call("open", 0, "+4930901820"),
        _call("failed", 1, "+4930901821", sync_state=SyncState.FAILED),
        _call("logged", 2, "+4930901822", sync_state=SyncState.LOGGED),
        _call("discarded", 3, "+4930901823", sync_state=SyncState.DISCARDED),
        # Still ringing, and still being talked: nothing to wrap up yet.
        _call("ringing", 4, "+4930901824", answered_at=None, ended_at=None, final_status=None),
        _call("talking", 5, "+4930901825", ended_at=None, final_status=None),
    )
    combo = controller.window.state_filter
    position = combo.findText("To wrap up")
    assert position == 1
    with qtbot.waitSignal(controller.model.loaded, timeout=WAIT_MS):
        combo.setCurrentIndex(position)
    assert _shown(controller) == {"call-open", "call-failed"}
    assert controller.model.total == 2
    # "Not logged yet" still lists the open calls.
    with qtbot.waitSignal(controller.model.loaded, timeout=WAIT_MS):
        combo.setCurrentIndex(combo.findText("Not logged yet"))
    assert _shown(controller) == {"call-open", "call-ringing", "call-talking"}

    # Live: a call that rings now joins "To wrap up" when it ends, not before.
    with qtbot.waitSignal(controller.model.loaded, timeout=WAIT_MS):
        combo.setCurrentIndex(position)
    desk = controller.desk
    assert desk is not None
    call_id = run(qtbot, qloop, ring(desk, DEMO_CALLERS[0]))
    qtbot.waitUntil(lambda: controller.popups.popup(call_id) is not None, timeout=WAIT_MS)
    assert call_id not in _shown(controller)
    run(qtbot, qloop, desk.hangup(call_id))
    qtbot.waitUntil(lambda: call_id in _shown(controller), timeout=WAIT_MS)


def test_a_discard_from_the_pop_up_can_be_undone_for_a_few_seconds(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    controller: AppController,
    sandbox: SandboxServer,
) -> None:
    from hubcall_desktop.sandbox.seed import DEMO_CALLERS
    from hubcall_desktop.services.demo import ring

    desk = controller.desk
    assert desk is not None
    call_id = run(qtbot, qloop, ring(desk, DEMO_CALLERS[0]))
    qtbot.waitUntil(lambda: controller.popups.popup(call_id) is not None, timeout=WAIT_MS)
    popup = controller.popups.popup(call_id)
    assert popup is not None
    run(qtbot, qloop, desk.hangup(call_id))  # the caller hangs up: time to wrap up
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    qtbot.mouseClick(popup.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window.undo_bar is not None, timeout=WAIT_MS)
    bar = controller.window.undo_bar
    assert bar is not None
    qtbot.waitUntil(bar.isVisibleTo(controller.window).__bool__, timeout=WAIT_MS)
    assert bar.label.text().startswith("Call discarded: ")
    assert _stored(qtbot, qloop, controller, call_id).sync_state is SyncState.DISCARDED
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    _wait_state(qtbot, qloop, controller, call_id, "local")
    assert not bar.isVisibleTo(controller.window)
    row = _row_of(controller, call_id)
    qtbot.waitUntil(
        lambda: (
            controller.model.facts_at(row) is not None
            and controller.model.facts_at(row).state == "local"
        ),  # type: ignore[union-attr]
        timeout=WAIT_MS,
    )
    assert sandbox.logged_calls() == []


def test_the_undo_offer_goes_after_a_few_seconds(qtbot: QtBot, controller: AppController) -> None:
    from hubcall_desktop.ui.windows import history_menu

    controller.window.offer_undo("call-x", "Anna")
    bar = controller.window.undo_bar
    assert bar is not None and bar.isVisibleTo(controller.window)
    assert history_menu.UNDO_SECONDS == 8
    bar._timer.timeout.emit()  # the timer's end, without waiting 8 s in a test
    assert not bar.isVisibleTo(controller.window) and bar.call_id == ""


def test_esc_puts_a_wrap_up_aside_and_says_where_it_waits(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    controller: AppController,
    sandbox: SandboxServer,
) -> None:
    from hubcall_desktop.sandbox.seed import DEMO_CALLERS
    from hubcall_desktop.services.demo import ring

    desk = controller.desk
    assert desk is not None
    call_id = run(qtbot, qloop, ring(desk, DEMO_CALLERS[0]))
    qtbot.waitUntil(lambda: controller.popups.popup(call_id) is not None, timeout=WAIT_MS)
    popup = controller.popups.popup(call_id)
    assert popup is not None
    run(qtbot, qloop, desk.hangup(call_id))
    qtbot.waitUntil(lambda: popup.stage is Stage.ENDED, timeout=WAIT_MS)
    popup.activateWindow()
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: controller.popups.popup(call_id) is None, timeout=WAIT_MS)
    bar = controller.window.statusBar()
    qtbot.waitUntil(lambda: "To wrap up" in bar.currentMessage(), timeout=WAIT_MS)
    assert "Not logged yet: the call with " in bar.currentMessage()
    assert _stored(qtbot, qloop, controller, call_id).sync_state is SyncState.LOCAL
    combo = controller.window.state_filter
    with qtbot.waitSignal(controller.model.loaded, timeout=WAIT_MS):
        combo.setCurrentIndex(combo.findText("To wrap up"))
    assert controller.model.row_of(call_id) is not None
    assert sandbox.logged_calls() == []


class _Daemon:
    """A notification daemon's part: notifications on screen by id, and their clicks."""

    name = "system"
    covers_screen = True

    def __init__(self) -> None:
        self.on_screen: dict[str, tuple[str, str, Click | None]] = {}

    async def send(self, title: str, body: str, on_click: Click | None, sound: bool) -> str:
        identifier = str(len(self.on_screen) + 1)
        self.on_screen[identifier] = (title, body, on_click)
        return identifier

    async def withdraw(self, identifier: str) -> None:
        self.on_screen.pop(identifier, None)


def test_behind_the_tray_the_undo_is_a_notification_that_is_clicked(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    controller: AppController,
    sandbox: SandboxServer,
) -> None:
    daemon = _Daemon()
    controller.notifier._backends = [daemon]
    _save(qtbot, qloop, controller, _call("open", 0, "+4930901820"))
    controller.window.hide()  # the agent works from the tray and the pop-ups
    controller.history_actions.discard("call-open")
    _wait_state(qtbot, qloop, controller, "call-open", "discarded")
    qtbot.waitUntil(lambda: len(daemon.on_screen) == 1, timeout=WAIT_MS)
    [(title, body, click)] = daemon.on_screen.values()
    assert title == "Call discarded" and body.endswith("will not be logged. Click to undo.")
    assert click is not None
    click()
    _wait_state(qtbot, qloop, controller, "call-open", "local")
    # Taken back with the undo (not left for the offer's end, 8 s on).
    assert not daemon.on_screen
    bar = controller.window.undo_bar
    assert bar is not None and bar.call_id == ""
    assert sandbox.logged_calls() == []
