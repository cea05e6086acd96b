"""Render the app's windows to PNG files, with fixed demo data, for docs and visual review.

    python -m hubcall_desktop.ui.tools.screenshots OUT_DIR [--lang en|de] [--dark] [--suffix TEXT]

Runs on any Qt platform (``QT_QPA_PLATFORM=offscreen`` works without a display); set
``QT_SCALE_FACTOR=2`` for 200 % and ``TZ`` for stable times. Nothing here talks to HubSpot:
the windows are filled with the sandbox's demo people.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import qasync
from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget, QWizard

from hubcall_desktop.core.call import Call, CallSource, SyncState
from hubcall_desktop.core.connection_types import (
    ConnectionKind,
    ConnectionSnapshot,
    ConnectionStatus,
    WhoAmI,
)
from hubcall_desktop.core.desk_types import DeskStatus, TokenState
from hubcall_desktop.core.oauth import OAuthMetadata
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.portals import DEFAULT_PORTAL
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.hubspot.errors import REJECTED_CALL
from hubcall_desktop.sandbox.oauth import SANDBOX_USER, SANDBOX_USER_ID
from hubcall_desktop.sandbox.seed import COMPANIES, CONTACTS, DEMO_AGENT_NUMBER, SANDBOX_PORTAL_ID
from hubcall_desktop.secrets.oauth_config import DEFAULT_SCOPES
from hubcall_desktop.services.call_sources import WEBHOOK_AT
from hubcall_desktop.services.connection import RECONNECT_NEEDED
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.ui.models.history_model import HistoryModel
from hubcall_desktop.ui.text.i18n import install_translations
from hubcall_desktop.ui.text.messages import message_text
from hubcall_desktop.ui.windows.log_form import LogCallForm
from hubcall_desktop.ui.windows.main_window import MainWindow
from hubcall_desktop.ui.windows.popup import CallPopup
from hubcall_desktop.ui.windows.settings_dialog import SettingsDialog

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
UI_DOMAIN = "app-eu1.hubspot.com"
AGENT = parse_phone(DEMO_AGENT_NUMBER)
ANNA, JAMES, OLIVIA, CAMILLE, LIAM, LUKAS, MARIE = (c.to_match(SANDBOX_PORTAL_ID) for c in CONTACTS)
NORDLICHT, THAMES = (c.to_match(SANDBOX_PORTAL_ID) for c in COMPANIES)


def _call(n: int, number: str, minutes_ago: int, talk: int | None, **changes: object) -> Call:
    start = NOW - timedelta(minutes=minutes_ago)
    parsed = parse_phone(number, "DE") if number != "anonymous" else None
    call = Call(
        external_call_id=f"demo-{n:03d}",
        raw_from=number,
        raw_to=DEMO_AGENT_NUMBER,
        from_number=parsed,
        to_number=AGENT,
        source=CallSource.WEBHOOK,
        ringing_at=start,
        answered_at=start + timedelta(seconds=8) if talk is not None else None,
        ended_at=start + timedelta(seconds=8 + (talk or 20)),
        final_status=CallStatus.COMPLETED if talk is not None else CallStatus.MISSED,
        number_withheld=parsed is None,
        sync_state=SyncState.LOGGED,
    )
    for key, value in changes.items():
        setattr(call, key, value)
    return call


def history_calls() -> list[Call]:
    return [
        _call(
            1,
            "+493055501234",
            2,
            None,
            ended_at=None,
            final_status=None,
            answered_at=None,
            sync_state=SyncState.LOCAL,
            matches=[ANNA],
        ),
        _call(
            2,
            "+494055501000",
            14,
            312,
            matches=[LUKAS, MARIE, NORDLICHT],
            sync_state=SyncState.PENDING,
        ),
        _call(3, "+12125550143", 47, 95, matches=[JAMES], sync_state=SyncState.FAILED),
        _call(4, "+16175550100", 63, None, final_status=CallStatus.NO_ANSWER),
        _call(5, "anonymous", 95, None, sync_state=SyncState.WITHHELD),
        _call(6, "+442079460018", 130, 1268, matches=[OLIVIA]),
        _call(7, "+442079460500", 185, 41, matches=[THAMES]),
        _call(8, "+33199001234", 240, 610, matches=[CAMILLE], final_status=CallStatus.COMPLETED),
        _call(
            9,
            "+61491570156",
            300,
            None,
            matches=[LIAM],
            final_status=CallStatus.BUSY,
            sync_state=SyncState.DISCARDED,
        ),
        _call(10, "+4915155501234", 1440, 3725, matches=[ANNA]),
    ]


def _popup(call: Call, matches: list, *, fresh: bool = True) -> CallPopup:  # type: ignore[type-arg]
    popup = CallPopup(call, "DE", UI_DOMAIN)
    popup.set_controllable(True)
    popup.show_matches(matches, fresh=fresh)
    return popup


def popups() -> dict[str, QWidget]:
    ringing = _call(
        20,
        "+493055501234",
        0,
        None,
        ended_at=None,
        final_status=None,
        answered_at=None,
        source=CallSource.DEMO,
    )
    unknown = _call(
        21,
        "+16175550100",
        0,
        None,
        ended_at=None,
        final_status=None,
        answered_at=None,
        source=CallSource.DEMO,
    )
    ended = _call(
        22, "+494055501000", 0, 312, source=CallSource.BARESIP, sync_state=SyncState.LOCAL
    )
    after = _popup(ended, [LUKAS, MARIE, NORDLICHT])
    after.show_ended(ended)
    after.notes.setPlainText("Asked about the delivery date for order 4711.\nCall back on Friday.")
    after.title_edit.setText("Delivery date")
    return {
        "popup-matched": _popup(ringing, [ANNA]),
        "popup-unknown": _popup(unknown, []),
        "popup-ended": after,
    }


def log_form() -> QWidget:
    form = LogCallForm(demo_settings("DE"))
    form.started.setDateTime(
        QDateTime.fromSecsSinceEpoch(int(NOW.timestamp()), QTimeZone.utc()).toLocalTime()
    )
    form.from_field.set_text("+49 30 12")
    form.title.setText("Quote request")
    form.notes.setPlainText("Wants a quote for 20 units.")
    form.recipients.setText("7, eight")
    for error in form.field_errors():
        form.show_input_error(error)
    # As the form shows HubSpot's refusal: in the agent's words and language.
    form.show_field_error("duration", message_text(REJECTED_CALL("durationSeconds")))
    return form


def settings_dialog() -> QWidget:
    """The HubSpot page connected with OAuth, just after signing in."""
    settings = demo_settings("DE")
    settings.portal_id, settings.ui_domain = SANDBOX_PORTAL_ID, UI_DOMAIN
    settings.oauth_client_id = "5f0c2a9e-4b1d-4c7a-9e8f-1a2b3c4d5e6f"
    settings.portals = ["berlin-office"]
    dialog = SettingsDialog(settings, autostart_supported=True)
    meta = OAuthMetadata(
        DEFAULT_PORTAL,
        hub_id=SANDBOX_PORTAL_ID,
        user_id=SANDBOX_USER_ID,
        user=SANDBOX_USER,
        scopes=list(DEFAULT_SCOPES),
    )
    page = dialog.hubspot
    page.show_connection(
        ConnectionSnapshot(
            DEFAULT_PORTAL, ConnectionKind.OAUTH, ConnectionStatus.CONNECTED, oauth=meta
        )
    )
    page.show_signed_in(
        WhoAmI(SANDBOX_PORTAL_ID, UI_DOMAIN, SANDBOX_USER_ID, SANDBOX_PORTAL_ID, SANDBOX_USER)
    )
    return dialog


def setup_guide() -> QWidget:
    """The guide's last step: the softphone and the test ring."""
    from hubcall_desktop.core.secret import Secret
    from hubcall_desktop.sources.connect import templates
    from hubcall_desktop.ui.windows.setup_guide import SetupGuide

    settings = demo_settings("DE")
    settings.own_number = DEMO_AGENT_NUMBER
    guide = SetupGuide(settings)
    # What a running webhook offers to copy; the texts (secret included) never show.
    offered = templates("http://127.0.0.1:47831", Secret("screenshot-secret-never-shown"))
    guide.softphone.set_templates([(t.title, t.text) for t in offered])
    guide.restart()
    guide.next()
    guide.next()
    return guide


def missed_calls() -> QWidget:
    from hubcall_desktop.ui.windows.missed_calls import MissedCallsWindow

    window = MissedCallsWindow("DE")
    window.set_calls(
        [
            _call(11, "+493055501234", 3, None, matches=[ANNA]),
            _call(12, "+16175550100", 9, None),
            _call(13, "+442079460018", 26, None, matches=[OLIVIA]),
            _call(14, "anonymous", 41, None),
        ]
    )
    return window


async def main_window(folder: Path) -> tuple[MainWindow, Callable[[], object]]:
    journal = await AsyncJournal.open(folder / "journal.sqlite3")
    calls = history_calls()
    await journal.save_calls(calls)
    pending = calls[1]  # queued for real, so the history shows it as pending
    await journal.enqueue_log(pending, build_log_body(pending))
    model = HistoryModel("DE")
    loaded = asyncio.Event()
    model.loaded.connect(loaded.set)
    model.set_journal(journal)
    await loaded.wait()
    window = MainWindow(model, ["Known contact: Anna Schmidt (Berlin)"])
    model.setParent(window)
    window.resize(1100, 520)
    window.show_current_call(calls[0], "DE")
    window.set_status(DeskStatus(TokenState.OK, True, 1, (WEBHOOK_AT("127.0.0.1:47831"),)))
    window.table.selectRow(2)
    return window, journal.close


def reconnect_window(model: HistoryModel) -> QWidget:
    """The main window while HubSpot needs the agent to sign in again."""
    window = MainWindow(model)
    window.resize(1100, 520)
    window.show_current_call(None, "DE")
    window.set_status(
        DeskStatus(
            TokenState.RECONNECT,
            True,
            2,
            (WEBHOOK_AT("127.0.0.1:47831"),),
            RECONNECT_NEEDED(),
        )
    )
    return window


def _dark(app: QApplication) -> None:
    """A dark palette on Fusion, as a dark desktop theme gives the app."""
    app.setStyle(QStyleFactory.create("Fusion"))
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#1f2328"),
        (QPalette.ColorRole.WindowText, "#e6edf3"),
        (QPalette.ColorRole.Base, "#0d1117"),
        (QPalette.ColorRole.AlternateBase, "#161b22"),
        (QPalette.ColorRole.Text, "#e6edf3"),
        (QPalette.ColorRole.Button, "#2d333b"),
        (QPalette.ColorRole.ButtonText, "#e6edf3"),
        (QPalette.ColorRole.Highlight, "#1f6feb"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#8b949e"),
        (QPalette.ColorRole.ToolTipBase, "#2d333b"),
        (QPalette.ColorRole.ToolTipText, "#e6edf3"),
    ):
        palette.setColor(role, QColor(color))
    app.setPalette(palette)


def _save(widget: QWidget, path: Path) -> None:
    widget.show()
    if not isinstance(widget, MainWindow | QWizard):  # these two keep the app's own size
        widget.adjustSize()
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


async def shoot(out: Path, suffix: str, only: set[str] | None) -> None:
    windows: dict[str, QWidget] = {}
    if not only or only & {"popup-matched", "popup-unknown", "popup-ended"}:
        windows.update(popups())
    if not only or "log-form" in only:
        windows["log-form"] = log_form()
    if not only or "settings" in only:
        windows["settings"] = settings_dialog()
    if not only or "missed-calls" in only:
        windows["missed-calls"] = missed_calls()
    if not only or "setup-guide" in only:
        windows["setup-guide"] = setup_guide()
    closers = []
    with tempfile.TemporaryDirectory(prefix="hubcall-shots-") as folder:
        if not only or only & {"main-window", "main-window-reconnect"}:
            window, close = await main_window(Path(folder))
            windows["main-window"] = window
            windows["main-window-reconnect"] = reconnect_window(window.model)
            closers.append(close)
        for name, widget in windows.items():
            if only and name not in only:
                continue
            _save(widget, out / f"{name}{suffix}.png")
        for close in closers:
            await close()  # type: ignore[misc]
        for widget in windows.values():
            widget.close()
            widget.deleteLater()
        await asyncio.sleep(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en", choices=("en", "de"))
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--suffix", default="")
    parser.add_argument("--only", nargs="*", help="names of the screens to render")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_translations(app, args.lang)
    if args.dark:
        _dark(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(
            shoot(args.out, args.suffix or f"-{args.lang}", set(args.only or ()) or None)
        )
    app.shutdown()  # Qt's objects go now, not in random order at interpreter exit
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
